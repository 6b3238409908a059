"""French contractions: one surface token, several syntactic words (as in UD)."""

from __future__ import annotations

# surface (lower-case) -> ((form, upos, deprel-if-split), ...)
CONTRACTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "du": (("de", "ADP"), ("le", "DET")),
    "au": (("à", "ADP"), ("le", "DET")),
    "aux": (("à", "ADP"), ("les", "DET")),
    "des": (("de", "ADP"), ("les", "DET")),
    "duquel": (("de", "ADP"), ("lequel", "PRON")),
    "auquel": (("à", "ADP"), ("lequel", "PRON")),
    "auxquels": (("à", "ADP"), ("lesquels", "PRON")),
    "auxquelles": (("à", "ADP"), ("lesquelles", "PRON")),
    "desquels": (("de", "ADP"), ("lesquels", "PRON")),
    "desquelles": (("de", "ADP"), ("lesquelles", "PRON")),
}

# Features of the article inside a contraction (UD French GSD conventions).
ARTICLE_FEATS: dict[str, dict[str, str]] = {
    "le": {"Definite": "Def", "Gender": "Masc", "Number": "Sing", "PronType": "Art"},
    "les": {"Definite": "Def", "Number": "Plur", "PronType": "Art"},
}

# "des" is a contraction (de + les) only when it introduces a complement, not when it
# is the plural indefinite article ("des clients"): these head relations mark the former.
DES_CONTRACTION_HEAD_DEPS: frozenset[str] = frozenset(
    {"nmod", "obl", "obl:arg", "obl:mod", "obl:agent", "iobj"}
)
