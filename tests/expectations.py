"""Load tests/expectations.toml: what a careful French reader sees in corpus/articles."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "corpus" / "articles"
HELDOUT = ARTICLES  # the held-out texts sit with the others; judgements in HELDOUT_FILE
HELDOUT_FILE = Path(__file__).with_name("heldout_expectations.toml")


def load(path: Path | None = None) -> list[dict]:
    """Expectations: tests/expectations.toml by default, or another file of that format."""
    with open(path or Path(__file__).with_name("expectations.toml"), "rb") as fh:
        return tomllib.load(fh)["article"]


def claims_holding(result, text: str, needle: str):
    """Claims of the sentence(s) holding the (unique) occurrence of ``needle``.

    Expectations judge sentences; frtone may cut a sentence into clause claims.
    """
    start = text.index(needle)
    end = start + len(needle)
    sentences = {c.sentence for c in result.claims if c.start < end and start < c.end}
    return [c for c in result.claims if c.sentence in sentences]


def check_all(analyzer, folder: Path = ARTICLES, path: Path | None = None):
    """Run every expectation against ``analyzer``: (passed, total, failure descriptions)."""
    failures: list[str] = []
    total = 0
    for art in load(path):
        text = (folder / art["file"]).read_text(encoding="utf-8")
        result = analyzer.analyze(text, art["targets"])
        for t in result.targets:
            total += 1
            if art["stance"].get(t.name) != t.label:
                failures.append(f"{art['file']}: article-stance {t.name} {t.label}")
        for s in art.get("sentence", []):
            claims = claims_holding(result, text, s["contains"])
            checks = [("sarcasm", any(c.sarcasm.label for c in claims) == s["sarcastic"])]
            if "cue" in s:
                at = text.index(s["cue"])
                checks.append(
                    (
                        "cue",
                        any(
                            q.start < at + len(s["cue"]) and at < q.end
                            for c in claims
                            for q in c.sarcasm.cues
                        ),
                    )
                )
            for name, label in s.get("stance", {}).items():
                ok = label in [c.stance(name).label for c in claims]
                checks.append((f"stance {name}", ok))
            if "hedged" in s:
                checks.append(("hedged", any(c.hedged for c in claims) == s["hedged"]))
            if "reported_source" in s:
                sources = [c.reported.source for c in claims if c.reported]
                want = s["reported_source"]
                checks.append(("reported", any(want in x or x in want for x in sources)))
            for what, ok in checks:
                total += 1
                if not ok:
                    failures.append(f"{art['file']}: {what} :: {s['contains'][:60]}")
    return total - len(failures), total, failures
