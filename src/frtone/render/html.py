r"""One self-contained HTML page showing an article's claims, stances and cues.

Each claim is tinted by its stance toward a chosen *focus* target (a menu on the
page switches target; without JavaScript the page shows the focus it was rendered
with). Stances are also told by a symbol and an underline pattern (solid for
favor, wavy for against), never by colour alone. Sarcasm cues are marked with
their kind and the claim's sarcasm probability (on hover, or on tap/focus), hedges
and the sources of reported speech are marked, and the page opens with a summary
per target and a legend. Everything from the text is escaped.

Example:
    >>> import frtone
    >>> text = "Orange paie fort pour acheter pas grand-chose !\n\nAlors, <b>X</b> & Co coule."
    >>> html = render_html(frtone.analyze(text, targets=["Orange"]), text)
    >>> html.count('id="claim-')
    2
    >>> 'data-kind="sarcastic_contrast"' in html, "<b>" in html, "&lt;b&gt;X" in html
    (True, False, True)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from frtone.render.page import STANCE_STYLE, page, stance_label_html
from frtone.results import ArticleAnalysis, Claim
from frtone.text import paragraphs

CSS = """
.summary { margin-bottom: 1rem; }
.bar { display: inline-block; vertical-align: middle; width: 5rem; height: .7rem;
  background: var(--none-bg); border: 1px solid var(--line); position: relative; }
.bar > i { position: absolute; top: 0; bottom: 0; }
.bar > i.neg { right: 50%; background: var(--against); }
.bar > i.pos { left: 50%; background: var(--favor); }
.bar::after { content: ""; position: absolute; left: 50%; top: -2px; bottom: -2px;
  border-left: 1px solid var(--ink); }
