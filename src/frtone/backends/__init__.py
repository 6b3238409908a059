"""Linguistic backends: spaCy (default) and, later, stanza.

Example:
    >>> from frtone.backends import available_backends
    >>> "spacy" in available_backends()
    True
"""

from __future__ import annotations

from typing import Any

from frtone.backends.base import REQUIRED, Backend, check_provides
from frtone.errors import BackendError

__all__ = ["REQUIRED", "Backend", "available_backends", "check_provides", "load_backend"]


def available_backends() -> tuple[str, ...]:
    """Names accepted by :func:`load_backend`."""
    return ("spacy",)


def load_backend(name: str = "spacy", **options: Any) -> Backend:
    """Create backend ``name`` with ``options`` and check it provides what frtone needs.

    Raises:
        BackendError: Unknown backend name, or the backend lacks annotations.
    """
    if name == "spacy":
        from frtone.backends.spacy_backend import SpacyBackend

        backend: Backend = SpacyBackend(**options)
    else:
        raise BackendError(
            f"Unknown backend {name!r}; choose one of: {', '.join(available_backends())}."
        )
    check_provides(backend)
    return backend
