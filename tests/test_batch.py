"""frtone batch in one process: inputs and their errors, resume repair, summary, exit codes."""

from __future__ import annotations

import csv
import json
import subprocess
import sys

import pytest

import frtone
from batch_texts import ARTICLES, SHORT, read_lines, write_records
from frtone.batch import (
    expand_paths,
    iter_items,
    prepare_resume,
    run_batch,
    score_items,
)
from frtone.batch.inputs import Item, count_items
from frtone.cli import main
from frtone.errors import BatchInputError

# -- inputs -------------------------------------------------------------------------------


@pytest.fixture
def messy(tmp_path):
    """A folder with good articles and every kind of bad input."""
    folder = tmp_path / "in"
    sub = folder / "sub"
    sub.mkdir(parents=True)
    (folder / "a_ok.txt").write_text(SHORT["datavolt-levee"], encoding="utf-8")
    (folder / "b_latin.txt").write_bytes("Le débit a été décevant.".encode("latin-1"))
    (folder / "c_empty.txt").write_text(" \n\n ", encoding="utf-8")
    (folder / "notes.md").write_text("pas un article", encoding="utf-8")
    (sub / "d_ok.txt").write_text(SHORT["numergy-bilan"], encoding="utf-8")
    lines = [
        json.dumps({"id": "r1", "text": SHORT["orange-offre"], "targets": ["Orange"]}),
        "",  # a blank line is not a record
        '{"id": "r2", "text": "Free baisse ses prix',  # torn JSON
        json.dumps({"id": "r3"}),
        json.dumps({"id": "r4", "text": 12}),
        json.dumps({"id": "r5", "text": "   "}),
        json.dumps({"id": "r6", "text": SHORT["fibre-attente"], "targets": "Free"}),
        json.dumps({"id": "r7", "text": SHORT["fibre-attente"], "targets": [{"nom": "Free"}]}),
        json.dumps(["r8", SHORT["fibre-attente"]]),
        json.dumps({"id": True, "text": SHORT["fibre-attente"]}),
        json.dumps({"id": "r1", "text": SHORT["identite-calendrier"]}),
        json.dumps({"id": 11, "text": SHORT["identite-calendrier"]}),
        json.dumps({"text": SHORT["fibre-attente"], "targets": [{"name": "Free"}]}),
    ]
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    raw += "Le débit a été décevant.\n".encode("latin-1")  # an undecodable line
    (folder / "records.jsonl").write_bytes(raw)
    return folder


def test_folder_expands_to_txt_and_jsonl_sorted_with_subfolders(messy):
    paths = expand_paths([messy])
    assert [p.relative_to(messy).as_posix() for p in paths] == [
        "a_ok.txt",
        "b_latin.txt",
        "c_empty.txt",
        "records.jsonl",
        "sub/d_ok.txt",
    ]


def test_every_input_yields_exactly_one_item(messy):
    paths = expand_paths([messy])
    items = list(iter_items(paths))
    assert len(items) == count_items(paths) == 17
    assert len({i.id for i in items}) == 17
    assert sum(i.ok for i in items) == 5


def test_input_items_in_detail(messy):
    items = list(iter_items(expand_paths([messy]), [frtone.Target("Datavolt")]))
    rec = str(messy / "records.jsonl")
    kinds = [(i.id, i.source, i.error.type if i.error else None) for i in items]
    assert kinds == [
        (str(messy / "a_ok.txt"), str(messy / "a_ok.txt"), None),
        (str(messy / "b_latin.txt"), str(messy / "b_latin.txt"), "DecodeError"),
        (str(messy / "c_empty.txt"), str(messy / "c_empty.txt"), "EmptyText"),
        ("r1", f"{rec}:1", None),
        (f"{rec}:3", f"{rec}:3", "JSONError"),
        ("r3", f"{rec}:4", "MissingText"),
        ("r4", f"{rec}:5", "TextTypeError"),
        ("r5", f"{rec}:6", "EmptyText"),
        ("r6", f"{rec}:7", "TargetError"),
        ("r7", f"{rec}:8", "TargetError"),
        (f"{rec}:9", f"{rec}:9", "RecordError"),
        (f"{rec}:10", f"{rec}:10", "RecordError"),
        (f"{rec}:11", f"{rec}:11", "DuplicateId"),
        ("11", f"{rec}:12", None),
        (f"{rec}:13", f"{rec}:13", None),
        (f"{rec}:14", f"{rec}:14", "DecodeError"),
        (str(messy / "sub" / "d_ok.txt"), str(messy / "sub" / "d_ok.txt"), None),
    ]
    by_id = {i.id: i for i in items}
    # a record's own targets replace the default ones; the others get the default
    assert by_id["r1"].targets == (frtone.Target("Orange"),)
    assert by_id[f"{rec}:13"].targets == (frtone.Target("Free"),)
    assert by_id["11"].targets == (frtone.Target("Datavolt"),)
    assert "r1" in by_id[f"{rec}:11"].error.message
    assert "iconv" in by_id[str(messy / "b_latin.txt")].error.message


