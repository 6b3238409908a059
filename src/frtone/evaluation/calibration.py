"""Calibration of sarcasm probabilities: each claim's probability against its sentence's label.

Example:
    >>> pairs = [(0.1, False), (0.15, False), (0.9, True), (0.8, False)]
    >>> round(expected_calibration_error(pairs), 3), round(brier_score(pairs), 3)
    (0.287, 0.171)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from frtone.analyzer import Analyzer
from frtone.corpus.schema import AnnotatedArticle
from frtone.evaluation.predict import best_sentence

BINS = 10


def claim_probabilities(
    analyzer: Analyzer, articles: Iterable[AnnotatedArticle]
) -> list[tuple[float, bool]]:
    """``(sarcasm probability, gold label)`` per claim.

    The label is that of the sentence the claim overlaps most.
    """
    pairs: list[tuple[float, bool]] = []
    for article in articles:
        result = analyzer.analyze(article.text, article.target_specs(), id=article.id)
        for claim in result.claims:
            index = best_sentence(article.sentences, claim.start, claim.end)
            gold = index >= 0 and article.sentences[index].sarcastic
            pairs.append((claim.sarcasm.probability, gold))
    return pairs


def reliability(
    pairs: Sequence[tuple[float, bool]], bins: int = BINS
) -> list[tuple[float, int, float, float]]:
    """Per non-empty bin: ``(lower edge, count, mean probability, observed rate)``."""
    groups: dict[int, list[tuple[float, bool]]] = {}
    for p, y in pairs:
        groups.setdefault(min(bins - 1, int(p * bins)), []).append((p, y))
    return [
        (k / bins, len(g), sum(p for p, _ in g) / len(g), sum(y for _, y in g) / len(g))
        for k, g in sorted(groups.items())
    ]


def expected_calibration_error(pairs: Sequence[tuple[float, bool]], bins: int = BINS) -> float:
    """Mean gap between probability and observed rate over the bins, weighted by count."""
    return sum(n / len(pairs) * abs(p - y) for _, n, p, y in reliability(pairs, bins))


def brier_score(pairs: Sequence[tuple[float, bool]]) -> float:
    """Mean squared difference between probability and label."""
    return sum((p - y) ** 2 for p, y in pairs) / len(pairs)
