"""``frtone batch INPUT... --out FILE.jsonl [--target ...] [--jobs N] [--resume] ...``.

Exit status: 0 every article was analysed; 1 some articles failed (their lines hold the
error), or the run stopped (interrupted: 130); 2 usage error (bad option, missing input,
existing output without ``--resume``, model not installed).
"""

from __future__ import annotations

import argparse
import os
import sys

from frtone.cli.common import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_model_option, add_target_option

NAME = "batch"
HELP = "analyse many articles (.txt files, folders, .jsonl records) into a JSON Lines file"
EXIT_INTERRUPTED = 130

EPILOG = """\
Each input article yields one line of FILE.jsonl: the frtone/1 object with "id" and
"source", or {"id", "source", "error": {"type", "message"}} when it cannot be analysed.
A .jsonl input holds one {"id", "text", "targets"?} record per line; a record's targets
replace --target. --resume completes a killed run: finished lines are kept, a torn last
line and error lines are redone.

exit status: 0 all articles analysed, 1 some failed (see their error lines),
2 usage error, 130 interrupted (run again with --resume)."""


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the options of ``frtone batch``."""
    p.formatter_class = argparse.RawDescriptionHelpFormatter
    p.epilog = EPILOG
    p.add_argument(
        "inputs", nargs="+", metavar="INPUT", help=".txt file, folder of them, or .jsonl records"
    )
    p.add_argument("--out", "-o", required=True, metavar="FILE.jsonl", help="output file")
    add_target_option(p)
    p.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=None,
        metavar="N",
        help="worker processes, each loading the models once (default 1; with --engine dask "
        "and no --scheduler: local-cluster workers, default the number of cores)",
    )
    p.add_argument("--resume", action="store_true", help="complete an existing output file")
    p.add_argument(
        "--summary", metavar="FILE.csv", help="also write one CSV row per article x target"
    )
    p.add_argument("--no-tokens", action="store_true", help="leave tokens out of the JSON")
    add_model_option(p)
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: this machine (default); dask: a Dask cluster (pip install 'frtone[dask]')",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=None,
        help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 (default: a local cluster)",
    )
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on stderr (default: auto, when stderr is a terminal)",
    )


def _error(message: str) -> None:
    print(f"frtone batch: error: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Run ``frtone batch``; return the exit status."""
    from frtone.batch.run import run_batch
    from frtone.batch.workers import WorkerStartError
    from frtone.errors import BatchInputError, ModelNotFoundError, TargetSpecError
    from frtone.targets import Target

    jobs = args.jobs
    if jobs is None:
        local_cluster = args.engine == "dask" and args.scheduler is None
        jobs = (os.cpu_count() or 1) if local_cluster else 1
    progress = {"auto": None, "always": True, "never": False}[args.progress]
    if args.engine == "local" and jobs == 1:  # this process analyses: keep it lean
        from frtone.batch.lean import import_spacy_without_torch

        import_spacy_without_torch(args.model)
    try:
        targets = [Target.parse(t) for t in args.target] or None
        report = run_batch(
            args.inputs,
            args.out,
            targets=targets,
            jobs=jobs,
            resume=args.resume,
            summary=args.summary,
            include_tokens=not args.no_tokens,
            model=args.model,
            scorers=args.scorers,
            engine=args.engine,
            scheduler=args.scheduler,
            progress=progress,
        )
    except (BatchInputError, TargetSpecError, ModelNotFoundError, WorkerStartError) as exc:
        _error(str(exc))
        return EXIT_USAGE
    except ImportError as exc:
        _error(f"{exc}; --engine dask needs: pip install 'frtone[dask]'")
        return EXIT_USAGE
    except KeyboardInterrupt:
        _error(f"interrupted; finish with: frtone batch ... --out {args.out} --resume")
        return EXIT_INTERRUPTED
    except OSError as exc:
        _error(str(exc))
        return EXIT_FAILED
    if report.failed:
        _error(
            f"{report.failed} of {report.written} articles failed; their lines in {args.out} "
            'hold {"error": {"type", "message"}}'
        )
        return EXIT_FAILED
    return EXIT_OK