def test_missing_input_and_empty_folder_are_usage_errors(tmp_path):
    with pytest.raises(BatchInputError, match="does not exist"):
        expand_paths([tmp_path / "absent.txt"])
    (tmp_path / "vide").mkdir()
    with pytest.raises(BatchInputError, match=r"no \.txt or \.jsonl"):
        expand_paths([tmp_path / "vide"])


# -- scoring ------------------------------------------------------------------------------


class FailingOnWord:
    """A scorer failing on any claim that holds a given word (a broken plug-in)."""

    def __init__(self, inner, word: str) -> None:
        self.inner = inner
        self.threshold = inner.threshold
        self.word = word

    def predict(self, claims):
        if any(self.word in c.text for c in claims):
            raise ValueError(f"cannot score a claim holding {self.word!r}")
        return self.inner.predict(claims)


def test_a_failing_document_gets_an_error_record_and_the_others_their_results(lean_analyzer):
    analyzer = frtone.Analyzer(
        backend=lean_analyzer.backend,
        sarcasm_scorer=FailingOnWord(lean_analyzer.sarcasm_scorer, "Datavolt"),
        include_tokens=False,
    )
    items = [
        Item(key, f"{key}.txt", SHORT[key])
        for key in ("orange-offre", "datavolt-levee", "numergy-bilan")
    ]
    out = score_items(analyzer, items)
    assert [r["id"] for r in out] == ["orange-offre", "datavolt-levee", "numergy-bilan"]
    assert out[1] == {
        "id": "datavolt-levee",
        "source": "datavolt-levee.txt",
        "error": {"type": "ValueError", "message": "cannot score a claim holding 'Datavolt'"},
    }
    alone = score_items(lean_analyzer, [items[0], items[2]])
    assert [out[0], out[2]] == alone


def test_batch_output_is_the_contract_with_id_and_source(tmp_path, lean_analyzer):
    seed = ARTICLES / "cloudwatt-orange-itsocial.txt"
    records = write_records(
        tmp_path / "in.jsonl",
        [{"id": "ironie", "text": SHORT["orange-offre"], "targets": ["Orange"]}],
    )
    out = tmp_path / "out.jsonl"
    report = run_batch([seed, records], out, analyzer=lean_analyzer)
    assert (report.written, report.failed) == (2, 0)
    lines = read_lines(out)
    direct = lean_analyzer.analyze(seed.read_text(encoding="utf-8")).to_dict()
    assert lines[0] == {**direct, "id": str(seed), "source": str(seed)}
    assert lines[1]["source"] == f"{records}:1"
    orange = lines[1]["targets"][0]
    assert (orange["name"], orange["label"]) == ("Orange", "against")
    assert lines[1]["sarcasm"]["sarcastic_claims"]


# -- resume -------------------------------------------------------------------------------


def test_resume_cuts_a_torn_line_and_redoes_errors(tmp_path):
    out = tmp_path / "out.jsonl"
    good = '{"schema":"frtone/1","id":"a","claims":[]}\n'
    out.write_text(
        good
        + '{"id":"b","error":{"type":"DecodeError","message":"x"}}\n'
        + "pas du JSON\n"
        + good  # the same id again
        + '{"schema":"frtone/1","id":"c","cla',
        encoding="utf-8",
    )
    out.chmod(0o640)
    state = prepare_resume(out)
    assert (sorted(state.done), state.torn, state.retried, state.dropped) == (["a"], True, 1, 2)
    assert out.read_text(encoding="utf-8") == good
    assert out.stat().st_mode & 0o777 == 0o640
    again = prepare_resume(out)  # nothing left to repair
    assert (again.torn, again.retried, again.dropped) == (False, 0, 0)


def test_resume_after_a_torn_line_gives_the_uninterrupted_output(tmp_path, lean_analyzer):
    texts = {**SHORT, "vide": ""}
    records = write_records(tmp_path / "in.jsonl", [{"id": k, "text": v} for k, v in texts.items()])
    full = tmp_path / "full.jsonl"
    run_batch([records], full, analyzer=lean_analyzer)
    whole = full.read_bytes()
    lines = whole.splitlines(keepends=True)
    # killed while writing the fourth line; the error line of "vide" came earlier in a run
    part = tmp_path / "part.jsonl"
    part.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])
    with pytest.raises(BatchInputError, match="--resume"):
        run_batch([records], part, analyzer=lean_analyzer)
    report = run_batch([records], part, resume=True, analyzer=lean_analyzer)
    assert report.resume is not None and report.resume.torn
    assert (report.skipped, report.written, report.failed) == (3, 3, 1)
    assert part.read_bytes() == whole
    ids = [r["id"] for r in read_lines(part)]
    assert sorted(ids) == sorted(texts) and len(ids) == len(set(ids))


