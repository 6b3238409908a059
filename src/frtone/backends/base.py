"""What a backend is: the protocol and the annotations frtone requires of it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, TypeVar, runtime_checkable

from frtone.document import Document
from frtone.errors import BackendError
from frtone.results import BackendInfo

#: Annotations frtone's claim analysis, cues and scorers read.
REQUIRED: frozenset[str] = frozenset(
    {"tokenize", "sentences", "lemma", "pos", "morph", "depparse", "ner"}
)


@runtime_checkable
class Backend(Protocol):
    """A linguistic backend turning text into frtone :class:`~frtone.document.Document`.

    Backends declare what they ``provides``; :func:`check_provides` fails early,
    naming what is missing.

    Example:
        >>> from frtone.backends import load_backend
        >>> backend = load_backend("spacy")
        >>> backend.info.name, "depparse" in backend.provides
        ('spacy', True)
    """

    name: str
    provides: frozenset[str]

    @property
    def info(self) -> BackendInfo:
        """Backend name, model and model version."""
        ...

    def parse(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Document]:
        """Parse texts, streaming one :class:`~frtone.document.Document` per text, in order."""
        ...


def check_provides(backend: Backend, required: frozenset[str] = REQUIRED) -> None:
    """Raise :class:`~frtone.errors.BackendError` if ``backend`` lacks annotations.

    Example:
        >>> class Bare:
        ...     name = "bare"
        ...     provides = frozenset({"tokenize"})
        >>> check_provides(Bare())  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        frtone.errors.BackendError: [E006] Backend 'bare' does not provide ...
    """
    missing = sorted(required - backend.provides)
    if missing:
        raise BackendError(
            f"Backend {backend.name!r} does not provide {', '.join(missing)}, which frtone "
            "requires. Use a full pipeline (e.g. fr_core_news_md for spaCy, or stanza's "
            "tokenize,mwt,pos,lemma,depparse,ner processors)."
        )


T = TypeVar("T")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter), streaming.

    Example:
        >>> list(batches("abcde", 2))
        [['a', 'b'], ['c', 'd'], ['e']]
    """
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