tr.is-focus { background: #fefce8; }
.focus { margin: .75rem 0; }
select { font: inherit; padding: .2rem; max-width: 100%; }
.legend { display: flex; flex-wrap: wrap; gap: .35rem .9rem; font-size: .9rem; padding: .5rem;
  border: 1px solid var(--line); border-radius: .4rem; margin: .75rem 0 1.25rem; }
.legend > span { white-space: nowrap; }
article p, article h2 { margin: 0 0 1rem; overflow-wrap: break-word; }
article h2 { font-size: 1.2rem; }
.claim { padding: .1rem 0; border-radius: .2rem; -webkit-box-decoration-break: clone;
  box-decoration-break: clone; text-underline-offset: .3em; }
.claim::before { font-size: .75em; font-weight: 700; margin-right: .15em; }
.st-favor { background: var(--favor-bg); text-decoration: underline solid var(--favor) 2px; }
.st-favor::before { content: "▲"; color: var(--favor); }
.st-against { background: var(--against-bg);
  text-decoration: underline wavy var(--against) 1px; }
.st-against::before { content: "▼"; color: var(--against); }
.outside { color: var(--muted); }
.irony { font-size: .7em; font-weight: 700; color: var(--cue); vertical-align: super;
  margin-left: .1em; white-space: nowrap; }
.cue { background: var(--cue-bg); color: inherit; border: 1.5px dashed var(--cue);
  padding: 0 .1em; border-radius: .2rem; position: relative; cursor: help;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.cue:focus::after, .hedge:focus::after, .source:focus::after { content: attr(data-tip);
  position: absolute; left: 0; top: 100%; z-index: 2; margin-top: .3rem; width: max-content;
  max-width: min(18rem, 80vw); padding: .3rem .5rem; border-radius: .3rem; background: #111827;
  color: #fff; font: .85rem/1.4 system-ui, sans-serif; white-space: normal; }
.hedge { font-style: italic; border-bottom: 2px dotted var(--ink); position: relative;
  cursor: help; }
.source { font-variant: small-caps; border-bottom: 3px double var(--ink); position: relative;
  cursor: help; }
.swatch { display: inline-block; padding: 0 .3rem; }
@media (max-width: 30rem) {
  body { font-size: 1rem; }
  main { padding: .75rem .6rem 2rem; }
  .bar, .det, .opt { display: none; }
  th, td { padding: .3rem .3rem; }
}
"""

SCRIPT = """(function () {
  var select = document.getElementById("frtone-focus");
  if (!select) { return; }
  function apply() {
    var k = select.value;
    document.querySelectorAll("article .claim").forEach(function (c) {
      var label = c.getAttribute("data-st-" + k) || "none";
      c.classList.remove("st-favor", "st-against", "st-none");
      c.classList.add("st-" + label);
    });
    document.querySelectorAll("tr[data-target]").forEach(function (row) {
      row.classList.toggle("is-focus", row.getAttribute("data-target") === k);
    });
  }
  select.addEventListener("change", apply);
  apply();
})();"""


@dataclass(frozen=True, slots=True)
class _Mark:
    """An annotation inside a claim: where, and the element that wraps it."""

    start: int
    end: int
    tag: str
    attrs: str
    order: int  # lower opens first (outermost) at the same start


def _claim_marks(claim: Claim, shift: int) -> list[_Mark]:
    marks: list[_Mark] = []
    p = claim.sarcasm.probability
    for j, cue in enumerate(claim.sarcasm.cues):
        tip = f"{cue.kind.replace('_', ' ')} · claim sarcasm {p:.2f}"
        attrs = (
            f' class="cue" data-kind="{escape(cue.kind)}" data-cue="{claim.index}-{j}"'
            f' data-probability="{p:.2f}" data-tip="{escape(tip)}" title="{escape(tip)}"'
            ' tabindex="0"'
        )
        marks.append(_Mark(cue.start + shift, cue.end + shift, "mark", attrs, 0))
    for hedge in claim.hedges:
        tip = f"hedge ({hedge.label})"
        attrs = (
            f' class="hedge" data-label="{escape(hedge.label)}" data-tip="{escape(tip)}"'
            f' title="{escape(tip)}" tabindex="0"'
        )
        marks.append(_Mark(hedge.start + shift, hedge.end + shift, "span", attrs, 1))
    rep = claim.reported
    if rep is not None and claim.start <= rep.start < rep.end <= claim.end:
        tip = f"reported speech: source ({rep.verb})"
        attrs = (
            f' class="source" data-verb="{escape(rep.verb)}" data-tip="{escape(tip)}"'
            f' title="{escape(tip)}" tabindex="0"'
        )
        marks.append(_Mark(rep.start + shift, rep.end + shift, "span", attrs, 2))
    return marks


def _nest(text: str, start: int, end: int, marks: Sequence[_Mark]) -> str:
    """Escape ``text[start:end]`` wrapping the marks; a mark crossing another is split."""
    marks = [m for m in marks if start <= m.start < m.end <= end]
    cuts = sorted({start, end, *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[_Mark] = []
    waiting = sorted(marks, key=lambda m: (m.start, -m.end, m.order))
    for a, b in itertools.pairwise(cuts):
        # close what ends here; reopen (split) anything opened inside it that goes on
        if any(m.end <= a for m in stack):
            keep = []
            while stack:
                m = stack.pop()
                out.append(f"</{m.tag}>")
                if m.end > a:
                    keep.append(m)
            for m in reversed(keep):
                out.append(f"<{m.tag}{m.attrs}>")
                stack.append(m)
        while waiting and waiting[0].start == a:
            m = waiting.pop(0)
            out.append(f"<{m.tag}{m.attrs}>")
            stack.append(m)
        out.append(escape(text[a:b]))
    out.extend(f"</{m.tag}>" for m in reversed(stack))
    return "".join(out)


def _claim_title(claim: Claim) -> str:
    parts = [f"claim {claim.index} · {claim.kind.replace('_', ' ')}"]
    for st in claim.stances:
        if st.label != "none":
            inherited = "" if st.mentioned else ", from context"
            parts.append(f"{st.label} {st.target} ({st.score:+.2f}{inherited})")
    parts.append(f"sarcasm {claim.sarcasm.probability:.2f}")
    if claim.hedged:
        parts.append("hedged")
    if claim.reported:
        parts.append(f"reported: {claim.reported.source} ({claim.reported.verb})")
    return " · ".join(parts)


def _claim_html(text: str, claim: Claim, shift: int, focus: int | None) -> str:
    labels = [st.label for st in claim.stances]
    stance = labels[focus] if focus is not None and focus < len(labels) else "none"
    classes = ["claim", f"st-{stance}", f"kind-{claim.kind}"]
    if claim.sarcasm.label:
        classes.append("sarcastic")
    data = "".join(f' data-st-{k}="{escape(label)}"' for k, label in enumerate(labels))
    inner = _nest(text, claim.start + shift, claim.end + shift, _claim_marks(claim, shift))
    irony = (
        f'<sup class="irony" title="sarcasm probability">irony {claim.sarcasm.probability:.2f}'
        "</sup>"
        if claim.sarcasm.label
        else ""
    )
    return (
        f'<span class="{" ".join(classes)}" id="claim-{claim.index}"'
        f' data-claim="{claim.index}" data-kind="{escape(claim.kind)}"'
        f' data-sarcasm="{claim.sarcasm.probability:.2f}"{data}'
        f' title="{escape(_claim_title(claim))}">{inner}</span>{irony}'
    )


def _article_html(
    text: str, claims: Sequence[Claim], shifts: Sequence[int], focus: int | None
) -> str:
    out = []
    k = 0
    for para in paragraphs(text):
        pieces, pos, kinds = [], para.start, []
        while k < len(claims) and claims[k].start + shifts[k] < para.end:
            c, s = claims[k], shifts[k]
            if c.start + s > pos:
                pieces.append(_outside(text[pos : c.start + s]))
            pieces.append(_claim_html(text, c, s, focus))
            kinds.append(c.kind)
            pos = c.end + s
            k += 1
        if pos < para.end:
            pieces.append(_outside(text[pos : para.end]))
        tag = "h2" if kinds and all(kind == "heading" for kind in kinds) else "p"
        out.append(f"<{tag}>{''.join(pieces)}</{tag}>")
    return "\n".join(out)


def _outside(chunk: str) -> str:
    """Text that no claim covers: spaces as they are, words greyed."""
    if not chunk.strip():
        return escape(chunk)
    return f'<span class="outside" title="not a claim">{escape(chunk)}</span>'


_FOCUS_ROW = ' class="is-focus"'


def _summary_html(result: ArticleAnalysis, focus: int | None) -> str:
    rows = []
    for k, t in enumerate(result.targets):
        pro = sum(1 for c in result.claims if (s := c.stance(t.name)) and s.label == "favor")
        con = sum(1 for c in result.claims if (s := c.stance(t.name)) and s.label == "against")
        width = min(50.0, abs(t.score) * 50)
        side = "pos" if t.score >= 0 else "neg"
        names = ", ".join([t.name, *t.aliases])
        detected = " (detected)" if t.detected else ""
        rows.append(
            f'<tr data-target="{k}"{_FOCUS_ROW if k == focus else ""}>'
            f'<th scope="row" title="{escape(names)}">{escape(t.name)}'
            f'<span class="meta det">{detected}</span></th>'
            f"<td>{stance_label_html(t.label)}</td>"
            f'<td class="num"><span class="bar" aria-hidden="true">'
            f'<i class="{side}" style="width:{width:.1f}%"></i></span> {t.score:+.2f}</td>'
            f'<td class="num opt">{len(t.mentions)}</td>'
            f'<td class="num">{pro} ▲ / {con} ▼</td></tr>'
        )
    if not rows:
        table = '<p class="meta">No target named or detected.</p>'
    else:
        table = (
            '<div class="scroll"><table><thead><tr><th scope="col">Target</th>'
            '<th scope="col">Stance</th><th scope="col" class="num">Score</th>'
            '<th scope="col" class="num opt">Mentions</th>'
            '<th scope="col" class="num">Claims ▲/▼</th></tr></thead>'
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
    sarcastic = sorted(result.sarcastic_claims, key=lambda c: -c.sarcasm.probability)
    items = "".join(
        f'<li><a href="#claim-{c.index}">{escape(_short(c.text))}</a> '
        f'<span class="meta">({c.sarcasm.probability:.2f}: {escape(_cue_kinds(c))})</span></li>'
        for c in sarcastic[:5]
    )
    most = f"<h2>Most sarcastic claims</h2><ol>{items}</ol>" if items else ""
    return (
        '<section class="summary" aria-labelledby="targets-h">'
        f'<h2 id="targets-h">Stance per target</h2>{table}{most}</section>'
    )


def _cue_kinds(claim: Claim) -> str:
    kinds = sorted({q.kind.replace("_", " ") for q in claim.sarcasm.cues})
    return ", ".join(kinds) or "context"


def _short(text: str, limit: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _focus_html(result: ArticleAnalysis, focus: int | None) -> str:
    if not result.targets:
        return ""
    options = "".join(
        f'<option value="{k}"{" selected" if k == focus else ""}>{escape(t.name)}</option>'
        for k, t in enumerate(result.targets)
    )
    return (
        '<p class="focus"><label for="frtone-focus">Tint claims by their stance toward: </label>'
        f'<select id="frtone-focus">{options}</select></p>'
    )


LEGEND = (
    '<p class="legend" aria-label="Legend">'
    '<span><span class="claim st-favor swatch">favor</span></span>'
    '<span><span class="claim st-against swatch">against</span></span>'
    '<span><mark class="cue swatch">sarcasm cue</mark> (hover or tap: kind, probability)</span>'
    '<span><sup class="irony">irony 0.80</sup> sarcastic claim</span>'
    '<span><span class="hedge">hedge</span></span>'
    '<span><span class="source">source</span> of reported speech</span>'
    '<span><span class="outside">grey</span>: not a claim</span>'
    "</p>"
)


def _rebuild(result: ArticleAnalysis) -> tuple[str, list[int]]:
    """Text made of the claims alone (when the article text is not at hand), and shifts."""
    parts: list[str] = []
    shifts: list[int] = []
    pos, last_para = 0, None
    for c in result.claims:
        if parts:
            sep = " " if c.paragraph == last_para else "\n\n"
            parts.append(sep)
            pos += len(sep)
        shifts.append(pos - c.start)
        parts.append(c.text)
        pos += len(c.text)
        last_para = c.paragraph
    return "".join(parts), shifts


def render_html(
    result: ArticleAnalysis,
    text: str | None = None,
    *,
    focus: str | None = None,
    title: str | None = None,
) -> str:
    """Return a complete, offline HTML page showing ``result`` on its article.

    Args:
        result: The analysis.
        text: The article text the analysis was made on (offsets point into it);
            ``None`` shows the claims alone, paragraph by paragraph.
        focus: Name of the target whose stance tints the claims; default: the
            first target.
        title: Page title; default: the result's ``id`` or ``source``.

    Raises:
        ValueError: ``text`` is not the text of ``result``, or ``focus`` is not one
            of its targets.
    """
    names = [t.name for t in result.targets]
    if focus is not None and focus not in names:
        raise ValueError(
            f"focus target {focus!r} is not among the analysis targets "
            f"({', '.join(names) or 'none'}); pass it with --target too"
        )
    focus_index = names.index(focus) if focus is not None else (0 if names else None)
    if text is None:
        text, shifts = _rebuild(result)
    else:
        shifts = [0] * len(result.claims)
        bad = next((c for c in result.claims if text[c.start : c.end] != c.text), None)
        if bad is not None:
            raise ValueError(
                f"the text does not match the analysis (claim {bad.index} is {bad.text[:40]!r} "
                f"at {bad.start}:{bad.end}); render the text the analysis was made on"
            )
    heading = title or result.id or result.source or "frtone analysis"
    lang = result.language
    meta = (
        f"{len(result.claims)} claims · {len(result.sarcasm.sarcastic_claims)} sarcastic "
        f"(article sarcasm {result.sarcasm.probability:.2f}) · language {lang.code} "
        f"({lang.confidence:.2f}) · {result.backend.name} {result.backend.model} "
        f"{result.backend.model_version} · frtone {result.frtone_version}"
    )
    body = (
        f'<header><h1>{escape(heading)}</h1><p class="meta">{escape(meta)}</p></header>\n'
        f"{_summary_html(result, focus_index)}\n{_focus_html(result, focus_index)}\n{LEGEND}\n"
        f'<article lang="fr">\n'
        f"{_article_html(text, result.claims, shifts, focus_index)}\n</article>"
    )
    return page(f"frtone · {heading}", body, css=CSS, script=SCRIPT)


__all__ = ["STANCE_STYLE", "render_html"]
