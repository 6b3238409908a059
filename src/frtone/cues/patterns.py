"""Lemma-aware matching of multi-word cue patterns from ``data/fr/cues.toml``.

A pattern is a space-separated sequence of elements: a word (matched against
each token's surface form *or* lemma, case- and accent-insensitively), ``a|b``
for alternatives, ``*`` for any one word and ``...`` for a gap of 0 to 4 words.
Hyphenated words written without spaces (``grand-chose``, ``semble-t-il``) are
one word whatever the backend's tokenisation.

Example:
    >>> from frtone.cues.patterns import CuePattern, Unit, match_units
    >>> p = CuePattern.compile("laver son|sa|leur linge sale en famille", "idiom", 0.9)
    >>> words = "Le cloud lave son linge sale en famille".split()
    >>> lemmas = "le cloud laver son linge sale en famille".split()
    >>> units = [Unit(w.lower(), l, k, k + 1) for k, (w, l) in enumerate(zip(words, lemmas))]
    >>> [(m.start_unit, m.end_unit) for m in match_units([p], units)]
    [(2, 8)]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from frtone.resources import records
from frtone.text import fold

MAX_GAP = 4
CANDIDATE_CACHE = 100_000  # (form, lemma) pairs whose candidate patterns are remembered
ANY = "*"
GAP = "..."


@lru_cache(maxsize=1 << 16)
def match_key(word: str) -> str:
    """Folded form used for matching (accents and case dropped, ``œ`` → ``oe``).

    Example:
        >>> match_key("Cœur")
        'coeur'
    """
    return fold(word).replace("œ", "oe").replace("æ", "ae")


class Unit(NamedTuple):
    """A word for matching: folded surface, folded lemma, and its token range.

    A named tuple rather than a dataclass: one is built for every word of every claim,
    and a tuple is the cheapest immutable record to build (see ``cues.units._new_unit``).
    """

    form: str
    lemma: str
    token_start: int
    token_end: int


@dataclass(frozen=True, slots=True)
class CuePattern:
    """A compiled cue pattern."""

    source: str
    kind: str
    weight: float
    elements: tuple[frozenset[str] | str, ...]

    @classmethod
    def compile(cls, pattern: str, kind: str, weight: float) -> CuePattern:
        """Compile ``pattern`` (see module docstring)."""
        elements: list[frozenset[str] | str] = []
        for part in _split_elisions(pattern.split()):
            if part in (ANY, GAP):
                elements.append(part)
            else:
                elements.append(frozenset(match_key(a) for a in part.split("|") if a))
        while elements and elements[-1] == GAP:
            elements.pop()
        return cls(pattern, kind, weight, tuple(elements))


def _split_elisions(parts: list[str]) -> list[str]:
    """Split ``d'une`` into ``d'`` + ``une``, as tokenisers do."""
    out: list[str] = []
    for part in parts:
        norm = part.replace("’", "'")
        cut = norm.find("'")
        if "|" not in norm and 0 < cut < len(norm) - 1:
            out.extend((norm[: cut + 1], norm[cut + 1 :]))
        else:
            out.append(norm)
    return out


@dataclass(frozen=True, slots=True)
class PatternMatch:
    """A pattern matched over units ``[start_unit, end_unit)``."""

    pattern: CuePattern
    start_unit: int
    end_unit: int


def _match_at(
    elements: Sequence[frozenset[str] | str], units: Sequence[Unit], i: int, e: int = 0
) -> int:
    """Return the end unit index of a match of ``elements[e:]`` starting at ``i``, or -1."""
    n = len(units)
    while e < len(elements):
        head = elements[e]
        if head == GAP:
            for gap in range(MAX_GAP + 1):
                if i + gap > n:
                    break
                end = _match_at(elements, units, i + gap, e + 1)
                if end >= 0:
                    return end
            return -1
        if i >= n:
            return -1
        if head != ANY:
            unit = units[i]
            if not isinstance(head, frozenset) or head.isdisjoint(unit_keys(unit.form, unit.lemma)):
                return -1
        i += 1
        e += 1
    return i


# Endings of regular -er verbs, to match inflected forms the lemmatizer gets wrong
# ("accouche" lemmatised as "accouche" still matches the pattern word "accoucher").
ER_ENDINGS = frozenset(
    {
        "e",
        "es",
        "ent",
        "ons",
        "ez",
        "ai",
        "as",
        "a",
        "ait",
        "aient",
        "ais",
        "era",
        "eront",
        "erait",
        "eraient",
        "ee",
        "ees",
        "er",
        "ant",
    }
)  # folded: "é" is "e", "ées" is "ees"


@lru_cache(maxsize=1 << 16)
def unit_keys(form: str, lemma: str) -> frozenset[str]:
    """The pattern words a unit matches: its form, its lemma, the -er infinitives it may inflect.

    Only infinitives longer than five letters count (``accouche`` → ``accoucher``; the
    lemmatizer gets such forms wrong). A pattern word matches a unit when it is one of
    these keys: one set intersection per element, instead of trying the stem of every
    -er alternative against the form.

    Example:
        >>> sorted(unit_keys("accouche", "accouche"))
        ['accouche', 'accoucher']
    """
    keys = {form, lemma}
    for ending in ER_ENDINGS:
        stem = len(form) - len(ending)
        if stem > 3 and form.endswith(ending):
            keys.add(form[:stem] + "er")
    return frozenset(keys)


class PatternIndex:
    """Patterns indexed by their first word for fast matching."""

    def __init__(self, patterns: Sequence[CuePattern]) -> None:
        self.patterns = list(patterns)
        self._by_first: dict[str, list[CuePattern]] = defaultdict(list)
        self._wild: list[CuePattern] = []
        self._candidates: dict[tuple[str, str], list[CuePattern]] = {}
        for p in patterns:
            first = p.elements[0] if p.elements else ANY
            if isinstance(first, frozenset):
                for alt in first:
                    self._by_first[alt].append(p)
            else:
                self._wild.append(p)

    def candidates(self, unit: Unit) -> list[CuePattern]:
        """Patterns that may start at ``unit`` (remembered per form and lemma)."""
        key = (unit.form, unit.lemma)
        found = self._candidates.get(key)
        if found is None:
            if len(self._candidates) >= CANDIDATE_CACHE:
                self._candidates.clear()
            found = self._candidates[key] = self._find_candidates(unit)
        return found

    def starts(self, units: Sequence[Unit]) -> list[tuple[int, list[CuePattern]]]:
        """``(index, candidates)`` of the units where some pattern may start."""
        known = self._candidates
        out = []
        for i, unit in enumerate(units):
            found = known.get((unit.form, unit.lemma))  # candidates(), inlined: every word
            if found is None:
                found = self.candidates(unit)
            if found:
                out.append((i, found))
        return out

    def _find_candidates(self, unit: Unit) -> list[CuePattern]:
        out = list(self._by_first.get(unit.form, ()))
        keys = {unit.lemma}
        for cut in (1, 2, 3, 4, 5, 6):  # inflected -er verb forms: stem + "er"
            if len(unit.form) - cut >= 4:
                keys.add(unit.form[:-cut] + "er")
        for key in keys - {unit.form}:
            out.extend(p for p in self._by_first.get(key, ()) if p not in out)
        return out + self._wild


_NO_KEYS: frozenset[str] = frozenset()


def match_units(
    patterns: Sequence[CuePattern] | PatternIndex, units: Sequence[Unit]
) -> list[PatternMatch]:
    """Return non-overlapping matches, longest (then heaviest) first wins."""
    index = patterns if isinstance(patterns, PatternIndex) else PatternIndex(patterns)
    found: list[PatternMatch] = []
    n = len(units)
    for i, candidates in index.starts(units):
        after = unit_keys(units[i + 1].form, units[i + 1].lemma) if i + 1 < n else _NO_KEYS
        for p in candidates:
            second = p.elements[1] if len(p.elements) > 1 else ANY
            if isinstance(second, frozenset) and second.isdisjoint(after):
                continue  # most candidates fail on their second word: no need to try them
            end = _match_at(p.elements, units, i)
            if end > i:
                found.append(PatternMatch(p, i, end))
    found.sort(key=lambda m: (-(m.end_unit - m.start_unit), -m.pattern.weight, m.start_unit))
    taken: list[PatternMatch] = []
    for m in found:
        if all(m.end_unit <= t.start_unit or m.start_unit >= t.end_unit for t in taken):
            taken.append(m)
    return sorted(taken, key=lambda m: m.start_unit)


@cache
def cue_index() -> PatternIndex:
    """The packaged cue lexicon, compiled and indexed (loaded once)."""
    rows = records("cues.toml", "cue", {"pattern": str, "kind": str, "weight": float})
    return PatternIndex(
        [CuePattern.compile(r["pattern"], r["kind"], float(r["weight"])) for r in rows]
    )
