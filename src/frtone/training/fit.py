"""Fitting and calibrating the linear models with scikit-learn (only needed to train).

Each model is an L2-regularised logistic regression. Its calibration is fitted on
out-of-fold decision values of the training split (folds by article, assigned with the
seed), so the shipped probabilities are not the over-confident in-sample ones: Platt
scaling for the binary sarcasm model, a temperature for the three-class models.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from frtone.scoring.linear import LinearModel, calibrated

FOLDS = 5
MIN_COUNT = 2  # a feature must be non-zero in this many training rows to get a weight
TEMPERATURES = tuple(round(0.25 + 0.05 * k, 2) for k in range(76))  # 0.25 .. 4.0

Rows = Sequence[Mapping[str, float]]


@dataclass(frozen=True, slots=True)
class Fitted:
    """A fitted model and its calibrated out-of-fold probabilities on the training rows."""

    model: LinearModel
    oof: np.ndarray


def vocabulary(rows: Rows, min_count: int = MIN_COUNT) -> tuple[str, ...]:
    """Feature names non-zero in at least ``min_count`` rows, sorted."""
    counts: dict[str, int] = {}
    for row in rows:
        for name, value in row.items():
            if value:
                counts[name] = counts.get(name, 0) + 1
    return tuple(sorted(n for n, c in counts.items() if c >= min_count))


def folds(groups: Sequence[str], seed: int, k: int = FOLDS) -> list[int]:
    """A fold number per row; rows of one group (article) share a fold."""
    names = sorted(set(groups))
    random.Random(seed).shuffle(names)
    fold_of = {name: i % k for i, name in enumerate(names)}
    return [fold_of[g] for g in groups]


def fit(
    rows: Rows,
    labels: Sequence[str],
    groups: Sequence[str],
    *,
    c: float,
    seed: int,
    balanced: bool = False,
) -> Fitted:
    """Fit a calibrated logistic regression on named-feature rows.

    Args:
        rows: Feature rows.
        labels: One class label per row.
        groups: The article of each row (folds keep an article together).
        c: Inverse regularisation strength.
        seed: Seed of the fold assignment.
        balanced: Weight classes inversely to their frequency.
    """
    from sklearn.linear_model import LogisticRegression

    classes = tuple(sorted(set(labels)))
    names = vocabulary(rows)
    probe = LinearModel(classes, names, _zeros(len(classes), len(names)), _zeros1(classes))
    x = probe.matrix(rows)
    y = np.asarray(labels)

    def estimator() -> LogisticRegression:
        return LogisticRegression(C=c, class_weight="balanced" if balanced else None, max_iter=2000)

    fold = np.asarray(folds(groups, seed))
    z = np.zeros((len(rows), 1 if len(classes) == 2 else len(classes)))
    for f in sorted(set(fold.tolist())):
        train = fold != f
        if len(set(y[train].tolist())) < len(classes):
            continue
        part = estimator().fit(x[train], y[train])
        z[~train] = _decision(part, x[~train])
    calibration = _calibrate(z, y, classes)
    full = estimator().fit(x, y)
    coef = np.atleast_2d(full.coef_)
    model = LinearModel(
        classes,
        names,
        tuple(tuple(float(w) for w in row) for row in coef),
        tuple(float(b) for b in np.atleast_1d(full.intercept_)),
        calibration,
    )
    return Fitted(model, calibrated(z, calibration))


def _decision(estimator: object, x: np.ndarray) -> np.ndarray:
    z = estimator.decision_function(x)  # type: ignore[attr-defined]
    return np.asarray(z).reshape(len(x), -1)


def _calibrate(z: np.ndarray, y: np.ndarray, classes: tuple[str, ...]) -> tuple[float, float]:
    """Platt ``(a, b)`` for one column of decision values, else ``(1/T, 0)``."""
    if z.shape[1] == 1:
        from sklearn.linear_model import LogisticRegression

        platt = LogisticRegression(C=1e6, max_iter=5000).fit(z, y == classes[1])
        return float(platt.coef_[0, 0]), float(platt.intercept_[0])
    target = np.asarray([classes.index(label) for label in y])
    best, best_loss = 1.0, math.inf
    for t in TEMPERATURES:
        p = calibrated(z, (1.0 / t, 0.0))
        loss = -float(np.mean(np.log(np.clip(p[np.arange(len(y)), target], 1e-12, 1.0))))
        if loss < best_loss - 1e-12:
            best, best_loss = t, loss
    return 1.0 / best, 0.0


def _zeros(rows: int, cols: int) -> tuple[tuple[float, ...], ...]:
    return tuple((0.0,) * cols for _ in range(1 if rows == 2 else rows))


def _zeros1(classes: tuple[str, ...]) -> tuple[float, ...]:
    return (0.0,) * (1 if len(classes) == 2 else len(classes))
