"""Punctuation classes used by sentence repair, quotes and cue detection."""

from __future__ import annotations

SENTENCE_FINAL: frozenset[str] = frozenset({".", "!", "?", "…", "...", "?!", "!?", "!!", "!!!"})
OPENING: dict[str, str] = {"(": ")", "[": "]", "«": "»", "“": "”", '"': '"'}
CLOSING: frozenset[str] = frozenset({")", "]", "»", "”"})
QUOTE_PAIRS: dict[str, str] = {"«": "»", "“": "”", '"': '"'}
DASHES: frozenset[str] = frozenset({"-", "–", "—"})
# Ironic punctuation devices: exact surface forms (spaces allowed inside, e.g. "( ! )").
IRONIC_PUNCTUATION: dict[str, float] = {
    "(!)": 0.85,
    "(sic)": 0.75,
    "(sic !)": 0.85,
    "(?)": 0.6,
    "(!?)": 0.8,
    "(?!)": 0.8,
    "?!": 0.45,
    "!?": 0.45,
    "!!!": 0.35,
}
