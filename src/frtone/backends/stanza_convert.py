r"""Turn stanza ``Document`` objects into frtone's :class:`~frtone.document.Document`.

stanza already keeps surface tokens and syntactic words apart (``du`` is one
token holding the words ``de`` and ``le``), as frtone does. This module maps
them one to one, puts every offset back onto the input text, applies frtone's
sentence rules (``frtone.sentences.merge_starts``, since stanza's segmenter
takes no constraints), maps entity labels to frtone's (``ORG``, ``PER``, ``LOC``,
``MISC``) and adds the gazetteer's entities, as the spaCy backend's entity ruler
does.

Example:
    >>> from stanza.utils.conll import CoNLL
    >>> from frtone.results import BackendInfo
    >>> conllu = (
    ...     "1\tOrange\tOrange\tPROPN\t_\t_\t2\tnsubj\t_\t_\n"
    ...     "2\tparle\tparler\tVERB\t_\tMood=Ind\t0\troot\t_\t_\n"
    ...     "3-4\tau\t_\t_\t_\t_\t_\t_\t_\t_\n"
    ...     "3\tà\tà\tADP\t_\t_\t5\tcase\t_\t_\n"
    ...     "4\tle\tle\tDET\t_\t_\t5\tdet\t_\t_\n"
    ...     "5\tmarché\tmarché\tNOUN\t_\t_\t2\tobl\t_\t_\n"
    ... )
    >>> sdoc = CoNLL.conll2doc(input_str=conllu)
    >>> text = "Orange parle au marché"
    >>> doc = document_from_stanza(text, [(sdoc, 0, 0)], BackendInfo("stanza", "fr", ""))
    >>> [(t.text, t.start, [w.text for w in t.words]) for t in doc.tokens][2]
    ('au', 13, ['à', 'le'])
    >>> [(e.label, text[e.start:e.end], e.canonical) for e in doc.entities]
    [('ORG', 'Orange', 'Orange')]
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from frtone.document import Document, ParsedEntity, Sentence
from frtone.errors import BackendError
from frtone.gazetteer import gazetteer
from frtone.results import BackendInfo, Token, Word
from frtone.sentences import merge_starts
from frtone.text import normalise, paragraphs

#: stanza NER labels (WikiNER for French; OntoNotes-style for other models) -> frtone's.
ENTITY_LABELS: dict[str, str] = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "PRODUCT": "MISC",
    "EVENT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
}


@cache
def _gazetteer_pattern() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    """One regex for the gazetteer's proper names, and name -> (label, canonical)."""
    names: dict[str, tuple[str, str]] = {}
    for entry in gazetteer().entries:
        for name in entry.names:
            form = normalise(name)
            proper = form[:1].isupper() or form[:1].isdigit() or form.startswith("l'")
            # an ambiguous one-letter name ("X") is a company only in context
            if proper and not (entry.ambiguous and len(form) < 2):
                names.setdefault(form, (entry.label, entry.name))
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(alternation), names


def gazetteer_entities(text: str, tokens: Sequence[Token]) -> list[ParsedEntity]:
    """Gazetteer names found in ``text`` on token boundaries (longest first, no overlap).

    Example:
        >>> from frtone.results import Token
        >>> text = "Cloudwatt et Orange"
        >>> toks = [Token(0, "Cloudwatt", 0, 9, ()), Token(1, "et", 10, 12, ()),
        ...         Token(2, "Orange", 13, 19, ())]
        >>> [(e.start, e.end, e.label) for e in gazetteer_entities(text, toks)]
        [(0, 9, 'ORG'), (13, 19, 'ORG')]
    """
    if not tokens:
        return []
    pattern, names = _gazetteer_pattern()
    starts = {t.start for t in tokens}
    ends = {t.end for t in tokens}
    lo, hi = tokens[0].start, tokens[-1].end
    found: list[ParsedEntity] = []
    for m in pattern.finditer(normalise(text[lo:hi])):
        s, e = lo + m.start(), lo + m.end()
        if s in starts and e in ends:
            label, canonical = names[m.group()]
            found.append(ParsedEntity(s, e, label, canonical))
    return found


def _merge_entities(model: list[ParsedEntity], gazetteer: list[ParsedEntity]) -> list[ParsedEntity]:
    """The gazetteer's entities win over the model's where they overlap (as spaCy's ruler)."""
    kept = [e for e in model if not any(g.start < e.end and e.start < g.end for g in gazetteer)]
    return sorted([*kept, *gazetteer], key=lambda e: e.start)


