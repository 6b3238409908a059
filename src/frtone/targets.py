"""Targets: who or what stance is measured toward.

A target is a name with aliases (``l'État``: ``État``, ``Etat``,
``gouvernement``). Callers give them as strings, ``"NAME=ALIAS|ALIAS"`` specs,
dicts or :class:`Target` objects; when none are given, :func:`detect_targets`
finds the article's main targets from its entities, merging variants through
the gazetteer (``CDC`` = ``Caisse des Dépôts``) and parenthesised acronyms.

Example:
    >>> Target.parse("l'État=État|Etat|gouvernement")
    Target(name="l'État", aliases=('État', 'Etat', 'gouvernement'))
    >>> text = "Thalès et Thales, pas thales ni l'État."
    >>> [text[s:e] for s, e in find_mentions(text, Target("Thales", ("Thalès",)))]
    ['Thalès', 'Thales']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from frtone.document import Document
from frtone.errors import TargetSpecError
from frtone.gazetteer import gazetteer, name_key, strip_article
from frtone.lang.fr.claims import ORGANISATION_NOUNS
from frtone.text import fold

# Entity labels that can be stance targets; places are not (France, Europe).
TARGET_LABELS = frozenset({"ORG", "PER", "MISC"})
# Detected targets must be named at least this often.
MIN_MENTIONS = 2
MAX_DETECTED = 8


@dataclass(frozen=True, slots=True)
class Target:
    """A stance target: canonical ``name`` and ``aliases`` that refer to it.

    Example:
        >>> import frtone
        >>> etat = frtone.Target("l'État", ("État", "Etat", "gouvernement"))
        >>> r = frtone.analyze("Le gouvernement a tout promis. L'Etat a payé.", [etat])
        >>> [m.text for m in r.target("l'État").mentions]
        ['gouvernement', 'Etat']
    """

    name: str
    aliases: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise TargetSpecError(f"A target needs a non-empty name, got {self.name!r}.")

    @classmethod
    def parse(cls, spec: str) -> Target:
        """Parse ``"NAME"`` or ``"NAME=ALIAS|ALIAS"`` (the CLI's ``--target`` syntax)."""
        name, _, rest = spec.partition("=")
        aliases = tuple(a.strip() for a in rest.split("|") if a.strip())
        if not name.strip():
            raise TargetSpecError(
                f"Cannot read target {spec!r}: write NAME or NAME=ALIAS|ALIAS, e.g. "
                '"l\'État=État|Etat|gouvernement".'
            )
        return cls(name.strip(), aliases)

    @classmethod
    def coerce(cls, value: Any) -> Target:
        """Accept a Target, a spec string, or a ``{"name", "aliases"}`` mapping."""
        if isinstance(value, Target):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, Mapping) and isinstance(value.get("name"), str):
            aliases = value.get("aliases") or ()
            if isinstance(aliases, str) or not all(isinstance(a, str) for a in aliases):
                raise TargetSpecError(f"Target aliases must be a list of strings: {value!r}")
            return cls(value["name"], tuple(aliases))
        raise TargetSpecError(
            f"Cannot use {value!r} ({type(value).__name__}) as a target: give a name, "
            "'NAME=ALIAS|ALIAS', a {'name': ..., 'aliases': [...]} dict, or a frtone.Target."
        )

    @property
    def names(self) -> tuple[str, ...]:
        """Name followed by aliases."""
        return (self.name, *self.aliases)

    def pattern(self) -> re.Pattern[str]:
        """Regex over :func:`frtone.text.fold`-ed text matching any of the names.

        Names written with a capital are matched only capitalised (``Orange`` the
        company, not *orange* the colour); lower-case aliases match any case.
        """
        return _names_pattern(self.names)


@cache
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    parts = []
    for name in sorted(set(names), key=len, reverse=True):
        key = name_key(name)
        if key:
            parts.append(re.escape(key))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w])")


@cache
def _name_keys(names: tuple[str, ...]) -> tuple[str, ...]:
    """The alternatives of :func:`_names_pattern` (``()`` if one is empty)."""
    keys = tuple(name_key(n) for n in names)
    return keys if all(keys) else ()


def coerce_targets(targets: Iterable[Any] | None) -> list[Target] | None:
    """Turn the caller's ``targets`` argument into a list of :class:`Target`."""
    if targets is None:
        return None
    if isinstance(targets, str | Mapping | Target):
        targets = [targets]
    out: list[Target] = []
    seen: set[str] = set()
    for t in targets:
        target = Target.coerce(t)
        if target.name not in seen:
            seen.add(target.name)
            out.append(target)
    return out


def find_mentions(text: str, target: Target, folded: str | None = None) -> list[tuple[int, int]]:
    """Return ``(start, end)`` spans where ``target`` is named in ``text``.

    Capitalised names must be capitalised in the text; lower-case aliases
    (``gouvernement``) match in any case.
    """
    folded = fold(text) if folded is None else folded
    keys = _name_keys(target.names)
    if keys and not any(k in folded for k in keys):
        return []  # the pattern matches one of these keys: none is in the text
    spans = []
    for m in target.pattern().finditer(folded):
        surface = text[m.start() : m.end()]
        if surface[:1].islower() and not _alias_is_lowercase(target, surface):
            continue
        spans.append((m.start(), m.end()))
    return spans


def _alias_is_lowercase(target: Target, surface: str) -> bool:
    """Whether ``surface`` is a name of ``target`` that is lower case without its article.

    ``gouvernement``; ``prestataire Ondalis`` for the alias "Le prestataire Ondalis".
    """
    key = fold(surface)
    return any(name_key(n) == key and strip_article(n)[:1].islower() for n in target.names)


