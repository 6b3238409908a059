"""Named numeric features for the trained scorers, read from the scorers' inputs.

Every feature is a plain ``name -> value`` entry, so a model file lists the names it was
trained with and a feature it does not know is ignored (see :mod:`frtone.scoring.linear`).
The groups follow the signals of irony and stance in French opinion writing:

- cues: count and strongest weight per device kind, the hand-combined rule probability;
- wording: textblob-fr polarity and subjectivity, positive and negative word counts, praise
  in a negative context (the ironic-praise pattern);
- surface: exclamation and question marks, ellipses, quotes, ``(!)``, length, figures;
- grammar: conditional mood, future and imperfect tenses, negation, hedges, reported speech;
- stance: evaluative words weighted by their tree distance to the target, where the target
  sits in the sentence, irony near the target, how recently and how often the article
  names it.

Example:
    >>> import frtone
    >>> from frtone.scoring.features import sarcasm_features
    >>> seen = []
    >>> class Spy:
    ...     threshold = 0.5
    ...     def predict(self, claims):
    ...         seen.extend(claims)
    ...         return [0.0 for _ in claims]
    >>> _ = frtone.Analyzer(sarcasm_scorer=Spy()).analyze("Quel exploit (!) : encore un retard.")
    >>> row = sarcasm_features(seen[0])
    >>> row["cue:strong"], row["surface:exclaim"]
    (1.0, 1.0)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any, get_args

from frtone.results import ClaimKind, CueKind
from frtone.scoring.base import FAR, ClaimFeatures, StanceInput
from frtone.scoring.rules import STRONG_KINDS, RuleSarcasmScorer, RuleStanceScorer

CUE_KINDS: tuple[str, ...] = get_args(CueKind)
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)
QUOTES = frozenset('«»“”"')
MONEY = frozenset({"€", "euro", "million", "milliard", "dollar"})
SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
STRONG_WEIGHT = 0.5  # a cue of a strong kind at least this heavy is clear evidence
_DIGIT = re.compile(r"\d")
NEAR = 2  # tree distance at which an evaluative word is "near" the target

_RULE_SARCASM = RuleSarcasmScorer()
_RULE_STANCE = RuleStanceScorer()


def _bucket(prefix: str, value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"{prefix}<={edge}"
    return f"{prefix}>{edges[-1]}"


def sarcasm_features(claim: ClaimFeatures) -> dict[str, float]:
    """The sarcasm model's features of one claim (names to values).

    Args:
        claim: What the analyzer knows of the claim.

    Returns:
        Feature values; absent names count as 0.
    """
    row: dict[str, float] = {"rule:prob": _RULE_SARCASM.predict([claim])[0]}
    for cue in claim.cues:  # weighted by the cue's own strength: weak cues count little
        key = f"cue:{cue.kind}"
        row[key] = row.get(key, 0.0) + cue.weight
    if claim.cues:
        row["cue:sum"] = math.log1p(sum(c.weight for c in claim.cues))
        row["cue:max"] = max(c.weight for c in claim.cues)
        if any(c.kind in STRONG_KINDS and c.weight >= STRONG_WEIGHT for c in claim.cues):
            row["cue:strong"] = 1.0
    row.update(_wording(claim))
    row.update(_surface(claim))
    row.update(_grammar(claim))
    row[f"kind:{claim.kind}"] = 1.0
    return row


def _wording(claim: ClaimFeatures) -> dict[str, float]:
    pos = sum(1 for p in claim.token_polarity if p > 0)
    neg = sum(1 for p in claim.token_polarity if p < 0)
    row = {
        "pol:textblob": claim.polarity,
        "pol:subjectivity": claim.subjectivity,
        "pol:pos": math.log1p(pos),
        "pol:neg": math.log1p(neg),
        "pol:sum": max(-1.0, min(1.0, sum(claim.token_polarity))),
        "pol:context": claim.context_polarity,
        "irony:context": claim.context_irony,
    }
    if pos and neg:
        row["pol:contrast"] = 1.0
    if pos and claim.context_polarity < -0.1:
        row["pol:praise_in_negative_context"] = 1.0
    if claim.polarity > 0.1 and (claim.context_irony > 0 or claim.context_polarity < 0):
        row["pol:positive_vs_context"] = claim.polarity
    return row


def _surface(claim: ClaimFeatures) -> dict[str, float]:
    text = claim.text.rstrip()
    n = len(claim.tokens)
    row: dict[str, float] = {"surface:length": math.log1p(n) / 4.0}
    if "!" in text:
        row["surface:exclaim"] = 1.0
    if text.endswith("?"):
        row["surface:question"] = 1.0
    elif "?" in text:
        row["surface:inner_question"] = 1.0
    if "…" in text or "..." in text:
        row["surface:ellipsis"] = 1.0
    if not QUOTES.isdisjoint(text):
        row["surface:quotes"] = 1.0
    if "(!)" in text or "(?)" in text:
        row["surface:paren_mark"] = 1.0
    if "(" in text:
        row["surface:parenthesis"] = 1.0
    if ":" in text:
        row["surface:colon"] = 1.0
    if n <= 6:
        row["surface:short"] = 1.0
    digits = sum(1 for t in claim.tokens if _DIGIT.search(t.text))
    if digits:
        row["surface:figures"] = math.log1p(digits)
    if any(w.lemma.lower() in MONEY for t in claim.tokens for w in t.words):
        row["surface:money"] = 1.0
    return row


def _grammar(claim: ClaimFeatures) -> dict[str, float]:
    row: dict[str, float] = {}
    for t in claim.tokens:
        for w in t.words:
            if not w.feats and w.upos != "INTJ":
                continue  # punctuation, most particles: nothing to read
            mood, tense = w.feats.get("Mood"), w.feats.get("Tense")
            if mood == "Cnd":
                row["gram:conditional"] = 1.0
            elif mood == "Imp":
                row["gram:imperative"] = 1.0
            if tense == "Fut":
                row["gram:future"] = 1.0
            elif tense == "Imp" and w.upos in {"VERB", "AUX"}:
                row["gram:imperfect"] = 1.0
            if w.upos == "INTJ":
                row["gram:interjection"] = 1.0
            if w.upos == "PRON" and w.feats.get("Person") in {"1", "2"}:
                row["gram:person_1_2"] = 1.0
    if claim.hedged:
        row["gram:hedged"] = 1.0
    if claim.reported is not None:
        row["gram:reported"] = 1.0
    if claim.negated:
        row["gram:negated"] = 1.0
    return row


def stance_features(item: StanceInput) -> dict[str, float]:
    """The stance model's features of one (claim, target) pair.

    Args:
        item: The pair, with tree distances from the target's mentions and the claim's
            sarcasm probability.

    Returns:
        Feature values; absent names count as 0. Names starting with ``m:`` are
        about a claim that names the target, ``u:`` about one that does not.
    """
    row = _claim_stance(item.claim, item.sarcasm, item.distances if item.mentioned else None)
    row.update(_relation(item))
    row.update(_target_stance(item))
    return row


def _claim_stance(
    claim: ClaimFeatures, s: float, distances: tuple[int, ...] | None
) -> dict[str, float]:
    """The features of a pair that depend on its claim alone.

    ``distances``: the tree distances from the target's mentions when the claim names it.
    """
    scope = "u" if distances is None else "m"
    row: dict[str, float] = {
        f"{scope}:bias": 1.0,
        f"{scope}:sarcasm": s,
        f"{scope}:polarity": claim.polarity,
        f"{scope}:context": claim.context_polarity,
    }
    near_pos = near_neg = far_pos = far_neg = 0.0
    for k, pol in enumerate(claim.token_polarity):
        if pol == 0.0:
            continue
        near = distances is not None and distances[k] <= NEAR
        if pol > 0:
            if near:
                near_pos += pol
            else:
                far_pos += pol
        elif near:
            near_neg -= pol
        else:
            far_neg -= pol
    row[f"{scope}:near_pos"] = math.tanh(near_pos)
    row[f"{scope}:near_neg"] = math.tanh(near_neg)
    row[f"{scope}:far_pos"] = math.tanh(far_pos)
    row[f"{scope}:far_neg"] = math.tanh(far_neg)
    row[f"{scope}:ironic_praise"] = s * math.tanh(near_pos + far_pos)
    if claim.cues:
        row[f"{scope}:cue"] = max(c.weight for c in claim.cues)
    if claim.reported is not None:
        row[f"{scope}:reported"] = 1.0
    if claim.hedged:
        row[f"{scope}:hedged"] = 1.0
    if claim.negated:
        row[f"{scope}:negated"] = 1.0
    row[f"{scope}:kind:{claim.kind}"] = 1.0
    return row


def _relation(item: StanceInput) -> dict[str, float]:
    """How the claim relates to the targets: the rule stance, where the target is named.

    For a target the claim does not name, it depends only on the claim, its sarcasm,
    whether the target is inherited and how many targets the claim names: the same
    toward every such target (:func:`pair_rows` builds it once per claim).
    """
    scope = "m" if item.mentioned else "u"
    rule_score = 0.0
    if item.mentioned or item.inherited:
        rule_score = _RULE_STANCE.predict([item])[0][0]
    row = {f"{scope}:rule": rule_score}
    if item.mentioned:
        row.update(_target_position(item))
        row[_bucket("m:others", item.other_targets, (0, 1, 2))] = 1.0
    else:
        if item.inherited:
            row["u:inherited"] = 1.0
        row[_bucket("u:names", item.other_targets, (0, 1))] = 1.0
    return row


def _target_stance(item: StanceInput) -> dict[str, float]:
    """What the pair's features know of the target in the article: its share, recency."""
    if item.mentioned:
        return {"m:share": item.share}
    return {"u:share": item.share, _bucket("u:since", item.since, (-1, 1, 3, 6)): 1.0}


