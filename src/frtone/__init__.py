"""frtone: claims, stance toward named targets, and sarcasm for French tech-press articles.

Example:
    >>> import frtone
    >>> result = frtone.analyze(
    ...     "Orange paie fort pour acheter pas grand-chose ! Bravo à Numergy pour ce succès.",
    ...     targets=["Orange"],
    ... )
    >>> result.claims[0].sarcasm.label
    True
    >>> result.target("Orange").label
    'against'

Heavy dependencies (spaCy, models) load lazily: ``import frtone`` is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Analyzer",
    "ArticleAnalysis",
    "ArticleSarcasm",
    "BackendInfo",
    "Claim",
    "ClaimSarcasm",
    "Cue",
    "Entity",
    "LanguageInfo",
    "LanguageWarning",
    "Mention",
    "Reported",
    "Span",
    "Stance",
    "Target",
    "TargetResult",
    "Token",
    "Word",
    "__version__",
    "analyze",
]

_LAZY = {
    "Analyzer": "frtone.analyzer",
    "analyze": "frtone.analyzer",
    "Target": "frtone.targets",
    "LanguageWarning": "frtone.errors",
    **{
        name: "frtone.results"
        for name in (
            "ArticleAnalysis",
            "ArticleSarcasm",
            "BackendInfo",
            "Claim",
            "ClaimSarcasm",
            "Cue",
            "Entity",
            "LanguageInfo",
            "Mention",
            "Reported",
            "Span",
            "Stance",
            "TargetResult",
            "Token",
            "Word",
        )
    },
}

if TYPE_CHECKING:
    from frtone.analyzer import Analyzer, analyze
    from frtone.errors import LanguageWarning
    from frtone.results import (
        ArticleAnalysis,
        ArticleSarcasm,
        BackendInfo,
        Claim,
        ClaimSarcasm,
        Cue,
        Entity,
        LanguageInfo,
        Mention,
        Reported,
        Span,
        Stance,
        TargetResult,
        Token,
        Word,
    )
    from frtone.targets import Target


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'frtone' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
