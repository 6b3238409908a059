"""Command line: ``frtone COMMAND ...`` (also ``python -m frtone``).

Each subcommand is a module of this package with ``NAME``, ``HELP``, ``add_arguments(parser)``
and ``run(args) -> int``; :data:`COMMANDS` lists them in the order ``--help`` shows.
Heavy modules load only when a command runs, so ``frtone --help`` is fast.
Exit status: 0 success, 1 the input could not be read or analysed, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from types import ModuleType

from frtone import __version__
from frtone.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE

__all__ = ["COMMANDS", "EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

#: Subcommand modules of :mod:`frtone.cli`, in the order ``frtone --help`` lists them.
COMMANDS: tuple[str, ...] = (
    "analyze",
    "batch",
    "render",
    "report",
    "evaluate",
    "train",
    "corpus",
)


def _command(name: str) -> ModuleType:
    return importlib.import_module(f"frtone.cli.{name}")


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser (also used to document the CLI).

    Example:
        >>> parser = build_parser()
        >>> parser.parse_args(["analyze", "article.txt", "-t", "Orange"]).target
        ['Orange']
    """
    parser = argparse.ArgumentParser(
        prog="frtone",
        description="Claims, stance toward targets, and sarcasm in French tech-press articles.",
    )
    parser.add_argument("--version", action="version", version=f"frtone {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        module = _command(name)
        module.add_arguments(sub.add_parser(module.NAME, help=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    status: int = _command(args.command).run(args)
    return status
