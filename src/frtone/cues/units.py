"""Matching units: tokens with hyphenated pieces glued back into one word.

Example:
    >>> import frtone
    >>> from frtone.cues.units import make_units
    >>> claim = frtone.analyze("Il ne reste pas grand-chose, semble-t-il.").claims[0]
    >>> [u.form for u in make_units(claim.tokens)]
    ['il', 'ne', 'reste', 'pas', 'grand-chose', ',', 'semble-t-il', '.']
"""

from __future__ import annotations

from collections.abc import Sequence

from frtone.cues.patterns import Unit, match_key
from frtone.results import Token


def _lemma(tok: Token) -> str:
    if len(tok.words) == 1:
        return match_key(tok.words[0].lemma)
    return match_key(tok.text)


def make_units(tokens: Sequence[Token]) -> list[Unit]:
    """Glue tokens written without spaces around a hyphen into one unit.

    ``token_start``/``token_end`` index into ``tokens`` (not the article).
    """
    units: list[Unit] = []
    k = 0
    n = len(tokens)
    while k < n:
        j = k
        while (
            j + 1 < n
            and tokens[j].end == tokens[j + 1].start
            and (tokens[j + 1].text.startswith("-") or tokens[j].text.endswith("-"))
            and tokens[j + 1].text not in ("-", "–")
        ) or (
            j + 2 < n
            and tokens[j + 1].text == "-"
            and tokens[j].end == tokens[j + 1].start
            and tokens[j + 1].end == tokens[j + 2].start
            and tokens[j + 2].text[:1].isalpha()
            and tokens[j].text[-1:].isalpha()
        ):
            j += 2 if tokens[j + 1].text == "-" else 1
        if j == k:
            tok = tokens[k]
            units.append(_new_unit(match_key(tok.text), _lemma(tok), k, k + 1))
        else:
            form = match_key("".join(t.text for t in tokens[k : j + 1]))
            units.append(_new_unit(form, form, k, j + 1))
        k = j + 1
    return units


# Unit is a frozen, slotted dataclass without __post_init__: setting its slots directly
# builds the same object as Unit(...) without the frozen __init__'s object.__setattr__
# calls (one unit per word of every claim).
_NEW = object.__new__
_SET_FORM, _SET_LEMMA, _SET_START, _SET_END = (
    getattr(Unit, name).__set__ for name in ("form", "lemma", "token_start", "token_end")
)


def _new_unit(form: str, lemma: str, token_start: int, token_end: int) -> Unit:
    """``Unit(form, lemma, token_start, token_end)``, faster."""
    unit: Unit = _NEW(Unit)
    _SET_FORM(unit, form)
    _SET_LEMMA(unit, lemma)
    _SET_START(unit, token_start)
    _SET_END(unit, token_end)
    return unit
