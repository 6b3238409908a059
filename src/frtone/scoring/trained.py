"""Trained scorers: calibrated linear models read from a model folder of JSON files.

A model folder holds ``frtone-model.json`` (the manifest: format, training data, seed,
decision threshold, dev figures, and the SHA-256 of each weight file) beside
``sarcasm.json``, ``direction.json`` and ``stance.json``
(:class:`~frtone.scoring.linear.LinearModel` files).
Nothing in it can run code; a file changed after training (checksum), truncated, or not in
the format gives a :class:`~frtone.errors.ScorerModelError` naming the file.

frtone ships the model trained on the bundled corpus (:func:`default_model`); ``frtone train``
makes new ones and ``Analyzer(model=FOLDER)`` or ``--model FOLDER`` uses them.

Example:
    >>> model = default_model()
    >>> 0.0 < model.sarcasm.threshold < 1.0
    True
    >>> model.stance.pairs
    'all'
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from frtone.errors import ScorerModelError
from frtone.scoring.base import ClaimFeatures, StanceInput
from frtone.scoring.features import claim_rows, pair_rows, vector_block
from frtone.scoring.linear import LinearModel

MANIFEST = "frtone-model.json"
FORMAT = "frtone-scorers/1"
STANCE_CLASSES = ("favor", "against", "none")
MODELS = ("sarcasm", "direction", "stance")


@dataclass(frozen=True, slots=True)
class TrainedSarcasmScorer:
    """Sarcasm probability per claim from a calibrated linear model.

    Attributes:
        model: The binary model (classes ``("no", "yes")``).
        threshold: Probability from which a claim is labelled sarcastic (chosen on dev).
    """

    model: LinearModel
    threshold: float = 0.5

    def predict(self, claims: Sequence[ClaimFeatures]) -> list[float]:
        """Return one calibrated probability per claim."""
        if not claims:
            return []
        probs = self.model.probabilities_of(_claim_matrix(self.model, claims))
        return [round(p[1], 4) for p in probs]


@dataclass(frozen=True, slots=True)
class TrainedStanceScorer:
    """Stance per (claim, target) from two calibrated linear models.

    ``direction`` reads each claim (with its sarcasm probability) and says whether it
    praises or criticises, whoever it is about; ``model`` reads each pair (where the
    target sits, how recently the article named it, the claim's direction, the
    neighbouring claims) and gives ``favor``/``against``/``none``. The score is
    ``P(favor) - P(against)``, the confidence the probability of the likeliest class.
    Asked about every pair (``pairs = "all"``), so a claim can take a stance toward a
    target it does not name.

    Attributes:
        model: The pair model (classes ``favor``, ``against``, ``none``).
        direction: The claim direction model (same classes).
        scale: Factor on ``P(favor) - P(against)`` (clipped to [-1, 1]) that puts the
            analyzer's stance threshold where it served best on dev.
    """

    model: LinearModel
    direction: LinearModel
    scale: float = 1.0
    pairs: str = field(default="all", init=False)

    def predict(self, items: Sequence[StanceInput]) -> list[tuple[float, float]]:
        """Return ``(score, confidence)`` per item (one article's pairs, in claim order)."""
        if not items:
            return []
        probs = self.model.probabilities(pair_rows(items, self.directions(items)))
        f, a = self.model.classes.index("favor"), self.model.classes.index("against")
        return [
            (round(max(-1.0, min(1.0, (p[f] - p[a]) * self.scale)), 4), round(max(p), 4))
            for p in probs
        ]

    def directions(self, items: Sequence[StanceInput]) -> dict[int, tuple[float, float]]:
        """``(P(favor), P(against))`` of each claim's direction, by claim index."""
        claims: dict[int, StanceInput] = {}
        for it in items:
            claims.setdefault(it.index, it)
        order = sorted(claims)
        sarcasm = {"sarc:p": [claims[k].sarcasm for k in order]}
        x = _claim_matrix(self.direction, [claims[k].claim for k in order], sarcasm)
        probs = self.direction.probabilities_of(x)
        f, a = self.direction.classes.index("favor"), self.direction.classes.index("against")
        return {k: (p[f], p[a]) for k, p in zip(order, probs, strict=True)}


@dataclass(frozen=True, slots=True)
class ScorerModel:
    """A trained sarcasm and stance scorer pair and what is known of their training.

    Attributes:
        sarcasm: The sarcasm scorer.
        stance: The stance scorer.
        info: The manifest (training data, seed, figures), as read from the folder.
    """

    sarcasm: TrainedSarcasmScorer
    stance: TrainedStanceScorer
    info: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)

    def save(self, folder: str | Path, info: dict[str, Any] | None = None) -> Path:
        """Write the model folder (byte-identical for identical models and info).

        Args:
            folder: Folder to write (created if needed).
            info: Extra manifest entries (training data, figures).

        Returns:
            The manifest's path.
        """
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        manifest: dict[str, Any] = {"format": FORMAT, **(info or self.info)}
        for name, model in (
            ("sarcasm", self.sarcasm.model),
            ("direction", self.stance.direction),
            ("stance", self.stance.model),
        ):
            data = _dumps(model.to_dict())
            (out / f"{name}.json").write_text(data, encoding="utf-8")
            entry: dict[str, Any] = {
                "file": f"{name}.json",
                "sha256": _sha256(data.encode("utf-8")),
            }
            if name == "sarcasm":
                entry["threshold"] = self.sarcasm.threshold
            if name == "stance":
                entry["scale"] = self.stance.scale
            manifest[name] = entry
        path = out / MANIFEST
        path.write_text(_dumps(manifest), encoding="utf-8")
        return path


