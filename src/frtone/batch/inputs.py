r"""Batch inputs: .txt files, folders and .jsonl records expanded into :class:`Item` s.

Every input yields exactly one item, in a fixed order: the paths as given, a folder's
``.txt`` and ``.jsonl`` files sorted by path (sub-folders included), a ``.jsonl`` file's
records line by line (blank lines are not records). An input that cannot be analysed
(an undecodable file, a line that is not JSON, a record without text...) is an item that
carries an :class:`ItemError` instead of text, so the batch writes an error line for it.

Ids: a text file's id is its path; a record's id is its ``"id"`` (a string, or an integer
written as a string). A record without an id, and any item whose id was already used, gets
its source (``path:LINE``) as id, so ids stay unique.

Example:
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Orange paie fort.", encoding="utf-8")
    >>> lines = [json.dumps({"id": "r1", "text": "Numergy a échoué.", "targets": ["Numergy"]}),
    ...          "{pas du JSON", json.dumps({"id": "r3", "text": "  "})]
    >>> _ = (folder / "b.jsonl").write_text("\n".join(lines), encoding="utf-8")
    >>> items = list(iter_items(expand_paths([folder])))
    >>> [(Path(i.id).name if i.id.endswith(".txt") else i.id) for i in items][:2]
    ['a.txt', 'r1']
    >>> [i.error.type if i.error else None for i in items]
    [None, None, 'JSONError', 'EmptyText']
    >>> items[1].targets
    (Target(name='Numergy', aliases=()),)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from frtone.errors import BatchInputError, FrtoneError
from frtone.targets import Target

#: Suffixes read as one article per file, and as one JSON record per line.
TEXT_SUFFIX, RECORD_SUFFIX = ".txt", ".jsonl"

# error types written in ``{"error": {"type": ...}}`` for inputs that cannot be analysed
DECODE_ERROR = "DecodeError"  #: a file or a .jsonl line is not valid UTF-8
READ_ERROR = "ReadError"  #: a file cannot be read (permissions, vanished...)
JSON_ERROR = "JSONError"  #: a .jsonl line is not valid JSON
RECORD_ERROR = "RecordError"  #: a record is not an object, or its id is not a string/integer
MISSING_TEXT = "MissingText"  #: a record has no ``"text"``
TEXT_TYPE = "TextTypeError"  #: a record's ``"text"`` is not a string
EMPTY_TEXT = "EmptyText"  #: the text is empty or only whitespace
TARGET_ERROR = "TargetError"  #: a record's ``"targets"`` cannot be read
DUPLICATE_ID = "DuplicateId"  #: the id was already used by an earlier item


@dataclass(frozen=True, slots=True)
class ItemError:
    """Why an item could not be analysed: a ``type`` name and a message saying how to fix it.

    Example:
        >>> ItemError("EmptyText", "the text is empty").to_dict()
        {'type': 'EmptyText', 'message': 'the text is empty'}
    """

    type: str
    message: str

    def to_dict(self) -> dict[str, str]:
        """Return ``{"type", "message"}``."""
        return {"type": self.type, "message": self.message}


@dataclass(frozen=True, slots=True)
class Item:
    """One article to analyse, or an input that failed before analysis.

    Args:
        id: Unique identifier written on the output line.
        source: Where it came from: a file path, or ``path:LINE`` for a record.
        text: The article text (empty when ``error`` is set).
        targets: The article's targets; ``None`` detects them.
        error: Set when the input cannot be analysed.

    Example:
        >>> item = Item("a1", "articles.jsonl:1", "Orange paie fort.", (Target("Orange"),))
        >>> item.ok, item.error_record()
        (True, None)
        >>> Item("x", "x.txt", error=ItemError("EmptyText", "empty")).error_record()
        {'id': 'x', 'source': 'x.txt', 'error': {'type': 'EmptyText', 'message': 'empty'}}
    """

    id: str | None
    source: str | None
    text: str = ""
    targets: tuple[Target, ...] | None = None
    error: ItemError | None = None

    @property
    def ok(self) -> bool:
        """Whether the item can be analysed."""
        return self.error is None

    def error_record(self, error: ItemError | None = None) -> dict[str, Any] | None:
        """The output line for a failed item: ``{"id", "source"?, "error"}``; ``None`` if ok."""
        error = error or self.error
        if error is None:
            return None
        out: dict[str, Any] = {"id": self.id}
        if self.source is not None:
            out["source"] = self.source
        out["error"] = error.to_dict()
        return out


def expand_paths(inputs: Iterable[str | Path]) -> list[Path]:
    """Expand the given files and folders into the files to read, in order.

    A folder contributes its ``.txt`` and ``.jsonl`` files (sub-folders too) sorted by path.

    Raises:
        BatchInputError: An input does not exist, or a folder holds no such file.

    Example:
        >>> expand_paths(["corpus/articles"])[0].name
        '5g_altea.txt'
    """
    out: list[Path] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix in (TEXT_SUFFIX, RECORD_SUFFIX) and p.is_file()
            )
            if not found:
                raise BatchInputError(
                    f"Folder {str(path)!r} holds no {TEXT_SUFFIX} or {RECORD_SUFFIX} file; "
                    "give files or folders of articles."
                )
            out.extend(found)
        elif path.exists():
            out.append(path)
        else:
            raise BatchInputError(
                f"Input {str(path)!r} does not exist; give .txt files, folders of them, "
                "or .jsonl files of records."
            )
    return out


def count_items(paths: Sequence[Path]) -> int:
    """Number of items :func:`iter_items` yields for ``paths`` (for a progress total).

    Example:
        >>> count_items(expand_paths(["corpus/articles"]))
        51
    """
    n = 0
    for path in paths:
        if path.suffix != RECORD_SUFFIX:
            n += 1
            continue
        try:
            with path.open("rb") as fh:
                n += sum(1 for line in fh if line.strip())
        except OSError:
            n += 1
    return n


def iter_items(paths: Iterable[Path], targets: Sequence[Target] | None = None) -> Iterator[Item]:
    """Yield one :class:`Item` per text file and per record line, in order, lazily.

    Args:
        paths: Files from :func:`expand_paths`.
        targets: Targets for items that do not bring their own (``None``: detect).
    """
    default = tuple(targets) if targets is not None else None
    seen: dict[str, str] = {}
    for path in paths:
        raw = (
            _records(path, default)
            if path.suffix == RECORD_SUFFIX
            else iter([_text_file(path, default)])
        )
        for item in raw:
            yield _unique(item, seen)


def _unique(item: Item, seen: dict[str, str]) -> Item:
    if item.id is None or item.source is None:
        return item
    first = seen.get(item.id)
    if first is None:
        seen[item.id] = item.source
        return item
    message = f"id {item.id!r} is already used by {first}; give every article its own id"
    seen.setdefault(item.source, item.source)
    return Item(item.source, item.source, error=ItemError(DUPLICATE_ID, message))


def _text_file(path: Path, targets: tuple[Target, ...] | None) -> Item:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Item(name, name, error=ItemError(READ_ERROR, f"cannot read {name}: {exc}"))
    try:
        text = data.decode("utf-8")  # a BOM is kept: offsets count it, as the file does
    except UnicodeDecodeError as exc:
        message = (
            f"{name} is not valid UTF-8 ({exc.reason} at byte {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        )
        return Item(name, name, error=ItemError(DECODE_ERROR, message))
    if not text.strip():
        return Item(name, name, error=ItemError(EMPTY_TEXT, f"{name} holds no text"))
    return Item(name, name, text, targets)


def _records(path: Path, targets: tuple[Target, ...] | None) -> Iterator[Item]:
    try:
        fh = path.open("rb")
    except OSError as exc:
        name = str(path)
        yield Item(name, name, error=ItemError(READ_ERROR, f"cannot read {name}: {exc}"))
        return
    with fh:
        for lineno, line in enumerate(fh, start=1):
            if line.strip():
                yield _record_line(line, f"{path}:{lineno}", targets)


def _record_line(line: bytes, source: str, targets: tuple[Target, ...] | None) -> Item:
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        message = f"line is not valid UTF-8 ({exc.reason} at byte {exc.start})"
        return Item(source, source, error=ItemError(DECODE_ERROR, message))
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        message = (
            f"line is not valid JSON ({exc.msg} at column {exc.colno}); write one "
            '{"id": ..., "text": ...} object per line'
        )
        return Item(source, source, error=ItemError(JSON_ERROR, message))
    return record_item(obj, source, targets)


def record_item(obj: Any, source: str | None, targets: Sequence[Target] | None = None) -> Item:
    """Check one ``{"id", "text", "targets"?}`` record and turn it into an :class:`Item`.

    Args:
        obj: The decoded record.
        source: Where it came from (its id when it has none), or ``None``.
        targets: Targets used when the record has no ``"targets"``.

    Example:
        >>> record_item({"id": 7, "text": "Orange paie fort.", "targets": ["Orange"]}, "f:1")
        Item(id='7', source='f:1', text='Orange paie fort.', targets=(Target(name='Orange', aliases=()),), error=None)
        >>> record_item({"id": "a", "text": 3}, "f:2").error.type
        'TextTypeError'
    """  # noqa: E501
    default = tuple(targets) if targets is not None else None
    if not isinstance(obj, dict):
        message = f"a record must be a JSON object, got {type(obj).__name__}"
        return Item(source, source, error=ItemError(RECORD_ERROR, message))
    raw_id = obj.get("id")
    if raw_id is None:
        doc_id = source
    elif isinstance(raw_id, str) and raw_id:
        doc_id = raw_id
    elif isinstance(raw_id, int) and not isinstance(raw_id, bool):
        doc_id = str(raw_id)
    else:
        message = f'"id" must be a non-empty string or an integer, got {raw_id!r}'
        return Item(source, source, error=ItemError(RECORD_ERROR, message))
    if "text" not in obj:
        message = 'the record has no "text"; write {"id": ..., "text": "..."}'
        return Item(doc_id, source, error=ItemError(MISSING_TEXT, message))
    text = obj["text"]
    if not isinstance(text, str):
        message = f'"text" must be a string, got {type(text).__name__}'
        return Item(doc_id, source, error=ItemError(TEXT_TYPE, message))
    if not text.strip():
        return Item(doc_id, source, error=ItemError(EMPTY_TEXT, '"text" is empty'))
    own = obj.get("targets")
    if own is None:
        return Item(doc_id, source, text, default)
    try:
        if isinstance(own, str | dict) or not isinstance(own, list):
            raise TypeError(f'"targets" must be a list, got {type(own).__name__}')
        parsed = tuple(Target.coerce(t) for t in own)
    except (FrtoneError, TypeError) as exc:
        return Item(doc_id, source, error=ItemError(TARGET_ERROR, str(exc)))
    return Item(doc_id, source, text, parsed)
