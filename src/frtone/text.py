r"""Offset-preserving text normalisation and paragraph splitting.

Every function here maps one input character to exactly one output character,
so offsets computed on the normalised text are offsets into the input as given.

Example:
    >>> from frtone.text import normalise, fold, paragraphs
    >>> normalise("l’État\u00a0!")
    "l'État !"
    >>> fold("Thalès, l'État")
    "thales, l'etat"
    >>> [(p.start, p.end) for p in paragraphs("Titre\n\nUn texte. Deux.\n")]
    [(0, 5), (7, 22)]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# One character in, one character out: typographic variants spaCy handles less well.
_NORMALISE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark (typographic apostrophe)
        "\u2018": "'",
        "\u02bc": "'",
        "\u00a0": " ",  # no-break space (French typography before ; : ! ? » %)
        "\u202f": " ",  # narrow no-break space
        "\u2009": " ",  # thin space
        "\u2007": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\t": " ",
    }
)

_PARAGRAPH_BREAK = re.compile(r"[ \t\u00a0\u202f]*(?:\r\n|\r|\n)(?:[ \t\u00a0\u202f\r\n]*)")


# (variant, replacement) pairs: no replacement is itself a variant, so replacing the
# variants one after the other is the same as translating them all at once.
_NORMALISE_PAIRS = tuple((chr(code), new) for code, new in _NORMALISE.items())


def normalise(text: str) -> str:
    """Return ``text`` with typographic variants replaced, same length.

    Typographic apostrophes become ``'``, no-break and thin spaces become plain
    spaces, non-breaking hyphens become ``-``. Guillemets and dashes are kept.
    """
    # str.translate looks every character up in the table, slowly on non-ASCII text;
    # replacing only the variants present is about a hundred times faster.
    for variant, new in _NORMALISE_PAIRS:
        if variant in text:
            text = text.replace(variant, new)
    return text


class _FoldTable(dict[int, str]):
    """``str.translate`` table that computes and caches each character's folded form."""

    def __missing__(self, code: int) -> str:
        ch = chr(code).translate(_NORMALISE)
        base = unicodedata.normalize("NFD", ch)[:1] or ch
        folded = base.lower() if len(base.lower()) == 1 else base
        self[code] = folded
        return folded


_FOLD = _FoldTable()


_FOLDED: dict[str, str] = {}  # folded forms of short strings (words), remembered
_FOLDED_LONG: dict[str, str] = {}  # the last few long texts folded (articles)
FOLD_CACHE = 100_000
FOLD_CACHE_CHARS = 24
FOLD_CACHE_LONG = 4


def fold(text: str) -> str:
    """Lower-case, strip accents and normalise, keeping one char per char.

    As each character folds to one character, ``fold(text)[a:b] == fold(text[a:b])``:
    parts of an article are folded by slicing the folded article (remembered).
    """
    short = len(text) <= FOLD_CACHE_CHARS
    memo = _FOLDED if short else _FOLDED_LONG
    found = memo.get(text)
    if found is None:
        found = text.translate(_FOLD) if short else _fold_long(text)
        if len(memo) >= (FOLD_CACHE if short else FOLD_CACHE_LONG):
            memo.clear()
        memo[text] = found
    return found


def _fold_long(text: str) -> str:
    """``text.translate(_FOLD)`` for a long text, three times faster.

    ``str.translate`` looks every character up in the table; this replaces each
    distinct character that folds to another one, all occurrences at once. That is
    the same as translating when no character is folded twice (folding a folded
    character leaves it as it is, true of every character met so far).
    """
    pairs = [(ch, folded) for ch in set(text) if (folded := _FOLD[ord(ch)]) != ch]
    if any(_FOLD[ord(folded)] != folded for _, folded in pairs):
        return text.translate(_FOLD)
    for ch, folded in pairs:
        text = text.replace(ch, folded)
    return text


# Characters with no width that CMSs and editors leave in text: byte-order mark,
# zero-width space/joiners, word joiner, soft hyphen.
INVISIBLE = frozenset("\ufeff\u200b\u200c\u200d\u2060\u00ad")


@dataclass(frozen=True, slots=True)
class CleanText:
    """NFC text without invisible characters, with a map back to the input.

    ``starts[k]``/``ends[k]`` are the input offsets of the input characters that
    clean character ``k`` comes from.
    """

    text: str
    starts: list[int]
    ends: list[int]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean-text span to the input's offsets."""
        if end <= start:
            pos = (
                self.starts[start]
                if start < len(self.starts)
                else (self.ends[-1] if self.ends else 0)
            )
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def clean(text: str) -> CleanText | None:
    """Compose decomposed accents (NFC) and drop invisible characters, keeping a map.

    Returns ``None`` when the text is already clean (the common case), so that
    callers can skip the remapping.

    Example:
        >>> c = clean("E\u0301tat\u200b !")
        >>> c.text, c.span(0, 4)
        ('État !', (0, 5))
    """
    if unicodedata.is_normalized("NFC", text) and not any(ch in text for ch in INVISIBLE):
        return None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if text[i] in INVISIBLE:
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(text[j]):
            j += 1
        for ch in unicodedata.normalize("NFC", text[i:j]):
            out.append(ch)
            starts.append(i)
            ends.append(j)
        i = j
    return CleanText("".join(out), starts, ends)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph (or heading line) as character offsets into the input."""

    index: int
    start: int
    end: int


def paragraphs(text: str) -> list[Paragraph]:
    """Split ``text`` into non-blank lines/paragraphs with exact offsets.

    Press articles put one paragraph per line, headings on lines of their own;
    a line break always ends a paragraph. Leading and trailing spaces are
    excluded from the offsets.
    """
    out: list[Paragraph] = []
    pos = 0
    for match in [*_PARAGRAPH_BREAK.finditer(text), None]:
        end = match.start() if match else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            start = pos + lead
            out.append(Paragraph(len(out), start, start + len(stripped)))
        if match:
            pos = match.end()
    return out
