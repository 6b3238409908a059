"""Linguistic backends: spaCy (default) and stanza.

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
    return ("spacy", "stanza")


def load_backend(name: str = "spacy", **options: Any) -> Backend:
    """Create backend ``name`` with ``options`` and check it provides what frtone needs.

    ``model`` is the spaCy model name or path, or, for stanza, the model
    directory (as ``stanza_dir``/``model_dir``); ``max_length`` is passed on.

    Raises:
        BackendError: Unknown backend name, or the backend lacks annotations.
    """
    if name == "spacy":
        from frtone.backends.spacy_backend import SpacyBackend

        backend: Backend = SpacyBackend(**options)
    elif name == "stanza":
        from frtone.backends.stanza_backend import StanzaBackend

        model, stanza_dir = options.pop("model", None), options.pop("stanza_dir", None)
        model_dir = model if model is not None else stanza_dir
        if model_dir is not None:
            options["model_dir"] = model_dir
        backend = StanzaBackend(**options)
    else:
        raise BackendError(
            f"Unknown backend {name!r}; choose one of: {', '.join(available_backends())}."
        )
    check_provides(backend)
    return backend
