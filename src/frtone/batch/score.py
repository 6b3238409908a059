"""The per-group work every engine runs: items in, output records out, one per item, in order.

The local run, ``--jobs N`` worker processes and Dask workers all call
:func:`score_items`, so they write the same lines for the same inputs.

Example:
    >>> import frtone
    >>> from frtone.batch.inputs import Item, ItemError
    >>> items = [Item("a", "a.txt", "Quid des 150 millions d'euros versés ?"),
    ...          Item("b", "b.txt", error=ItemError("EmptyText", "b.txt holds no text"))]
    >>> out = score_items(frtone.Analyzer(include_tokens=False), items)
    >>> out[0]["schema"], out[0]["id"], out[0]["claims"][0]["kind"]
    ('frtone/1', 'a', 'rhetorical_question')
    >>> out[1]
    {'id': 'b', 'source': 'b.txt', 'error': {'type': 'EmptyText', 'message': 'b.txt holds no text'}}
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from frtone.batch.inputs import Item, ItemError

if TYPE_CHECKING:
    from frtone.analyzer import Analyzer
    from frtone.results import ArticleAnalysis

#: Articles handed to the analyzer (and to a worker) at once.
GROUP_SIZE = 16


def result_record(item: Item, result: ArticleAnalysis) -> dict[str, Any]:
    """The output line of an analysed item: the ``frtone/1`` object with ``id`` and ``source``."""
    data = result.to_dict()
    data["id"] = item.id
    data["source"] = item.source
    return data


def _exception_error(exc: BaseException) -> ItemError:
    return ItemError(type(exc).__name__, str(exc) or repr(exc))


def score_items(analyzer: Analyzer, items: Sequence[Item]) -> list[dict[str, Any]]:
    """Analyse ``items``; return one output record per item, in order.

    Items that failed on input become error records. The articles are parsed together
    (one :meth:`~frtone.Analyzer.pipe_items` call); if that raises, each article is
    analysed on its own, so only the article that fails gets an error record.
    """
    todo = [it for it in items if it.ok]
    triples = [(it.text, it.targets, it.id) for it in todo]
    done: dict[int, dict[str, Any]] = {}
    try:
        results = list(analyzer.pipe_items(triples, batch_size=max(1, len(triples))))
        for k, (it, res) in enumerate(zip(todo, results, strict=True)):
            done[k] = result_record(it, res)
    except Exception:
        for k, it in enumerate(todo):  # one at a time: only the culprit fails
            try:
                res = next(analyzer.pipe_items([(it.text, it.targets, it.id)]))
                done[k] = result_record(it, res)
            except Exception as exc:
                done[k] = it.error_record(_exception_error(exc)) or {}
    out: list[dict[str, Any]] = []
    k = 0
    for it in items:
        if it.ok:
            out.append(done[k])
            k += 1
        else:
            out.append(it.error_record() or {})
    return out


def dumps(record: dict[str, Any]) -> str:
    """One output line (without the newline): compact JSON, UTF-8 text kept as is.

    Example:
        >>> dumps({"id": "é", "error": {"type": "EmptyText", "message": "vide"}})
        '{"id":"é","error":{"type":"EmptyText","message":"vide"}}'
    """
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def score_lines(analyzer: Analyzer, items: Sequence[Item]) -> list[tuple[str | None, bool, str]]:
    """:func:`score_items` as ``(id, failed, json_line)`` triples, ready to write."""
    return [(rec.get("id"), "error" in rec, dumps(rec)) for rec in score_items(analyzer, items)]
