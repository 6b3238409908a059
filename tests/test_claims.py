"""Claims: clause segmentation, kinds, hedges, reported speech, negation, non-claims."""

from __future__ import annotations

import pytest


def _claims(analyzer, text, targets=None):
    return analyzer.analyze(text, targets).claims


def test_two_clauses_with_their_own_subjects_are_two_claims(analyzer):
    text = (
        "Remarquons que Cloudwatt est une coquille vide, et qu'Orange paie fort pour "
        "acheter pas grand-chose !"
    )
    claims = _claims(analyzer, text, ["Orange", "Cloudwatt"])
    assert [c.text for c in claims] == [
        "Remarquons que Cloudwatt est une coquille vide,",
        "et qu'Orange paie fort pour acheter pas grand-chose !",
    ]
    assert claims[0].sentence == claims[1].sentence == 0


def test_coordinated_subjects_do_not_split_a_claim(analyzer):
    text = "Cloudwatt et Numergy sont issus des grands projets du précédent gouvernement."
    assert len(_claims(analyzer, text)) == 1


@pytest.mark.parametrize(
    ("text", "source", "verb"),
    [
        ("Selon Les Echos, Orange va racheter Cloudwatt.", "Les Echos", "selon"),
        ("D'après l'Arcep, la panne a touché deux millions d'abonnés.", "l'Arcep", "d'après"),
        ("Le ministre a déclaré que le projet était un succès.", "Le ministre", "déclarer"),
        (
            "Le communiqué d'Orange souligne cette complémentarité.",
            "Le communiqué d'Orange",
            "souligner",
        ),
    ],
)
def test_reported_speech_source_and_verb(analyzer, text, source, verb):
    (claim,) = _claims(analyzer, text)
    assert claim.reported is not None
    assert (claim.reported.source, claim.reported.verb) == (source, verb)
    assert text[claim.reported.start : claim.reported.end] == source


def test_author_voice_is_not_reported_speech(analyzer):
    (claim,) = _claims(analyzer, "On ne peut s'empêcher de penser que le projet est un échec.")
    assert claim.reported is None


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("L'attaque aurait touché 300 serveurs.", True),
        ("Orange reprendrait donc la totalité des titres.", True),
        ("Le projet, semble-t-il, est abandonné.", True),
        ("Le projet est probablement abandonné.", True),
        ("Le projet est abandonné.", False),
        ("Orange déclarait hier avoir racheté Cloudwatt.", False),
    ],
)
def test_hedges(analyzer, text, hedged):
    (claim,) = _claims(analyzer, text)
    assert claim.hedged is hedged, claim.hedges


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Orange rachète Cloudwatt pour 100 millions d'euros.", "assertion"),
        ("Le projet est un échec retentissant.", "evaluation"),
        ("Orange reprendra Cloudwatt avant la fin du mois.", "prediction"),
        ("Quand le rachat sera-t-il finalisé ?", "question"),
        ("Quid des 150 millions d'euros versés ?", "rhetorical_question"),
    ],
)
def test_claim_kinds(analyzer, text, kind):
    (claim,) = _claims(analyzer, text)
    assert claim.kind == kind


def test_negation(analyzer):
    neg, pos = _claims(analyzer, "Numergy n'a jamais convaincu. Numergy a convaincu ses clients.")
    assert neg.negated is True and pos.negated is False


def test_bylines_and_credits_are_not_claims(analyzer):
    text = (
        "Par Jeanne Martin\n\nOrange rachète Cloudwatt. Par ailleurs, le projet est un échec.\n\n"
        "Crédit photo : Orange"
    )
    claims = _claims(analyzer, text)
    assert [c.text for c in claims] == [
        "Orange rachète Cloudwatt.",
        "Par ailleurs, le projet est un échec.",
    ]


def test_genuine_heading_question_is_not_sarcastic(analyzer):
    text = "Quel avenir pour Cloudwatt ?\n\nLe rachat par Orange devrait se faire rapidement."
    heading, _ = _claims(analyzer, text)
    assert heading.kind == "heading" and heading.sarcasm.label is False
