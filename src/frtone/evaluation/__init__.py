"""Measured quality: frtone and simple baselines scored against the annotated corpus.

:func:`~frtone.evaluation.evaluate` returns an
:class:`~frtone.evaluation.report.EvaluationReport`; ``frtone evaluate`` prints it.
Every system is scored on the same gold sentences (see :mod:`frtone.evaluation.predict`).
"""

from __future__ import annotations

from frtone.evaluation.report import EvaluationReport, SystemScores
from frtone.evaluation.run import evaluate

__all__ = ["EvaluationReport", "SystemScores", "evaluate"]