def load_model(folder: str | os.PathLike[str]) -> ScorerModel:
    """Load a model folder written by ``frtone train``.

    Args:
        folder: The folder holding ``frtone-model.json``.

    Raises:
        ScorerModelError: The folder or a file is missing, truncated, changed after
            training, or not in the format.

    Example:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     _ = default_model().save(tmp)
        ...     load_model(tmp).sarcasm.threshold == default_model().sarcasm.threshold
        True
    """
    root = Path(folder)
    manifest = _read_json(root / MANIFEST)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ScorerModelError(f"{root / MANIFEST} is not a {FORMAT} manifest")
    models: dict[str, LinearModel] = {}
    for name in MODELS:
        entry = manifest.get(name)
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str):
            raise ScorerModelError(f"{root / MANIFEST} has no '{name}' file entry")
        path = root / Path(entry["file"]).name
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise ScorerModelError(f"cannot read {path}: {exc.strerror}") from None
        if _sha256(raw) != entry.get("sha256"):
            raise ScorerModelError(
                f"{path} does not match the checksum in {MANIFEST}: the file was changed or "
                "truncated after training; retrain with `frtone train` or reinstall frtone"
            )
        try:
            models[name] = LinearModel.from_dict(_parse(raw, path))
        except ScorerModelError as exc:
            raise ScorerModelError(f"{path}: {exc}") from None
    for name in ("direction", "stance"):
        if set(models[name].classes) != set(STANCE_CLASSES):
            raise ScorerModelError(f"the {name} model's classes must be {STANCE_CLASSES}")
    threshold = manifest["sarcasm"].get("threshold", 0.5)
    if not isinstance(threshold, int | float) or not 0.0 < threshold < 1.0:
        raise ScorerModelError(f"{root / MANIFEST}: the sarcasm threshold must be in (0, 1)")
    scale = manifest["stance"].get("scale", 1.0)
    if not isinstance(scale, int | float) or not 0.0 < scale <= 100.0:
        raise ScorerModelError(f"{root / MANIFEST}: the stance scale must be in (0, 100]")
    info = {k: v for k, v in manifest.items() if k not in {"format", *MODELS}}
    return ScorerModel(
        TrainedSarcasmScorer(models["sarcasm"], float(threshold)),
        TrainedStanceScorer(models["stance"], models["direction"], float(scale)),
        info,
    )


