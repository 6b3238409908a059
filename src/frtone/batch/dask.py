"""Dask: the same per-group work on a Dask cluster, each worker process loading models once.

Two ways in (both need ``pip install 'frtone[dask]'``):

* :func:`analyze_bag` maps a :class:`dask.bag.Bag` of records (``{"id", "text",
  "targets"?}`` dicts, or :class:`~frtone.batch.inputs.Item` s) to a bag of output records,
  the very dicts ``frtone batch`` writes as lines;
* :func:`map_groups` is what ``frtone batch --engine dask [--scheduler ADDRESS]`` runs: groups
  submitted to a ``distributed`` client (a local cluster when no address is given), at most
  a few per worker in flight, lines yielded in input order.

On a worker, :func:`worker_analyzer` builds one :class:`~frtone.Analyzer` per process and
per option set, and keeps it for every later task. With several threads per worker, the
threads share it and take turns (spaCy pipelines are not meant to run in parallel threads):
start workers with ``--nthreads 1`` and as many processes as cores.

Example:
    >>> import dask.bag as db
    >>> records = [{"id": "a", "text": "Orange paie fort pour acheter pas grand-chose !",
    ...             "targets": ["Orange"]}, {"id": "b"}]
    >>> bag = db.from_sequence(records, npartitions=1)
    >>> out = analyze_bag(bag, include_tokens=False).compute(scheduler="sync")
    >>> out[0]["id"], out[0]["targets"][0]["label"], out[1]["error"]["type"]
    ('a', 'against', 'MissingText')
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from frtone.batch.inputs import Item, record_item
from frtone.batch.score import score_items, score_lines
from frtone.batch.workers import Line, _error_lines, analyzer_options
from frtone.targets import Target, coerce_targets

if TYPE_CHECKING:
    from dask.bag import Bag

    from frtone.analyzer import Analyzer

_LOCK = threading.Lock()
_ANALYZERS: dict[tuple[tuple[str, Any], ...], Analyzer] = {}


def worker_analyzer(options: dict[str, Any]) -> Analyzer:
    """The analyzer of this process for ``options``, built on first use and then kept.

    Example:
        >>> worker_analyzer({"include_tokens": False}) is worker_analyzer({"include_tokens": False})
        True
    """
    key = tuple(sorted(options.items()))
    with _LOCK:
        analyzer = _ANALYZERS.get(key)
        if analyzer is None:
            from frtone.analyzer import Analyzer

            analyzer = _ANALYZERS[key] = Analyzer(**options)
        return analyzer


def _as_item(record: Any, targets: tuple[Target, ...] | None) -> Item:
    if isinstance(record, Item):
        return record
    source = record.get("source") if isinstance(record, dict) else None
    return record_item(record, source if isinstance(source, str) else None, targets)


def _score_partition(
    records: Iterable[Any], targets: tuple[Target, ...] | None, options: dict[str, Any]
) -> list[dict[str, Any]]:
    analyzer = worker_analyzer(options)
    with _LOCK:
        return score_items(analyzer, [_as_item(r, targets) for r in records])


def analyze_bag(
    bag: Bag,
    *,
    targets: Iterable[Target | str | dict[str, Any]] | None = None,
    model: str | None = None,
    include_tokens: bool = True,
) -> Bag:
    """Map a bag of records to a bag of output records (results or error records).

    Args:
        bag: Records ``{"id", "text", "targets"?, "source"?}`` or :class:`Item` s.
        targets: Targets for records without their own (``None``: detect).
        model: spaCy model (default ``fr_core_news_md``).
        include_tokens: Keep tokens in the results.

    Returns:
        A bag of dicts: the ``frtone/1`` object with ``id`` and ``source``, or
        ``{"id", "source"?, "error": {"type", "message"}}``; one per record, in order.
    """
    wanted = coerce_targets(targets)
    shared = tuple(wanted) if wanted is not None else None
    options = analyzer_options(model, include_tokens)
    result: Bag = bag.map_partitions(_score_partition, shared, options)
    return result


def _score_group(items: list[Item], options: dict[str, Any]) -> list[Line]:
    analyzer = worker_analyzer(options)
    with _LOCK:
        return score_lines(analyzer, items)


def map_groups(
    groups: Iterable[list[Item]],
    *,
    options: dict[str, Any],
    scheduler: str | None = None,
    workers: int = 2,
) -> Iterator[list[Line]]:
    """Analyse ``groups`` on a Dask cluster; yield each group's lines in input order.

    Args:
        groups: Lists of items.
        options: :class:`~frtone.Analyzer` keyword arguments.
        scheduler: Address of a running scheduler (``tcp://host:8786``); ``None`` starts a
            ``distributed.LocalCluster`` of ``workers`` processes, one thread each.
        workers: Worker processes of the local cluster.
    """
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        slots = 2 * max(1, sum(client.nthreads().values()))
        pending: deque[tuple[list[Item], Any]] = deque()
        source = iter(groups)
        while True:
            while len(pending) < slots:
                group = next(source, None)
                if group is None:
                    break
                pending.append((group, client.submit(_score_group, group, options, pure=False)))
            if not pending:
                return
            group, future = pending.popleft()
            yield _result(group, future)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _result(group: Sequence[Item], future: Any) -> list[Line]:
    try:
        lines: list[Line] = future.result()
    except Exception as exc:  # the task failed on the cluster: a worker died, say
        return _error_lines(group, f"{type(exc).__name__}: {exc}")
    return lines
