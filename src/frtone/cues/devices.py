"""Irony devices found by rule rather than by lexicon.

- ironic punctuation: ``(!)``, ``(sic)``, ``(?)``, ``?!``;
- mocking scare quotes: a short, lower-case quotation of a word or phrase
  (« modernisation »), as opposed to quoted speech (a clause, or after a
  colon) or titles;
- sarcastic rhetorical questions: ``Quid des 150 millions ?``, insinuating
  parenthetical questions ``(politique?)``;
- ironic praise: a praise word undercut by its context (``le sympathique mais
  débordé``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from frtone.cues.patterns import PatternMatch, Unit
from frtone.lang.fr.claims import NAMING_WORDS, RHETORICAL_OPENERS
from frtone.lang.fr.punctuation import IRONIC_PUNCTUATION, QUOTE_PAIRS
from frtone.results import Cue, Token
from frtone.sentences import matched_spans as _matched_spans
from frtone.text import fold

_IRONIC_PUNCT = re.compile(
    r"\(\s*(?:!\s*\?|\?\s*!|!|\?|sic\s*!?)\s*\)|\?\s?!|!\s?\?|!{3,}", re.IGNORECASE
)
_PAREN_QUESTION = re.compile(r"\(([^()]{1,80}?)\s*\?\s*\)")
_MONEY = re.compile(r"\b\d[\d  ,.]*\s*(?:millions?|milliards?|M€|Md€|€|euros?)", re.IGNORECASE)
MAX_SCARE_WORDS = 4
SCARE_QUOTE_WEIGHT = 0.45
PRAISE_CONTRAST_WINDOW = 4


def ironic_punctuation(text: str, start: int, end: int) -> list[Cue]:
    """``(!)``, ``(sic)``, ``(?)``, ``?!`` and ``!!!`` inside ``text[start:end]``."""
    out = []
    for m in _IRONIC_PUNCT.finditer(text, start, end):
        key = re.sub(r"\s+", "", m.group()).lower()
        key = "(sic !)" if key == "(sic!)" else key
        weight = IRONIC_PUNCTUATION.get(key, IRONIC_PUNCTUATION.get(key[:3], 0.4))
        out.append(Cue(m.group(), m.start(), m.end(), "ironic_punctuation", weight))
    return out


def scare_quotes(text: str, tokens: Sequence[Token], *, reported: bool = False) -> list[Cue]:
    """Short lower-case quotations not introduced as speech: mocking scare quotes.

    Alone a scare quote is not enough to call a claim sarcastic (its weight is
    below one half): quotation marks also cite a source's words or introduce a
    term. Quotations after a naming word (*baptisé*, *la définition d'un*) are
    terms, and in reported speech they are more likely the source's own words.
    """
    out = []
    forms = [t.text for t in tokens]
    for open_i, close_i in _matched_spans(forms):
        if forms[open_i] not in QUOTE_PAIRS:
            continue  # brackets, not quotes
        inner = [t for t in tokens[open_i + 1 : close_i] if any(c.isalnum() for c in t.text)]
        if not inner or len(inner) > MAX_SCARE_WORDS or not inner[0].text[:1].islower():
            continue
        if open_i > 0 and tokens[open_i - 1].text == ":":
            continue  # quoted speech introduced by a colon
        before = {fold(w.lemma) for t in tokens[max(0, open_i - 4) : open_i] for w in t.words}
        if before & NAMING_WORDS:
            continue  # a term being introduced or defined, not mocked
        if any(
            w.upos in ("VERB", "AUX") and w.feats.get("VerbForm") == "Fin"
            for t in inner
            for w in t.words
        ):
            continue  # a quoted clause is speech; a scare quote is a word or a phrase
        s, e = tokens[open_i].start, tokens[close_i].end
        weight = SCARE_QUOTE_WEIGHT * (0.5 if reported else 1.0)
        out.append(Cue(text[s:e], s, e, "scare_quote", weight))
    return out


def rhetorical_questions(
    text: str, start: int, end: int, *, heading: bool, evaluative: float
) -> list[Cue]:
    """Sarcastic rhetorical questions in ``text[start:end]``.

    A question counts when it opens with a rhetorical formula (``Quid``,
    ``Faut-il``...), even in a heading, or — outside headings — when it is about money spent or
    evaluates negatively; an insinuating parenthetical question (``(politique?)``)
    counts too.
    """
    out: list[Cue] = []
    for m in _PAREN_QUESTION.finditer(text, start, end):
        if len(m.group(1).split()) <= 8:
            out.append(Cue(m.group(), m.start(), m.end(), "rhetorical_question", 0.45))
    span = text[start:end].rstrip()
    if not span.endswith("?"):
        return out
    folded = fold(span)
    strip = len(span) - len(span.lstrip())
    opener = next((w for o, w in RHETORICAL_OPENERS.items() if folded.lstrip().startswith(o)), 0)
    if opener:
        out.append(
            Cue(span.strip(), start + strip, start + len(span), "rhetorical_question", opener)
        )
    elif heading:
        return out  # "Quel avenir pour Cloudwatt ?" asks; only formulas mock in headings
    elif _MONEY.search(span) or evaluative < -0.25:
        out.append(Cue(span.strip(), start + strip, start + len(span), "rhetorical_question", 0.55))
    return out


def ironic_praise(
    text: str,
    tokens: Sequence[Token],
    units: Sequence[Unit],
    praise: Sequence[PatternMatch],
    polarity_of: Callable[[Unit], float],
    context_polarity: float,
) -> list[Cue]:
    """Praise words undercut by ``mais`` + a negative word, or by a negative context.

    ``praise`` are lexicon matches of kind ``ironic_praise``. The cue spans from
    the praise word to the undercutting word (``sympathique mais débordé``).
    """
    out = []
    for m in praise:
        cue_end_unit = None
        for j in range(m.end_unit, min(m.end_unit + PRAISE_CONTRAST_WINDOW, len(units))):
            if units[j].form == "mais":
                for k in range(j + 1, min(j + 1 + PRAISE_CONTRAST_WINDOW, len(units))):
                    if polarity_of(units[k]) < 0:
                        cue_end_unit = k + 1
                        break
                break
        s = tokens[units[m.start_unit].token_start].start
        if cue_end_unit is not None:
            e = tokens[units[cue_end_unit - 1].token_end - 1].end
            out.append(Cue(text[s:e], s, e, "ironic_praise", 0.8))
        elif context_polarity < -0.2:
            e = tokens[units[m.end_unit - 1].token_end - 1].end
            out.append(Cue(text[s:e], s, e, "ironic_praise", 0.4))
    return out
