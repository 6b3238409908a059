"""Language identification (py3langid, offline, NumPy model without pickle).

Example:
    >>> detect_language("Orange a annoncé le rachat de Cloudwatt, condamné d'avance.").code
    'fr'
    >>> detect_language("ok").code
    'und'
"""

from __future__ import annotations

import threading
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
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
                ident.set_languages(list(CANDIDATES))
                # keep only the candidates' columns: the full table (~28 MB) is never
                # used again once the languages are set
                ident._full_model = (ident.nb_ptc, ident.nb_pc, ident.nb_classes)
                _identifier = ident
    return _identifier


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
