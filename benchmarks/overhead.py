"""frtone's own CPU time, spaCy's parsing taken out, on the throughput documents.

Run: ``.venv/bin/python benchmarks/overhead.py [--rounds 3] [--profile 40]``

``throughput.py`` and ``ratio_interleaved.py`` measure the frtone/bare-spaCy ratio, which
mixes frtone's work with spaCy's (about seven times larger) and the machine's noise. This
one parses the documents once, keeps spaCy's ``Doc`` objects, and then runs
``Analyzer.pipe`` (and the batch path without tokens) again and again on those cached
parses: what is left is frtone's own work — cleaning, language identification,
conversion to a :class:`~frtone.document.Document`, claims, cues, scorers, results. It
prints that CPU time next to bare ``nlp.pipe`` on the same documents, measured in the
same run, and the ratio that leaves, about bare / (bare + own). ``--profile N`` prints the N
functions with the most own time (cProfile, one extra round).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from throughput import MODEL, documents


def _cached_pipe(nlp: Any) -> dict[str, Any]:
    """Replace ``nlp.pipe`` by one that parses each distinct text once."""
    parse = nlp.pipe
    cache: dict[str, Any] = {}

    def pipe(texts: Iterable[str], **kwargs: Any) -> Iterator[Any]:
        texts = list(texts)
        missing = list(dict.fromkeys(t for t in texts if t not in cache))
        cache.update(zip(missing, parse(missing, **kwargs), strict=True))
        return (cache[t] for t in texts)

    nlp.pipe = pipe
    return cache


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (default 3)")
    parser.add_argument("--repeat-to", type=int, default=210, help="documents (default 210)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print top N")
    args = parser.parse_args()

    import spacy

    import frtone
    from frtone.batch.inputs import Item
    from frtone.batch.score import score_lines

    docs = documents(args.repeat_to)
    nlp = spacy.load(MODEL)
    analyzer = frtone.Analyzer(model=MODEL)
    lean = frtone.Analyzer(backend=analyzer.backend, include_tokens=False)
    list(nlp.pipe(docs[:16], batch_size=16))
    start = time.process_time()
    list(nlp.pipe(docs, batch_size=16))
    bare = time.process_time() - start
    _cached_pipe(analyzer.backend.nlp)
    list(analyzer.pipe(docs))  # parses and fills the cache
    sides: dict[str, Callable[[], object]] = {
        "Analyzer.pipe": lambda: list(analyzer.pipe(docs)),
        "batch path, no tokens": lambda: score_lines(
            lean, [Item(str(k), None, t) for k, t in enumerate(docs)]
        ),
    }
    own = {name: [] for name in sides}  # type: dict[str, list[float]]
    for _ in range(args.rounds):
        for name, run in sides.items():
            start = time.process_time()
            run()
            own[name].append(time.process_time() - start)
    print(f"{len(docs)} documents; bare spaCy nlp.pipe CPU {bare:.2f}s")
    for name, times in own.items():
        best = min(times)
        print(
            f"{name:24} own CPU {best:5.2f}s (rounds {', '.join(f'{t:.2f}' for t in times)})"
            f"  = {best / bare:.1%} of bare spaCy -> ratio about {bare / (bare + best):.3f}"
        )
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(sides["Analyzer.pipe"])
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)


if __name__ == "__main__":
    main()