def is_model_folder(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder holding a scorer model manifest."""
    return (Path(path) / MANIFEST).is_file()


@lru_cache(maxsize=1)
def default_model() -> ScorerModel:
    """The model shipped with frtone (trained on the bundled corpus), loaded once."""
    folder = resources.files("frtone") / "data" / "models" / "default"
    with resources.as_file(folder) as path:
        return load_model(path)


def with_threshold(model: ScorerModel, threshold: float) -> ScorerModel:
    """A copy of ``model`` whose sarcasm decision threshold is ``threshold``."""
    return dataclasses.replace(
        model, sarcasm=dataclasses.replace(model.sarcasm, threshold=threshold)
    )


def _claim_matrix(
    model: LinearModel,
    claims: Sequence[ClaimFeatures],
    extra: dict[str, list[float]] | None = None,
) -> Any:
    """The feature matrix of one article's claims for ``model`` (vectors as one block).

    ``extra``: more columns by feature name (values per claim), such as the claims'
    sarcasm probabilities for the direction model.
    """
    x = _from_last_matrix(model, claims, frozenset(extra or ()))
    if x is None:
        x = model.matrix(claim_rows(claims, vectors=False))
        cols, block = vector_block(claims, model.features)
        x[:, cols] = block
        _LAST_MATRIX[0] = (list(claims), model.features, x)
        if extra:
            x = x.copy()  # the remembered matrix stays as claim_rows and vectors make it
    for name, values in (extra or {}).items():
        j = model.column(name)
        if j is not None:
            x[:, j] = values
    return x


# The last article's claim matrix (without extra columns) and the feature names of its
# columns. The sarcasm model and then the direction model read the same claims, and the
# direction model's features are the sarcasm model's plus the claims' sarcasm probability:
# its matrix is the same columns, rearranged. The entry holds the claims, so their ids
# cannot be reused meanwhile.
_LAST_MATRIX: list[Any] = [None]


def _from_last_matrix(
    model: LinearModel, claims: Sequence[ClaimFeatures], extra: frozenset[str]
) -> Any:
    """``model``'s claim matrix taken from the last one built.

    ``None`` if that one is of other claims or lacks a column of ``model`` (besides the
    ``extra`` ones, left at 0 for the caller to fill).
    """
    last = _LAST_MATRIX[0]  # one read: another thread may replace the entry meanwhile
    if last is None:
        return None
    seen, names, x = last
    if len(seen) != len(claims) or any(a is not b for a, b in zip(seen, claims, strict=True)):
        return None
    take = _column_map(names, model.features, extra)
    if take is None:
        return None
    cols, blank = take
    # a new C-ordered array (x[:, cols] would be Fortran-ordered: the matrix product could
    # then round differently)
    out = np.take(x, cols, axis=1)
    out[:, blank] = 0.0
    return out


@lru_cache(maxsize=8)
def _column_map(
    have: tuple[str, ...], want: tuple[str, ...], extra: frozenset[str]
) -> tuple[list[int], list[int]] | None:
    """Which column of ``have`` gives each of ``want``, and the ``extra`` ones to blank out.

    ``None`` if a feature of ``want`` is neither in ``have`` nor in ``extra``.
    """
    where = {name: j for j, name in enumerate(have)}
    cols: list[int] = []
    blank: list[int] = []
    for k, name in enumerate(want):
        j = where.get(name)
        if j is None:
            if name not in extra:
                return None
            j = 0
            blank.append(k)
        cols.append(j)
    return cols, blank


def _read_json(path: Path) -> object:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ScorerModelError(
            f"cannot read {path}: {exc.strerror}; a model folder is made by `frtone train`"
        ) from None
    return _parse(raw, path)


def _parse(raw: bytes, path: Path) -> object:
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ScorerModelError(f"{path} is not valid JSON (truncated?): {exc}") from None


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
