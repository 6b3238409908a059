"""Corpus statistics: what the corpus holds, per split, as the corpus issue requires it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from frtone.corpus.load import Corpus


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """Counts over a corpus.

    Attributes:
        articles: Number of articles.
        original: Articles written by the team (``source = "team"``).
        opinionated: Opinionated articles.
        sentences: Sentences.
        claims: Claim sentences.
        sarcastic: Sarcastic sentences.
        cues: Gold cue spans, by kind.
        topics: Articles per topic.
        genres: Articles per genre.
        splits: Articles per split.
        stance_labels: Per stance label, the number of distinct targets (article, target)
            that have at least one sentence with that label.
        sentence_stances: Sentence-level stance labels over (claim sentence, target) pairs.
    """

    articles: int
    original: int
    opinionated: int
    sentences: int
    claims: int
    sarcastic: int
    cues: dict[str, int] = field(hash=False)
    topics: dict[str, int] = field(hash=False)
    genres: dict[str, int] = field(hash=False)
    splits: dict[str, int] = field(hash=False)
    stance_labels: dict[str, int] = field(hash=False)
    sentence_stances: dict[str, int] = field(hash=False)

    def to_text(self) -> str:
        """A few readable lines."""

        def fmt(counts: dict[str, int]) -> str:
            return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))

        return "\n".join(
            [
                f"articles {self.articles} ({self.original} original, "
                f"{self.opinionated} opinionated); split: {fmt(self.splits)}",
                f"sentences {self.sentences}, claims {self.claims}, sarcastic {self.sarcastic}",
                f"topics: {fmt(self.topics)}",
                f"genres: {fmt(self.genres)}",
                f"cue kinds: {fmt(self.cues)}",
                f"sentence stance labels: {fmt(self.sentence_stances)}",
                f"targets with at least one sentence of each label: {fmt(self.stance_labels)}",
            ]
        )


def corpus_stats(corpus: Corpus) -> CorpusStats:
    """Count what ``corpus`` holds.

    Example:
        >>> from frtone.corpus import load_corpus
        >>> stats = corpus_stats(load_corpus("corpus"))
        >>> stats.sentences >= 600 and stats.sarcastic >= 120
        True
    """
    arts = list(corpus.articles.values())
    sentences = [s for a in arts for s in a.sentences]
    labelled: dict[str, set[tuple[str, str]]] = {"favor": set(), "against": set(), "none": set()}
    pair_labels: Counter[str] = Counter()
    for a in arts:
        for s in a.sentences:
            if not s.claim:
                continue
            for t in a.targets:
                label = s.stance_for(t.name)
                labelled[label].add((a.id, t.name))
                pair_labels[label] += 1
    return CorpusStats(
        articles=len(arts),
        original=sum(a.source == "team" for a in arts),
        opinionated=sum(a.opinionated for a in arts),
        sentences=len(sentences),
        claims=sum(s.claim for s in sentences),
        sarcastic=sum(s.sarcastic for s in sentences),
        cues=dict(Counter(c.kind for s in sentences for c in s.cues)),
        topics=dict(Counter(a.topic for a in arts)),
        genres=dict(Counter(a.genre for a in arts)),
        splits=dict(Counter(corpus.split.values())),
        stance_labels={k: len(v) for k, v in labelled.items()},
        sentence_stances=dict(pair_labels),
    )
