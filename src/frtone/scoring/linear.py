"""A calibrated linear classifier stored as plain JSON (no pickle, nothing executes on load).

A model is a list of feature names, one weight row and intercept per class (one row for a
binary model), and a temperature fitted on held-out decision values (Platt scaling for a
binary model: ``p = sigmoid(a * z + b)``; for several classes ``softmax(z / T)``).
Prediction needs only NumPy, so loading is fast and scikit-learn is only needed to train.

Example:
    >>> model = LinearModel(("no", "yes"), ("cue:any",), ((2.0,),), (-1.0,), (1.0, 0.0))
    >>> round(model.probabilities([{"cue:any": 1.0}, {}])[0][1], 3)
    0.731
    >>> LinearModel.from_dict(model.to_dict()) == model
    True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from typing import Any

import numpy as np

from frtone.errors import ScorerModelError

FORMAT = "frtone-linear/1"
DIGITS = 10  # weights are stored rounded, so files do not depend on float noise


@dataclass(frozen=True, slots=True)
class LinearModel:
    """Weights of a calibrated linear classifier.

    Attributes:
        classes: Class labels; a binary model has two and one weight row (for the second).
        features: Feature names, in weight-column order.
        weights: One row of weights per class (one row in all for a binary model).
        intercepts: One intercept per weight row.
        calibration: ``(a, b)``: binary ``sigmoid(a*z + b)``; several classes
            ``softmax(a*z)`` (``b`` unused).
    """

    classes: tuple[str, ...]
    features: tuple[str, ...]
    weights: tuple[tuple[float, ...], ...]
    intercepts: tuple[float, ...]
    calibration: tuple[float, float] = (1.0, 0.0)
    # derived once from the fields above (prediction runs per article, many times)
    _index: dict[str, int] = field(init=False, repr=False, compare=False)
    _weights_t: np.ndarray = field(init=False, repr=False, compare=False)
    _intercepts: np.ndarray = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        rows = 1 if len(self.classes) == 2 else len(self.classes)
        if len(self.classes) < 2 or len(set(self.classes)) != len(self.classes):
            raise ScorerModelError(f"a model needs two or more distinct classes: {self.classes}")
        if len(self.weights) != rows or len(self.intercepts) != rows:
            raise ScorerModelError(
                f"{len(self.classes)} classes need {rows} weight rows and intercepts, "
                f"found {len(self.weights)} and {len(self.intercepts)}"
            )
        if any(len(row) != len(self.features) for row in self.weights):
            raise ScorerModelError("every weight row needs one weight per feature name")
        if len(set(self.features)) != len(self.features):
            raise ScorerModelError("feature names must be unique")
        values = [*self.intercepts, *self.calibration, *(w for r in self.weights for w in r)]
        if not all(np.isfinite(values)):
            raise ScorerModelError("weights must be finite numbers")
        # frozen dataclass: the derived fields are set once, here
        object.__setattr__(self, "_index", {name: j for j, name in enumerate(self.features)})
        object.__setattr__(self, "_weights_t", np.asarray(self.weights, dtype=float).T)
        object.__setattr__(self, "_intercepts", np.asarray(self.intercepts, dtype=float))

    def column(self, name: str) -> int | None:
        """The column of feature ``name``, ``None`` for a feature the model does not know."""
        return self._index.get(name)

    def matrix(self, rows: Sequence[Mapping[str, float]]) -> np.ndarray:
        """Rows of named features as a dense matrix in this model's column order."""
        width = len(self.features)
        # One NumPy assignment for all cells instead of one per feature: names the model
        # does not know go to an extra last column, dropped at the end.
        names = chain.from_iterable(rows)
        cols = list(map(self._index.get, names, repeat(width)))
        values = list(chain.from_iterable(row.values() for row in rows))
        at = np.repeat(np.arange(len(rows)), [len(row) for row in rows])
        x = np.zeros((len(rows), width + 1))
        x[at, cols] = values
        return np.ascontiguousarray(x[:, :width])

    def decision(self, x: np.ndarray) -> np.ndarray:
        """Raw decision values (n × rows) of a feature matrix."""
        return np.asarray(x @ self._weights_t + self._intercepts)

    def probabilities(self, rows: Sequence[Mapping[str, float]]) -> list[list[float]]:
        """Calibrated class probabilities, one list per row in ``classes`` order."""
        if not rows:
            return []
        return self.probabilities_of(self.matrix(rows))

    def probabilities_of(self, x: np.ndarray) -> list[list[float]]:
        """Calibrated class probabilities of a feature matrix (see :meth:`matrix`)."""
        return calibrated(self.decision(x), self.calibration).tolist()  # type: ignore[no-any-return]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (weights rounded to :data:`DIGITS` decimals)."""
        return {
            "format": FORMAT,
            "classes": list(self.classes),
            "features": list(self.features),
            "weights": [[round(w, DIGITS) for w in row] for row in self.weights],
            "intercepts": [round(b, DIGITS) for b in self.intercepts],
            "calibration": [round(c, DIGITS) for c in self.calibration],
        }

    @classmethod
    def from_dict(cls, data: object) -> LinearModel:
        """Rebuild a model from :meth:`to_dict` output, checking every field's type.

        Raises:
            ScorerModelError: A field is missing or of the wrong type.
        """
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ScorerModelError(f"not a {FORMAT} model (no matching 'format' field)")
        try:
            return cls(
                classes=tuple(_strings(data["classes"])),
                features=tuple(_strings(data["features"])),
                weights=tuple(tuple(_numbers(r)) for r in _list(data["weights"])),
                intercepts=tuple(_numbers(data["intercepts"])),
                calibration=_pair(_numbers(data["calibration"])),
            )
        except KeyError as exc:
            raise ScorerModelError(f"model field {exc} is missing") from None


def calibrated(z: np.ndarray, calibration: tuple[float, float]) -> np.ndarray:
    """Probabilities from decision values: Platt (one column) or tempered softmax."""
    a, b = calibration
    if z.shape[1] == 1:
        p = 1.0 / (1.0 + np.exp(-(a * z[:, 0] + b)))
        return np.column_stack([1.0 - p, p])
    t = a * z
    t -= t.max(axis=1, keepdims=True)
    e = np.exp(t)
    return np.asarray(e / e.sum(axis=1, keepdims=True))


def _list(value: object) -> list[Any]:
    if not isinstance(value, list):
        raise ScorerModelError(f"expected a list, found {type(value).__name__}")
    return value


def _strings(value: object) -> list[str]:
    items = _list(value)
    if not all(isinstance(v, str) for v in items):
        raise ScorerModelError("expected a list of strings")
    return items


def _numbers(value: object) -> list[float]:
    items = _list(value)
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in items):
        raise ScorerModelError("expected a list of numbers")
    return [float(v) for v in items]


def _pair(values: list[float]) -> tuple[float, float]:
    if len(values) != 2:
        raise ScorerModelError("calibration needs two numbers")
    return values[0], values[1]
