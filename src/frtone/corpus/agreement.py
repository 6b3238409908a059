"""Inter-annotator agreement: Cohen's kappa between two independent annotations of an article.

The first annotation is ``annotations/<id>.toml``, the second ``double/<id>.toml``. Sentences
are paired by overlap (each sentence of the first with the sentence of the second that shares
the most characters), targets by name or alias, so two annotators who cut a sentence
differently or spell a target differently are still compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from frtone.corpus.load import load_article, load_corpus
from frtone.corpus.schema import AnnotatedArticle, GoldSentence, GoldTarget
from frtone.evaluation.metrics import SpanTally
from frtone.gazetteer import name_key


def kappa(first: Sequence[object], second: Sequence[object]) -> float:
    """Cohen's kappa of two labellings of the same items (1.0 when both are constant and equal).

    Example:
        >>> kappa([True, True, False, False], [True, False, False, False])
        0.5
    """
    n = len(first)
    if n == 0:
        return 1.0
    labels = set(first) | set(second)
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    expected = sum((list(first).count(x) / n) * (list(second).count(x) / n) for x in labels)
    return 1.0 if expected == 1.0 else (observed - expected) / (1.0 - expected)


def _partner(sentence: GoldSentence, others: Sequence[GoldSentence]) -> GoldSentence:
    return max(others, key=lambda o: min(o.end, sentence.end) - max(o.start, sentence.start))


def _keys(target: GoldTarget) -> set[str]:
    return {name_key(n) for n in (target.name, *target.aliases)}


def matched_targets(a: AnnotatedArticle, b: AnnotatedArticle) -> list[tuple[str, str]]:
    """Pairs of target names (first, second) that refer to the same target."""
    pairs = []
    for ta in a.targets:
        for tb in b.targets:
            if _keys(ta) & _keys(tb):
                pairs.append((ta.name, tb.name))
                break
    return pairs


@dataclass(frozen=True, slots=True)
class Agreement:
    """Agreement between two annotations over one or more articles.

    Attributes:
        articles: Ids of the articles compared.
        sentences: Sentences compared (those of the first annotation).
        stance_pairs: (claim sentence, shared target) pairs compared.
        claim_kappa: Kappa of "is a claim".
        sarcasm_kappa: Kappa of "sarcastic".
        stance_kappa: Kappa of the stance label (favor, against, none).
        article_stance_kappa: Kappa of the article-level stance of shared targets.
        cue_f1: F1 of one annotator's cue spans against the other's (overlap).
        observed: Raw share of items labelled alike, per label (``claim``, ``sarcasm``,
            ``stance``, ``article_stance``); kappa corrects it for chance, which matters
            when one label dominates (nearly every sentence is a claim).
        shared_targets: Share of the first annotation's targets the second also lists.
    """

    articles: tuple[str, ...]
    sentences: int
    stance_pairs: int
    claim_kappa: float
    sarcasm_kappa: float
    stance_kappa: float
    article_stance_kappa: float
    cue_f1: float
    shared_targets: float
    observed: dict[str, float] = field(default_factory=dict, hash=False)


def agreement(pairs: Sequence[tuple[AnnotatedArticle, AnnotatedArticle]]) -> Agreement:
    """Compute the agreement over pairs of annotations of the same articles."""
    claim_a: list[bool] = []
    claim_b: list[bool] = []
    sarc_a: list[bool] = []
    sarc_b: list[bool] = []
    stance_a: list[str] = []
    stance_b: list[str] = []
    art_a: list[str] = []
    art_b: list[str] = []
    cues = SpanTally()  # the second annotation's cues scored against the first's
    shared = total_targets = 0
    for a, b in pairs:
        targets = matched_targets(a, b)
        shared += len(targets)
        total_targets += len(a.targets)
        by_name_b = {t.name: t for t in b.targets}
        for name_a, name_b in targets:
            art_a.append(next(t.stance for t in a.targets if t.name == name_a))
            art_b.append(by_name_b[name_b].stance)
        for s in a.sentences:
            o = _partner(s, b.sentences)
            claim_a.append(s.claim)
            claim_b.append(o.claim)
            sarc_a.append(s.sarcastic)
            sarc_b.append(o.sarcastic)
            if s.claim:
                for name_a, name_b in targets:
                    stance_a.append(s.stance_for(name_a))
                    stance_b.append(o.stance_for(name_b))
        cues.add(
            [(c.start, c.end) for s in a.sentences for c in s.cues],
            [(c.start, c.end) for s in b.sentences for c in s.cues],
        )
    cue_f1 = cues.prf()[2]
    return Agreement(
        articles=tuple(a.id for a, _ in pairs),
        sentences=len(claim_a),
        stance_pairs=len(stance_a),
        claim_kappa=kappa(claim_a, claim_b),
        sarcasm_kappa=kappa(sarc_a, sarc_b),
        stance_kappa=kappa(stance_a, stance_b),
        article_stance_kappa=kappa(art_a, art_b),
        cue_f1=cue_f1,
        shared_targets=shared / total_targets if total_targets else 1.0,
        observed={
            "claim": _observed(claim_a, claim_b),
            "sarcasm": _observed(sarc_a, sarc_b),
            "stance": _observed(stance_a, stance_b),
            "article_stance": _observed(art_a, art_b),
        },
    )


def _observed(first: Sequence[object], second: Sequence[object]) -> float:
    return sum(a == b for a, b in zip(first, second, strict=True)) / len(first) if first else 1.0


def corpus_agreement(root: str | Path = "corpus") -> Agreement:
    """Agreement between ``annotations/`` and ``double/`` over every doubly annotated article."""
    folder = Path(root)
    corpus = load_corpus(folder)
    pairs = [
        (corpus.article(path.stem), load_article(path, folder / "articles"))
        for path in sorted((folder / "double").glob("*.toml"))
    ]
    return agreement(pairs)
