"""Batch scoring: many articles into one JSON Lines file, locally, in processes, or on Dask.

``frtone batch`` (see :mod:`frtone.cli.batch`) runs :func:`run_batch`. The pieces:
:mod:`~frtone.batch.inputs` (files, folders, .jsonl records → items, input errors kept),
:mod:`~frtone.batch.score` (the per-group work every engine runs),
:mod:`~frtone.batch.output` (line-by-line writing, ``--resume`` repair),
:mod:`~frtone.batch.summary` (the CSV), :mod:`~frtone.batch.workers` (``--jobs N``) and
:mod:`~frtone.batch.dask` (``--engine dask``, :func:`~frtone.batch.dask.analyze_bag`).

Example:
    >>> from frtone.batch import Item, expand_paths, iter_items
    >>> items = list(iter_items(expand_paths(["corpus/articles"])))
    >>> len(items), all(isinstance(i, Item) and i.ok for i in items)
    (51, True)
"""

from __future__ import annotations

from frtone.batch.inputs import Item, ItemError, expand_paths, iter_items, record_item
from frtone.batch.output import JsonlWriter, ResumeState, prepare_resume
from frtone.batch.run import BatchReport, run_batch
from frtone.batch.score import score_items
from frtone.batch.summary import write_summary

__all__ = [
    "BatchReport",
    "Item",
    "ItemError",
    "JsonlWriter",
    "ResumeState",
    "expand_paths",
    "iter_items",
    "prepare_resume",
    "record_item",
    "run_batch",
    "score_items",
    "write_summary",
]
