"""A picture of a batch: one offline HTML page with inline SVG charts.

Reads the JSON lines that batch scoring writes — one ``frtone/1`` object per
article with ``id`` and ``source`` (and optionally ``date``), or
``{"id", "error": {"type", "message"}}`` for a document that failed — and shows,
per target, the stance distribution across articles (stacked bars), the same
over time when records carry a date, the most sarcastic articles and claims, and
the failed documents. Charts are SVG written here; patterns and labels tell the
stances apart without colour.

Example:
    >>> import json, frtone
    >>> r = frtone.analyze("Orange paie fort pour acheter pas grand-chose !", ["Orange"], id="a1")
    >>> lines = [
    ...     json.dumps({**r.to_dict(), "source": "a1.txt", "date": "2015-03-02"}),
    ...     json.dumps({"id": "a2", "error": {"type": "InputTypeError", "message": "not text"}}),
    ... ]
    >>> batch = read_batch(lines)
    >>> len(batch.records), len(batch.failures), batch.records[0].date
    (1, 1, datetime.date(2015, 3, 2))
    >>> html = render_report(batch)
    >>> "<svg" in html and "InputTypeError" in html
    True
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from html import escape

from frtone.errors import FrtoneError
from frtone.render.page import STANCE_STYLE, page
from frtone.results import ArticleAnalysis, Claim

LABELS = ("favor", "against", "mixed", "none")
MAX_TARGETS = 12
MAX_TIME_TARGETS = 6
DAY_RANGE = 45  # dated records spanning at most this many days are counted per day

CSS = """
.cards { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; }
.card { border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .7rem;
  min-width: 7rem; }
.card b { display: block; font-size: 1.3rem; }
.chart { margin: .5rem 0 1rem; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1rem; font-size: .9rem; margin: .3rem 0; }
.legend svg { display: inline-block; vertical-align: middle; }
mark.cue { background: var(--cue-bg); border: 1.5px dashed var(--cue); color: inherit;
  padding: 0 .1em; border-radius: .2rem; }
details { margin: .3rem 0 1rem; }
td.text { min-width: 14rem; }
td.date { white-space: nowrap; }
.multiples { display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.multiples figure { margin: 0 0 1rem; }
.multiples figcaption { font-weight: 600; }
svg text.count { paint-order: stroke; stroke: #fff; stroke-width: 3px; }
"""

_FILL = {
    "favor": "#1d4ed8",
    "against": "url(#p-against)",
    "mixed": "url(#p-mixed)",
    "none": "#e5e7eb",
}

# Patterns for the charts: hatching for against, dots for mixed (not colour alone).
_DEFS = (
    '<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">'
    "<defs>"
    '<pattern id="p-against" width="8" height="8" patternUnits="userSpaceOnUse"'
    ' patternTransform="rotate(45)"><rect width="8" height="8" fill="#fdba8c"/>'
    '<rect width="3" height="8" fill="#9a3412"/></pattern>'
    '<pattern id="p-mixed" width="6" height="6" patternUnits="userSpaceOnUse">'
    '<rect width="6" height="6" fill="#e9d5ff"/><circle cx="3" cy="3" r="1.6" fill="#6b21a8"/>'
    "</pattern></defs></svg>"
)


@dataclass(frozen=True, slots=True)
class BatchRecord:
    """One analysed article of the batch.

    Attributes:
        id: The record's identifier.
        source: Where the text came from, if known.
        date: Publication date, if the record has one.
        result: The analysis.
    """

    id: str | None
    source: str | None
    date: dt.date | None
    result: ArticleAnalysis


@dataclass(frozen=True, slots=True)
class Failure:
    """A line that holds no analysis: a failed document or an unreadable line.

    Attributes:
        line: 1-based line number in the input.
        id: The record's identifier, if it could be read.
        type: Error type (``InputTypeError``, ``invalid JSON``...).
        message: What went wrong.
    """

    line: int
    id: str | None
    type: str
    message: str


@dataclass(slots=True)
class Batch:
    """A batch read by :func:`read_batch`: analysed records and failures, in input order."""

    records: list[BatchRecord] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def _date(value: object) -> dt.date | None:
    """``YYYY-MM-DD`` (time part ignored) or ``YYYY-MM``; anything else: no date."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    for candidate in (text[:10], text[:7] + "-01"):
        try:
            return dt.date.fromisoformat(candidate)
        except ValueError:
            continue
    return None


def read_batch(lines: Iterable[str]) -> Batch:
    """Read batch output lines into records and failures (never raises on a bad line).

    A line that is not JSON, not an object, or not a valid ``frtone/1`` object
    becomes a :class:`Failure` naming the line, so one broken line does not hide
    the rest of the batch.
    """
    batch = Batch()
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            batch.failures.append(Failure(n, None, "invalid JSON", exc.msg))
            continue
        if not isinstance(data, dict):
            batch.failures.append(Failure(n, None, "invalid record", "not a JSON object"))
            continue
        rid = data.get("id")
        rid = None if rid is None else str(rid)
        error = data.get("error")
        if error is not None:
            err = error if isinstance(error, dict) else {"message": str(error)}
            batch.failures.append(
                Failure(n, rid, str(err.get("type", "error")), str(err.get("message", "")))
            )
            continue
        try:
            result = ArticleAnalysis.from_dict(data)
        except FrtoneError as exc:
            batch.failures.append(Failure(n, rid, "invalid record", str(exc)))
            continue
        source = data.get("source")
        batch.records.append(
            BatchRecord(
                rid, None if source is None else str(source), _date(data.get("date")), result
            )
        )
    return batch


def _name(rec: BatchRecord) -> str:
    return rec.id or rec.source or "(no id)"


def _target_counts(records: Sequence[BatchRecord]) -> dict[str, Counter[str]]:
    """Per target, how many articles take each article-level stance toward it."""
    counts: dict[str, Counter[str]] = {}
    for rec in records:
        for t in rec.result.targets:
            if t.mentions or t.label != "none":
                counts.setdefault(t.name, Counter())[t.label] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))
    return dict(ranked)