def _target_position(item: StanceInput) -> dict[str, float]:
    """Where the target's mention sits: subject, object, in a reported source, tree depth."""
    row: dict[str, float] = {}
    claim = item.claim
    for k, d in enumerate(item.distances):
        if d != 0:
            continue
        for w in claim.tokens[k].words:
            if w.deprel in SUBJECTS:
                row["m:subject"] = 1.0
            elif w.deprel in {"obj", "iobj"}:
                row["m:object"] = 1.0
            elif w.deprel in {"nmod", "obl", "obl:arg"}:
                row["m:oblique"] = 1.0
            elif w.deprel == "root":
                row["m:root"] = 1.0
    if claim.reported is not None and claim.reported.start >= 0:
        inside = any(
            d == 0 and claim.reported.start <= t.start < claim.reported.end
            for t, d in zip(claim.tokens, item.distances, strict=True)
        )
        if inside:
            row["m:is_source"] = 1.0
    known = [d for d in item.distances if d < FAR]
    row["m:reach"] = len(known) / max(1, len(item.distances))
    return row


PRIOR_CLAIMS = 10  # article averages count this many typical claims besides the real ones
PRIOR_CUE_RATE = 0.1  # share of claims with a cue in a typical article
VECTOR_SCALE = 0.1  # vectors span 300 columns: a small scale is a stronger prior toward 0


