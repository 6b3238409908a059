"""The shell shared by frtone's HTML pages: one self-contained, offline document.

Styles and scripts are inline, a Content-Security-Policy forbids every network
request, and the favicon is an inline ``data:`` URL, so a page opens from a
file or an e-mail attachment with nothing to fetch.

Example:
    >>> html = page("Mon <titre>", "<p>Corps</p>")
    >>> "<title>Mon &lt;titre&gt;</title>" in html, "://" in html
    (True, False)
"""

from __future__ import annotations

from html import escape

#: Stance label -> (symbol, word, CSS class). Symbols and patterns say it without colour.
STANCE_STYLE: dict[str, tuple[str, str]] = {
    "favor": ("▲", "favor"),
    "against": ("▼", "against"),
    "mixed": ("◆", "mixed"),
    "none": ("·", "no stance"),
}

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

BASE_CSS = """
:root { --favor: #1d4ed8; --favor-bg: #dbeafe; --against: #9a3412; --against-bg: #fde2cc;
  --mixed: #6b21a8; --mixed-bg: #f3e8ff; --none: #4b5563; --none-bg: #f3f4f6;
  --cue-bg: #fff1a6; --cue: #713f12; --ink: #111827; --muted: #4b5563; --line: #d1d5db; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.6;
  font: 1.0625rem/1.7 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.45rem; line-height: 1.3; margin: .5rem 0; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 .5rem; }
.meta { color: var(--muted); font-size: .9rem; margin: 0 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .95rem; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { font-weight: 600; }
.scroll { overflow-x: auto; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.lab { display: inline-block; padding: 0 .4rem; border-radius: .25rem; font-weight: 600;
  white-space: nowrap; }
.lab-favor { color: var(--favor); background: var(--favor-bg); }
.lab-against { color: var(--against); background: var(--against-bg); }
.lab-mixed { color: var(--mixed); background: var(--mixed-bg); }
.lab-none { color: var(--none); background: var(--none-bg); }
a { color: #1d4ed8; }
a:focus, [tabindex]:focus { outline: 3px solid #111827; outline-offset: 1px; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font-family: system-ui, sans-serif; fill: #111827; }
"""


def stance_label_html(label: str) -> str:
    """A stance label as a badge with a symbol and a word (never colour alone).

    Example:
        >>> stance_label_html("against")
        '<span class="lab lab-against">▼ against</span>'
    """
    symbol, word = STANCE_STYLE.get(label, ("?", label))
    return f'<span class="lab lab-{escape(label)}">{symbol} {escape(word)}</span>'


def page(title: str, body: str, *, css: str = "", script: str = "", lang: str = "en") -> str:
    """Wrap ``body`` (HTML) into a complete offline page titled ``title`` (plain text).

    Args:
        title: Page title, escaped here.
        body: Inner HTML of ``<main>``, already escaped by the caller.
        css: Extra CSS appended to ``BASE_CSS``.
        script: Inline JavaScript run at the end of the body.
        lang: Language of the page's interface text.
    """
    script_tag = f"<script>\n{script}\n</script>\n" if script else ""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<link rel="icon" href="data:,">\n'
        f"<title>{escape(title)}</title>\n<style>{BASE_CSS}{css}</style>\n</head>\n"
        f"<body>\n<main>\n{body}\n</main>\n{script_tag}</body>\n</html>\n"
    )
