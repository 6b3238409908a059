"""The stanza backend: a stanza French pipeline → frtone :class:`~frtone.document.Document`.

stanza's processors ``tokenize,mwt,pos,lemma,depparse,ner`` are loaded from a
model directory laid out as ``stanza.download`` lays it out
(``DIR/resources.json``, ``DIR/fr/<processor>/<package>.pt``), never downloaded:
the directory is the ``model_dir`` argument, else ``$FRTONE_STANZA_DIR``, else
stanza's own default (``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``).
Missing models raise :class:`~frtone.errors.ModelNotFoundError` naming the
command that installs them.

Paragraphs are processed separately (a heading never runs into the paragraph
before it), long ones cut at sentence ends; offsets stay exact on the input.

Example:
    >>> from frtone.backends.stanza_backend import StanzaBackend, project_model_dir
    >>> backend = StanzaBackend(model_dir=project_model_dir())
    >>> doc = next(backend.parse(["Orange rachète Cloudwatt au prix fort."]))
    >>> [w.text for w in doc.tokens[3].words]
    ['à', 'le']
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from frtone.backends.base import batches
from frtone.backends.spacy_backend import _chunks as paragraph_chunks
from frtone.backends.stanza_convert import document_from_stanza
from frtone.document import Document
from frtone.errors import ModelNotFoundError
from frtone.results import BackendInfo
from frtone.text import normalise, paragraphs

ENV_DIR = "FRTONE_STANZA_DIR"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
DEFAULT_MAX_LENGTH = 5000
INSTALL_STANZA = "pip install torch==2.13.0 && pip install 'frtone[stanza]'"


def download_command(model_dir: str | Path) -> str:
    """The command that downloads stanza's official French models into ``model_dir``.

    Example:
        >>> print(download_command("/data/stanza"))
        python -c "import stanza; stanza.download('fr', model_dir='/data/stanza')"
    """
    return f"python -c \"import stanza; stanza.download('fr', model_dir='{model_dir}')\""


def project_model_dir() -> Path:
    """Directory of the small model frtone makes (``make stanza-model``) in a source checkout.

    Example:
        >>> project_model_dir().parts[-2:]
        ('models', 'stanza')
    """
    return Path(__file__).resolve().parents[3] / "models" / "stanza"


def default_model_dir() -> Path:
    """``$FRTONE_STANZA_DIR`` if set, else stanza's own default resources directory.

    Example:
        >>> import os
        >>> os.environ["FRTONE_STANZA_DIR"] = "/tmp/my-stanza"
        >>> str(default_model_dir())
        '/tmp/my-stanza'
        >>> del os.environ["FRTONE_STANZA_DIR"]
    """
    env = os.environ.get(ENV_DIR)
    if env:
        return Path(env)
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError as exc:
        raise ModelNotFoundError(
            f"stanza is not installed. Install it with: {INSTALL_STANZA}"
        ) from exc
    return Path(DEFAULT_MODEL_DIR)


def _missing_models(model_dir: Path, lang: str, processors: Iterable[str]) -> list[str]:
    """What is missing in ``model_dir`` for ``processors`` (empty when all is there)."""
    resources = model_dir / "resources.json"
    if not resources.is_file():
        return [str(resources)]
    try:
        data = json.loads(resources.read_text(encoding="utf-8"))
        default = data[lang]["packages"]["default"]
    except (OSError, ValueError, KeyError, TypeError):
        return [f"{resources} (no '{lang}' default package)"]
    missing = []
    for proc in processors:
        package = default.get(proc) if isinstance(default, dict) else None
        path = model_dir / lang / proc / f"{package}.pt"
        if not package or not path.is_file():
            missing.append(str(path) if package else f"{proc} in {resources}")
    return missing


def missing_models_error(model_dir: Path, missing: list[str]) -> ModelNotFoundError:
    """The error raised when stanza's French models are not in ``model_dir``.

    Example:
        >>> err = missing_models_error(Path("/nowhere"), ["/nowhere/resources.json"])
        >>> err.code, "stanza.download('fr'" in str(err), "make stanza-model" in str(err)
        ('E003', True, True)
    """
    return ModelNotFoundError(
        f"stanza French models not found in {model_dir} (missing: {', '.join(missing[:3])}). "
        f"Install stanza's models with: {download_command(model_dir)}  (on a machine with "
        "internet, then copy the directory here), or make frtone's small model from a "
        "source checkout with: make stanza-model  (then pass --stanza-dir models/stanza). "
        f"Choose the directory with stanza_dir=... / --stanza-dir or ${ENV_DIR}."
    )


def load_pipeline(
    model_dir: str | Path | None = None, *, use_gpu: bool = False, **options: Any
) -> Any:
    """Load ``stanza.Pipeline("fr", tokenize,mwt,pos,lemma,depparse,ner)`` from ``model_dir``.

    Nothing is downloaded (``download_method=None``).

    Raises:
        ModelNotFoundError: stanza or its French models are not installed; the
            message names the command that installs them.
    """
    directory = Path(model_dir) if model_dir is not None else default_model_dir()
    missing = _missing_models(directory, "fr", PROCESSORS)
    if missing:
        raise missing_models_error(directory, missing)
    try:
        import stanza
        from stanza.resources.common import ResourcesFileNotFoundError
    except ImportError as exc:
        raise ModelNotFoundError(
            f"stanza is not installed. Install it with: {INSTALL_STANZA}"
        ) from exc
    try:
        return stanza.Pipeline(
            "fr",
            dir=str(directory),
            processors=",".join(PROCESSORS),
            download_method=None,
            use_gpu=use_gpu,
            logging_level="WARN",
            **options,
        )
    except (FileNotFoundError, ResourcesFileNotFoundError) as exc:
        raise missing_models_error(directory, [str(getattr(exc, "filename", exc))]) from exc


class StanzaBackend:
    """Backend built on a stanza French pipeline.

    Args:
        model_dir: stanza resources directory (``resources.json`` + ``fr/``);
            default ``$FRTONE_STANZA_DIR`` or stanza's default directory.
        pipeline: An already loaded ``stanza.Pipeline`` to use instead.
        max_length: Longest piece of text handed to stanza at once, in characters.
        use_gpu: Let stanza use a GPU if there is one.

    Example:
        >>> backend = StanzaBackend(model_dir=project_model_dir())
        >>> backend.info.name, backend.info.model
        ('stanza', 'fr_frtone')
    """

    name = "stanza"
    provides = frozenset({"tokenize", "sentences", "lemma", "pos", "morph", "depparse", "ner"})

    def __init__(
        self,
        model_dir: str | Path | None = None,
        *,
        pipeline: Any = None,
        max_length: int | None = None,
        use_gpu: bool = False,
    ) -> None:
        self.model_dir = Path(model_dir) if model_dir is not None else None
        self.nlp = pipeline if pipeline is not None else load_pipeline(model_dir, use_gpu=use_gpu)
        self.max_length = max_length or DEFAULT_MAX_LENGTH
        self._info = self._read_info()

    def _read_info(self) -> BackendInfo:
        import stanza

        config = getattr(self.nlp, "config", {}) or {}
        path = str(config.get("tokenize_model_path", ""))
        package = Path(path).stem if path else "unknown"
        return BackendInfo("stanza", f"fr_{package}", str(stanza.__version__))

    @property
    def info(self) -> BackendInfo:
        """Backend name, model (``fr_<package>``) and stanza version."""
        return self._info

    def parse(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Document]:
        """Parse texts into Documents, streaming in order, paragraphs batched through stanza."""
        for batch in batches(texts, batch_size):
            yield from self._parse_batch(batch)

    def _parse_batch(self, texts: list[str]) -> Iterator[Document]:
        import stanza

        plans: list[list[tuple[int, int, int]]] = []
        jobs: list[Any] = []
        for text in texts:
            pieces = [
                (p.index, s, e)
                for p in paragraphs(text)
                for (s, e) in paragraph_chunks(text, p, self.max_length)
            ]
            plans.append(pieces)
            jobs.extend(stanza.Document([], text=normalise(text[s:e])) for (_, s, e) in pieces)
        parsed = iter(self.nlp(jobs) if jobs else [])
        for text, pieces in zip(texts, plans, strict=True):
            done = [(next(parsed), s, para) for (para, s, _e) in pieces]
            yield document_from_stanza(text, done, self.info, ends=[e for (_, _, e) in pieces])