def claim_rows(claims: Sequence[ClaimFeatures], vectors: bool = True) -> list[dict[str, float]]:
    """Features of the claims of one article, in order, with their article context.

    Besides :func:`sarcasm_features`, each row holds: the share of the article's claims
    with a cue (ironic articles stay ironic), the article's mean wording, the rule
    probability of the previous and next claims, and the mean word vector of its content
    words (``vec:``), through which unseen words near known mocking ones still count.
    Lemmas themselves are left out: on this corpus they memorise the writers' vocabulary
    and raise false alarms on claims without any cue.

    Args:
        claims: One article's claims in order (as the analyzer passes them).
        vectors: Include the ``vec:`` entries (the trained scorers leave them out and add
            the vectors to their feature matrix directly, see :func:`vector_block`).
    """
    base = [sarcasm_features(c) for c in claims]
    if not base:
        return []
    rule = [b["rule:prob"] for b in base]
    # shrunk toward a typical article, so a two-sentence text is not "all irony"
    rate = (sum(p >= 0.3 for p in rule) + PRIOR_CLAIMS * PRIOR_CUE_RATE) / (
        len(rule) + PRIOR_CLAIMS
    )
    mean_pol = sum(b["pol:sum"] for b in base) / (len(base) + PRIOR_CLAIMS)
    for k, (claim, row) in enumerate(zip(claims, base, strict=True)):
        row["art:cue_rate"] = rate
        row["art:mean_pol"] = mean_pol
        row["art:rate_x_pos"] = rate * row.get("pol:pos", 0.0)
        row["ctx:prev"] = rule[k - 1] if k > 0 else 0.0
        row["ctx:next"] = rule[k + 1] if k + 1 < len(rule) else 0.0
        if vectors:
            for j, v in enumerate(claim.vector):
                if v:
                    row[f"vec:{j}"] = VECTOR_SCALE * v
    return base


