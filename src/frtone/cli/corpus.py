"""``frtone corpus validate|stats|agreement [CORPUS]`` and ``frtone corpus scaffold FILE``."""

from __future__ import annotations

import argparse

from frtone.cli.common import EXIT_OK, add_target_option, fail, read_text, write_stdout

NAME = "corpus"
HELP = "validate an annotated corpus, count it, measure agreement, or start an annotation"


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Declare the actions of ``frtone corpus``."""
    sub = p.add_subparsers(dest="corpus_command", required=True, metavar="ACTION")
    for action, help in (
        ("validate", "check every annotation against the format and the text"),
        ("stats", "count articles, sentences, sarcasm and stance labels"),
        ("agreement", "Cohen's kappa between annotations/ and double/"),
    ):
        a = sub.add_parser(action, help=help)
        a.add_argument(
            "corpus", nargs="?", default="corpus", help="corpus folder (default: corpus)"
        )
    s = sub.add_parser("scaffold", help="print an annotation skeleton for an article")
    s.add_argument("input", metavar="FILE|-", help="the article (UTF-8 text)")
    add_target_option(s)


def _agreement_text(root: str) -> str:
    from frtone.corpus.agreement import corpus_agreement

    a = corpus_agreement(root)
    return "\n".join(
        [
            f"{len(a.articles)} articles annotated twice: {', '.join(a.articles)}",
            f"sentences {a.sentences}, stance pairs {a.stance_pairs}, "
            f"shared targets {a.shared_targets:.0%}",
            f"Cohen's kappa: claim {a.claim_kappa:.2f}, sarcasm {a.sarcasm_kappa:.2f}, "
            f"stance {a.stance_kappa:.2f}, article stance {a.article_stance_kappa:.2f}",
            "observed agreement: "
            + ", ".join(f"{k.replace('_', ' ')} {v:.1%}" for k, v in a.observed.items()),
            f"cue spans (overlap F1): {a.cue_f1:.2f}",
        ]
    )


def run(args: argparse.Namespace) -> int:
    """Run ``frtone corpus ...``; return the exit status."""
    from frtone.errors import FrtoneError

    try:
        if args.corpus_command == "scaffold":
            from frtone.corpus.scaffold import scaffold

            out = scaffold(read_text(args.input), args.target)
        elif args.corpus_command == "agreement":
            out = _agreement_text(args.corpus)
        else:
            from frtone.corpus.load import load_corpus
            from frtone.corpus.stats import corpus_stats

            stats = corpus_stats(load_corpus(args.corpus))
            out = (
                stats.to_text()
                if args.corpus_command == "stats"
                else (f"valid: {stats.articles} articles, {stats.sentences} sentences")
            )
    except (OSError, ValueError, KeyError, FrtoneError) as exc:
        return fail(str(exc))
    write_stdout(out + "\n")
    return EXIT_OK
