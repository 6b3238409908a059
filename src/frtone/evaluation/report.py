"""Evaluation results: per-system scores, as a table or as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from frtone.corpus.schema import AnnotatedArticle
from frtone.evaluation.metrics import cue_scores, prf, stance_scores
from frtone.evaluation.predict import ArticlePrediction

#: Rows of the table: (field of :class:`SystemScores`, label).
ROWS: tuple[tuple[str, str], ...] = (
    ("claim_f1", "claim F1"),
    ("sarcasm_precision", "sarcasm precision"),
    ("sarcasm_recall", "sarcasm recall"),
    ("sarcasm_f1", "sarcasm F1"),
    ("cue_f1", "cue span F1 (overlap)"),
    ("stance_f_avg", "stance F_avg (favor, against)"),
    ("stance_macro_f1", "stance macro-F1 (3 classes)"),
    ("article_accuracy", "article stance accuracy"),
)


@dataclass(frozen=True, slots=True)
class SystemScores:
    """One system's scores on a split; ``None`` where the system makes no such prediction.

    Attributes:
        claim_f1: F1 of "is a claim" over gold sentences.
        sarcasm_precision: Precision of "sarcastic" over gold sentences.
        sarcasm_recall: Recall of "sarcastic".
        sarcasm_f1: F1 of "sarcastic".
        cue_f1: F1 of cue spans, a span counting when it overlaps one on the other side.
        stance_f_avg: Mean of F1(favor) and F1(against) over (claim sentence, target) pairs.
        stance_macro_f1: Mean F1 over favor, against and none on the same pairs.
        article_accuracy: Share of (article, target) pairs whose article stance is right.
    """

    claim_f1: float | None = None
    sarcasm_precision: float | None = None
    sarcasm_recall: float | None = None
    sarcasm_f1: float | None = None
    cue_f1: float | None = None
    stance_f_avg: float | None = None
    stance_macro_f1: float | None = None
    article_accuracy: float | None = None


def score(articles: Sequence[AnnotatedArticle], preds: Sequence[ArticlePrediction]) -> SystemScores:
    """Score one system's predictions against the gold annotation."""
    sentences = [s for a in articles for s in a.sentences]
    predicted = [p for ap in preds for p in ap.sentences]
    out: dict[str, float | None] = {}
    if predicted and predicted[0].claim is not None:
        out["claim_f1"] = prf([s.claim for s in sentences], [bool(p.claim) for p in predicted])[2]
    if predicted and predicted[0].sarcastic is not None:
        p, r, f = prf([s.sarcastic for s in sentences], [bool(x.sarcastic) for x in predicted])
        out.update(sarcasm_precision=p, sarcasm_recall=r, sarcasm_f1=f)
        if any(x.cues for x in predicted):
            out["cue_f1"] = cue_scores(articles, preds)[2]
    if predicted and predicted[0].stance is not None:
        st = stance_scores(articles, preds)
        out.update(stance_f_avg=st["f_avg"], stance_macro_f1=st["macro_f1"])
    if preds and preds[0].article_stance is not None:
        pairs = [
            (t.stance, (ap.article_stance or {}).get(t.name, "none"))
            for a, ap in zip(articles, preds, strict=True)
            for t in a.targets
        ]
        out["article_accuracy"] = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    return SystemScores(**out)


@dataclass(frozen=True, slots=True)
class EvaluationReport:
    """The evaluation of frtone and the baselines on one split of a corpus.

    Attributes:
        corpus: The corpus folder.
        split: ``train``, ``dev``, ``test`` or ``all``.
        backend: The backend frtone ran on.
        counts: Articles, sentences, sarcastic sentences, claim sentences, stance pairs,
            article-target pairs.
        systems: Scores per system name (``frtone`` first, then the baselines).
        notes: How the baselines were fitted (e.g. the textblob-fr threshold).
    """

    corpus: str
    split: str
    backend: str
    counts: dict[str, int] = field(hash=False)
    systems: dict[str, SystemScores] = field(hash=False)
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """JSON-friendly form (``frtone evaluate --format json``)."""
        return {
            "corpus": self.corpus,
            "split": self.split,
            "backend": self.backend,
            "counts": dict(self.counts),
            "systems": {name: asdict(s) for name, s in self.systems.items()},
            "notes": list(self.notes),
        }

    def to_table(self) -> str:
        """A plain-text table, one row per measure, one column per system ("–": no such output)."""
        names = list(self.systems)
        width = max(len(label) for _, label in ROWS) + 2
        head = f"{'':{width}}" + "".join(f"{n:>13}" for n in names)
        lines = [
            f"frtone evaluate — {self.corpus}, split {self.split}, backend {self.backend}",
            ", ".join(f"{k} {v}" for k, v in self.counts.items()),
            "",
            head,
            "-" * len(head),
        ]
        for key, label in ROWS:
            cells = []
            for n in names:
                value = getattr(self.systems[n], key)
                cells.append(f"{'–' if value is None else f'{value:.3f}':>13}")
            lines.append(f"{label:{width}}" + "".join(cells))
        lines += ["", *self.notes]
        return "\n".join(lines)
