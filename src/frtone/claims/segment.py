"""Claim segmentation: sentences, cut into clauses where a sentence holds two claims.

A sentence is cut before a coordinating conjunction (or after a ``;``) when
both sides are full clauses with their own subject: *« Cloudwatt est une
coquille technologique, et qu'Orange paie fort pour acheter pas grand-chose »*
holds two claims. Headings (a short one-sentence line without final period)
are kept as claims of kind ``heading``; bylines, credits and section labels
(``Par ...``, ``Crédit photo``, ``Lire aussi``) are not claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from frtone.document import Document, Sentence
from frtone.lang.fr.claims import BYLINE_PATTERN, NON_CLAIM_PREFIXES
from frtone.text import fold

MIN_CLAUSE_TOKENS = 4
MAX_HEADING_TOKENS = 16
SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass", "expl:subj", "csubj"})
PREDICATE_UPOS = frozenset({"VERB", "AUX", "ADJ"})
CLAUSE_CONJ = frozenset({"et", "mais", "or", "car"})
_NON_CLAIM = tuple(fold(p) for p in NON_CLAIM_PREFIXES)
_BYLINE = re.compile(BYLINE_PATTERN)


@dataclass(frozen=True, slots=True)
class ClaimSpan:
    """A claim as a token range of the document."""

    token_start: int
    token_end: int
    sentence: int
    paragraph: int
    heading: bool


def _is_heading(doc: Document, sent: Sentence, para_sentences: int) -> bool:
    if para_sentences != 1:
        return False
    tokens = doc.sentence_tokens(sent)
    if len(tokens) > MAX_HEADING_TOKENS:
        return False
    last = tokens[-1].text
    para = doc.paragraphs[sent.paragraph]
    is_last_para = sent.paragraph == len(doc.paragraphs) - 1
    ends_like_prose = last in (".", "!", "…", "...", ":", ";") or last.endswith(("...", "…"))
    return not ends_like_prose and not is_last_para and para.end - para.start < 120


def _is_non_claim(doc: Document, sent: Sentence) -> bool:
    raw = doc.text[sent.start : sent.end].strip()
    if _BYLINE.match(raw):
        return True
    if len(raw) >= 200:
        return False
    start = sent.start + doc.text[sent.start : sent.end].find(raw[:1])
    return fold(doc.text)[start : start + len(raw)].startswith(_NON_CLAIM)


def _clause_cuts(doc: Document, sent: Sentence) -> list[int]:
    """Token indices where a new claim starts inside ``sent``."""
    cuts: list[int] = []
    a, b = sent.token_start, sent.token_end
    first_word = doc.tokens[a].words[0].i
    last_word = doc.tokens[b - 1].words[-1].i
    for k in range(a + MIN_CLAUSE_TOKENS, b - MIN_CLAUSE_TOKENS):
        tok = doc.tokens[k]
        if tok.text == ";" and k + 1 < b:
            cuts.append(k + 1)
            continue
        word = tok.words[0]
        if word.deprel != "cc" or fold(tok.text) not in CLAUSE_CONJ:
            continue
        if fold(tok.text) == "et" and doc.tokens[k - 1].text != ",":
            continue
        conj = doc.words[word.head]
        if conj.i < word.i or conj.upos not in PREDICATE_UPOS or conj.deprel != "conj":
            continue
        has_subject = any(
            doc.words[c].deprel in SUBJECT_RELS and word.i < doc.words[c].i < conj.i
            for c in doc.children[conj.i]
        )
        first = doc.words[conj.head]
        if not has_subject or not (first_word <= first.i <= last_word) or first.i > word.i:
            continue
        cuts.append(k)
    kept: list[int] = []
    prev = a
    for c in cuts:
        if c - prev >= MIN_CLAUSE_TOKENS and b - c >= MIN_CLAUSE_TOKENS:
            kept.append(c)
            prev = c
    return kept


def segment(doc: Document) -> list[ClaimSpan]:
    """Return the claims of ``doc`` in text order."""
    per_para: dict[int, int] = {}
    for s in doc.sentences:
        per_para[s.paragraph] = per_para.get(s.paragraph, 0) + 1
    spans: list[ClaimSpan] = []
    for sent in doc.sentences:
        if _is_non_claim(doc, sent):
            continue
        if not any(any(c.isalnum() for c in t.text) for t in doc.sentence_tokens(sent)):
            continue
        heading = _is_heading(doc, sent, per_para[sent.paragraph])
        start = sent.token_start
        for cut in [] if heading else _clause_cuts(doc, sent):
            spans.append(ClaimSpan(start, cut, sent.index, sent.paragraph, False))
            start = cut
        spans.append(ClaimSpan(start, sent.token_end, sent.index, sent.paragraph, heading))
    return spans