# -- summary ------------------------------------------------------------------------------


def test_summary_has_one_row_per_article_and_target(tmp_path, lean_analyzer):
    records = write_records(
        tmp_path / "in.jsonl",
        [
            {"id": "o", "text": SHORT["orange-offre"], "targets": ["Orange", "Free"]},
            {"id": "n", "text": SHORT["numergy-bilan"], "targets": []},
            {"id": "x", "text": ""},
        ],
    )
    out, summary = tmp_path / "out.jsonl", tmp_path / "summary.csv"
    run_batch([records], out, summary=summary, analyzer=lean_analyzer)
    with summary.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    lines = {r["id"]: r for r in read_lines(out)}
    assert [(r["id"], r["target"]) for r in rows] == [
        ("o", "Orange"),
        ("o", "Free"),
        ("n", ""),
        ("x", ""),
    ]
    orange = lines["o"]["targets"][0]
    assert rows[0]["label"] == orange["label"] == "against"
    assert float(rows[0]["score"]) == orange["score"]
    assert int(rows[0]["mentions"]) == len(orange["mentions"])
    assert int(rows[1]["mentions"]) == 0 and rows[1]["label"] == "none"
    assert int(rows[0]["sarcastic_claims"]) == len(lines["o"]["sarcasm"]["sarcastic_claims"]) > 0
    assert int(rows[2]["claims"]) == len(lines["n"]["claims"]) == 2
    assert rows[3]["error"] == "EmptyText" and rows[3]["claims"] == ""


# -- command line -------------------------------------------------------------------------


def test_cli_exit_statuses(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(SHORT["datavolt-levee"], encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(good), "--out", str(out), "--no-tokens"]) == 0
    assert capsys.readouterr().err == ""  # no progress bar: stderr is not a terminal
    assert main(["batch", str(good), "--out", str(out)]) == 2
    assert "--resume" in capsys.readouterr().err
    assert main(["batch", str(good), str(bad), "--out", str(out), "--resume"]) == 1
    assert "1 of 1 articles failed" in capsys.readouterr().err
    assert [r["id"] for r in read_lines(out)] == [str(good), str(bad)]
    assert main(["batch", str(tmp_path / "nope.txt"), "--out", str(tmp_path / "o2.jsonl")]) == 2
    assert main(["batch", str(good), "--out", str(tmp_path / "o3.jsonl"), "--jobs", "0"]) == 2
    assert main(["batch", str(good), "-o", str(tmp_path / "o4.jsonl"), "-t", "=Orange"]) == 2
    assert main(["batch", str(good), "-o", str(tmp_path / "o5.jsonl"), "--scheduler", "x"]) == 2
    with pytest.raises(SystemExit) as exc:
        main(["batch", str(good)])  # --out is required
    assert exc.value.code == 2


def test_cli_help_documents_exit_statuses():
    proc = subprocess.run(
        [sys.executable, "-m", "frtone", "batch", "--help"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "exit status" in proc.stdout and "--resume" in proc.stdout


def test_progress_bar_on_demand_shows_rate_and_count(tmp_path, capsys, lean_analyzer):
    records = write_records(
        tmp_path / "in.jsonl", [{"id": k, "text": v} for k, v in list(SHORT.items())[:2]]
    )
    run_batch([records], tmp_path / "out.jsonl", analyzer=lean_analyzer, progress=True)
    err = capsys.readouterr().err
    assert "2/2" in err and "articles/s" in err


def test_analyzer_freezes_the_loaded_models_and_collects_garbage_first(
    analyzer: frtone.Analyzer,
) -> None:
    import gc
    import weakref

    class Node:
        other: object = None

    gc.unfreeze()
    frtone.Analyzer(backend=analyzer.backend, gc_freeze=False)
    assert gc.get_freeze_count() == 0  # left alone when told so
    a, b = Node(), Node()
    a.other, b.other = b, a  # a reference cycle: only the collector frees it
    dead = weakref.ref(a)
    del a, b
    fresh = frtone.Analyzer(backend=analyzer.backend)
    assert dead() is None  # collected before the freeze, not frozen for ever
    # the backend's pipeline is among the frozen objects: full collections skip it
    assert gc.get_freeze_count() > 100_000
    result = fresh.analyze("Orange rachète Cloudwatt : quel exploit (!)", ["Orange"])
    assert result.claims and result.targets[0].name == "Orange"
