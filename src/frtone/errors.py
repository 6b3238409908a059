"""Errors and warnings raised by frtone.

Every error carries a stable code (``E001``...) and says how to fix the
problem, in the manner of spaCy's error catalogue. Catch :class:`FrtoneError`
to handle all of them.

Example:
    >>> import frtone
    >>> try:
    ...     frtone.analyze(42)  # type: ignore[arg-type]
    ... except TypeError as exc:
    ...     print(exc.code, type(exc).__name__)
    E001 InputTypeError
"""

from __future__ import annotations


class FrtoneError(Exception):
    """Base class of all frtone errors. ``code`` is the stable error code."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")


class InputTypeError(FrtoneError, TypeError):
    """The text given to analyse is not a ``str`` (E001)."""

    code = "E001"


class TargetSpecError(FrtoneError, ValueError):
    """A target specification cannot be understood (E002)."""

    code = "E002"


class ModelNotFoundError(FrtoneError, OSError):
    """A backend model is not installed (E003); the message names the install command."""

    code = "E003"


class DataFileError(FrtoneError, ValueError):
    """A packaged or user-supplied data file is malformed (E004)."""

    code = "E004"


class SchemaError(FrtoneError, ValueError):
    """A dict does not match the ``frtone/1`` result schema (E005)."""

    code = "E005"


class BackendError(FrtoneError, ValueError):
    """A backend is unknown or lacks an annotation frtone requires (E006)."""

    code = "E006"


class CorpusError(FrtoneError, ValueError):
    """An annotated corpus file does not match the annotation format (E007).

    The message lists every problem found, each with the file and sentence it is in.
    """

    code = "E007"


class BatchInputError(FrtoneError, ValueError):
    """A batch input or output path cannot be used (E008); the message says what to do.

    Problems with one article (an undecodable file, a bad JSON line) are not raised: the
    batch writes them as error lines and goes on.
    """

    code = "E008"


class ScorerModelError(FrtoneError, ValueError):
    """A trained scorer model cannot be loaded (E009).

    The folder lacks ``frtone-model.json``, a file is truncated or not JSON,
    its checksum differs from the manifest (the file was changed after
    training), or its content does not match the model format. Retrain with
    ``frtone train`` or reinstall frtone to restore the shipped models.
    """

    code = "E009"


class LanguageWarning(UserWarning):
    """The text does not look like French; results are unreliable.

    Example:
        >>> import warnings, frtone
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     r = frtone.analyze("The sovereign cloud was a costly failure for everyone.")
        >>> r.language.code, caught[0].category.__name__
        ('en', 'LanguageWarning')
    """
