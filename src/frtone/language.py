"""Language identification (py3langid, offline, NumPy model without pickle).

py3langid walks its n-gram automaton over the text byte by byte in Python. frtone
walks it word by word instead, remembering where each word leads from each state
(:func:`_visits`): the same features in the same order, so the same scores to the
last bit, at a fraction of the cost on running text, whose words keep recurring.

Example:
    >>> detect_language("Orange a annoncé le rachat de Cloudwatt, condamné d'avance.").code
    'fr'
    >>> detect_language("ok").code
    'und'
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from functools import cache
from typing import Any

from frtone.results import LanguageInfo

MIN_CHARS = 20
SAMPLE_CHARS = 4000
FRENCH_MIN_CONFIDENCE = 0.5
# Languages the identifier chooses among: the ones a French tech-press archive meets.
CANDIDATES = ("fr", "en", "de", "es", "it", "pt", "nl", "ca", "la", "ro", "pl", "sv", "da")

_identifier: Any = None
_lock = threading.Lock()


def _get_identifier() -> Any:
    global _identifier
    if _identifier is None:
        with _lock:
            if _identifier is None:
                from py3langid.langid import MODEL_FILE

                ident = _identifier_class().from_model_file(MODEL_FILE, norm_probs=True)
                ident.set_languages(list(CANDIDATES))
                # keep only the candidates' columns: the full table (~28 MB) is never
                # used again once the languages are set
                ident._full_model = (ident.nb_ptc, ident.nb_pc, ident.nb_classes)
                _identifier = ident
    return _identifier


@cache
def _identifier_class() -> Any:
    """py3langid's ``LanguageIdentifier`` with the memoised walk (:func:`_visits`)."""
    from py3langid.langid import LanguageIdentifier

    class Identifier(LanguageIdentifier):  # type: ignore[misc]  # untyped library
        __slots__ = ()

        def _raw_score(self, text: bytes) -> Any:
            visits = _visits(self, text)
            if visits:
                return self._sparse_score(visits, self.nb_ptc)
            return super()._raw_score(text)  # no feature: the library's fallback

    return Identifier


# A chunk of encoded text: a word and the space after it (an n-gram may span both).
_CHUNK = re.compile(rb"[^ ]* ?")
_WALKS: dict[tuple[int, bytes], tuple[int, tuple[int, ...]]] = {}
WALK_CACHE = 200_000


def _visits(ident: Any, data: bytes) -> Counter[int] | None:
    """py3langid's ``visit_counts`` on ``data``, walking a chunk (word) at a time.

    The automaton's state after a chunk, and the features met on the way, depend only
    on the state before it and the chunk's bytes: each ``(state, chunk)`` is walked
    once and remembered. The features come out in the byte-by-byte walk's order, so
    the counter (and the float sums made from it) are exactly the library's.
    """
    nextmove, rowbase, output = ident.tk_nextmove, ident._rowbase, ident.tk_output
    memo = _WALKS
    if len(memo) > WALK_CACHE:
        memo.clear()
    state = 0
    found: list[int] = []
    for chunk in _CHUNK.findall(data):
        step = memo.get((state, chunk))
        if step is None:
            end, features = state, []
            for byte in chunk:
                end = nextmove[rowbase[end] + byte]
                feature = output[end]
                if feature >= 0:
                    features.append(feature)
            step = memo[state, chunk] = (end, tuple(features))
        state = step[0]
        found += step[1]
    return Counter(found) if found else None


def load_identifier() -> None:
    """Load the language identifier now.

    Loading it reads the full model (about 50 MB more than it keeps) for a moment; the
    analyzer does it before loading its backend, so that moment does not add to the peak
    memory of a process that holds a spaCy model.

    Example:
        >>> load_identifier()
        >>> detect_language("Le cloud souverain reste une chimère coûteuse.").code
        'fr'
    """
    _get_identifier()


def detect_language(text: str) -> LanguageInfo:
    """Identify the language of ``text`` from its first few thousand characters.

    Texts with fewer than :data:`MIN_CHARS` letters get code ``und`` and are
    treated as French (there is nothing to judge).
    """
    if not _has_letters(text[:SAMPLE_CHARS], MIN_CHARS):
        return LanguageInfo("und", 0.0, True)
    code, prob = _get_identifier().classify(text[:SAMPLE_CHARS])
    prob = round(float(prob), 4)
    return LanguageInfo(str(code), prob, code == "fr" and prob >= FRENCH_MIN_CONFIDENCE)


def _has_letters(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` letters (stops counting at ``n``)."""
    if n <= 0:
        return True
    for c in text:
        if c.isalpha():
            n -= 1
            if n == 0:
                return True
    return False
