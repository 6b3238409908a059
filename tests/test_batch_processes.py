"""frtone batch across processes: SIGKILL and --resume, --jobs 2, and a Dask cluster.

These start processes that load the spaCy model (seconds each): marked ``slow``, and run by
``make test`` like every other test.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from batch_texts import ARTICLES, SHORT, corpus_texts, read_lines, write_records
from frtone.batch import Item, run_batch, score_items

pytestmark = pytest.mark.slow


def _records() -> list[dict]:
    """42 records: the corpus articles and the short ones, three times, distinct ids."""
    texts = {**corpus_texts(), **SHORT}
    return [
        {"id": f"{name}#{round_}", "text": text}
        for round_ in range(3)
        for name, text in texts.items()
    ]


def test_sigkill_mid_run_then_resume_gives_every_id_once_and_the_same_results(
    tmp_path, lean_analyzer
):
    records = _records()
    inputs = write_records(tmp_path / "in.jsonl", records)
    reference = tmp_path / "reference.jsonl"
    run_batch([inputs], reference, analyzer=lean_analyzer)

    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "frtone", "batch", str(inputs), "--out", str(out)]
    proc = subprocess.Popen([*cmd, "--no-tokens"], stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 300
    while not (out.exists() and out.stat().st_size > 0):
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, "no line written in 5 minutes"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    proc.stderr.close()
    written = out.read_bytes()
    assert 0 < written.count(b"\n") < len(records), "the run was not killed mid-way"
    # a kill in the middle of a write leaves a torn last line: make sure one is there
    out.write_bytes(written[:-25])

    resumed = subprocess.run(
        [*cmd, "--no-tokens", "--resume"], capture_output=True, text=True, timeout=600
    )
    assert resumed.returncode == 0, resumed.stderr
    lines = read_lines(out)
    ids = [line["id"] for line in lines]
    assert sorted(ids) == sorted(r["id"] for r in records)
    assert len(set(ids)) == len(ids)
    assert out.read_bytes() == reference.read_bytes()  # same lines, same (input) order


def test_two_jobs_write_the_same_file_as_one(tmp_path, lean_analyzer):
    inputs = write_records(tmp_path / "in.jsonl", [*_records()[:20], {"id": "vide", "text": ""}])
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_batch([ARTICLES, inputs], one, analyzer=lean_analyzer)
    report = run_batch([ARTICLES, inputs], two, jobs=2, include_tokens=False)
    assert (report.written, report.failed) == (len(corpus_texts()) + 21, 1)
    assert two.read_bytes() == one.read_bytes()


def test_dask_local_cluster_gives_the_local_results(tmp_path, lean_analyzer):
    import dask.bag as db
    import distributed

    from frtone.batch.dask import analyze_bag

    texts = corpus_texts()
    records = [{"id": name, "text": text} for name, text in texts.items()]
    records.append({"id": "sans-texte"})
    local = score_items(lean_analyzer, [Item(name, None, text) for name, text in texts.items()])
    local_out = tmp_path / "local.jsonl"
    run_batch([ARTICLES], local_out, analyzer=lean_analyzer)

    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = db.from_sequence(records, npartitions=4)
        on_cluster = analyze_bag(bag, include_tokens=False).compute()
        assert len(client.nthreads()) == 2
        dask_out = tmp_path / "dask.jsonl"
        report = run_batch(
            [ARTICLES],
            dask_out,
            include_tokens=False,
            engine="dask",
            scheduler=cluster.scheduler_address,
        )
    assert [r["id"] for r in on_cluster] == [r["id"] for r in records]
    assert on_cluster[:-1] == local
    assert on_cluster[-1]["error"]["type"] == "MissingText"
    assert (report.written, report.failed) == (len(texts), 0)
    assert dask_out.read_bytes() == local_out.read_bytes()
