"""Typed gold annotations of one article (see ``docs/annotation-guide.md``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from frtone.targets import Target

GoldStance = Literal["favor", "against", "none"]
GoldArticleStance = Literal["favor", "against", "none", "mixed"]
Polarity = Literal["positive", "negative", "neutral"]

STANCES: tuple[str, ...] = ("favor", "against", "none")
ARTICLE_STANCES: tuple[str, ...] = ("favor", "against", "none", "mixed")
POLARITIES: tuple[str, ...] = ("positive", "negative", "neutral")
GENRES: tuple[str, ...] = ("news", "column", "editorial", "blog", "interview")
TOPICS: tuple[str, ...] = (
    "cloud",
    "telecom",
    "state-it",
    "startups",
    "bigtech",
    "ai",
    "cyber",
    "regulation",
    "hardware",
    "crypto",
    "other",
)
SPLITS: tuple[str, ...] = ("train", "dev", "test")


@dataclass(frozen=True, slots=True)
class GoldCue:
    """A gold sarcasm cue: its text, kind, and character offsets in the article."""

    text: str
    kind: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class GoldSentence:
    """One annotated sentence.

    Attributes:
        index: Position of the sentence in the article (0-based).
        text: The sentence text, exactly as in the article.
        start: Offset of the first character in the article.
        end: Offset just past the last character.
        claim: Whether the sentence is a claim.
        polarity: Literal polarity of the wording.
        sarcastic: Whether the sentence is ironic, sarcastic or mocking.
        cues: The spans that signal the sarcasm.
        stance: Stance per target name; targets not present are ``none``.
        hedged: Whether the claim is hedged.
        reported: Source of reported speech as written, or ``""``.
        note: The annotator's remark, or ``""``.
    """

    index: int
    text: str
    start: int
    end: int
    claim: bool
    polarity: Polarity
    sarcastic: bool
    cues: tuple[GoldCue, ...] = ()
    stance: dict[str, GoldStance] = field(default_factory=dict, hash=False)
    hedged: bool = False
    reported: str = ""
    note: str = ""

    def stance_for(self, target: str) -> GoldStance:
        """The stance toward ``target`` (``none`` when not annotated)."""
        return self.stance.get(target, "none")


@dataclass(frozen=True, slots=True)
class GoldTarget:
    """A target of the article, its aliases there, and the article-level stance."""

    name: str
    aliases: tuple[str, ...]
    stance: GoldArticleStance

    def spec(self) -> Target:
        """The :class:`~frtone.targets.Target` to give the analyzer."""
        return Target(self.name, self.aliases)


@dataclass(frozen=True, slots=True)
class AnnotatedArticle:
    """An article with its gold annotation.

    Attributes:
        id: File stem, e.g. ``cloudwatt-orange-itsocial``.
        text: The article text.
        genre: news, column, editorial, blog or interview.
        topic: One of :data:`TOPICS`.
        opinionated: Whether the author takes sides.
        source: ``team`` or where the text comes from.
        annotator: Who annotated it.
        targets: The article's targets.
        sentences: Every sentence, in order.
    """

    id: str
    text: str
    genre: str
    topic: str
    opinionated: bool
    source: str
    annotator: str
    targets: tuple[GoldTarget, ...]
    sentences: tuple[GoldSentence, ...]

    def target_specs(self) -> list[Target]:
        """The targets as analyzer input."""
        return [t.spec() for t in self.targets]