def vector_block(claims: Sequence[ClaimFeatures], names: Sequence[str]) -> tuple[list[int], Any]:
    """The ``vec:`` columns of a model and their values for ``claims``, as one array.

    Same values as the ``vec:`` entries of :func:`claim_rows`, without building them one by
    one: returns the column indices (into ``names``) and a ``claims × columns`` array.
    """
    import numpy as np

    cols, dims = _vector_columns(tuple(names))
    width = max((len(c.vector) for c in claims), default=0)
    if not cols or not width:
        return cols, np.zeros((len(claims), len(cols)))
    zero = (0.0,) * width
    table = np.array([c.vector or zero for c in claims], dtype=float)
    return cols, VECTOR_SCALE * table[:, dims]


@lru_cache(maxsize=8)
def _vector_columns(names: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """The ``vec:`` columns among ``names`` and the vector dimension each one holds."""
    cols = [j for j, name in enumerate(names) if name.startswith("vec:")]
    return cols, [int(names[j][4:]) for j in cols]


def pair_rows(
    items: Sequence[StanceInput], direction: Mapping[int, tuple[float, float]]
) -> list[dict[str, float]]:
    """Features of one article's (claim, target) pairs, with the claims' direction.

    Besides :func:`stance_features`, each row holds the rule stance of the neighbouring
    claims toward the same target and the claim's direction (``P(favor)``,
    ``P(against)``, whoever it is about), alone and crossed with how the claim relates
    to the target (named, recently named, the target's share of the article). Article-wide
    averages are left out on purpose: they make every claim of a one-sided article take
    its side, even a claim about the weather.

    Args:
        items: The pairs, in claim order (as the analyzer passes them).
        direction: Per claim index, ``(P(favor), P(against))`` of the claim's direction.
    """
    # Toward the targets a claim does not name, only the target's share and recency
    # differ: the rest is built once per claim (claims times targets add up to many pairs).
    unnamed: dict[tuple[int, float, bool, int], dict[str, float]] = {}

    def features(it: StanceInput) -> dict[str, float]:
        if it.mentioned:
            return stance_features(it)
        # the items hold the claims: their ids stay unique meanwhile
        key = (id(it.claim), it.sarcasm, it.inherited, it.other_targets)
        base = unnamed.get(key)
        if base is None:
            base = unnamed[key] = _claim_stance(it.claim, it.sarcasm, None)
            base.update(_relation(it))
        row = dict(base)
        row.update(_target_stance(it))
        return row

    rows = [features(it) for it in items]
    at = {(it.index, it.target): k for k, it in enumerate(items)}
    for it, row in zip(items, rows, strict=True):
        for step, name in ((-1, "prev"), (1, "next"), (-2, "prev2")):
            j = at.get((it.index + step, it.target))
            if j is not None:
                other = rows[j]
                row[f"ctx:{name}"] = other.get("m:rule", other.get("u:rule", 0.0))
        pf, pa = direction.get(it.index, (0.0, 0.0))
        scope = "m" if it.mentioned else "u"
        row[f"{scope}:dir_f"] = pf
        row[f"{scope}:dir_a"] = pa
        row["x:dir_f_share"] = pf * it.share
        row["x:dir_a_share"] = pa * it.share
        if not it.mentioned:
            near = 1.0 if 0 <= it.since <= 3 else 0.0
            alone = 1.0 if it.other_targets == 0 else 0.0
            row["x:dir_f_near"], row["x:dir_a_near"] = pf * near, pa * near
            row["x:dir_f_inherited"] = pf * it.inherited
            row["x:dir_a_inherited"] = pa * it.inherited
            row["x:dir_f_alone"], row["x:dir_a_alone"] = pf * alone, pa * alone
    return rows
