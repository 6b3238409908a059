"""Sarcasm cues: lexicon patterns matched on lemmas, and rule-found devices.

Example:
    >>> import frtone
    >>> claim = frtone.analyze("Le projet ? Une usine à gaz, en quelque sorte !").claims[-1]
    >>> [(c.text, c.kind) for c in claim.sarcasm.cues]
    [('usine à gaz', 'metaphor'), ('en quelque sorte', 'ironic_marker')]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from frtone.cues.devices import (
    ironic_praise,
    ironic_punctuation,
    rhetorical_questions,
    scare_quotes,
)
from frtone.cues.patterns import Unit, cue_index, match_units
from frtone.cues.units import make_units
from frtone.document import Document
from frtone.results import Cue

__all__ = ["find_cues"]


def find_cues(
    doc: Document,
    lo: int,
    hi: int,
    *,
    heading: bool,
    evaluative: float,
    context_polarity: float,
    polarity_of: Callable[[Unit], float],
    reported: bool = False,
) -> list[Cue]:
    """Return the sarcasm cues of the claim ``doc.tokens[lo:hi]``, in text order.

    Args:
        doc: The parsed article.
        lo: First token of the claim.
        hi: One past its last token.
        heading: Whether the claim is a heading (its questions are not rhetorical).
        evaluative: Evaluative polarity of the claim.
        context_polarity: Evaluative polarity of the claim and its neighbours.
        polarity_of: Prior polarity of a matching unit.
        reported: Whether the claim is reported speech (its quotations are then
            more likely the source's words than the author's scare quotes).
    """
    tokens = doc.tokens[lo:hi]
    if not tokens:
        return []
    text = doc.text
    start, end = tokens[0].start, tokens[-1].end
    units = make_units(tokens)
    matches = match_units(cue_index(), units)
    cues: list[Cue] = []
    # Bare praise words (low weight) count only when undercut; ironic formulas
    # ("quelle générosité", "mérite une médaille") are cues on their own.
    praise = [m for m in matches if m.pattern.kind == "ironic_praise" and m.pattern.weight < 0.45]
    for m in matches:
        if m in praise:
            continue
        s = tokens[units[m.start_unit].token_start].start
        e = tokens[units[m.end_unit - 1].token_end - 1].end
        cues.append(Cue(text[s:e], s, e, m.pattern.kind, m.pattern.weight))  # type: ignore[arg-type]
    cues += ironic_praise(text, tokens, units, praise, polarity_of, context_polarity)
    cues += ironic_punctuation(text, start, end)
    cues += scare_quotes(text, tokens, reported=reported)
    cues += rhetorical_questions(text, start, end, heading=heading, evaluative=evaluative)
    return _dedupe(cues)


def _dedupe(cues: Sequence[Cue]) -> list[Cue]:
    """Drop cues nested in a stronger or longer one of another kind; keep text order."""
    kept: list[Cue] = []
    for c in sorted(cues, key=lambda c: (-(c.end - c.start), -c.weight)):
        inside = any(k.start <= c.start and c.end <= k.end and k.kind == c.kind for k in kept)
        if not inside:
            kept.append(c)
    return sorted(kept, key=lambda c: (c.start, c.end))
