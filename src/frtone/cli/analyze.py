"""``frtone analyze FILE|- [--target NAME[=ALIAS|ALIAS]]... [--format text|json|html]``.

``--backend stanza [--stanza-dir DIR]`` parses with stanza instead of spaCy.
"""

from __future__ import annotations

import argparse
import json
import sys

from frtone.cli.common import (
    EXIT_OK,
    add_backend_options,
    add_model_option,
    add_target_option,
    backend_and_model,
    fail,
    read_text,
    write_stdout,
)

NAME = "analyze"
HELP = "analyse one article (a file, or - for standard input)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options of ``frtone analyze``."""
    p.add_argument("input", metavar="FILE|-", help="UTF-8 text file, or - to read standard input")
    add_target_option(p)
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json", "html"),
        default="text",
        help="text: readable view; json: the frtone/1 contract; html: a self-contained page "
        "(see also frtone render) (default: text)",
    )
    p.add_argument(
        "--focus", default=None, metavar="TARGET", help="html: target whose stance tints claims"
    )
    add_model_option(p)
    add_backend_options(p)
    p.add_argument("--id", default=None, help="identifier to put in the result")
    p.add_argument("--no-tokens", action="store_true", help="leave tokens out of the JSON")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the text view (default: auto, when stdout is a terminal)",
    )


def run(args: argparse.Namespace) -> int:
    """Run ``frtone analyze``; return the exit status."""
    from frtone.analyzer import Analyzer
    from frtone.errors import FrtoneError
    from frtone.targets import Target

    try:
        targets = [Target.parse(t) for t in args.target] or None
        text = read_text(args.input)
        backend, model = backend_and_model(args)
        analyzer = Analyzer(
            backend, model=model, scorers=args.scorers, include_tokens=not args.no_tokens
        )
        source = None if args.input == "-" else args.input
        result = analyzer.analyze(text, targets, id=args.id or source)
    except (OSError, ValueError, FrtoneError) as exc:
        return fail(str(exc))
    if args.format == "json":
        out = json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    elif args.format == "html":
        from frtone.render.html import render_html

        try:
            out = render_html(result, text, focus=args.focus)
        except ValueError as exc:
            return fail(str(exc))
    else:
        from frtone.render.text import render_text

        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        out = render_text(result, color=color) + "\n"
    write_stdout(out)
    return EXIT_OK
