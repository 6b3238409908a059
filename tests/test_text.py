"""Offset-preserving text normalisation."""

from __future__ import annotations

from frtone.text import _NORMALISE, FOLD_CACHE_CHARS, fold, normalise

TYPOGRAPHIC = (
    "L\u2019État a versé 150\u202fmillions d\u2019euros\u00a0! «\u00a0Un \u2018cloud\u2019 "
    "souverain\u00a0», dit-on\u2009; l\u02bcéchec\u2007: non\u2010merci,\tpas\u2011du\u2011tout."
)


def test_normalise_replaces_every_variant_one_char_for_one() -> None:
    out = normalise(TYPOGRAPHIC)
    assert out == (
        "L'État a versé 150 millions d'euros ! « Un 'cloud' souverain », dit-on ; "
        "l'échec : non-merci, pas-du-tout."
    )
    assert len(out) == len(TYPOGRAPHIC)
    assert out == TYPOGRAPHIC.translate(_NORMALISE)  # the table it stands for
    assert normalise("déjà propre") == "déjà propre"


def test_fold_of_a_long_text_is_the_fold_of_each_character() -> None:
    article = (TYPOGRAPHIC + " ÇA COÛTE CHER À L'ŒIL, Éric ; ĳ ﬁn ß ǅ ") * 3
    folded = fold(article)
    assert len(article) > FOLD_CACHE_CHARS and len(folded) == len(article)
    assert folded == "".join(fold(ch) for ch in article)
    assert folded.startswith("l'etat a verse 150 millions d'euros !")
