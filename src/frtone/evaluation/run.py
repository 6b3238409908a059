"""Run frtone and the baselines over a corpus split and score them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from frtone.analyzer import Analyzer
from frtone.corpus.load import Corpus, load_corpus
from frtone.evaluation import baselines
from frtone.evaluation.predict import ArticlePrediction, from_analysis
from frtone.evaluation.report import EvaluationReport, score


def evaluate(
    corpus: str | Path | Corpus = "corpus",
    split: str | None = "test",
    analyzer: Analyzer | None = None,
    progress: Callable[[str], None] | None = None,
) -> EvaluationReport:
    """Score frtone and the baselines on one split (``None``: every article).

    Baselines are fitted on the ``train`` split; frtone runs with each article's gold targets
    and aliases, so stance is measured toward the annotated targets.

    Args:
        corpus: A corpus folder or a loaded :class:`~frtone.corpus.Corpus`.
        split: ``train``, ``dev``, ``test``, or ``None`` for all.
        analyzer: The analyzer to evaluate (default: ``Analyzer()``).
        progress: Called with each article id as it is analysed.

    Example:
        >>> report = evaluate("corpus", split="test")
        >>> report.systems["frtone"].sarcasm_f1 > report.systems["punctuation"].sarcasm_f1
        True
    """
    loaded = corpus if isinstance(corpus, Corpus) else load_corpus(corpus)
    articles = list(loaded.select(split))
    train = list(loaded.select("train"))
    analyzer = analyzer or Analyzer(include_tokens=False)
    frtone_preds: list[ArticlePrediction] = []
    for article in articles:
        if progress is not None:
            progress(article.id)
        result = analyzer.analyze(article.text, article.target_specs(), id=article.id)
        frtone_preds.append(from_analysis(article, result))
    textblob, threshold = baselines.textblob(train)
    systems = {
        "frtone": score(articles, frtone_preds),
        "majority": score(articles, [baselines.majority(train)(a) for a in articles]),
        "textblob-fr": score(articles, [textblob(a) for a in articles]),
        "punctuation": score(articles, [baselines.punctuation(a) for a in articles]),
    }
    sentences = [s for a in articles for s in a.sentences]
    counts = {
        "articles": len(articles),
        "sentences": len(sentences),
        "sarcastic": sum(s.sarcastic for s in sentences),
        "claims": sum(s.claim for s in sentences),
        "stance pairs": sum(len(a.targets) for a in articles for s in a.sentences if s.claim),
        "article targets": sum(len(a.targets) for a in articles),
    }
    notes = (
        f"Baselines fitted on train ({len(train)} articles); textblob-fr threshold {threshold}.",
        "Stance: every (claim sentence, annotated target) pair; frtone gets the gold targets.",
    )
    return EvaluationReport(
        corpus=str(loaded.root),
        split=split or "all",
        backend=analyzer.backend.name,
        counts=counts,
        systems=systems,
        notes=notes,
    )
