"""Agreement of frtone with a reader's judgements, by kind of judgement.

Run: ``.venv/bin/python benchmarks/agreement.py [--backend spacy|stanza] [--model M]``
(``--model``: spaCy model, or stanza model directory; default for stanza: the
project's small model in models/stanza).

Two sets of articles in ``corpus/articles``: the seed and eight of ours
(``tests/expectations.toml``; the rules were tuned while looking at them) and six held-out
articles (``tests/heldout_expectations.toml``; written independently of frtone's lexicons
and rules, never used for tuning).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import expectations as E  # noqa: E402
import frtone  # noqa: E402

KINDS = ("sarcasm", "cue", "stance", "article-stance", "hedged", "reported")


def _kind(description: str) -> str:
    what = description.split(": ", 1)[1]
    return what.split(" ", 1)[0]


def _totals(path: Path) -> Counter[str]:
    totals: Counter[str] = Counter()
    for art in E.load(path):
        totals["article-stance"] += len(art["targets"])
        for s in art.get("sentence", []):
            totals["sarcasm"] += 1
            totals["cue"] += "cue" in s
            totals["stance"] += len(s.get("stance", {}))
            totals["hedged"] += "hedged" in s
            totals["reported"] += "reported_source" in s
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description="frtone's agreement with a reader")
    parser.add_argument("--backend", choices=("spacy", "stanza"), default="spacy")
    parser.add_argument("--model", default=None, help="spaCy model, or stanza model directory")
    args = parser.parse_args()
    model = args.model
    if args.backend == "stanza" and model is None:
        model = str(ROOT / "models" / "stanza")
    analyzer = frtone.Analyzer(args.backend, model=model)
    print(f"backend: {analyzer.backend.info.name} {analyzer.backend.info.model}")
    sets = {
        "tuned (9 articles)": (E.ARTICLES, None),
        "held-out (6 articles)": (E.HELDOUT, E.HELDOUT_FILE),
    }
    print(f"{'judgement':16}" + "".join(f"{name:>28}" for name in sets))
    rows: dict[str, list[str]] = {k: [] for k in (*KINDS, "all")}
    for folder, path in sets.values():
        passed, total, failures = E.check_all(analyzer, folder, path)
        totals = _totals(path or Path(E.__file__).with_name("expectations.toml"))
        missed = Counter(_kind(f) for f in failures)
        for k in KINDS:
            n = totals[k]
            rows[k].append(f"{n - missed[k]}/{n} ({(n - missed[k]) / n:.0%})" if n else "-")
        rows["all"].append(f"{passed}/{total} ({passed / total:.1%})")
    for k, cells in rows.items():
        print(f"{k:16}" + "".join(f"{c:>28}" for c in cells))


if __name__ == "__main__":
    main()
