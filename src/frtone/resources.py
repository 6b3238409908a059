"""Package data: TOML lexicons read with :mod:`importlib.resources`, on first use.

Data files are parsed with :mod:`tomllib` — plain data, never code — and a
malformed file raises :class:`~frtone.errors.DataFileError` naming the file.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any

from frtone.errors import DataFileError


@cache
def load_toml(name: str, lang: str = "fr") -> dict[str, Any]:
    """Return the parsed package data file ``data/<lang>/<name>``.

    Example:
        >>> sorted(load_toml("cues.toml"))
        ['cue']
    """
    ref = resources.files("frtone").joinpath("data").joinpath(lang).joinpath(name)
    try:
        return tomllib.loads(ref.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataFileError(
            f"Package data file data/{lang}/{name} is missing; "
            "reinstall frtone (pip install --force-reinstall frtone)."
        ) from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(
            f"Package data file data/{lang}/{name} is not valid TOML: {exc}"
        ) from exc


def records(name: str, key: str, fields: dict[str, type], lang: str = "fr") -> list[dict[str, Any]]:
    """Return the ``[[key]]`` tables of a data file, checking each field's type.

    Args:
        name: File name under ``data/<lang>/``.
        key: Name of the array of tables (``cue``, ``entity``...).
        fields: Required field names and their Python types.
        lang: Language folder.

    Raises:
        DataFileError: A table lacks a field or has one of the wrong type.
    """
    rows = load_toml(name, lang).get(key)
    if not isinstance(rows, list):
        raise DataFileError(f"data/{lang}/{name}: expected [[{key}]] tables")
    for n, row in enumerate(rows):
        for fname, ftype in fields.items():
            value = row.get(fname)
            ok = isinstance(value, ftype) and not (
                ftype in (int, float) and isinstance(value, bool)
            )
            if ftype is float and isinstance(value, int) and not isinstance(value, bool):
                ok = True
            if not ok:
                raise DataFileError(
                    f"data/{lang}/{name}: [[{key}]] #{n + 1} needs {fname!r} of type "
                    f"{ftype.__name__}, got {value!r}"
                )
    return rows
