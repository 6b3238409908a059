"""Claim annotations: hedges, reported speech, negation and the claim's kind."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from frtone.document import Document
from frtone.lang.fr.claims import PREDICTION_MARKERS
from frtone.lang.fr.hedges import (
    CONDITIONAL_ENDINGS,
    CONDITIONAL_NOT_HEDGE,
    HEDGE_MARKERS,
    HEDGE_MODALS,
    IRREGULAR_CONDITIONAL_STEMS,
)
from frtone.lang.fr.negation import NEGATION_WORDS
from frtone.lang.fr.reporting import AUTHOR_SUBJECTS, REPORTING_VERBS, SOURCE_MARKERS
from frtone.results import ClaimKind, Cue, Reported, Span, Word
from frtone.text import fold

SUBJECT_RELS = frozenset({"nsubj", "nsubj:pass"})
CLAUSE_RELS = frozenset({"ccomp", "xcomp", "parataxis"})
_VERB_AUX = frozenset({"VERB", "AUX"})


@cache
def _words_regex(markers: frozenset[str] | tuple[str, ...]) -> re.Pattern[str]:
    """Regex over folded text matching any marker as whole words."""
    alts = sorted({fold(m) for m in markers}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")


def is_conditional(word: Word) -> bool:
    """Whether ``word`` is in the conditional mood, correcting the tagger's imperfects.

    Example:
        >>> imp = {"Mood": "Ind", "Tense": "Imp"}
        >>> is_conditional(Word(0, "reprendrait", "reprendre", "VERB", imp, 0, "root"))
        True
        >>> is_conditional(Word(0, "déclarait", "déclarer", "VERB", imp, 0, "root"))
        False
    """
    if word.feats.get("Mood") == "Cnd":
        return True
    if word.upos not in ("VERB", "AUX") or word.feats.get("Tense", "Imp") != "Imp":
        return False
    form = fold(word.text)
    ending = next((e for e in CONDITIONAL_ENDINGS if form.endswith(e)), None)
    if ending is None:
        return False
    stem = form[: -len(ending) + 1]  # keep the future stem's final r
    lemma = fold(word.lemma)
    if stem in IRREGULAR_CONDITIONAL_STEMS:
        return True
    if lemma.endswith(("er", "ir")):
        return stem == lemma
    if lemma.endswith("re"):
        return stem == lemma[:-1]
    return False


def find_hedges(doc: Document, token_start: int, token_end: int) -> list[Span]:
    """Hedge spans: conditional mood (``reprendrait``), modal predictions, markers."""
    out: list[Span] = []
    toks = doc.tokens[token_start:token_end]
    if not toks:
        return out
    start, end = toks[0].start, toks[-1].end
    for m in _words_regex(HEDGE_MARKERS).finditer(fold(doc.text)[start:end]):
        s, e = start + m.start(), start + m.end()
        out.append(Span(doc.text[s:e], s, e, "marker"))
    for tok in toks:
        for w in tok.words:
            if w.upos not in _VERB_AUX and w.lemma not in HEDGE_MODALS and "Mood" not in w.feats:
                continue  # neither conditional nor a modal: most words, skipped cheaply
            if is_conditional(w) and w.lemma not in CONDITIONAL_NOT_HEDGE:
                head = doc.words[w.head]
                if w.upos == "AUX" and head.lemma in CONDITIONAL_NOT_HEDGE:
                    continue
                out.append(Span(tok.text, tok.start, tok.end, "conditional"))
            elif (
                w.lemma in HEDGE_MODALS
                and w.feats.get("Tense") == "Fut"
                and any(doc.words[c].upos == "VERB" for c in doc.children[w.i])
            ):
                out.append(Span(tok.text, tok.start, tok.end, "modal"))
    out.sort(key=lambda s: s.start)
    return out


def _span_of_words(doc: Document, words: Sequence[int], lo: int, hi: int) -> tuple[int, int]:
    toks = sorted({doc.word_token[w] for w in words if lo <= doc.word_token[w] < hi})
    toks = [t for t in toks if any(c.isalnum() for c in doc.tokens[t].text)] or toks
    return doc.tokens[toks[0]].start, doc.tokens[toks[-1]].end


def _source_marker(doc: Document, w: Word) -> str | None:
    """``selon`` or ``d'après`` when ``w`` opens a prepositional source marker."""
    form = fold(w.text)
    if form in SOURCE_MARKERS:
        return form
    if form == "d'" and w.i + 1 < len(doc.words) and fold(doc.words[w.i + 1].text) == "apres":
        return "d'après"
    return None


