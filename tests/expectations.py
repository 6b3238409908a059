"""Load tests/expectations.toml: what a careful French reader sees in corpus/articles."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "articles"


def load() -> list[dict]:
    with open(Path(__file__).with_name("expectations.toml"), "rb") as fh:
        return tomllib.load(fh)["article"]


def claims_holding(result, text: str, needle: str):
    """Claims of the sentence(s) holding the (unique) occurrence of ``needle``.

    Expectations judge sentences; frtone may cut a sentence into clause claims.
    """
    start = text.index(needle)
    end = start + len(needle)
    sentences = {c.sentence for c in result.claims if c.start < end and start < c.end}
    return [c for c in result.claims if c.sentence in sentences]
