"""frtone's own backend-neutral annotation of a text.

Backends (spaCy, stanza) turn text into a :class:`Document`; everything after
that — claims, cues, scorers — reads only these types, never spaCy or stanza
objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from frtone.results import BackendInfo, Token, Word
from frtone.text import Paragraph


@dataclass(frozen=True, slots=True)
class ParsedEntity:
    """A named entity found by the backend (``canonical`` from the gazetteer)."""

    start: int
    end: int
    label: str
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: token range ``[token_start, token_end)`` and char offsets."""

    index: int
    paragraph: int
    token_start: int
    token_end: int
    start: int
    end: int


@dataclass(slots=True)
class Document:
    """A parsed article: tokens, words, sentences, entities, paragraphs.

    Attributes:
        text: The input text exactly as given.
        tokens: Surface tokens in order; ``tokens[k].i == k``.
        sentences: Sentences in order, never crossing a paragraph boundary.
        entities: Named entities from the backend.
        paragraphs: Paragraphs (a heading line is a paragraph).
        backend: Which backend and model produced the annotations.
        vectors: Optional word vectors, one row per token (index by token ``i``;
            a row of zeros for a word without a vector).
        words: Every token's syntactic words, in order; ``words[w].i == w``.
        word_token: Index of the token holding each word.
        children: Indices of each word's dependents, in order (one shared empty tuple
            for every word without any).
    """

    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    entities: list[ParsedEntity]
    paragraphs: list[Paragraph]
    backend: BackendInfo
    vectors: Any = None  # numpy array (tokens x dimensions) or None
    words: list[Word] = field(default_factory=list)
    word_token: list[int] = field(default_factory=list)
    children: list[Sequence[int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        # A backend's builder passes all three (it knows them as it builds the
        # tokens); a Document made by hand gets them derived from its tokens.
        if not self.words:
            self.words = [w for tok in self.tokens for w in tok.words]
            self.word_token = [tok.i for tok in self.tokens for _ in tok.words]
        if not self.children:
            self.children = children_of([w.head for w in self.words])

    def subtree(self, word: int) -> list[int]:
        """Word indices of the subtree rooted at ``word``, sorted."""
        out, stack = [], [word]
        while stack:
            w = stack.pop()
            out.append(w)
            stack.extend(self.children[w])
        return sorted(out)

    def ancestors(self, word: int, limit: int = 12) -> dict[int, int]:
        """``{ancestor: arcs up from word}`` for ``word`` and its heads, at most ``limit`` up."""
        words = self.words
        seen = {word: 0}
        w, d = word, 0
        while words[w].head != w and d < limit:
            w = words[w].head
            d += 1
            if w in seen:
                break
            seen[w] = d
        return seen

    def tree_distance(self, a: int, b: int, limit: int = 12) -> int:
        """Number of dependency arcs between words ``a`` and ``b`` (``limit`` if unrelated)."""
        return path_length(self.ancestors(a, limit), self.ancestors(b, limit), limit)

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        """Return the tokens of ``sentence``."""
        return self.tokens[sentence.token_start : sentence.token_end]


def children_of(heads: list[int]) -> list[Sequence[int]]:
    """Dependents of each word, in order, given each word's head (a root is its own head).

    Words without dependents (most of them) share one empty tuple: no list is made
    for each, which spares the garbage collector tens of thousands of objects a batch.

    Example:
        >>> children_of([1, 1, 1, 5])
        [(), [0, 2], (), ()]
    """
    n = len(heads)
    found: dict[int, list[int]] = {}
    for i, head in enumerate(heads):
        if head != i and 0 <= head < n:
            kids = found.get(head)
            if kids is None:
                found[head] = [i]
            else:
                kids.append(i)
    return [found.get(i, ()) for i in range(n)]


def path_length(up_a: dict[int, int], up_b: dict[int, int], limit: int) -> int:
    """Arcs between two words given their :meth:`Document.ancestors` (``limit`` if unrelated)."""
    if len(up_b) < len(up_a):
        up_a, up_b = up_b, up_a
    return min((d + up_b[w] for w, d in up_a.items() if w in up_b), default=limit)
