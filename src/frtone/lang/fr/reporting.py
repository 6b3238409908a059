"""Reported speech: reporting verbs and prepositional source markers."""

from __future__ import annotations

# Verbs that report speech or a position, by lemma. True: they report even with a
# noun-phrase object ("Le communiqué souligne cette complémentarité"); False: only
# with a clause ("annonce que ...") or a quotation.
REPORTING_VERBS: dict[str, bool] = {
    "affirmer": True,
    "assurer": False,
    "déclarer": True,
    "dire": False,
    "souligner": True,
    "indiquer": False,
    "expliquer": False,
    "estimer": False,
    "juger": False,
    "considérer": False,
    "préciser": False,
    "ajouter": False,
    "annoncer": False,
    "promettre": True,
    "vanter": True,
    "revendiquer": True,
    "martèler": True,
    "marteler": True,
    "rappeler": False,
    "reconnaître": False,
    "admettre": False,
    "avouer": False,
    "confier": False,
    "répondre": False,
    "rétorquer": False,
    "prétendre": False,
    "soutenir": False,
    "démentir": True,
    "dénoncer": True,
    "critiquer": True,
    "saluer": True,
    "se féliciter": True,
    "féliciter": True,
    "regretter": True,
    "déplorer": True,
    "insister": False,
    "avancer": False,
    "confirmer": False,
    "annoncer fièrement": False,
    "écrire": False,
    "noter": False,
    "observer": False,
    "prévenir": False,
    "alerter": False,
    "mettre en avant": True,
}

# Prepositional source markers: "selon X", "d'après X", "pour X".
# One-word prepositional source markers ("d'après" is recognised as "d'" + "après").
SOURCE_MARKERS: frozenset[str] = frozenset({"selon"})

# Subjects that are the author, not a reported source.
AUTHOR_SUBJECTS: frozenset[str] = frozenset({"nous", "on", "je"})
