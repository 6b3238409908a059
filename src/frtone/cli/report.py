"""``frtone report SCORES.jsonl [--out report.html] [--title TITLE]``: a picture of a batch."""

from __future__ import annotations

import argparse

from frtone.cli.common import EXIT_OK, fail, read_text, write_output

NAME = "report"
HELP = "write one offline HTML page charting a batch's stances and sarcasm (from frtone/1 JSONL)"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options of ``frtone report``."""
    p.add_argument(
        "input",
        metavar="SCORES.jsonl|-",
        help="batch output: one frtone/1 object (with id, source, optional date) per line",
    )
    p.add_argument("--out", "-o", default="-", help="output .html file (default: standard output)")
    p.add_argument("--title", default=None, help="page title (default: from the input name)")


def run(args: argparse.Namespace) -> int:
    """Run ``frtone report``; return the exit status."""
    from frtone.render.report import read_batch, render_report

    try:
        batch = read_batch(read_text(args.input).splitlines())
        name = "standard input" if args.input == "-" else args.input
        title = args.title or f"frtone report: {name}"
        write_output(args.out, render_report(batch, title=title))
    except (OSError, ValueError) as exc:
        return fail(str(exc))
    return EXIT_OK
