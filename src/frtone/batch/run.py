r"""One batch run: inputs → groups → an engine → the JSON Lines output (and the summary CSV).

Example:
    >>> import json, tempfile
    >>> from pathlib import Path
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "in.jsonl").write_text(
    ...     json.dumps({"id": "a", "text": "Quid des 150 millions d'euros versés ?"}) + "\n"
    ...     + json.dumps({"id": "b", "text": ""}) + "\n", encoding="utf-8")
    >>> report = run_batch([d / "in.jsonl"], d / "out.jsonl", include_tokens=False)
    >>> report.written, report.failed
    (2, 1)
    >>> [json.loads(line).get("error", {}).get("type") for line in open(d / "out.jsonl")]
    [None, 'EmptyText']
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from frtone.batch.inputs import Item, count_items, expand_paths, iter_items
from frtone.batch.output import JsonlWriter, ResumeState, prepare_resume
from frtone.batch.score import GROUP_SIZE, score_lines
from frtone.batch.summary import write_summary
from frtone.batch.workers import Line, analyzer_options, map_groups
from frtone.errors import BatchInputError
from frtone.targets import Target

if TYPE_CHECKING:
    from frtone.analyzer import Analyzer

Engine = Literal["local", "dask"]


@dataclass(slots=True)
class BatchReport:
    """What a run did.

    Attributes:
        written: Lines written by this run.
        failed: Of those, error lines.
        skipped: Articles already done in the output (``--resume``).
        resume: What the resume repair found (``None`` without ``--resume``).
    """

    written: int = 0
    failed: int = 0
    skipped: int = 0
    resume: ResumeState | None = None


def _groups(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while group := list(islice(it, size)):
        yield group


def _local(
    groups: Iterable[list[Item]], options: dict[str, Any], analyzer: Analyzer | None
) -> Iterator[list[Line]]:
    if analyzer is None:
        from frtone.analyzer import Analyzer

        analyzer = Analyzer(**options)
    for group in groups:
        yield score_lines(analyzer, group)


def run_batch(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    targets: Sequence[Target] | None = None,
    jobs: int = 1,
    resume: bool = False,
    summary: str | Path | None = None,
    include_tokens: bool = True,
    model: str | None = None,
    scorers: str = "default",
    engine: Engine = "local",
    scheduler: str | None = None,
    progress: bool | None = None,
    analyzer: Analyzer | None = None,
) -> BatchReport:
    """Analyse every input into ``out``, one JSON line per article; see ``frtone batch``.

    Args:
        inputs: .txt files, folders, .jsonl record files.
        out: The JSON Lines output.
        targets: Targets of articles without their own (``None``: detect).
        jobs: Worker processes (``local``) or local-cluster workers (``dask``).
        resume: Complete an existing output instead of refusing to touch it.
        summary: Also write the per article × target CSV there.
        include_tokens: Keep tokens in the results.
        model: spaCy model (default ``fr_core_news_md``), or a scorer-model folder.
        scorers: ``default``, ``rules`` or a scorer-model folder (see :class:`~frtone.Analyzer`).
        engine: ``local`` (this machine) or ``dask``.
        scheduler: Dask scheduler address (``None``: a local cluster).
        progress: Show a progress bar on stderr; ``None``: only when stderr is a terminal.
        analyzer: An analyzer to use for a local single-process run instead of building
            one from ``model`` and ``include_tokens``.

    Raises:
        BatchInputError: A bad input, an existing output without ``resume``, bad options.
    """
    if jobs < 1:
        raise BatchInputError(f"--jobs must be at least 1, got {jobs}.")
    if scheduler is not None and engine != "dask":
        raise BatchInputError("--scheduler needs --engine dask.")
    paths = expand_paths(inputs)
    out = Path(out)
    if out.is_dir():
        raise BatchInputError(f"Output {str(out)!r} is a folder; give a .jsonl file name.")
    if not out.parent.is_dir():
        raise BatchInputError(f"The folder of output {str(out)!r} does not exist.")
    if out.resolve() in {p.resolve() for p in paths}:
        raise BatchInputError(f"Output {str(out)!r} is also an input; write elsewhere.")
    if not resume and out.exists() and out.stat().st_size > 0:
        raise BatchInputError(
            f"Output {str(out)!r} already exists: pass --resume to complete it, or remove it."
        )
    report = BatchReport()
    done: set[str] = set()
    if resume:
        report.resume = prepare_resume(out)
        done = report.resume.done

    def todo() -> Iterator[Item]:
        for item in iter_items(paths, targets):
            if item.id in done:
                report.skipped += 1
            else:
                yield item

    options = analyzer_options(model, include_tokens, scorers)
    groups = _groups(todo(), GROUP_SIZE)
    if engine == "dask":
        from frtone.batch import dask as dask_engine

        results = dask_engine.map_groups(groups, options=options, scheduler=scheduler, workers=jobs)
    elif jobs > 1:
        results = map_groups(groups, jobs=jobs, options=options)
    else:
        results = _local(groups, options, analyzer)
    show = sys.stderr.isatty() if progress is None else progress
    total = max(0, count_items(paths) - len(done)) if show else None
    with JsonlWriter(out) as writer, _progress(show, total) as advance:
        for lines in results:
            for _id, failed, line in lines:
                writer.write_line(line)
                report.written += 1
                report.failed += failed
            advance(len(lines))
    if summary is not None:
        write_summary(out, Path(summary))
    return report


class _progress:
    """A tqdm bar on stderr (articles/s, ETA), or nothing."""

    def __init__(self, show: bool, total: int | None) -> None:
        self.bar = None
        if show:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=" articles", file=sys.stderr, smoothing=0.1)

    def __enter__(self) -> Callable[[int], None]:
        bar = self.bar
        if bar is None:
            return lambda n: None
        return lambda n: bar.update(n) and None

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.close()
