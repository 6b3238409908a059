"""``frtone corpus validate [CORPUS]`` and ``frtone corpus scaffold FILE``."""

from __future__ import annotations

import argparse

from frtone.cli.common import EXIT_OK, add_target_option, fail, read_text, write_stdout

NAME = "corpus"
HELP = "validate an annotated corpus, or start an annotation file"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare ``frtone corpus validate`` and ``frtone corpus scaffold``."""
    sub = p.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    v = sub.add_parser("validate", help="check every annotation against the format and text")
    v.add_argument("corpus", nargs="?", default="corpus", help="corpus folder (default: corpus)")
    s = sub.add_parser("scaffold", help="print an annotation skeleton for an article")
    s.add_argument("input", metavar="FILE|-", help="the article (UTF-8 text)")
    add_target_option(s)


def run(args: argparse.Namespace) -> int:
    """Run ``frtone corpus ...``; return the exit status."""
    from frtone.errors import FrtoneError

    try:
        if args.corpus_command == "validate":
            from frtone.corpus.load import load_corpus

            corpus = load_corpus(args.corpus)
            n_sent = sum(len(a.sentences) for a in corpus.articles.values())
            counts = {
                s: sum(1 for v in corpus.split.values() if v == s) for s in corpus.split.values()
            }
            write_stdout(
                f"{len(corpus.articles)} articles, {n_sent} sentences: valid "
                f"(split {', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})\n"
            )
        else:
            from frtone.corpus.scaffold import scaffold

            names = [t.split("=", 1)[0] for t in args.target]
            write_stdout(scaffold(read_text(args.input), names) + "\n")
    except (OSError, ValueError, FrtoneError) as exc:
        return fail(str(exc))
    return EXIT_OK