def _swatch(label: str) -> str:
    symbol, word = STANCE_STYLE[label]
    return (
        f'<span><svg width="16" height="12" aria-hidden="true"><rect width="16" height="12"'
        f' fill="{_FILL[label]}" stroke="#374151"/></svg> {symbol} {escape(word)}</span>'
    )


def _legend() -> str:
    return '<p class="legend">' + "".join(_swatch(lab) for lab in LABELS) + "</p>"


def stacked_bars(rows: Sequence[tuple[str, Counter[str]]], *, title: str) -> str:
    """Horizontal stacked bars, one per ``(label, counts)`` row, as inline SVG.

    Example:
        >>> from collections import Counter
        >>> svg = stacked_bars([("Orange", Counter(against=3, favor=1))], title="Stance")
        >>> svg.count("<rect"), "Orange: 3 against" in svg
        (2, True)
    """
    width, left, right, bar, gap = 440, 130, 30, 22, 8
    height = len(rows) * (bar + gap) + gap
    top = max((sum(c.values()) for _, c in rows), default=1) or 1
    scale = (width - left - right) / top
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>'
    ]
    for k, (name, counts) in enumerate(rows):
        y = gap + k * (bar + gap)
        short = name if len(name) <= 18 else name[:17] + "…"
        out.append(
            f'<text x="{left - 6}" y="{y + bar * 0.7:.1f}" text-anchor="end"'
            f' font-size="13">{escape(short)}</text>'
        )
        x = float(left)
        for label in LABELS:
            n = counts.get(label, 0)
            if not n:
                continue
            w = n * scale
            tip = f"{name}: {n} {STANCE_STYLE[label][1]}"
            out.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar}" fill="{_FILL[label]}"'
                f' stroke="#fff" data-label="{label}" data-count="{n}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            if w >= 18:
                out.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + bar * 0.7:.1f}" text-anchor="middle"'
                    f' font-size="12" class="count" font-weight="700">{n}</text>'
                )
            x += w
        total = sum(counts.values())
        out.append(f'<text x="{x + 5:.1f}" y="{y + bar * 0.7:.1f}" font-size="12">{total}</text>')
    out.append("</svg>")
    return "".join(out)


def _period(d: dt.date, daily: bool) -> str:
    return d.isoformat() if daily else d.strftime("%Y-%m")


