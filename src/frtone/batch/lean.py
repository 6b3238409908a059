"""Import spaCy without PyTorch in frtone's own worker processes.

thinc (spaCy's machine-learning layer) imports PyTorch whenever it is installed — and it is
when the ``stanza`` extra is — although CNN pipelines such as ``fr_core_news_md`` never use
it. That costs each process about 260 MB of memory and a second of start-up. frtone's batch
workers and the ``frtone batch`` command import spaCy with PyTorch hidden when the model does
not need it; a library user's own process is never changed.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from frtone.backends.spacy_backend import DEFAULT_MODEL

#: Words in a pipeline's ``config.cfg`` that mean it runs on PyTorch.
TORCH_MARKERS = ("PyTorch", "ransformer", "torch")


def _config_text(model: str) -> str | None:
    path = Path(model)
    if path.is_dir():
        candidates = [path / "config.cfg"]
    else:
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or spec.origin is None:
            return None
        candidates = sorted(Path(spec.origin).parent.glob("*/config.cfg"))
    for config in candidates:
        if config.is_file():
            return config.read_text(encoding="utf-8", errors="replace")
    return None


def needs_torch(model: str | None) -> bool:
    """Whether the spaCy pipeline ``model`` runs on PyTorch (``True`` when unknown).

    Example:
        >>> needs_torch("fr_core_news_md"), needs_torch("no_such_model")
        (False, True)
    """
    if model is not None and (Path(model) / "frtone-model.json").is_file():
        model = None  # a scorer-model folder: the backend loads its default pipeline
    config = _config_text(model or DEFAULT_MODEL)
    return config is None or any(marker in config for marker in TORCH_MARKERS)


def import_spacy_without_torch(model: str | None) -> bool:
    """Import spaCy with PyTorch hidden from thinc, if ``model`` does not need it.

    Does nothing (and returns ``False``) when spaCy or PyTorch is already imported, or when
    the model needs PyTorch. PyTorch stays importable afterwards (stanza still works); only
    thinc's PyTorch support is off in this process.

    Example:
        >>> import subprocess, sys
        >>> code = ("from frtone.batch.lean import import_spacy_without_torch as f; "
        ...         "import sys; print(f(None), 'torch' in sys.modules)")
        >>> subprocess.run([sys.executable, "-c", code], capture_output=True,
        ...                text=True).stdout.split()
        ['True', 'False']
    """
    if "spacy" in sys.modules or "torch" in sys.modules or needs_torch(model):
        return False
    sys.modules["torch"] = None  # type: ignore[assignment]  # makes `import torch` fail
    try:
        import spacy  # noqa: F401
    finally:
        del sys.modules["torch"]
    return True
