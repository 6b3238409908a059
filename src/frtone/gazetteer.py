"""The gazetteer of companies, institutions, products, policies and people.

Read from ``data/fr/organisations.toml``. It feeds the spaCy entity ruler (so
Orange is an ORG, not a place) and target detection (so ``CDC`` and
``Caisse des Dépôts`` are one target).

Example:
    >>> g = gazetteer()
    >>> g.lookup("Thalès").name
    'Thales'
    >>> g.lookup("Etat").name
    "l'État"
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from frtone.resources import records
from frtone.text import fold


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One real-world entity with its label, kind and aliases."""

    name: str
    label: str
    kind: str
    aliases: tuple[str, ...]
    ambiguous: bool

    @property
    def names(self) -> tuple[str, ...]:
        """The canonical name followed by its aliases."""
        return (self.name, *self.aliases)


def strip_article(name: str) -> str:
    """``name`` without a leading French article, case and accents kept.

    Example:
        >>> strip_article("l'État"), strip_article("Le prestataire Ondalis"), strip_article("La")
        ('État', 'prestataire Ondalis', 'La')
    """
    name = name.strip()
    low = fold(name)
    for article in ("l'", "la ", "le ", "les "):
        if low.startswith(article) and len(low) > len(article) + 1:
            return name[len(article) :]
    return name


def name_key(name: str) -> str:
    """Folded name without a leading article, used to compare names.

    Example:
        >>> name_key("l'État"), name_key("Thalès"), name_key("Les Echos")
        ('etat', 'thales', 'echos')
    """
    return fold(strip_article(name))


class Gazetteer:
    """Entries indexed by folded name (accents, case and leading article ignored)."""

    def __init__(self, entries: list[GazetteerEntry]) -> None:
        self.entries = entries
        self._index: dict[str, GazetteerEntry] = {}
        for entry in entries:
            for name in entry.names:
                self._index.setdefault(name_key(name), entry)

    def lookup(self, name: str) -> GazetteerEntry | None:
        """Return the entry ``name`` refers to, or ``None``."""
        return self._index.get(name_key(name))


@cache
def gazetteer() -> Gazetteer:
    """Return the packaged gazetteer (loaded once)."""
    rows = records(
        "organisations.toml",
        "entity",
        {"name": str, "label": str, "kind": str, "aliases": list, "ambiguous": bool},
    )
    return Gazetteer(
        [
            GazetteerEntry(r["name"], r["label"], r["kind"], tuple(r["aliases"]), r["ambiguous"])
            for r in rows
        ]
    )
