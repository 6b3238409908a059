"""``--jobs N``: groups of articles analysed by N worker processes, results in input order.

Each worker process builds its :class:`~frtone.Analyzer` once, when it starts, and then
analyses group after group with :func:`~frtone.batch.score.score_lines`; it sends back
finished JSON lines (plain strings). Workers are started with ``forkserver`` where the
platform has it (Linux), ``spawn`` elsewhere: never ``fork``, which would copy the parent's
threads and locks. At most ``2 × N`` groups are in flight, so memory stays bounded however
large the input, and lines come back in input order, so ``--jobs 2`` writes the same file
as ``--jobs 1``.

If a worker process dies (killed, out of memory), the groups that were in flight are
retried one at a time in a fresh pool; a group that kills its worker again gets error lines
of type ``WorkerError`` (``--resume`` tries them again).

Example:
    >>> start_method() in ("forkserver", "spawn")
    True
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any

from frtone.batch.inputs import Item, ItemError
from frtone.batch.score import dumps, score_lines

if TYPE_CHECKING:
    from frtone.analyzer import Analyzer

#: ``(id, failed, json_line)`` for one output line.
Line = tuple[str | None, bool, str]
WORKER_ERROR = "WorkerError"
#: Modules the fork server imports before forking workers (``forkserver`` only); spaCy
#: itself is imported by each worker (`_start`), without PyTorch when the model allows it.
PRELOAD = ("frtone.analyzer", "frtone.batch.score", "frtone.backends.spacy_backend")

_ANALYZER: Analyzer | None = None
_START_ERROR: str | None = None


class WorkerStartError(RuntimeError):
    """The worker processes could not build their analyzer (e.g. the model is missing)."""


def analyzer_options(
    model: str | None, include_tokens: bool, scorers: str = "default"
) -> dict[str, Any]:
    """Keyword arguments of the :class:`~frtone.Analyzer` every worker builds.

    Example:
        >>> analyzer_options(None, False)
        {'include_tokens': False}
        >>> analyzer_options(None, False, "rules")
        {'include_tokens': False, 'scorers': 'rules'}
    """
    options: dict[str, Any] = {"include_tokens": include_tokens}
    if model is not None:
        options["model"] = model
    if scorers != "default":
        options["scorers"] = scorers
    return options


def _start(options: dict[str, Any]) -> None:
    """Worker initializer: build the analyzer once (remember why if that fails)."""
    global _ANALYZER, _START_ERROR
    try:
        from frtone.analyzer import Analyzer
        from frtone.batch.lean import import_spacy_without_torch

        import_spacy_without_torch(options.get("model"))

        _ANALYZER = Analyzer(**options)
    except Exception as exc:
        _START_ERROR = f"{type(exc).__name__}: {exc}"


def _work(items: list[Item]) -> tuple[str | None, list[Line]]:
    if _ANALYZER is None:
        return _START_ERROR or "the analyzer was not built", []
    return None, score_lines(_ANALYZER, items)


def start_method() -> str:
    """``forkserver`` where available, else ``spawn``."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def _error_lines(items: Sequence[Item], message: str) -> list[Line]:
    out: list[Line] = []
    for it in items:
        rec = it.error_record(it.error or ItemError(WORKER_ERROR, message)) or {}
        out.append((it.id, True, dumps(rec)))
    return out


class _Pool:
    """A process pool that survives a dying worker."""

    def __init__(self, jobs: int, options: dict[str, Any]) -> None:
        self.jobs = jobs
        self.options = options
        self.started = False  # a group came back from a worker at least once
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        method = start_method()
        if method == "forkserver":
            # the fork server imports spaCy once; each worker starts from that copy
            multiprocessing.set_forkserver_preload(list(PRELOAD))
        ctx = multiprocessing.get_context(method)
        return ProcessPoolExecutor(
            self.jobs, mp_context=ctx, initializer=_start, initargs=(self.options,)
        )

    def submit(self, group: list[Item]) -> Future[tuple[str | None, list[Line]]]:
        return self.executor.submit(_work, group)

    def restart(self) -> None:
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new()

    def result(
        self, group: list[Item], future: Future[tuple[str | None, list[Line]]]
    ) -> list[Line]:
        """The group's lines; raise BrokenProcessPool if its worker died."""
        try:
            start_error, lines = future.result()
        except BrokenProcessPool:
            raise
        except Exception as exc:  # e.g. an item that cannot be sent to the worker
            return _error_lines(group, f"{type(exc).__name__}: {exc}")
        if start_error is not None:
            raise WorkerStartError(f"the worker processes could not start: {start_error}")
        self.started = True
        return lines

    def alone(self, group: list[Item]) -> list[Line]:
        """Run one group with nothing else in flight; a dead worker fails only this group."""
        try:
            return self.result(group, self.submit(group))
        except BrokenProcessPool:
            self.restart()
            if not self.started:
                raise WorkerStartError(
                    "the worker processes died before analysing anything (see the messages "
                    "above); try --jobs 1"
                ) from None
            return _error_lines(
                group,
                f"a worker process died while analysing this group of {len(group)} articles "
                "(killed, or out of memory); run with --jobs 1 to find the article",
            )


def map_groups(
    groups: Iterable[list[Item]], *, jobs: int, options: dict[str, Any]
) -> Iterator[list[Line]]:
    """Analyse ``groups`` in ``jobs`` worker processes; yield each group's lines in order.

    Args:
        groups: Lists of items (see :data:`~frtone.batch.score.GROUP_SIZE`).
        jobs: Number of worker processes.
        options: :class:`~frtone.Analyzer` keyword arguments (:func:`analyzer_options`).

    Raises:
        WorkerStartError: The workers could not build their analyzer.
    """
    pool = _Pool(jobs, options)
    pending: deque[tuple[list[Item], Future[tuple[str | None, list[Line]]]]] = deque()
    source = iter(groups)
    try:
        while True:
            while len(pending) < 2 * jobs:
                group = next(source, None)
                if group is None:
                    break
                pending.append((group, pool.submit(group)))
            if not pending:
                return
            group, future = pending.popleft()
            try:
                lines = pool.result(group, future)
            except BrokenProcessPool:
                retry = [group] + [g for g, _ in pending]
                pending.clear()
                pool.restart()
                for g in retry:
                    yield pool.alone(g)
                continue
            yield lines
    finally:
        pool.executor.shutdown(wait=True, cancel_futures=True)
