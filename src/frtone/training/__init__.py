"""Training the scorers on the annotated corpus (``frtone train``).

Example:
    >>> import tempfile
    >>> from frtone.training import train
    >>> with tempfile.TemporaryDirectory() as tmp:  # doctest: +SKIP
    ...     result = train("corpus", tmp)
"""

from frtone.training.run import TrainingResult, train

__all__ = ["TrainingResult", "train"]