def find_reported(doc: Document, token_start: int, token_end: int) -> Reported | None:
    """Reported speech: ``X souligne que...``, ``selon X``, ``a déclaré X``."""
    lo, hi = token_start, token_end
    words = [w for t in doc.tokens[lo:hi] for w in t.words]
    quoted = any(t.text in ("«", "»", "“", "”", '"') for t in doc.tokens[lo:hi])
    for w in words:
        if w.deprel != "case":
            continue
        marker = _source_marker(doc, w)
        if marker and lo <= doc.word_token[w.head] < hi:
            skip = {w.i, w.i + 1} if marker == "d'après" else {w.i}
            sub = [x for x in doc.subtree(w.head) if x not in skip]
            s, e = _span_of_words(doc, sub, lo, hi)
            return Reported(doc.text[s:e], marker, s, e)
    for w in words:
        np_ok = REPORTING_VERBS.get(w.lemma)
        if np_ok is None or w.upos not in ("VERB", "AUX"):
            continue
        kids = doc.children[w.i]
        subjects = [c for c in kids if doc.words[c].deprel in SUBJECT_RELS]
        if not subjects:
            continue
        subj = doc.words[subjects[0]]
        if fold(subj.text) in AUTHOR_SUBJECTS:
            continue
        has_clause = any(doc.words[c].deprel in CLAUSE_RELS for c in kids)
        has_object = any(doc.words[c].deprel == "obj" for c in kids)
        if not (has_clause or quoted or (np_ok and has_object)):
            continue
        s, e = _span_of_words(doc, doc.subtree(subj.i), lo, hi)
        return Reported(doc.text[s:e], w.lemma, s, e)
    return None


def is_negated(doc: Document, token_start: int, token_end: int) -> bool:
    """Whether the claim's main predicate carries a negation (``ne ... pas``, ``jamais``)."""
    lo, hi = token_start, token_end
    words = [w for t in doc.tokens[lo:hi] for w in t.words]
    inside = {w.i for w in words}
    roots = [w for w in words if w.head not in inside or w.head == w.i]
    for root in roots:
        for c in doc.children[root.i]:
            cw = doc.words[c]
            if cw.deprel.startswith("advmod") and fold(cw.text) in NEGATION_WORDS | {"ne", "n'"}:
                return True
    return False


def classify_kind(
    doc: Document,
    token_start: int,
    token_end: int,
    *,
    heading: bool,
    cues: Sequence[Cue],
    evaluative: float,
    subjectivity: float,
) -> ClaimKind:
    """The claim's kind: heading, (rhetorical) question, prediction, evaluation, assertion."""
    if heading:
        return "heading"
    toks = doc.tokens[token_start:token_end]
    start = toks[0].start
    text = doc.text[start : toks[-1].end].rstrip()
    if text.endswith("?") or (toks[-1].text in (")", "»") and text.rstrip(" )»").endswith("?")):
        whole = any(c.kind == "rhetorical_question" and c.end >= toks[-1].start for c in cues)
        return "rhetorical_question" if whole else "question"
    future = any(
        w.feats.get("Tense") == "Fut" and w.upos in _VERB_AUX for t in toks for w in t.words
    )
    if future or _words_regex(PREDICTION_MARKERS).search(fold(doc.text)[start : start + len(text)]):
        return "prediction"
    if cues or abs(evaluative) >= 0.2 or subjectivity >= 0.45:
        return "evaluation"
    return "assertion"
