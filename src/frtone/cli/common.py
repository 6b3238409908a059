"""Helpers shared by the command-line subcommands: reading input, writing output, exit codes."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def add_target_option(parser: argparse.ArgumentParser) -> None:
    """Add the repeatable ``--target NAME[=ALIAS|ALIAS]`` option to ``parser``."""
    parser.add_argument(
        "--target",
        "-t",
        action="append",
        default=[],
        metavar="NAME[=ALIAS|ALIAS]",
        help="a stance target with optional aliases (repeatable); default: detect targets",
    )


def read_text(path: str) -> str:
    """Read a UTF-8 file (or standard input for ``-``); raise ``ValueError`` naming the fix."""
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


def write_stdout(out: str) -> None:
    """Write UTF-8 whatever the terminal's encoding; a closed pipe is not an error."""
    try:
        sys.stdout.buffer.write(out.encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:  # e.g. `frtone analyze ... | head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def fail(message: str) -> int:
    """Print a one-line error on stderr and return the failure exit status."""
    print(f"frtone: error: {message}", file=sys.stderr)
    return EXIT_FAILED


def write_output(path: str, out: str) -> None:
    """Write ``out`` as UTF-8 to ``path``, or to standard output for ``-``."""
    if path == "-":
        write_stdout(out)
        return
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(out)


def add_model_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--model NAME|PATH`` (spaCy model or scorer model) and ``--scorers`` to ``parser``."""
    parser.add_argument(
        "--model",
        default=None,
        help="spaCy model name or path (default fr_core_news_md), or a scorer-model folder "
        "made by `frtone train`",
    )
    parser.add_argument(
        "--scorers",
        default="default",
        metavar="default|rules|DIR",
        help="sarcasm and stance scorers: the shipped trained models (default), the "
        "hand-combined rules, or a folder made by `frtone train`",
    )


def add_backend_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--backend spacy|stanza`` and ``--stanza-dir DIR`` to ``parser``."""
    parser.add_argument(
        "--backend",
        choices=("spacy", "stanza"),
        default="spacy",
        help="linguistic backend (default: spacy)",
    )
    parser.add_argument(
        "--stanza-dir",
        default=None,
        metavar="DIR",
        help="stanza model directory for --backend stanza "
        "(default: $FRTONE_STANZA_DIR, else stanza's own)",
    )


def backend_and_model(args: argparse.Namespace) -> tuple[str, str | None]:
    """The backend name and its model (``--model``, or ``--stanza-dir`` for stanza).

    Raises:
        ValueError: ``--stanza-dir`` given without ``--backend stanza``.
    """
    if args.stanza_dir is not None and args.backend != "stanza":
        raise ValueError("--stanza-dir needs --backend stanza")
    model: str | None = args.model
    if model is not None and (Path(model) / "frtone-model.json").is_file():
        args.scorers, model = model, None  # a scorer-model folder, not a backend model
    if args.backend == "stanza":
        model = args.stanza_dir or args.model
    return args.backend, model
