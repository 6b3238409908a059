"""The trained scorers: load time, training time, and calibration of the sarcasm probabilities.

Run: ``.venv/bin/python benchmarks/scorers.py [--train]``

* load: a fresh interpreter runs ``import frtone`` then loads the shipped models
  (:func:`frtone.scoring.trained.default_model`), best of three;
* train (with ``--train``): ``frtone train corpus --out TMP`` end to end, wall-clock;
* calibration: on the dev and test splits, every claim's sarcasm probability against the
  gold label of the sentence it overlaps most, for the trained and the rule scorers:
  reliability per probability bin, expected calibration error (ECE, 10 bins) and Brier score.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def load_seconds() -> float:
    code = (
        "import time; t = time.perf_counter(); import frtone; "
        "from frtone.scoring.trained import default_model; default_model(); "
        "print(time.perf_counter() - t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(3)
    ]
    return min(runs)


def train_seconds() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "frtone", "train", str(ROOT / "corpus"), "--out", tmp],
            check=True,
            capture_output=True,
        )
        return time.perf_counter() - start


def calibration(split: str, scorers: str) -> tuple[float, float, list[str]]:
    from frtone import Analyzer
    from frtone.corpus.load import load_corpus
    from frtone.evaluation.calibration import (
        brier_score,
        claim_probabilities,
        expected_calibration_error,
        reliability,
    )

    analyzer = Analyzer(scorers=scorers, include_tokens=False)
    pairs = claim_probabilities(analyzer, load_corpus(ROOT / "corpus").select(split))
    rows = [
        f"    [{edge:.1f}, {edge + 0.1:.1f}) n={n:4d} mean p {p:.2f}  observed {y:.2f}"
        for edge, n, p, y in reliability(pairs)
    ]
    return expected_calibration_error(pairs), brier_score(pairs), rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", action="store_true", help="also time frtone train")
    args = parser.parse_args()
    print(f"load shipped models (fresh interpreter, with import frtone): {load_seconds():.2f} s")
    if args.train:
        print(f"frtone train corpus: {train_seconds():.0f} s")
    for split in ("dev", "test"):
        for scorers in ("default", "rules"):
            ece, brier, rows = calibration(split, scorers)
            name = "trained" if scorers == "default" else "rules"
            print(f"{split} {name}: ECE {ece:.3f}, Brier {brier:.3f}")
            print("\n".join(rows))


if __name__ == "__main__":
    main()
