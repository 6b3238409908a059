"""Scores: precision/recall/F1, the SemEval-2016 stance F_avg, macro-F1, accuracy, cue overlap.

All scores are in [0, 1]; a score is ``None`` when the system makes no such prediction.
"""

from __future__ import annotations

from collections.abc import Sequence

from frtone.corpus.schema import AnnotatedArticle
from frtone.evaluation.predict import ArticlePrediction, overlaps


def prf(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class (0 when undefined).

    Example:
        >>> prf([True, True, False, False], [True, False, True, False])
        (0.5, 0.5, 0.5)
    """
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    predicted, actual = sum(pred), sum(gold)
    precision = tp / predicted if predicted else 0.0
    recall = tp / actual if actual else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def class_f1(gold: Sequence[str], pred: Sequence[str], label: str) -> float:
    """F1 of one class of a multi-class labelling.

    Example:
        >>> class_f1(["favor", "none", "against"], ["favor", "favor", "none"], "favor")
        0.6666666666666666
    """
    return prf([g == label for g in gold], [p == label for p in pred])[2]


def f_avg(gold: Sequence[str], pred: Sequence[str]) -> float:
    """SemEval-2016 Task 6 stance measure: the mean of F1(favor) and F1(against).

    Example:
        >>> f_avg(["favor", "against", "none"], ["favor", "none", "none"])
        0.5
    """
    return (class_f1(gold, pred, "favor") + class_f1(gold, pred, "against")) / 2


def macro_f1(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> float:
    """Unweighted mean of the per-class F1 over ``labels``.

    Example:
        >>> round(macro_f1(["a", "b", "b"], ["a", "b", "a"], ["a", "b"]), 3)
        0.667
    """
    return sum(class_f1(gold, pred, label) for label in labels) / len(labels)


def stance_scores(
    articles: Sequence[AnnotatedArticle], preds: Sequence[ArticlePrediction]
) -> dict[str, float]:
    """F_avg and 3-class macro-F1 over every (claim sentence, target) pair."""
    gold: list[str] = []
    pred: list[str] = []
    for article, prediction in zip(articles, preds, strict=True):
        for sentence, sp in zip(article.sentences, prediction.sentences, strict=True):
            if not sentence.claim or sp.stance is None:
                continue
            for target in article.targets:
                gold.append(sentence.stance_for(target.name))
                pred.append(sp.stance.get(target.name, "none"))
    return {
        "f_avg": f_avg(gold, pred),
        "macro_f1": macro_f1(gold, pred, ("favor", "against", "none")),
        "pairs": float(len(gold)),
    }


class SpanTally:
    """Running counts for span precision/recall by overlap, over many documents.

    A gold span is found when a predicted span overlaps it; a predicted span is correct when
    it overlaps a gold span. Spans are only compared within one :meth:`add` call.

    Example:
        >>> tally = SpanTally()
        >>> tally.add([(0, 5), (10, 12)], [(3, 7)])
        >>> tally.prf()
        (1.0, 0.5, 0.6666666666666666)
    """

    def __init__(self) -> None:
        self.found = self.gold = self.correct = self.predicted = 0

    def add(self, gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]]) -> None:
        """Count one document's gold and predicted spans."""
        self.found += sum(any(overlaps(*g, *p) for p in pred) for g in gold)
        self.correct += sum(any(overlaps(*p, *g) for g in gold) for p in pred)
        self.gold += len(gold)
        self.predicted += len(pred)

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1 (0 when undefined)."""
        precision = self.correct / self.predicted if self.predicted else 0.0
        recall = self.found / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def cue_scores(
    articles: Sequence[AnnotatedArticle], preds: Sequence[ArticlePrediction]
) -> tuple[float, float, float]:
    """Cue-span precision, recall, F1 by overlap (see :class:`SpanTally`)."""
    tally = SpanTally()
    for article, prediction in zip(articles, preds, strict=True):
        tally.add(
            [(c.start, c.end) for s in article.sentences for c in s.cues],
            [span for sp in prediction.sentences for span in sp.cues],
        )
    return tally.prf()
