"""Simple baselines that frtone must beat, scored on the same gold sentences.

- ``majority``: the most frequent label of the training split, everywhere.
- ``textblob-fr``: a sentence that names a target gets ``favor`` when textblob-fr's polarity of
  its words is above ``+t``, ``against`` below ``-t``, else ``none``; ``t`` is chosen on the
  training split. Article stance: the same rule on the mean polarity of the sentences that
  name the target.
- ``punctuation``: a sentence is sarcastic when it holds ``!``, ``?``, an ellipsis, or quotes
  (« », " ", “ ”) — the surface marks of irony.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from frtone.corpus.schema import AnnotatedArticle
from frtone.evaluation.predict import ArticlePrediction, SentencePrediction
from frtone.targets import find_mentions
from frtone.text import fold

_WORD = re.compile(r"\w+(?:[-’']\w+)*", re.UNICODE)
_IRONY_MARKS = re.compile(r"[!?…«»“”\"]|\.\.\.")
THRESHOLDS: tuple[float, ...] = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4)

Baseline = Callable[[AnnotatedArticle], ArticlePrediction]


def _majority(labels: Sequence[object]) -> object:
    return Counter(labels).most_common(1)[0][0] if labels else None


def majority(train: Sequence[AnnotatedArticle]) -> Baseline:
    """The majority-class baseline fitted on ``train``."""
    sentences = [s for a in train for s in a.sentences]
    claim = bool(_majority([s.claim for s in sentences]))
    sarcastic = bool(_majority([s.sarcastic for s in sentences]))
    stance = str(
        _majority(
            [s.stance_for(t.name) for a in train for s in a.sentences if s.claim for t in a.targets]
        )
        or "none"
    )
    article = str(_majority([t.stance for a in train for t in a.targets]) or "none")

    def predict(article_: AnnotatedArticle) -> ArticlePrediction:
        names = [t.name for t in article_.targets]
        one = SentencePrediction(claim, sarcastic, {n: stance for n in names})
        return ArticlePrediction(
            tuple(one for _ in article_.sentences), {n: article for n in names}
        )

    return predict


def punctuation(article: AnnotatedArticle) -> ArticlePrediction:
    """The punctuation/quote heuristic for sarcasm."""
    return ArticlePrediction(
        tuple(
            SentencePrediction(sarcastic=bool(_IRONY_MARKS.search(s.text)))
            for s in article.sentences
        )
    )


def _polarity(text: str) -> float:
    from frtone.scoring.polarity import shared_lexicon

    return shared_lexicon().sentiment_words(_WORD.findall(text))[0]


def _label(polarity: float, threshold: float) -> str:
    if polarity > threshold:
        return "favor"
    if polarity < -threshold:
        return "against"
    return "none"


def _textblob_predict(article: AnnotatedArticle, threshold: float) -> ArticlePrediction:
    specs = {t.name: t.spec() for t in article.targets}
    sentences: list[SentencePrediction] = []
    named: dict[str, list[float]] = {n: [] for n in specs}
    for s in article.sentences:
        folded = fold(s.text)
        polarity = _polarity(s.text)
        stance = {}
        for name, spec in specs.items():
            hit = bool(find_mentions(s.text, spec, folded))
            stance[name] = _label(polarity, threshold) if hit else "none"
            if hit:
                named[name].append(polarity)
        sentences.append(SentencePrediction(stance=stance))
    article_stance = {
        n: _label(sum(v) / len(v), threshold) if v else "none" for n, v in named.items()
    }
    return ArticlePrediction(tuple(sentences), article_stance)


def textblob(train: Sequence[AnnotatedArticle]) -> tuple[Baseline, float]:
    """The textblob-fr thresholding baseline, its threshold chosen on ``train`` by F_avg."""
    from frtone.evaluation.metrics import stance_scores

    best_t, best_f = THRESHOLDS[0], -1.0
    for t in THRESHOLDS:
        preds = [_textblob_predict(a, t) for a in train]
        f_avg = stance_scores(train, preds)["f_avg"]
        if f_avg > best_f:
            best_t, best_f = t, f_avg
    return (lambda article: _textblob_predict(article, best_t)), best_t
