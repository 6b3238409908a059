"""``frtone train [CORPUS] --out DIR [--seed N]``: train the sarcasm and stance scorers."""

from __future__ import annotations

import argparse
import sys
import time

from frtone.cli.common import EXIT_OK, add_backend_options, backend_and_model, fail

NAME = "train"
HELP = "train the sarcasm and stance scorers on an annotated corpus"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options of ``frtone train``."""
    p.add_argument("corpus", nargs="?", default="corpus", help="corpus folder (default: corpus)")
    p.add_argument("--out", "-o", required=True, metavar="DIR", help="model folder to write")
    p.add_argument("--seed", type=int, default=0, help="seed of the calibration folds (default: 0)")
    p.add_argument(
        "--model", default=None, help="spaCy model name or path (default fr_core_news_md)"
    )
    add_backend_options(p)


def run(args: argparse.Namespace) -> int:
    """Run ``frtone train``; return the exit status."""
    from frtone.errors import FrtoneError
    from frtone.training import train

    started = time.perf_counter()

    def progress(message: str) -> None:
        if sys.stderr.isatty():
            print(f"\r{message:<70}", end="", file=sys.stderr, flush=True)

    args.scorers = "default"
    try:
        backend, model = backend_and_model(args)
        result = train(
            args.corpus, args.out, seed=args.seed, backend=backend, model=model, progress=progress
        )
    except (OSError, ValueError, FrtoneError) as exc:
        return fail(str(exc))
    if sys.stderr.isatty():
        print("\r" + " " * 72 + "\r", end="", file=sys.stderr)
    info = result.info
    dev, settings = info["dev"], info["settings"]
    print(
        f"wrote {result.manifest.parent} in {time.perf_counter() - started:.0f} s\n"
        f"  sarcasm: threshold {settings['sarcasm_threshold']}, dev F1 {dev['sarcasm_f1']:.3f} "
        f"(P {dev['sarcasm_precision']:.3f}, R {dev['sarcasm_recall']:.3f})\n"
        f"  stance: dev F_avg {dev['stance_f_avg']:.3f}, macro-F1 {dev['stance_macro_f1']:.3f}\n"
        f"use it with: frtone analyze FILE --model {result.manifest.parent}"
    )
    return EXIT_OK
