"""Throughput of frtone against bare spaCy, single process and ``--jobs 2``; RSS; start-up.

Run: ``.venv/bin/python benchmarks/throughput.py [--rounds 5] [--repeat-to 210]``

The documents are the corpus articles (corpus/articles) repeated to at least 200 articles.
In one run, alternating rounds (each side keeps its best round, to damp the noise of a
shared machine):

* bare spaCy: ``spacy.load(model).pipe(texts, batch_size=16)`` with the same model;
* frtone: ``Analyzer().pipe(texts)`` (results as Python objects), and the batch path
  in-process (items, analysis, ``to_dict``, JSON lines, write) without tokens;

reported as documents/s and tokens/s (spaCy tokens of the bare run), wall-clock and CPU
time, and the frtone/spaCy ratios. Then ``frtone batch --no-tokens`` with ``--jobs 1``
and ``--jobs 2`` (worker processes), end to end and in steady state (from the first
group's lines to the last, so model loading is left out), the peak RSS of each process
(Linux ``VmHWM``), the time of ``import frtone`` and of ``frtone --help``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [ROOT / "corpus" / "articles"]
MODEL = "fr_core_news_md"


def documents(repeat_to: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for d in CORPUS for p in sorted(d.glob("*.txt"))]
    rounds = -(-repeat_to // len(texts))
    return (texts * rounds)[: max(repeat_to, len(texts))]


def timed(fn: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of this process) of one call."""
    w, c = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w, time.process_time() - c


def vm_hwm_mb(pid: int) -> float:
    """Peak resident memory of a process in MB (Linux /proc), 0 if unknown."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class PeakWatcher:
    """Sample the peak RSS (VmHWM) of this process's descendants while a run lasts."""

    def __init__(self) -> None:
        import psutil

        self.me = psutil.Process()
        self.peaks: dict[int, float] = {}
        self.names: dict[int, str] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self) -> None:
        while not self._stop.wait(0.2):
            for child in self.me.children(recursive=True):
                hwm = vm_hwm_mb(child.pid)
                if hwm:
                    self.peaks[child.pid] = max(self.peaks.get(child.pid, 0.0), hwm)

    def __enter__(self) -> PeakWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def single_process(docs: list[str], rounds: int) -> None:
    import spacy

    import frtone
    from frtone.batch.inputs import Item
    from frtone.batch.output import JsonlWriter
    from frtone.batch.score import GROUP_SIZE, score_lines

    nlp = spacy.load(MODEL)
    analyzer = frtone.Analyzer(model=MODEL)
    lean = frtone.Analyzer(backend=analyzer.backend, include_tokens=False)
    items = [Item(str(k), None, text) for k, text in enumerate(docs)]
    list(nlp.pipe(docs[:8], batch_size=16))  # warm up: lexicons, caches, first allocations
    list(analyzer.pipe(docs[:8]))
    n_tokens = sum(len(d) for d in nlp.pipe(docs, batch_size=16))
    out = Path(tempfile.mkdtemp()) / "bench.jsonl"

    def batch_path() -> None:
        out.unlink(missing_ok=True)
        with JsonlWriter(out) as writer:
            for k in range(0, len(items), GROUP_SIZE):
                for _id, _failed, line in score_lines(lean, items[k : k + GROUP_SIZE]):
                    writer.write_line(line)

    sides: dict[str, Callable[[], object]] = {
        "bare spaCy nlp.pipe": lambda: list(nlp.pipe(docs, batch_size=16)),
        "frtone Analyzer.pipe": lambda: list(analyzer.pipe(docs)),
        "frtone batch path, no tokens": batch_path,
    }
    walls: dict[str, list[float]] = {k: [] for k in sides}
    cpus: dict[str, list[float]] = {k: [] for k in sides}
    for r in range(rounds):
        for name, fn in sides.items():
            w, c = timed(fn)
            walls[name].append(w)
            cpus[name].append(c)
        print(f"  round {r + 1}: " + ", ".join(f"{walls[k][-1]:.1f}s" for k in sides), flush=True)
    print(f"\n{len(docs)} documents, {n_tokens} spaCy tokens, model {MODEL}, best of {rounds}")
    print(f"{'':32} {'docs/s':>8} {'tokens/s':>9} {'wall ratio':>10} {'CPU ratio':>9}")
    bare = "bare spaCy nlp.pipe"
    for name in sides:
        w, c = min(walls[name]), min(cpus[name])
        print(
            f"{name:32} {len(docs) / w:8.1f} {n_tokens / w:9.0f} "
            f"{min(walls[bare]) / w:10.2f} {min(cpus[bare]) / c:9.2f}"
        )
    med = statistics.median(walls[bare]) / statistics.median(walls["frtone Analyzer.pipe"])
    print(f"(median-round wall ratio Analyzer.pipe/spaCy: {med:.2f})")


