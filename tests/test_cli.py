"""Command line: frtone analyze, python -m frtone, errors and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import SEED
from frtone.cli import main


def test_analyze_json_is_the_contract(capsys):
    assert (
        main(
            [
                "analyze",
                str(SEED),
                "--format",
                "json",
                "--target",
                "Orange",
                "--target",
                "l'État=État|Etat|gouvernement",
            ]
        )
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "frtone/1"
    assert [t["name"] for t in data["targets"]] == ["Orange", "l'État"]
    text = SEED.read_text(encoding="utf-8")
    assert all(text[c["start"] : c["end"]] == c["text"] for c in data["claims"])


def test_analyze_text_view_marks_sarcasm_and_cues(capsys):
    assert main(["analyze", str(SEED), "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "SARCASM" in out and "[[chimères]]" in out
    assert "Cloudwatt: against" in out


def test_missing_file_and_bad_encoding_fail_cleanly(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nope.txt")]) == 1
    assert "No such file" in capsys.readouterr().err
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Orange rachète Cloudwatt.".encode("latin-1"))
    assert main(["analyze", str(latin)]) == 1
    assert "not valid UTF-8" in capsys.readouterr().err


def test_python_dash_m_reads_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "frtone", "analyze", "-", "--format", "json", "--no-tokens"],
        input="Quid des 150 millions d'euros versés ?".encode(),
        capture_output=True,
        check=True,
    )
    data = json.loads(proc.stdout)
    assert data["claims"][0]["kind"] == "rhetorical_question"
    assert data["claims"][0]["sarcasm"]["label"] is True
    assert data["claims"][0]["tokens"] == []


def test_usage_error_exit_code():
    proc = subprocess.run([sys.executable, "-m", "frtone", "analyze"], capture_output=True)
    assert proc.returncode == 2 and b"usage" in proc.stderr
