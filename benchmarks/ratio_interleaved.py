"""frtone/bare-spaCy single-process CPU ratio, interleaved per group of 16 articles.

Run: ``.venv/bin/python benchmarks/ratio_interleaved.py [--passes 2]``

The same work as the single-process part of ``throughput.py`` (bare ``nlp.pipe`` with
``batch_size=16``, ``Analyzer.pipe``, the batch path without tokens, same model, same
210 articles, both sides warmed), but the sides take turns on every group of 16 articles
(the order alternating) and each side's CPU time is summed. On a machine shared with other
work, the load then falls on both sides alike, where whole rounds of several seconds each
can catch different loads.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable

from throughput import MODEL, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=2, help="passes over the articles")
    parser.add_argument("--repeat-to", type=int, default=210, help="documents (default 210)")
    args = parser.parse_args()

    import spacy

    import frtone
    from frtone.batch.inputs import Item
    from frtone.batch.score import GROUP_SIZE, score_lines

    docs = documents(args.repeat_to)
    nlp = spacy.load(MODEL)
    analyzer = frtone.Analyzer(model=MODEL)
    lean = frtone.Analyzer(backend=analyzer.backend, include_tokens=False)
    list(nlp.pipe(docs[:GROUP_SIZE], batch_size=16))  # warm up both sides
    list(analyzer.pipe(docs[:GROUP_SIZE]))
    groups = [docs[k : k + GROUP_SIZE] for k in range(0, len(docs), GROUP_SIZE)]
    sides: dict[str, Callable[[list[str]], object]] = {
        "bare spaCy nlp.pipe": lambda g: list(nlp.pipe(g, batch_size=16)),
        "frtone Analyzer.pipe": lambda g: list(analyzer.pipe(g)),
        "frtone batch path, no tokens": lambda g: score_lines(
            lean, [Item(str(k), None, t) for k, t in enumerate(g)]
        ),
    }
    cpu = dict.fromkeys(sides, 0.0)
    for p in range(args.passes):
        for k, group in enumerate(groups):
            order = list(sides) if (k + p) % 2 == 0 else list(sides)[::-1]
            for name in order:
                start = time.process_time()
                sides[name](group)
                cpu[name] += time.process_time() - start
    bare = cpu["bare spaCy nlp.pipe"]
    print(f"{len(docs)} documents x {args.passes} passes, load {os.getloadavg()[0]:.2f}")
    for name, seconds in cpu.items():
        print(f"{name:30} CPU {seconds:6.1f}s  ratio {bare / seconds:.3f}")


if __name__ == "__main__":
    main()
