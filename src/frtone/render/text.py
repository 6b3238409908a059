"""Readable terminal view of an :class:`~frtone.results.ArticleAnalysis`.

Each claim is shown with its kind, stance marks per target (``+`` favor,
``-`` against), a sarcasm mark, hedge and reported-speech marks, and its cue
spans highlighted in ``[[...]]`` (or in colour on a terminal).

Example:
    >>> import frtone
    >>> r = frtone.analyze("Orange paie fort pour acheter pas grand-chose !", targets=["Orange"])
    >>> view = render_text(r, color=False)
    >>> "[[paie fort pour acheter pas grand-chose]]" in view
    True
    >>> view.splitlines()[-1].startswith("Orange: against")
    True
"""

from __future__ import annotations

from frtone.results import ArticleAnalysis, Claim

_BOLD, _RED, _GREEN, _YELLOW, _DIM, _RESET = (
    "\x1b[1m",
    "\x1b[31m",
    "\x1b[32m",
    "\x1b[33m",
    "\x1b[2m",
    "\x1b[0m",
)


def _highlight(claim: Claim, color: bool) -> str:
    text = claim.text
    out, pos = [], 0
    for cue in sorted(claim.sarcasm.cues, key=lambda c: c.start):
        s, e = cue.start - claim.start, cue.end - claim.start
        if s < pos:
            continue
        out.append(text[pos:s])
        span = text[s:e]
        out.append(f"{_YELLOW}{_BOLD}{span}{_RESET}" if color else f"[[{span}]]")
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _stance_marks(claim: Claim, color: bool) -> str:
    marks = []
    for st in claim.stances:
        if st.label == "none":
            continue
        sign = "+" if st.label == "favor" else "-"
        mark = f"{sign}{st.target}{'' if st.mentioned else '~'}"
        if color:
            mark = f"{_GREEN if sign == '+' else _RED}{mark}{_RESET}"
        marks.append(mark)
    return " ".join(marks)


def render_text(result: ArticleAnalysis, color: bool = False) -> str:
    """Return a multi-line, human-readable rendering of ``result``."""
    lines = []
    lang = result.language
    lines.append(
        f"frtone {result.frtone_version} · {result.backend.name} {result.backend.model} "
        f"{result.backend.model_version} · language {lang.code} ({lang.confidence:.2f})"
        + ("" if lang.is_french else "  WARNING: not French")
    )
    lines.append(
        f"{len(result.claims)} claims, {len(result.sarcasm.sarcastic_claims)} sarcastic "
        f"(article sarcasm {result.sarcasm.probability:.2f})"
    )
    lines.append("")
    for c in result.claims:
        flags = []
        if c.sarcasm.label:
            flags.append(f"SARCASM {c.sarcasm.probability:.2f}")
        if c.hedged:
            flags.append("hedged")
        if c.reported:
            flags.append(f"reported: {c.reported.source} ({c.reported.verb})")
        marks = _stance_marks(c, color)
        head = f"[{c.index:>3}] {c.kind}"
        if flags:
            head += "  " + " · ".join(flags)
        if marks:
            head += "  " + marks
        lines.append(f"{_DIM}{head}{_RESET}" if color and not (flags or marks) else head)
        lines.append("      " + _highlight(c, color).replace("\n", " "))
        for cue in c.sarcasm.cues:
            lines.append(f"      · {cue.kind}: {cue.text!r}")
    lines.append("")
    lines.append("Targets (article-level stance):")
    for t in result.targets:
        lines.append(f"{t.name}: {t.label} ({t.score:+.2f})  mentions: {len(t.mentions)}")
    return "\n".join(lines)
