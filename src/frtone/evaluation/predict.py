"""Per-sentence predictions, the common ground on which every system is scored.

frtone's claims are clauses or sentences cut by its own segmenter; the gold annotation is per
sentence. A claim counts for every gold sentence it overlaps, so a claim that wrongly spans
two sentences is judged on both.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from frtone.corpus.schema import AnnotatedArticle, GoldSentence
from frtone.results import ArticleAnalysis, Claim


@dataclass(frozen=True, slots=True)
class SentencePrediction:
    """What a system says of one gold sentence.

    Attributes:
        claim: Predicted to be a claim (``None``: the system does not say).
        sarcastic: Predicted sarcastic (``None``: the system does not say).
        stance: Predicted stance per target name (``None``: the system does not say).
        cues: Predicted cue spans ``(start, end)`` in article offsets.
    """

    claim: bool | None = None
    sarcastic: bool | None = None
    stance: dict[str, str] | None = field(default=None, hash=False)
    cues: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ArticlePrediction:
    """A system's predictions for one article: one per gold sentence, and per-target stance."""

    sentences: tuple[SentencePrediction, ...]
    article_stance: dict[str, str] | None = field(default=None, hash=False)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two character spans share at least one character.

    Example:
        >>> overlaps(0, 5, 4, 9), overlaps(0, 5, 5, 9)
        (True, False)
    """
    return max(a_start, b_start) < min(a_end, b_end)


def best_sentence(sentences: Sequence[GoldSentence], start: int, end: int) -> int:
    """Index of the gold sentence sharing the most characters with ``[start, end)`` (-1: none).

    Example:
        >>> from frtone.corpus.schema import GoldSentence
        >>> gold = [GoldSentence(0, "Un.", 0, 3, True, "neutral", False),
        ...         GoldSentence(1, "Deux trois.", 4, 15, True, "neutral", True)]
        >>> best_sentence(gold, 2, 12), best_sentence(gold, 20, 30)
        (1, -1)
    """
    best, index = 0, -1
    for s in sentences:
        shared = min(end, s.end) - max(start, s.start)
        if shared > best:
            best, index = shared, s.index
    return index


def _sentence_stance(claims: Sequence[Claim], target: str) -> str:
    """The label of the claim with the strongest non-``none`` stance toward ``target``."""
    best, label = 0.0, "none"
    for claim in claims:
        for stance in claim.stances:
            if stance.target == target and stance.label != "none" and abs(stance.score) > best:
                best, label = abs(stance.score), stance.label
    return label


def from_analysis(article: AnnotatedArticle, result: ArticleAnalysis) -> ArticlePrediction:
    """Project frtone's claims onto the article's gold sentences."""
    names = [t.name for t in article.targets]
    out: list[SentencePrediction] = []
    for sentence in article.sentences:
        claims = [
            c for c in result.claims if overlaps(c.start, c.end, sentence.start, sentence.end)
        ]
        sarcastic = [c for c in claims if c.sarcasm.label]
        cues = tuple(
            (cue.start, cue.end)
            for c in sarcastic
            for cue in c.sarcasm.cues
            if overlaps(cue.start, cue.end, sentence.start, sentence.end)
        )
        out.append(
            SentencePrediction(
                claim=bool(claims),
                sarcastic=bool(sarcastic),
                stance={name: _sentence_stance(claims, name) for name in names},
                cues=cues,
            )
        )
    stance: dict[str, str] = {}
    for name in names:
        found = result.target(name)
        stance[name] = found.label if found is not None else "none"
    return ArticlePrediction(tuple(out), stance)


def gold_pairs(
    articles: Sequence[AnnotatedArticle],
) -> list[tuple[AnnotatedArticle, GoldSentence, str]]:
    """Every (article, claim sentence, target) pair on which stance is scored."""
    return [
        (article, sentence, target.name)
        for article in articles
        for sentence in article.sentences
        if sentence.claim
        for target in article.targets
    ]
