"""First scorers: cues and lexicons combined by hand (replaced by trained models later).

Sarcasm: each cue is independent evidence of strength ``weight``; the claim's
probability is ``1 - prod(1 - weight)``, with weak cues (hyperbole, praise
words) discounted when nothing else in the claim points to mockery, and a
small boost when an exclamation or a negative context backs a cue up.

Stance: evaluative words count toward a target in proportion to their
closeness to its mention in the dependency tree; positive wording in a
sarcastic claim counts against (ironic praise of X is against X); cue words
themselves count against the target they mock.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from frtone.scoring.base import FAR, ClaimFeatures, StanceInput

STRONG_KINDS = frozenset(
    {
        "metaphor",
        "idiom",
        "ironic_marker",
        "ironic_punctuation",
        "sarcastic_contrast",
        "ironic_praise",
        "rhetorical_question",
        "scare_quote",
        "understatement",
    }
)
WEAK_ALONE = 0.5  # weak cues (hyperbole, bare praise) count half when alone
SARCASM_THRESHOLD = 0.5
CONTEXT_IRONY = 0.6
STANCE_THRESHOLD = 0.15
INHERITED_FACTOR = 0.6


class RuleSarcasmScorer:
    """Hand-combined sarcasm probability from cue weights.

    Example:
        >>> from frtone.results import Cue
        >>> from frtone.scoring.base import ClaimFeatures
        >>> f = ClaimFeatures("Quid des millions ?", (), (Cue("Quid des millions ?", 0, 19,
        ...     "rhetorical_question", 0.75),), (), 0.0, 0.0, "rhetorical_question", False,
        ...     None, False)
        >>> RuleSarcasmScorer().predict([f])[0] >= 0.5
        True
    """

    threshold = SARCASM_THRESHOLD

    def predict(self, claims: Sequence[ClaimFeatures]) -> list[float]:
        """Return one sarcasm probability per claim."""
        return [self._one(c) for c in claims]

    @staticmethod
    def _one(claim: ClaimFeatures) -> float:
        if not claim.cues:
            return 0.02
        strong = [c for c in claim.cues if c.kind in STRONG_KINDS or c.weight >= 0.7]
        keep = 1.0
        for cue in claim.cues:
            w = cue.weight if (strong or cue.weight >= 0.7) else cue.weight * WEAK_ALONE
            keep *= 1.0 - min(max(w, 0.0), 0.99)
        p = 1.0 - keep
        text = claim.text.rstrip()
        if text.endswith("!") or claim.context_polarity < -0.15 or claim.polarity < -0.1:
            p += (1.0 - p) * 0.15
        if claim.context_irony >= CONTEXT_IRONY:
            p += (1.0 - p) * 0.25  # irony clusters: a cue among ironic neighbours
        if claim.reported is not None and not any(
            c.kind == "ironic_punctuation" for c in claim.cues
        ):
            p *= 0.85  # mockery inside someone else's words is less often the author's
        return round(min(max(p, 0.0), 1.0), 4)


class RuleStanceScorer:
    """Hand-combined stance from evaluative words, tree distance and sarcasm."""

    def predict(self, items: Sequence[StanceInput]) -> list[tuple[float, float]]:
        """Return ``(score, confidence)`` per (claim, target) item."""
        return [self._one(it) for it in items]

    @staticmethod
    def _one(item: StanceInput) -> tuple[float, float]:
        claim = item.claim
        s = item.sarcasm
        near_cue = _near_cues(claim)
        raw = 0.0
        mass = 0.0
        for k, pol in enumerate(claim.token_polarity):
            if pol == 0.0:
                continue
            d = item.distances[k] if item.mentioned else 3
            w = 1.0 / (1.0 + 0.5 * d) if d < FAR else (0.15 if item.other_targets else 0.35)
            if pol > 0:
                # irony flips praise in its scope, and cancels it elsewhere in the claim
                pol *= (1.0 - 2.0 * s) if near_cue[k] else (1.0 - s)
            raw += w * pol
            mass += w
        raw /= max(1.0, mass)
        if s >= 0.3:
            # mockery is against what it mocks: the closer the cue, the more it counts
            share = 1.0 / math.sqrt(1 + item.other_targets)  # mockery of many is less of each
            raw -= s * share * (RuleStanceScorer._cue_closeness(item) if item.mentioned else 0.6)
        score = math.tanh(1.8 * raw)
        if not item.mentioned:
            score *= INHERITED_FACTOR
        confidence = min(1.0, abs(score) * (1.0 if item.mentioned else 0.6) + 0.1 * min(mass, 2))
        return round(score, 4), round(min(confidence, 1.0), 4)

    @staticmethod
    def _cue_closeness(item: StanceInput) -> float:
        """0.8 for a cue on or next to the target, decreasing with tree distance."""
        best = 0.0
        for cue in item.claim.cues:
            ks = [
                k
                for k, t in enumerate(item.claim.tokens)
                if t.start < cue.end and cue.start < t.end
            ]
            if not ks:
                continue
            d = min(item.distances[k] for k in ks)
            best = max(best, 0.8 / (1.0 + 0.35 * d) if d < FAR else 0.15)
        return best if item.claim.cues else 0.5


IRONY_SCOPE = 4  # tokens around a cue where praise reads as irony


def _near_cues(claim: ClaimFeatures) -> list[bool]:
    """Per token: within :data:`IRONY_SCOPE` tokens of a cue (all, in a short claim)."""
    n = len(claim.tokens)
    if n <= 12 or not claim.cues:
        return [bool(claim.cues)] * n
    near = [False] * n
    for h, t in enumerate(claim.tokens):
        if any(c.start < t.end and t.start < c.end for c in claim.cues):
            near[max(0, h - IRONY_SCOPE) : h + IRONY_SCOPE + 1] = [True] * (
                min(n, h + IRONY_SCOPE + 1) - max(0, h - IRONY_SCOPE)
            )
    return near


def stance_label(score: float) -> str:
    """``favor`` above +threshold, ``against`` below -threshold, else ``none``."""
    if score >= STANCE_THRESHOLD:
        return "favor"
    if score <= -STANCE_THRESHOLD:
        return "against"
    return "none"
