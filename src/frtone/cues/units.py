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
from functools import lru_cache

from frtone.cues.patterns import Unit, match_key
from frtone.results import Token


@lru_cache(maxsize=1 << 16)
def _keys(text: str, lemma: str | None) -> tuple[str, str]:
    """Folded form and lemma of a one-token unit (``lemma``: its only word's, or ``None``).

    A token of several words (*du* = *de* + *le*) matches by its surface form only.
    """
    form = match_key(text)
    return form, form if lemma is None else match_key(lemma)


def _glued(tokens: Sequence[Token], j: int, n: int) -> bool:
    """Whether ``tokens[j]`` is glued to the next token(s) by a hyphen, without spaces."""
    nxt = tokens[j + 1]
    return (
        (nxt.text.startswith("-") or tokens[j].text.endswith("-")) and nxt.text not in ("-", "–")
    ) or (
        j + 2 < n
        and nxt.text == "-"
        and nxt.end == tokens[j + 2].start
        and tokens[j + 2].text[:1].isalpha()
        and tokens[j].text[-1:].isalpha()
    )


def make_units(tokens: Sequence[Token]) -> list[Unit]:
    """Glue tokens written without spaces around a hyphen into one unit.

    ``token_start``/``token_end`` index into ``tokens`` (not the article).
    """
    units: list[Unit] = []
    k = 0
    n = len(tokens)
    while k < n:
        j = k
        # only tokens touching the next one can be glued: most are followed by a space
        while j + 1 < n and tokens[j].end == tokens[j + 1].start and _glued(tokens, j, n):
            j += 2 if tokens[j + 1].text == "-" else 1
        if j == k:
            tok = tokens[k]
            words = tok.words
            form, lemma = _keys(tok.text, words[0].lemma if len(words) == 1 else None)
            units.append(_TUPLE_NEW(Unit, (form, lemma, k, k + 1)))  # _new_unit, inlined
        else:
            form = match_key("".join(t.text for t in tokens[k : j + 1]))
            units.append(_new_unit(form, form, k, j + 1))
        k = j + 1
    return units


_TUPLE_NEW = tuple.__new__


def _new_unit(form: str, lemma: str, token_start: int, token_end: int) -> Unit:
    """``Unit(form, lemma, token_start, token_end)``, faster.

    ``tuple.__new__`` builds the named tuple directly, without its Python-level
    ``__new__`` (one unit per word of every claim).
    """
    return _TUPLE_NEW(Unit, (form, lemma, token_start, token_end))
