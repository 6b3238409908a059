"""Training examples: frtone's own claims and (claim, target) pairs, labelled from the corpus.

The analyzer runs over each annotated article with recording scorers, so the examples are
exactly what a trained scorer will be asked about at prediction time. A claim takes the
labels of the gold sentence it overlaps most; its sarcasm label is the sentence's, and its
stance toward a target the sentence's stance toward that target.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from frtone.analyzer import Analyzer
from frtone.corpus.schema import AnnotatedArticle
from frtone.evaluation.predict import best_sentence
from frtone.scoring.base import ClaimFeatures, StanceInput
from frtone.scoring.rules import RuleSarcasmScorer


@dataclass(frozen=True, slots=True)
class ClaimExample:
    """One claim with its gold labels.

    Attributes:
        article: Article id.
        sentence: Index of the gold sentence it overlaps most (-1: none).
        features: What the analyzer knows of the claim.
        sarcastic: Gold sarcasm of that sentence.
    """

    article: str
    sentence: int
    features: ClaimFeatures
    sarcastic: bool


@dataclass(frozen=True, slots=True)
class PairExample:
    """One (claim, target) pair with its gold stance.

    Attributes:
        article: Article id.
        sentence: Index of the gold sentence the claim overlaps most (-1: none).
        claim: Index of the claim among the article's :class:`ClaimExample`.
        item: The stance input as the analyzer builds it.
        stance: Gold stance of that sentence toward the target.
    """

    article: str
    sentence: int
    claim: int
    item: StanceInput
    stance: str


class _Recorder:
    """Sarcasm and stance scorers that remember what they are asked (rule probabilities)."""

    threshold = RuleSarcasmScorer.threshold
    pairs = "all"

    def __init__(self) -> None:
        self.claims: list[ClaimFeatures] = []
        self.items: list[StanceInput] = []
        self._rule = RuleSarcasmScorer()

    def predict(self, rows: Sequence[object]) -> list[object]:
        if rows and isinstance(rows[0], ClaimFeatures):
            self.claims.extend(rows)  # type: ignore[arg-type]
            return self._rule.predict(rows)  # type: ignore[arg-type,return-value]
        self.items.extend(rows)  # type: ignore[arg-type]
        return [(0.0, 0.0) for _ in rows]


def collect(
    articles: Sequence[AnnotatedArticle],
    backend: str = "spacy",
    model: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[list[ClaimExample], list[PairExample]]:
    """Claims and (claim, target) pairs of ``articles`` with their gold labels.

    Args:
        articles: Annotated articles.
        backend: Backend name.
        model: Backend model (default: the backend's).
        progress: Called with each article id.

    Returns:
        The claim examples and the pair examples, in article and claim order.
    """
    recorder = _Recorder()
    analyzer = Analyzer(
        backend,
        model=model,
        scorers="rules",
        sarcasm_scorer=recorder,  # type: ignore[arg-type]
        stance_scorer=recorder,  # type: ignore[arg-type]
        include_tokens=False,
    )
    claims: list[ClaimExample] = []
    pairs: list[PairExample] = []
    for article in articles:
        if progress is not None:
            progress(article.id)
        recorder.claims.clear()
        recorder.items.clear()
        analyzer.analyze(article.text, article.target_specs(), id=article.id)
        first = len(claims)
        where: dict[int, int] = {}
        for k, f in enumerate(recorder.claims):
            start, end = f.tokens[0].start, f.tokens[-1].end
            index = best_sentence(article.sentences, start, end)
            sarcastic = index >= 0 and article.sentences[index].sarcastic
            where[id(f)] = k
            claims.append(ClaimExample(article.id, index, f, sarcastic))
        for item in recorder.items:
            k = where[id(item.claim)]
            index = claims[first + k].sentence
            gold = article.sentences[index].stance_for(item.target) if index >= 0 else "none"
            pairs.append(PairExample(article.id, index, first + k, item, gold))
    return claims, pairs
