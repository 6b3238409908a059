"""``frtone evaluate [CORPUS] [--split test] [--format table|json] [--backend stanza]``."""

from __future__ import annotations

import argparse
import json
import sys

from frtone.cli.common import (
    EXIT_OK,
    add_backend_options,
    add_model_option,
    backend_and_model,
    fail,
    write_stdout,
)

NAME = "evaluate"
HELP = "score frtone and baselines against an annotated corpus"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options of ``frtone evaluate``."""
    p.add_argument("corpus", nargs="?", default="corpus", help="corpus folder (default: corpus)")
    p.add_argument(
        "--split",
        choices=("train", "dev", "test", "all"),
        default="test",
        help="which articles to score (default: test)",
    )
    p.add_argument(
        "--format", "-f", choices=("table", "json"), default="table", help="output (default: table)"
    )
    add_model_option(p)
    add_backend_options(p)


def run(args: argparse.Namespace) -> int:
    """Run ``frtone evaluate``; return the exit status."""
    from frtone.analyzer import Analyzer
    from frtone.errors import FrtoneError
    from frtone.evaluation import evaluate

    def progress(article_id: str) -> None:
        if sys.stderr.isatty():
            print(f"\ranalysing {article_id:<50}", end="", file=sys.stderr, flush=True)

    try:
        backend, model = backend_and_model(args)
        analyzer = Analyzer(backend, model=model, scorers=args.scorers, include_tokens=False)
        split = None if args.split == "all" else args.split
        report = evaluate(args.corpus, split, analyzer, progress)
    except (OSError, ValueError, FrtoneError) as exc:
        return fail(str(exc))
    if sys.stderr.isatty():
        print("\r" + " " * 70 + "\r", end="", file=sys.stderr)
    if args.format == "json":
        write_stdout(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        write_stdout(report.to_table() + "\n")
    return EXIT_OK
