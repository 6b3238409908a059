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

Heavy dependencies (spaCy, its model, textblob-fr's lexicon, the language identifier)
load on first use: ``import frtone`` does not import spaCy.
"""

from __future__ import annotations

__version__ = "0.1.0"

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