def _feats(value: str | None) -> dict[str, str]:
    """``"Gender=Masc|Number=Sing"`` -> dict; multi-valued features stay joined by ``,``."""
    if not value or value == "_":
        return {}
    out: dict[str, str] = {}
    for item in value.split("|"):
        key, sep, val = item.partition("=")
        if sep:
            out[key] = val
    return out


def _locate(norm: str, form: str, cursor: int, hint: int | None, end: int) -> int:
    """Start of token ``form`` in the normalised text: stanza's offset if it fits, else search."""
    target = normalise(form)
    if hint is not None and norm[hint : hint + len(target)] == target:
        return hint
    found = norm.find(target, cursor, end)
    if found < 0:
        raise BackendError(
            f"stanza token {form!r} is not in the text after offset {cursor}; the stanza "
            "document was not made from this text."
        )
    return found


class _Builder:
    """Accumulate converted stanza pieces into one frtone Document."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = normalise(text)
        self.tokens: list[Token] = []
        self.sentences: list[Sentence] = []
        self.entities: list[ParsedEntity] = []
        self.n_words = 0

    def add(self, sdoc: Any, offset: int, paragraph: int, end: int | None = None) -> None:
        limit = len(self.text) if end is None else end
        cursor = offset
        first_token = len(self.tokens)
        starts: list[bool] = []
        for sent in sdoc.sentences:
            word_base = self.n_words
            for k, stok in enumerate(sent.tokens):
                hint = None if stok.start_char is None else offset + stok.start_char
                start = _locate(self.norm, stok.text, cursor, hint, limit)
                stop = start + len(stok.text)
                cursor = stop
                words = tuple(self._word(w, word_base, start, stop, stok) for w in stok.words)
                self.tokens.append(
                    Token(len(self.tokens), self.text[start:stop], start, stop, words)
                )
                starts.append(k == 0)
            self.n_words += len(sent.words)
        piece = self.tokens[first_token:]
        merged = merge_starts(starts, [normalise(t.text) for t in piece])
        if merged:
            merged[0] = True
        bounds = [first_token + k for k, s in enumerate(merged) if s] + [len(self.tokens)]
        for a, b in itertools.pairwise(bounds):
            self.sentences.append(
                Sentence(
                    len(self.sentences),
                    paragraph,
                    a,
                    b,
                    self.tokens[a].start,
                    self.tokens[b - 1].end,
                )
            )
        index = {id(t): k for k, t in enumerate(t for s in sdoc.sentences for t in s.tokens)}
        model = [self._entity(e, piece, index) for e in sdoc.ents]
        found = [e for e in model if e is not None]
        self.entities.extend(_merge_entities(found, gazetteer_entities(self.text, piece)))

    def _word(self, w: Any, base: int, start: int, stop: int, stok: Any) -> Word:
        i = base + int(w.id) - 1
        head = i if not w.head else base + int(w.head) - 1
        deprel = "root" if head == i or (w.deprel or "") == "root" else (w.deprel or "dep")
        form = self.text[start:stop] if len(stok.words) == 1 else w.text
        return Word(i, form, w.lemma or w.text, w.upos or "X", _feats(w.feats), head, deprel)

    @staticmethod
    def _entity(ent: Any, piece: Sequence[Token], index: dict[int, int]) -> ParsedEntity | None:
        label = ENTITY_LABELS.get(str(ent.type).upper())
        if label is None or not ent.tokens:
            return None
        # the converted tokens of a piece are its stanza tokens, in the same order
        a, b = index.get(id(ent.tokens[0])), index.get(id(ent.tokens[-1]))
        if a is None or b is None or b >= len(piece):
            return None
        return ParsedEntity(piece[a].start, piece[b].end, label)

    def build(self, info: BackendInfo) -> Document:
        return Document(
            self.text, self.tokens, self.sentences, self.entities, paragraphs(self.text), info
        )


def document_from_stanza(
    text: str,
    pieces: Sequence[tuple[Any, int, int]],
    info: BackendInfo,
    ends: Sequence[int] | None = None,
) -> Document:
    """Build a frtone Document of ``text`` from stanza documents of its pieces.

    Args:
        text: The whole input text.
        pieces: ``(stanza_document, start_offset, paragraph_index)`` per piece of
            ``text`` that stanza processed, in text order. Token offsets are taken
            from stanza when they match the text, otherwise found by search.
        info: Backend name and model recorded on the Document.
        ends: Optional end offset of each piece (limits the search).

    Raises:
        BackendError: A stanza token is not found in the text.
    """
    builder = _Builder(text)
    for k, (sdoc, start, para) in enumerate(pieces):
        builder.add(sdoc, start, para, ends[k] if ends is not None else None)
    return builder.build(info)
