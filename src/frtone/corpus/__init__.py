"""The annotated corpus: stand-off annotations, their validator, the split, and evaluation.

The format is described in ``docs/annotation-guide.md``. :func:`load_corpus` reads a corpus
folder (``articles/``, ``annotations/``, ``split.toml``) and raises
:class:`~frtone.errors.CorpusError` listing every problem when a file does not match.
"""

from __future__ import annotations

from frtone.corpus.load import Corpus, load_article, load_corpus
from frtone.corpus.schema import AnnotatedArticle, GoldCue, GoldSentence, GoldTarget

__all__ = [
    "AnnotatedArticle",
    "Corpus",
    "GoldCue",
    "GoldSentence",
    "GoldTarget",
    "load_article",
    "load_corpus",
]