def detect_targets(doc: Document, max_targets: int = MAX_DETECTED) -> list[Target]:
    """Detect an article's main targets from its entities.

    Entities labelled ORG, PER or MISC are grouped by gazetteer identity (or
    folded text), acronyms introduced in parentheses (``Caisse des Dépôt (CDC)``)
    join their long form, and groups named at least :data:`MIN_MENTIONS` times
    are kept, most frequent first.
    """
    text = doc.text
    counts: Counter[str] = Counter()
    surfaces: dict[str, list[str]] = {}
    first_seen: dict[str, int] = {}
    acronyms = _parenthesised_acronyms(text)
    folded = fold(text)
    token_at = {t.start: t.i for t in doc.tokens}
    places = _place_like(doc, token_at)
    for ent in doc.entities:
        k = token_at.get(ent.start)
        if k is not None and k > 0 and doc.tokens[k - 1].words[-1].upos == "NUM":
            continue  # a unit after a number: "16 Go"
        if ent.label not in TARGET_LABELS and not (
            ent.label == "LOC" and fold(text[ent.start : ent.end]) not in places
        ):
            continue
        surface = text[ent.start : ent.end].strip()
        entry = gazetteer().lookup(ent.canonical or surface)
        proper = surface[:1].isupper() or surface.startswith(("l'", "l’"))
        if len(surface) < 2 or not (proper or entry is not None):
            continue
        key = entry.name if entry else acronyms.get(fold(surface), surface)
        if entry is None and key in acronyms.values():
            entry = gazetteer().lookup(key)
        counts[key] += 1
        first_seen.setdefault(key, ent.start)
        surfaces.setdefault(key, [])
        if surface not in surfaces[key]:
            surfaces[key].append(surface)
    for entry in gazetteer().entries:
        # policies and programmes named in lower case ("cloud souverain") are rarely
        # tagged by NER: count them in the text itself
        if entry.kind == "policy" and entry.name[:1].islower():
            spans = find_mentions(text, Target(entry.name, entry.aliases), folded)
            if len(spans) > counts[entry.name]:
                counts[entry.name] = len(spans)
                first_seen[entry.name] = spans[0][0]
                surfaces.setdefault(entry.name, [])
    ranked = sorted(counts, key=lambda k: (-counts[k], first_seen[k]))
    out: list[Target] = []
    for key in ranked:
        if counts[key] < MIN_MENTIONS or len(out) >= max_targets:
            break
        entry = gazetteer().lookup(key)
        aliases = list(entry.aliases) if entry else []
        for s in surfaces[key]:
            if s != key and s not in aliases and fold(s) != fold(key):
                aliases.append(s)
        for acro, long in acronyms.items():
            if long == key and not any(fold(a) == acro for a in aliases):
                aliases.append(
                    next(s for s in surfaces[key] if fold(s) == acro)
                    if any(fold(s) == acro for s in surfaces[key])
                    else acro.upper()
                )
        out.append(Target(entry.name if entry else key, tuple(aliases)))
    return out


LOCATIVE = frozenset({"en", "a", "au", "aux", "dans", "vers", "depuis", "outre"})


def _place_like(doc: Document, token_at: dict[int, int]) -> set[str]:
    """Folded texts of LOC entities that read as places, not as organisations.

    The stock model tags unknown company names as places ("Telvia"). A LOC entity
    stays a place when it is ever introduced by a locative preposition ("en
    France", "dans l'Ouest"), or when it is never the subject of a verb nor
    introduced by an organisation noun ("l'opérateur Telvia").
    """
    seen: dict[str, list[bool]] = {}
    located: set[str] = set()
    for ent in doc.entities:
        if ent.label != "LOC":
            continue
        key = fold(doc.text[ent.start : ent.end])
        k = token_at.get(ent.start)
        if k is None:
            continue
        j = k - 1
        while j >= 0 and doc.tokens[j].words[-1].upos == "DET":
            j -= 1
        before = fold(doc.tokens[j].text) if j >= 0 else ""
        if before in LOCATIVE:
            located.add(key)
        acts = doc.tokens[k].words[0].deprel.startswith("nsubj") or before in ORGANISATION_NOUNS
        seen.setdefault(key, []).append(acts)
    return located | {key for key, acts in seen.items() if not any(acts)}


_ACRONYM = re.compile(r"([A-ZÉÈ][\w'’ -]{3,80}?)\s*\(([A-Z]{2,6})\)")


def _parenthesised_acronyms(text: str) -> dict[str, str]:
    """Map folded acronyms to the long form before them: ``Caisse des Dépôt (CDC)``."""
    out: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        long_form, acro = m.group(1).strip(), m.group(2)
        words = [w for w in re.split(r"[\s'’-]+", long_form) if w]
        initials = "".join(w[0] for w in words if w[0].isupper())
        if initials.endswith(acro) or acro.startswith(initials[:2]):
            entry = gazetteer().lookup(long_form)
            out[fold(acro)] = entry.name if entry else long_form
    return out


def target_mentions(text: str, targets: Sequence[Target]) -> dict[str, list[tuple[int, int]]]:
    """Return mentions of each target by name, longest match winning overlaps."""
    folded = fold(text)
    taken: list[tuple[int, int, str]] = []
    for t in targets:
        for s, e in find_mentions(text, t, folded):
            taken.append((s, e, t.name))
    taken.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    out: dict[str, list[tuple[int, int]]] = {t.name: [] for t in targets}
    last_end = -1
    for s, e, name in taken:
        if s >= last_end:
            out[name].append((s, e))
            last_end = e
    return out
