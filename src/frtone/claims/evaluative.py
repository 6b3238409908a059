"""Per-token prior polarity with negation and inverting intensifiers.

``n'étaient pas adaptées`` makes *adaptées* negative; ``peu réaliste`` and
``trop ambitieuse`` turn praise into criticism.
"""

from __future__ import annotations

from frtone.document import Document
from frtone.scoring.polarity import PolarityLexicon
from frtone.text import fold

NEGATORS = frozenset({"ne", "n'", "pas", "jamais", "guere", "nullement", "sans"})
INVERTERS = frozenset({"peu", "trop", "insuffisamment", "mal"})
NOT_EVALUATIVE_UPOS = frozenset({"PUNCT", "DET", "ADP", "CCONJ", "SCONJ", "PRON", "NUM", "PROPN"})


def token_polarities(doc: Document, lo: int, hi: int, lexicon: PolarityLexicon) -> list[float]:
    """Polarity of each token in ``doc.tokens[lo:hi]`` (0 for non-evaluative tokens)."""
    out: list[float] = []
    tokens = doc.tokens
    for k in range(lo, hi):
        tok = tokens[k]
        word = tok.words[-1]
        upos = word.upos
        if upos in NOT_EVALUATIVE_UPOS:
            out.append(0.0)
            continue
        if upos == "VERB" and word.feats.get("VerbForm") != "Part":
            pol = lexicon.word_polarity(tok.text.lower(), word.lemma, "NOUN")
        else:
            pol = lexicon.word_polarity(tok.text.lower().replace("’", "'"), word.lemma, upos)
        if pol == 0.0:
            out.append(0.0)
            continue
        scope = [word.i, *([word.head] if word.upos in ("ADJ", "ADV", "NOUN") else [])]
        negated = any(fold(doc.words[c].text) in NEGATORS for w in scope for c in doc.children[w])
        before = {fold(doc.tokens[j].text) for j in range(max(lo, k - 2), k)}
        if negated or (pol > 0 and before & INVERTERS):
            pol = -0.7 * pol if pol > 0 else -0.3 * pol
        out.append(pol)
    return out
