"""``frtone render FILE|- [-t TARGET]... [--focus TARGET] [--out page.html]``: the HTML view.

FILE is an article (UTF-8 text, analysed here) or a ``frtone/1`` JSON result (``.json``,
shown as it is: its claims paragraph by paragraph, since the result holds no full text).
"""

from __future__ import annotations

import argparse
import json

from frtone.cli.common import (
    EXIT_OK,
    add_model_option,
    add_target_option,
    fail,
    read_text,
    write_output,
)

NAME = "render"
HELP = "write one self-contained HTML page showing an article's claims, stances and cues"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options of ``frtone render``."""
    p.add_argument(
        "input", metavar="FILE|-", help="article text (UTF-8), a frtone/1 .json result, or -"
    )
    add_target_option(p)
    p.add_argument(
        "--focus",
        default=None,
        metavar="TARGET",
        help="target whose stance tints the claims at first (default: the first target); "
        "added to the targets when missing from them",
    )
    p.add_argument("--out", "-o", default="-", help="output .html file (default: standard output)")
    p.add_argument("--title", default=None, help="page title (default: the file name)")
    add_model_option(p)


def run(args: argparse.Namespace) -> int:
    """Run ``frtone render``; return the exit status."""
    from frtone.errors import FrtoneError
    from frtone.render.html import render_html
    from frtone.results import ArticleAnalysis
    from frtone.targets import Target

    source = None if args.input == "-" else args.input
    try:
        focus = Target.parse(args.focus) if args.focus else None
        raw = read_text(args.input)
        text: str | None
        if source is not None and source.endswith(".json"):
            result = ArticleAnalysis.from_dict(json.loads(raw))
            text = None
        else:
            from frtone.analyzer import Analyzer

            targets = [Target.parse(t) for t in args.target] or None
            if focus and targets is not None and focus.name not in {t.name for t in targets}:
                targets.append(focus)
            analyzer = Analyzer(model=args.model, scorers=args.scorers, include_tokens=False)
            result = analyzer.analyze(raw, targets, id=source)
            if focus and result.target(focus.name) is None:  # detected targets + focus
                more = [Target(t.name, t.aliases) for t in result.targets]
                result = analyzer.analyze(raw, [*more, focus], id=source)
            text = raw
        name = focus.name if focus else None
        page = render_html(result, text, focus=name, title=args.title or source)
        write_output(args.out, page)
    except (OSError, ValueError, FrtoneError) as exc:
        return fail(str(exc))
    return EXIT_OK