def _groups(docs: list[str]) -> Iterator[list[object]]:
    from frtone.batch.inputs import Item
    from frtone.batch.score import GROUP_SIZE

    items = [Item(str(k), None, text) for k, text in enumerate(docs)]
    for k in range(0, len(items), GROUP_SIZE):
        yield items[k : k + GROUP_SIZE]


def _drain(results: Iterable[list[tuple[object, bool, str]]], n: int) -> tuple[float, float]:
    """(end-to-end seconds, steady docs/s after the first group) of a run started now."""
    start = time.perf_counter()
    first_t, first_n, done = 0.0, 0, 0
    for lines in results:
        done += len(lines)
        if not first_n:
            first_t, first_n = time.perf_counter(), done
    end = time.perf_counter()
    assert done == n
    return end - start, (n - first_n) / (end - first_t)


def processes(docs: list[str], rounds: int) -> None:
    from frtone.batch.run import _local
    from frtone.batch.workers import analyzer_options, map_groups

    options = analyzer_options(MODEL, include_tokens=False)
    runs: dict[str, list[tuple[float, float]]] = {"--jobs 1": [], "--jobs 2": []}
    peaks: dict[int, float] = {}
    for _ in range(rounds):
        runs["--jobs 1"].append(_drain(_local(_groups(docs), options, None), len(docs)))
        with PeakWatcher() as watch:
            jobs2 = map_groups(_groups(docs), jobs=2, options=options)
            runs["--jobs 2"].append(_drain(jobs2, len(docs)))
        peaks.update(watch.peaks)
    print(f"\nfrtone batch --no-tokens on {len(docs)} documents, best of {rounds}")
    print(f"{'':10} {'end to end':>11} {'docs/s':>7} {'steady docs/s':>14}")
    best = {k: (min(t for t, _ in v), max(r for _, r in v)) for k, v in runs.items()}
    for name, (t, rate) in best.items():
        print(f"{name:10} {t:10.1f}s {len(docs) / t:7.1f} {rate:14.1f}")
    one, two = best["--jobs 1"], best["--jobs 2"]
    print(
        f"--jobs 2 / --jobs 1: {one[0] / two[0]:.2f}x end to end, "
        f"{two[1] / one[1]:.2f}x steady state"
    )
    workers = sorted((mb for mb in peaks.values() if mb > 150), reverse=True)
    print(
        "peak RSS per worker process (MB): "
        + ", ".join(f"{mb:.0f}" for mb in workers[:4])
        + f"; this process (bare spaCy + frtone + --jobs 1 in-process): "
        f"{vm_hwm_mb(os.getpid()):.0f}"
    )


def single_rss(docs_file: Path) -> float:
    """Peak RSS (VmHWM) of ``frtone batch --jobs 1 --no-tokens`` as its own process."""
    out = docs_file.with_suffix(".out.jsonl")
    code = (
        "from pathlib import Path; from frtone.cli import main; "
        f"main(['batch', {str(docs_file)!r}, '--out', {str(out)!r}, '--no-tokens']); "
        "print([l.split()[1] for l in Path('/proc/self/status').read_text().splitlines() "
        "if l.startswith('VmHWM')][0])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return int(proc.stdout.split()[-1]) / 1024


def startup(tries: int = 5) -> None:
    code = "import time; t = time.perf_counter(); import frtone; print(time.perf_counter() - t)"
    imports = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
        for _ in range(tries)
    ]
    frtone_bin = Path(sys.executable).with_name("frtone")
    helps = []
    for _ in range(tries):
        t = time.perf_counter()
        subprocess.run([str(frtone_bin), "--help"], capture_output=True, check=True)
        helps.append(time.perf_counter() - t)
    print(
        f"\nimport frtone: {min(imports):.3f}s (best of {tries}); "
        f"frtone --help: {min(helps):.3f}s (whole process, best of {tries})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds per side (default 3)")
    parser.add_argument("--repeat-to", type=int, default=210, help="documents (default 210)")
    args = parser.parse_args()
    load = os.getloadavg()
    print(
        f"load average before: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} CPUs"
    )
    docs = documents(args.repeat_to)
    single_process(docs, args.rounds)
    processes(docs, args.rounds)
    with tempfile.TemporaryDirectory() as tmp:
        import json

        path = Path(tmp) / "docs.jsonl"
        path.write_text(
            "".join(json.dumps({"id": str(k), "text": t}) + "\n" for k, t in enumerate(docs)),
            encoding="utf-8",
        )
        print(f"peak RSS of frtone batch --jobs 1 as its own process: {single_rss(path):.0f} MB")
    startup()
    load = os.getloadavg()
    print(f"load average after: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")


if __name__ == "__main__":
    main()
