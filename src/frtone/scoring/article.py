"""Article-level aggregation: stance per target and overall sarcasm.

Example:
    >>> article_stance([-0.6, -0.4, 0.0], [1.0, 1.0, 1.0])
    ('against', -0.5)
    >>> article_stance([0.7, -0.6], [1.0, 1.0])[0]
    'mixed'
"""

from __future__ import annotations

from collections.abc import Sequence

from frtone.results import ArticleStanceLabel
from frtone.scoring.rules import STANCE_THRESHOLD

MIXED_SHARE = 0.3
EVIDENCE_FLOOR = 0.1
# A target judged only in crowded claims (naming many targets) needs this much weighted
# evidence; one focused claim (naming at most FOCUS_TARGETS targets) is enough.
MIN_EVIDENCE = 0.45
# Any target needs this much weighted evidence from claims that name it: claims that do not
# name it add to the score, but alone they do not make a stance.
MIN_NAMED_EVIDENCE = 0.3
FOCUS_TARGETS = 3
MIXED_BALANCE = 0.4


def article_stance(
    scores: Sequence[float],
    weights: Sequence[float],
    focused: bool = True,
    named: Sequence[bool] | None = None,
) -> tuple[ArticleStanceLabel, float]:
    """Combine claim scores toward one target into a label and a score.

    Only claims with a stance (``|score| >= threshold``) count. A target that
    no focused claim judges (``focused=False``) needs :data:`MIN_EVIDENCE` of
    weighted evidence, so bystanders named in long, crowded sentences get no
    stance, and every target needs :data:`MIN_NAMED_EVIDENCE`; ``named`` (one
    flag per score: does that claim name the target?) restricts that evidence
    to the claims naming it. ``mixed`` when both
    directions carry at least 30 % of the evidence and neither dominates.
    """
    flags = named if named is not None else [True] * len(scores)
    kept = [
        (s, w, f)
        for s, w, f in zip(scores, weights, flags, strict=True)
        if abs(s) >= STANCE_THRESHOLD
    ]
    pairs = [(s, w) for s, w, _ in kept]
    evidence = sum(abs(s) * w for s, w, f in kept if f)
    if not pairs or evidence < MIN_NAMED_EVIDENCE or (not focused and evidence < MIN_EVIDENCE):
        return "none", 0.0
    favor = sum(s * w for s, w in pairs if s > 0)
    against = -sum(s * w for s, w in pairs if s < 0)
    total = favor + against
    mean = round(sum(s * w for s, w in pairs) / sum(w for _, w in pairs), 4)
    if min(favor, against) >= MIXED_SHARE * total and abs(favor - against) / total < MIXED_BALANCE:
        return "mixed", mean
    if abs(mean) < STANCE_THRESHOLD / 2:
        return "none", mean
    return ("favor" if mean > 0 else "against"), mean


def article_sarcasm(probabilities: Sequence[float], floor: float = EVIDENCE_FLOOR) -> float:
    """Probability that the article holds sarcasm at all.

    The claims holding some evidence (``p >= floor``) are independent evidence:
    ``1 - prod(1 - p)``. The analyzer sets ``floor`` to half the sarcasm threshold (at least
    :data:`EVIDENCE_FLOOR`): a calibrated model gives plain claims of opinionated writing a
    probability of 0.1 to 0.2, and twenty of them must not add up to a sarcastic article.

    Example:
        >>> article_sarcasm([0.9, 0.05]), article_sarcasm([0.2] * 10, floor=0.24)
        (0.9, 0.0)
    """
    keep = 1.0
    for p in probabilities:
        if p >= floor:  # a claim below the floor is no evidence either way
            keep *= 1.0 - min(max(p, 0.0), 1.0)
    return round(1.0 - keep, 4)
