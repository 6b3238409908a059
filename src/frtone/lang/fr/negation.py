"""Negation markers."""

from __future__ import annotations

NEGATION_PARTICLES: frozenset[str] = frozenset({"ne", "n'", "n’"})
NEGATION_WORDS: frozenset[str] = frozenset(
    {"pas", "plus", "jamais", "rien", "personne", "guère", "aucun", "aucune", "nullement", "point"}
)
NEGATION_PREPOSITIONS: frozenset[str] = frozenset({"sans"})
