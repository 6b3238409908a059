"""Scorer interfaces and the backend-neutral features they read.

Scorers know nothing of spaCy or stanza: they read :class:`ClaimFeatures` and
:class:`StanceInput`, built by the analyzer from frtone's own annotation types.
The first scorers (:mod:`frtone.scoring.rules`) combine cues and lexicons by
hand; trained scikit-learn scorers implement the same two protocols.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from frtone.results import ClaimKind, Cue, Reported, Span, Token

FAR = 12  # tree distance used when a token is unrelated to any mention


@dataclass(frozen=True, slots=True)
class ClaimFeatures:
    """What a sarcasm or stance scorer may know about a claim.

    Attributes:
        text: The claim text.
        tokens: Its tokens (with lemmas, tags, morphology, dependencies).
        cues: Sarcasm cues found in it.
        token_polarity: Prior polarity per token, negation-adjusted.
        polarity: textblob-fr polarity of the claim (corrected lexicon).
        subjectivity: textblob-fr subjectivity of the claim.
        kind: Claim kind (``heading`` etc.).
        hedged: Whether the claim is hedged (``hedges`` holds the spans).
        reported: Reported-speech source, if any.
        negated: Whether its main predicate is negated.
        context_polarity: Mean evaluative polarity of the neighbouring claims.
        context_irony: Strongest cue weight in the neighbouring claims (irony
            clusters: a weak cue next to strong ones is more likely ironic).
        hedges: Conditional verbs, hedge markers and modal futures in the claim.
        vector: Mean word vector of its content words (empty when the backend
            has no vectors).
    """

    text: str
    tokens: tuple[Token, ...]
    cues: tuple[Cue, ...]
    token_polarity: tuple[float, ...]
    polarity: float
    subjectivity: float
    kind: ClaimKind
    hedged: bool
    reported: Reported | None
    negated: bool
    context_polarity: float = 0.0
    context_irony: float = 0.0
    hedges: tuple[Span, ...] = ()
    vector: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class StanceInput:
    """One (claim, target) pair for a stance scorer.

    Attributes:
        claim: The claim's features.
        target: Target name.
        mentioned: Whether the claim names the target.
        distances: Per token, dependency-tree distance to the nearest mention
            (:data:`FAR` when unrelated or not mentioned).
        sarcasm: The claim's sarcasm probability (irony flips surface polarity).
        other_targets: How many other targets the claim names.
        inherited: Whether the claim continues the topic of a recent claim that
            named the target (it names no target itself).
        index: Position of the claim in the article.
        since: Claims since the target was last named (0 when this claim names
            it, -1 when no earlier claim of the same section did: a heading opens
            a new section).
        share: The target's share of all target mentions in the article.
    """

    claim: ClaimFeatures
    target: str
    mentioned: bool
    distances: tuple[int, ...]
    sarcasm: float
    other_targets: int = 0
    inherited: bool = False
    index: int = 0
    since: int = -1
    share: float = 0.0


@runtime_checkable
class SarcasmScorer(Protocol):
    """Gives each claim a calibrated sarcasm probability.

    Example:
        >>> import frtone
        >>> class ExclamationScorer:  # a toy scorer: every "!" is sarcastic
        ...     threshold = 0.5
        ...     def predict(self, claims):
        ...         return [0.9 if c.text.endswith("!") else 0.1 for c in claims]
        >>> analyzer = frtone.Analyzer(sarcasm_scorer=ExclamationScorer())
        >>> [c.sarcasm.label for c in analyzer.analyze("Bravo ! Le projet avance.").claims]
        [True, False]
    """

    @property
    def threshold(self) -> float:
        """Probability from which a claim is labelled sarcastic."""
        ...

    def predict(self, claims: Sequence[ClaimFeatures]) -> list[float]:
        """Return one probability in [0, 1] per claim."""
        ...


@runtime_checkable
class StanceScorer(Protocol):
    """Scores a claim's stance toward a target.

    The analyzer passes all the pairs of one article in one call, in claim
    order. By default it asks only about the pairs where the claim names the
    target or inherits it from a recent claim (every other pair is ``none``);
    a scorer with the attribute ``pairs = "all"`` is asked about every
    (claim, target) pair, so it can find stance toward a target the claim
    does not name.

    Example:
        >>> import frtone
        >>> class AlwaysAgainst:  # a toy scorer
        ...     def predict(self, items):
        ...         return [(-0.5, 1.0) for _ in items]
        >>> analyzer = frtone.Analyzer(stance_scorer=AlwaysAgainst())
        >>> analyzer.analyze("Orange rachète Cloudwatt.", ["Orange"]).claims[0].stances[0].label
        'against'
    """

    def predict(self, items: Sequence[StanceInput]) -> list[tuple[float, float]]:
        """Return ``(score in [-1, 1], confidence in [0, 1])`` per item."""
        ...