def time_columns(columns: Sequence[tuple[str, Counter[str]]], *, title: str) -> str:
    """Vertical stacked columns, one per ``(period, counts)``, as inline SVG.

    Example:
        >>> from collections import Counter
        >>> svg = time_columns([("2015-03", Counter(against=2)), ("2015-04", Counter())], title="t")
        >>> svg.count('data-label="against"'), "2015-04" in svg
        (1, True)
    """
    height, bottom, top_pad, left = 170, 44, 10, 28
    col = max(12, min(32, 320 // max(1, len(columns))))
    width = left + len(columns) * col + 10
    top = max((sum(c.values()) for _, c in columns), default=1) or 1
    scale = (height - bottom - top_pad) / top
    base = height - bottom
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="{width}" height="{height}"'
        f' role="img" aria-label="{escape(title)}"><title>{escape(title)}</title>',
        f'<line x1="{left}" y1="{base}" x2="{width - 5}" y2="{base}" stroke="#374151"/>',
        f'<text x="{left - 4}" y="{top_pad + 10}" text-anchor="end" font-size="11">{top}</text>',
    ]
    every = max(1, len(columns) // 8)
    for k, (period, counts) in enumerate(columns):
        x = left + k * col + 2
        y = float(base)
        for label in LABELS:
            n = counts.get(label, 0)
            if not n:
                continue
            h = n * scale
            y -= h
            tip = f"{period}: {n} {STANCE_STYLE[label][1]}"
            out.append(
                f'<rect x="{x}" y="{y:.1f}" width="{col - 4}" height="{h:.1f}"'
                f' fill="{_FILL[label]}" stroke="#fff" data-label="{label}" data-count="{n}">'
                f"<title>{escape(tip)}</title></rect>"
            )
        if k % every == 0:
            out.append(
                f'<text x="{x + (col - 4) / 2:.1f}" y="{base + 14}" font-size="11"'
                f' text-anchor="end" transform="rotate(-35 {x + (col - 4) / 2:.1f} {base + 14})">'
                f"{escape(period)}</text>"
            )
    out.append("</svg>")
    return "".join(out)


def _over_time(records: Sequence[BatchRecord], targets: Sequence[str]) -> str:
    dated = [r for r in records if r.date is not None]
    if not dated:
        return (
            '<p class="meta">No record has a <code>date</code>: add one (YYYY-MM-DD) to the '
            "input records to see stances over time.</p>"
        )
    days = [r.date for r in dated if r.date is not None]
    daily = (max(days) - min(days)).days <= DAY_RANGE
    periods = sorted({_period(d, daily) for d in days})
    if not daily:  # every month in the range, so gaps show
        first, last = min(days).replace(day=1), max(days).replace(day=1)
        periods, d = [], first
        while d <= last:
            periods.append(d.strftime("%Y-%m"))
            d = (d + dt.timedelta(days=32)).replace(day=1)
    parts = [
        f'<p class="meta">{len(dated)} dated articles of {len(records)}, per '
        f"{'day' if daily else 'month'}.</p>"
    ]
    for name in targets[:MAX_TIME_TARGETS]:
        per: dict[str, Counter[str]] = {p: Counter() for p in periods}
        for r in dated:
            t = r.result.target(name)
            if r.date is not None and t is not None and (t.mentions or t.label != "none"):
                per[_period(r.date, daily)][t.label] += 1
        chart = time_columns(list(per.items()), title=f"Stance toward {name} over time")
        parts.append(f"<figure><figcaption>{escape(name)}</figcaption>{chart}</figure>")
    return f'{parts[0]}<div class="multiples">{"".join(parts[1:])}</div>'


def _highlight(claim: Claim) -> str:
    out, pos = [], 0
    for cue in sorted(claim.sarcasm.cues, key=lambda c: c.start):
        s, e = cue.start - claim.start, cue.end - claim.start
        if s < pos or e > len(claim.text):
            continue
        out.append(escape(claim.text[pos:s]))
        out.append(
            f'<mark class="cue" data-kind="{escape(cue.kind)}" title="{escape(cue.kind)}">'
            f"{escape(claim.text[s:e])}</mark>"
        )
        pos = e
    out.append(escape(claim.text[pos:]))
    return "".join(out)


def _kinds(claims: Iterable[Claim]) -> str:
    kinds = Counter(c.kind for claim in claims for c in claim.sarcasm.cues)
    return ", ".join(k.replace("_", " ") for k, _ in kinds.most_common(3))


def _sarcastic_articles(records: Sequence[BatchRecord], limit: int = 10) -> str:
    ranked = sorted(records, key=lambda r: -r.result.sarcasm.probability)[:limit]
    rows = "".join(
        f"<tr><td>{escape(_name(r))}</td>"
        f'<td class="date">{escape(r.date.isoformat() if r.date else "")}</td>'
        f'<td class="num">{r.result.sarcasm.probability:.2f}</td>'
        f'<td class="num">{len(r.result.sarcasm.sarcastic_claims)} / {len(r.result.claims)}</td>'
        f"<td>{escape(_kinds(r.result.sarcastic_claims))}</td></tr>"
        for r in ranked
    )
    return (
        '<div class="scroll"><table><thead><tr><th>Article</th><th>Date</th>'
        '<th class="num">Sarcasm</th><th class="num">Sarcastic claims</th>'
        f"<th>Main cues</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _sarcastic_claims(records: Sequence[BatchRecord], limit: int = 15) -> str:
    claims = [(c, r) for r in records for c in r.result.sarcastic_claims]
    claims.sort(key=lambda cr: -cr[0].sarcasm.probability)
    if not claims:
        return '<p class="meta">No sarcastic claim in this batch.</p>'
    rows = "".join(
        f'<tr class="sarcastic-claim"><td class="num">{c.sarcasm.probability:.2f}</td>'
        f'<td class="text">{_highlight(c)}</td><td>{escape(_name(r))}</td></tr>'
        for c, r in claims[:limit]
    )
    return (
        '<div class="scroll"><table><thead><tr><th class="num">p</th><th>Claim (cues marked)</th>'
        f"<th>Article</th></tr></thead><tbody>{rows}</tbody></table></div>"
    )


def _failures(failures: Sequence[Failure], limit: int = 50) -> str:
    if not failures:
        return '<p class="meta">None: every document was analysed.</p>'
    by_type = Counter(f.type for f in failures)
    summary = ", ".join(f"{n} {escape(t)}" for t, n in by_type.most_common())
    rows = "".join(
        f'<tr class="failure"><td class="num">{f.line}</td><td>{escape(f.id or "")}</td>'
        f"<td>{escape(f.type)}</td><td>{escape(f.message)}</td></tr>"
        for f in failures[:limit]
    )
    more = (
        f'<p class="meta">… and {len(failures) - limit} more.</p>' if len(failures) > limit else ""
    )
    return (
        f"<p>{summary}.</p>"
        '<div class="scroll"><table><thead><tr><th class="num">Line</th><th>Id</th><th>Type</th>'
        f"<th>Message</th></tr></thead><tbody>{rows}</tbody></table></div>{more}"
    )


def _counts_table(rows: Sequence[tuple[str, Counter[str]]]) -> str:
    body = "".join(
        f"<tr><th scope='row'>{escape(name)}</th>"
        + "".join(f'<td class="num">{c.get(lab, 0)}</td>' for lab in LABELS)
        + "</tr>"
        for name, c in rows
    )
    head = "".join(f'<th class="num">{escape(STANCE_STYLE[lab][1])}</th>' for lab in LABELS)
    return (
        "<details><summary>The same as a table</summary><div class='scroll'><table>"
        f"<thead><tr><th>Target</th>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        "</details>"
    )


def render_report(batch: Batch, *, title: str = "frtone batch report") -> str:
    """Return the batch report page (self-contained HTML, inline SVG, no script)."""
    records = batch.records
    counts = _target_counts(records)
    rows = list(counts.items())[:MAX_TARGETS]
    n_claims = sum(len(r.result.claims) for r in records)
    n_sarcastic = sum(len(r.result.sarcasm.sarcastic_claims) for r in records)
    cards = "".join(
        f'<div class="card"><b>{value}</b>{escape(label)}</div>'
        for value, label in (
            (len(records), "articles analysed"),
            (len(batch.failures), "failed"),
            (n_claims, "claims"),
            (n_sarcastic, "sarcastic claims"),
            (sum(r.date is not None for r in records), "dated"),
        )
    )
    stance = (
        stacked_bars(rows, title="Articles per article-level stance, per target")
        + _legend()
        + _counts_table(rows)
        if rows
        else '<p class="meta">No target in these results.</p>'
    )
    more = (
        f'<p class="meta">The {MAX_TARGETS} targets found in most articles, of {len(counts)}.</p>'
        if len(counts) > MAX_TARGETS
        else ""
    )
    body = (
        f"{_DEFS}<header><h1>{escape(title)}</h1></header>"
        f'<section class="cards" aria-label="Counts">{cards}</section>'
        f"<section><h2>Stance per target across articles</h2>{more}{stance}</section>"
        f"<section><h2>Over time</h2>{_over_time(records, [n for n, _ in rows])}"
        f"{_legend() if any(r.date for r in records) else ''}</section>"
        f"<section><h2>Most sarcastic articles</h2>{_sarcastic_articles(records)}</section>"
        f"<section><h2>Most sarcastic claims</h2>{_sarcastic_claims(records)}</section>"
        f'<section id="failures"><h2>Failed documents ({len(batch.failures)})</h2>'
        f"{_failures(batch.failures)}</section>"
    )
    return page(title, body, css=CSS)
