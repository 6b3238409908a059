"""Package data files are well-formed; malformed data gives a clear, typed error."""

from __future__ import annotations

import typing

import pytest

from frtone import resources
from frtone.errors import DataFileError
from frtone.results import CueKind
from frtone.text import fold

CUE_KINDS = set(typing.get_args(CueKind))


def test_cue_lexicon_entries_are_valid():
    rows = resources.records("cues.toml", "cue", {"pattern": str, "kind": str, "weight": float})
    assert len(rows) >= 150
    seen = set()
    for row in rows:
        assert row["kind"] in CUE_KINDS, row
        assert 0 < row["weight"] <= 1, row
        key = fold(row["pattern"])
        assert key not in seen, row
        seen.add(key)


def test_gazetteer_entries_are_valid():
    rows = resources.records(
        "organisations.toml",
        "entity",
        {"name": str, "label": str, "kind": str, "aliases": list, "ambiguous": bool},
    )
    assert {r["label"] for r in rows} <= {"ORG", "PER", "MISC"}
    owner: dict[str, str] = {}
    for r in rows:
        for n in (r["name"], *r["aliases"]):
            # accent variants of one entity are fine; one name for two entities is not
            assert owner.setdefault(fold(n), r["name"]) == r["name"], (n, owner[fold(n)])


def test_evaluative_lexicon_values_in_range():
    table = resources.load_toml("evaluative.toml")["polarity"]
    assert all(-1 <= v <= 1 for v in table.values())
    assert len({fold(k) for k in table}) == len(table)


def test_malformed_data_raises_data_file_error(monkeypatch):
    monkeypatch.setattr(resources, "load_toml", lambda name, lang="fr": {"cue": [{"kind": 1}]})
    with pytest.raises(DataFileError, match=r"cues.toml: \[\[cue\]\] #1 needs 'pattern'"):
        resources.records("cues.toml", "cue", {"pattern": str})


def test_missing_data_file_says_how_to_fix():
    with pytest.raises(DataFileError, match="reinstall"):
        resources.load_toml("no-such-file.toml")
