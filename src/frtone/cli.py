"""Command line: ``frtone analyze FILE|- [--target NAME[=ALIAS|ALIAS]]... [--format text|json]``.

Heavy modules load only when a command runs, so ``frtone --help`` is fast.
Exit status: 0 success, 1 the input could not be read or analysed, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from frtone import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (also used to document the CLI)."""
    parser = argparse.ArgumentParser(
        prog="frtone",
        description="Claims, stance toward targets, and sarcasm in French tech-press articles.",
    )
    parser.add_argument("--version", action="version", version=f"frtone {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("analyze", help="analyse one article (a file, or - for standard input)")
    p.add_argument("input", metavar="FILE|-", help="UTF-8 text file, or - to read standard input")
    p.add_argument(
        "--target",
        "-t",
        action="append",
        default=[],
        metavar="NAME[=ALIAS|ALIAS]",
        help="a stance target with optional aliases (repeatable); default: detect targets",
    )
    p.add_argument(
        "--format",
        "-f",
        choices=("text", "json"),
        default="text",
        help="text: readable view; json: the frtone/1 contract (default: text)",
    )
    p.add_argument(
        "--model", default=None, help="spaCy model name or path (default fr_core_news_md)"
    )
    p.add_argument("--id", default=None, help="identifier to put in the result")
    p.add_argument("--no-tokens", action="store_true", help="leave tokens out of the JSON")
    p.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour in the text view (default: auto, when stdout is a terminal)",
    )
    return parser


def _read(path: str) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
        name = "standard input"
    else:
        with open(path, "rb") as fh:
            data = fh.read()
        name = path
    try:
        return data.decode("utf-8")  # a BOM is kept: offsets count it, as the file does
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{name} is not valid UTF-8 ({exc.reason} at byte {exc.start}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from exc


def _analyze(args: argparse.Namespace) -> int:
    from frtone.analyzer import Analyzer
    from frtone.errors import FrtoneError
    from frtone.targets import Target

    try:
        targets = [Target.parse(t) for t in args.target] or None
        text = _read(args.input)
        analyzer = Analyzer(model=args.model, include_tokens=not args.no_tokens)
        source = None if args.input == "-" else args.input
        result = analyzer.analyze(text, targets, id=args.id or source)
    except (OSError, ValueError, FrtoneError) as exc:
        print(f"frtone: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.format == "json":
        out = json.dumps(result.to_dict(), ensure_ascii=False) + "\n"
    else:
        from frtone.render.text import render_text

        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        out = render_text(result, color=color) + "\n"
    _write(out)
    return EXIT_OK


def _write(out: str) -> None:
    """Write UTF-8 whatever the terminal's encoding; a closed pipe is not an error."""
    try:
        sys.stdout.buffer.write(out.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `frtone analyze ... | head`
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "analyze":
        return _analyze(args)
    parser.error(f"unknown command {args.command!r}")
    return EXIT_USAGE  # pragma: no cover


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
