r"""The JSON Lines output: written line by line, and repaired for ``--resume``.

Each line is written with one unbuffered ``write`` as soon as its article is done, so a
killed run (even with SIGKILL) leaves every finished line on disk and at most one torn
last line. :func:`prepare_resume` reads an existing output before a resumed run:

* a torn last line (no final newline) is cut off; its article is redone;
* error lines are dropped, so their inputs are tried again (fix an input, resume);
* a line that is not JSON, or repeats an id already seen, is dropped too;
* every other line is kept, and its id is skipped by the resumed run.

The file is cut in place when only the torn tail goes, and otherwise rewritten through a
temporary file and an atomic rename, so a crash during the repair loses nothing.

Example:
    >>> import tempfile
    >>> from pathlib import Path
    >>> out = Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> with JsonlWriter(out) as w:
    ...     w.write_line('{"id":"a","schema":"frtone/1"}')
    ...     w.write_line('{"id":"b","error":{"type":"EmptyText","message":"vide"}}')
    >>> with out.open("ab") as fh:  # a run killed in the middle of a line
    ...     _ = fh.write(b'{"id":"c","sch')
    >>> state = prepare_resume(out)
    >>> sorted(state.done), state.torn, state.retried
    (['a'], True, 1)
    >>> out.read_text()
    '{"id":"a","schema":"frtone/1"}\n'
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType


@dataclass(slots=True)
class ResumeState:
    """What :func:`prepare_resume` found in an existing output.

    Attributes:
        done: Ids whose result line is kept; a resumed run skips them.
        torn: Whether a torn last line was cut off.
        retried: Error lines dropped so their inputs are tried again.
        dropped: Other lines dropped (not JSON, no id, or a repeated id).
    """

    done: set[str] = field(default_factory=set)
    torn: bool = False
    retried: int = 0
    dropped: int = 0


def _keep(line: bytes, done: set[str], state: ResumeState) -> bool:
    try:
        obj = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError):
        state.dropped += 1
        return False
    doc_id = obj.get("id") if isinstance(obj, dict) else None
    if not isinstance(doc_id, str) or doc_id in done:
        state.dropped += 1
        return False
    if "error" in obj:
        state.retried += 1
        return False
    done.add(doc_id)
    return True


def prepare_resume(path: Path) -> ResumeState:
    """Repair an output file for ``--resume`` and return the ids already done.

    A missing file is an empty output. See the module docstring for what is kept.
    """
    state = ResumeState()
    if not path.exists():
        return state
    keep: list[bool] = []
    complete = 0  # bytes up to the last newline
    with path.open("rb") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                state.torn = True
                break
            complete += len(line)
            keep.append(_keep(line, state.done, state))
    if all(keep):
        if state.torn:
            with path.open("r+b") as fh:
                fh.truncate(complete)
                os.fsync(fh.fileno())
        return state
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out, path.open("rb") as fh:
            for line, kept in zip(fh, keep, strict=False):
                if kept:
                    out.write(line)
            out.flush()
            os.fsync(out.fileno())
        shutil.copymode(path, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return state


class JsonlWriter:
    """Append lines to a JSON Lines file, each one on disk (in the OS) once written.

    Args:
        path: The output file (created if missing, appended to otherwise).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fh = path.open("ab", buffering=0)

    def write_line(self, line: str) -> None:
        """Write one line (``line`` has no newline) with a single unbuffered write."""
        data = memoryview((line + "\n").encode("utf-8"))
        while data:
            written = self._fh.write(data)
            data = data[written or 0 :]

    def close(self) -> None:
        """Close the file."""
        self._fh.close()

    def __enter__(self) -> JsonlWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
