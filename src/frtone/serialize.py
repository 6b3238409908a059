"""Generic ``to_dict()``/``from_dict()`` for frtone's frozen dataclasses.

Result types are plain data: strings, numbers, booleans, ``None``, tuples of
records and ``dict[str, str]``. This module converts them to JSON-friendly
dicts and back, checking types on the way in so a malformed record raises
:class:`~frtone.errors.SchemaError` instead of producing a half-built object.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, ClassVar, Self, TypeVar, get_args, get_origin, get_type_hints

from frtone.errors import SchemaError

T = TypeVar("T", bound="Record")


class Record:
    """Mixin giving a frozen dataclass a ``to_dict()``/``from_dict()`` pair.

    Subclasses must be dataclasses. Field order and names are the JSON keys.
    """

    __slots__ = ()
    _json_exclude: ClassVar[frozenset[str]] = frozenset()

    def to_dict(self) -> dict[str, Any]:
        """Return this record as a dict of plain JSON-compatible values."""
        return {name: _plain(getattr(self, name)) for name in _json_fields(type(self))}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """Build a record from the output of :meth:`to_dict`.

        Unknown keys are ignored (the JSON contract allows added fields);
        missing required keys and wrong types raise
        :class:`~frtone.errors.SchemaError`.
        """
        return _build(cls, data, cls.__name__)


_JSON_FIELDS: dict[type[Record], tuple[str, ...]] = {}


def _json_fields(cls: type[Record]) -> tuple[str, ...]:
    """Names of the fields of ``cls`` that :meth:`Record.to_dict` writes, in order."""
    names = _JSON_FIELDS.get(cls)
    if names is None:
        names = _JSON_FIELDS[cls] = tuple(
            f.name
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
            if f.name not in cls._json_exclude
        )
    return names


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def _build(cls: type[T], data: Any, path: str) -> T:
    if not isinstance(data, dict):
        raise SchemaError(f"{path}: expected an object, got {type(data).__name__}")
    hints = _hints(cls)  # type: ignore[arg-type]
    kwargs: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name], f"{path}.{f.name}")
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise SchemaError(f"{path}: missing required field {f.name!r}")
    return cls(**kwargs)


def _convert(tp: Any, value: Any, path: str) -> Any:
    origin = get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = get_args(tp)
        if value is None:
            if type(None) in args:
                return None
            raise SchemaError(f"{path}: must not be null")
        errors = []
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _convert(arg, value, path)
            except SchemaError as exc:
                errors.append(str(exc))
        raise SchemaError("; ".join(errors))
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise SchemaError(f"{path}: expected a list, got {type(value).__name__}")
        (item_tp, *_) = get_args(tp)
        return tuple(_convert(item_tp, v, f"{path}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, dict):
            raise SchemaError(f"{path}: expected an object, got {type(value).__name__}")
        _, val_tp = get_args(tp)
        return {str(k): _convert(val_tp, v, f"{path}.{k}") for k, v in value.items()}
    if origin is typing.Literal:
        if value not in get_args(tp):
            raise SchemaError(f"{path}: {value!r} is not one of {get_args(tp)}")
        return value
    if isinstance(tp, type) and issubclass(tp, Record):
        return _build(tp, value, path)
    if tp is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SchemaError(f"{path}: expected a number, got {type(value).__name__}")
        return float(value)
    if tp is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise SchemaError(f"{path}: expected an integer, got {type(value).__name__}")
        return value
    if tp in (str, bool):
        if not isinstance(value, tp):
            raise SchemaError(f"{path}: expected {tp.__name__}, got {type(value).__name__}")
        return value
    if tp is Any:
        return value
    raise SchemaError(f"{path}: unsupported field type {tp!r}")
