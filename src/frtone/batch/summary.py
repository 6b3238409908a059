r"""The ``--summary`` CSV: one row per article × target, read back from the JSON Lines output.

Columns (:data:`COLUMNS`): ``id``, ``source``, ``target``, ``label`` and ``score`` (the
article-level stance toward the target), ``mentions``, ``sarcasm_probability``,
``sarcastic_claims``, ``claims``, ``error``. An article without targets has one row with an
empty ``target``; a failed article has one row with its error type in ``error``. Built from
the whole output file, so after ``--resume`` it covers the earlier run too.

Example:
    >>> import io
    >>> line = ('{"id":"a","source":"a.txt","targets":[{"name":"Orange","label":"against",'
    ...         '"score":-0.4,"mentions":[{}]}],"sarcasm":{"probability":0.9,'
    ...         '"sarcastic_claims":[0]},"claims":[{},{}]}')
    >>> rows = summary_rows(io.StringIO(line + "\n"))
    >>> rows[0]["target"], rows[0]["label"], rows[0]["sarcastic_claims"], rows[0]["claims"]
    ('Orange', 'against', 1, 2)
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS: tuple[str, ...] = (
    "id",
    "source",
    "target",
    "label",
    "score",
    "mentions",
    "sarcasm_probability",
    "sarcastic_claims",
    "claims",
    "error",
)


def _rows_of(record: dict[str, Any]) -> list[dict[str, Any]]:
    base = {"id": record.get("id"), "source": record.get("source")}
    error = record.get("error")
    if isinstance(error, dict):
        return [{**base, "error": error.get("type", "")}]
    sarcasm = record.get("sarcasm") or {}
    article = {
        **base,
        "sarcasm_probability": sarcasm.get("probability"),
        "sarcastic_claims": len(sarcasm.get("sarcastic_claims") or ()),
        "claims": len(record.get("claims") or ()),
    }
    targets = record.get("targets") or []
    if not targets:
        return [article]
    return [
        {
            **article,
            "target": t.get("name"),
            "label": t.get("label"),
            "score": t.get("score"),
            "mentions": len(t.get("mentions") or ()),
        }
        for t in targets
    ]


def summary_rows(lines: Iterable[str]) -> list[dict[str, Any]]:
    """Summary rows for the output lines ``lines`` (blank lines skipped)."""
    rows: list[dict[str, Any]] = []
    for line in lines:
        if line.strip():
            rows.extend(_rows_of(json.loads(line)))
    return rows


def write_summary(jsonl: Path, csv_path: Path) -> int:
    r"""Write the summary of output file ``jsonl`` to ``csv_path`` (atomically); return rows.

    Example:
        >>> import tempfile
        >>> from pathlib import Path
        >>> d = Path(tempfile.mkdtemp())
        >>> _ = (d / "out.jsonl").write_text('{"id":"x","error":{"type":"EmptyText"}}\n')
        >>> write_summary(d / "out.jsonl", d / "sum.csv")
        1
        >>> (d / "sum.csv").read_text().splitlines()[1]
        'x,,,,,,,,,EmptyText'
    """
    with jsonl.open(encoding="utf-8") as fh:
        rows = summary_rows(fh)
    parent = csv_path.parent if str(csv_path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=parent, prefix=f".{csv_path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        os.chmod(tmp, 0o644)
        os.replace(tmp, csv_path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return len(rows)
