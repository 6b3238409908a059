"""HTML view, batch report and their commands (the pages' DOM in chromium: test_html_browser)."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

import frtone
from conftest import SEED
from frtone.cli import main
from frtone.render.html import render_html
from frtone.render.report import read_batch, render_report

ARTICLES = SEED.parent
TEXT = (
    "Orange paie fort pour acheter pas grand-chose !\n\n"
    "Selon Les Echos, Orange reprendrait Cloudwatt. Le cloud souverain lave son linge sale "
    "en famille, semble-t-il."
)


class Elements(HTMLParser):
    """Collect start tags with their attributes; check that every tag is closed in order."""

    VOID = frozenset({"meta", "link", "br", "img", "input", "hr"})

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()


def parse(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    assert parser.stack == []
    return parser


@pytest.fixture(scope="module")
def short() -> frtone.ArticleAnalysis:
    return frtone.analyze(TEXT, targets=["Orange", "Cloudwatt"], id="court")


def test_page_marks_claims_cues_hedges_and_sources(short: frtone.ArticleAnalysis) -> None:
    html = render_html(short, TEXT)
    tags = parse(html).tags
    claims = [a for t, a in tags if t == "span" and "claim" in (a.get("class") or "").split()]
    claims = [a for a in claims if a.get("id")]
    assert [a["id"] for a in claims] == [f"claim-{c.index}" for c in short.claims]
    assert claims[0]["class"].startswith("claim st-against")  # stance toward Orange
    assert claims[0]["data-st-0"] == "against"
    cues = [a for t, a in tags if t == "mark" and "data-cue" in a]
    assert [(a["data-kind"], a["data-probability"]) for a in cues] == [
        (q.kind, f"{c.sarcasm.probability:.2f}") for c in short.claims for q in c.sarcasm.cues
    ]
    assert {
        a["data-label"] for t, a in tags if a.get("class") == "hedge" and "data-label" in a
    } >= {
        "conditional",
        "marker",
    }
    assert [a["data-verb"] for t, a in tags if "data-verb" in a] == ["selon"]
    assert ">Les Echos</span>" in html
    assert "://" not in html  # nothing to fetch


def test_focus_tints_by_the_chosen_target(short: frtone.ArticleAnalysis) -> None:
    by_orange = render_html(short, TEXT, focus="Orange")
    by_cloudwatt = render_html(short, TEXT, focus="Cloudwatt")
    assert 'id="claim-0"' in by_orange
    first = re.compile(r'<span class="claim (st-\w+)[^"]*" id="claim-0"')
    assert first.search(by_orange)[1] == "st-against"  # type: ignore[index]
    assert first.search(by_cloudwatt)[1] == "st-none"  # type: ignore[index]
    assert '<option value="1" selected>Cloudwatt</option>' in by_cloudwatt
    with pytest.raises(ValueError, match="not among the analysis targets"):
        render_html(short, TEXT, focus="Numergy")


def test_text_must_be_the_analysed_text(short: frtone.ArticleAnalysis) -> None:
    with pytest.raises(ValueError, match="does not match the analysis"):
        render_html(short, TEXT.replace("Orange", "Citron"))


def test_crossing_marks_are_split_and_stay_well_nested() -> None:
    text = "Orange reprendrait en quelque sorte Cloudwatt."
    result = frtone.analyze(text, ["Orange"])
    claim = result.claims[0]
    # a hedge and a cue laid across each other: both still marked, tags nested
    crossed = frtone.ArticleAnalysis.from_dict(
        {
            **result.to_dict(),
            "claims": [
                {
                    **claim.to_dict(),
                    "hedges": [{"text": "reprendrait en", "start": 7, "end": 21, "label": "x"}],
                    "sarcasm": {
                        **claim.sarcasm.to_dict(),
                        "cues": [
                            {"text": "en quelque sorte", "start": 19, "end": 35, "kind": "idiom"}
                        ],
                    },
                }
            ],
        }
    )
    html = render_html(crossed, text)
    tags = parse(html).tags
    assert [a["data-cue"] for t, a in tags if t == "mark" and "data-cue" in a] == ["0-0", "0-0"]
    body = re.sub(r"<[^>]+>", "", html[html.index("<article") : html.index("</article>")])
    assert text in body


def test_claims_alone_when_the_text_is_not_at_hand(short: frtone.ArticleAnalysis) -> None:
    html = render_html(short, None)
    tags = parse(html).tags
    assert [a["id"] for t, a in tags if (a.get("id") or "").startswith("claim-")] == [
        f"claim-{c.index}" for c in short.claims
    ]
    assert "lave son linge sale en famille" in html
    assert html.count("<p>") == 2  # two paragraphs, as in the article


def test_reference_page_holds_every_claim(
    seed_result: frtone.ArticleAnalysis, seed_text: str
) -> None:
    html = render_html(seed_result, seed_text)
    tags = parse(html).tags
    ids = [a["id"] for t, a in tags if (a.get("id") or "").startswith("claim-")]
    assert len(ids) == len(seed_result.claims) > 30
    headings = [c for c in seed_result.claims if c.kind == "heading"]
    article = html[html.index("<article") :]
    assert article.count("<h2>") == len(headings) >= 2  # the article's section titles


# -- batch report ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def batch_lines(analyzer: frtone.Analyzer) -> list[str]:
    lines = []
    dates = ["2015-03-02", "2015-04-10T08:00:00", None]
    for name, date in zip(
        ["cloudwatt-orange-itsocial", "etat_ironie", "telecom_ironie"], dates, strict=True
    ):
        text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
        r = analyzer.analyze(text, ["Orange", "l'État=État|Etat|gouvernement"], id=name)
        record = {**r.to_dict(), "source": f"corpus/articles/{name}.txt"}
        if date:
            record["date"] = date
        lines.append(json.dumps(record, ensure_ascii=False))
    lines.append(json.dumps({"id": "x<1>", "error": {"type": "InputTypeError", "message": "a&b"}}))
    lines.append("{cut off")
    lines.append("")
    return lines


def test_read_batch_separates_records_and_failures(batch_lines: list[str]) -> None:
    batch = read_batch(batch_lines)
    assert [r.id for r in batch.records] == [
        "cloudwatt-orange-itsocial",
        "etat_ironie",
        "telecom_ironie",
    ]
    assert [r.date for r in batch.records] == [dt.date(2015, 3, 2), dt.date(2015, 4, 10), None]
    assert batch.records[0].source == "corpus/articles/cloudwatt-orange-itsocial.txt"
    assert [(f.line, f.id, f.type) for f in batch.failures] == [
        (4, "x<1>", "InputTypeError"),
        (5, None, "invalid JSON"),
    ]
    bad = read_batch(['{"schema": "frtone/1", "id": "z"}', "[1]"])
    assert [f.type for f in bad.failures] == ["invalid record", "invalid record"]
    assert "E005" in bad.failures[0].message


def test_report_charts_stances_time_sarcasm_and_failures(batch_lines: list[str]) -> None:
    batch = read_batch(batch_lines)
    html = render_report(batch, title="Revue <de presse>")
    tags = parse(html).tags
    assert "<title>Revue &lt;de presse&gt;</title>" in html
    charts = html.split('<svg class="chart"')[1:]
    stance_chart = charts[0]
    counted = {
        label: sum(
            int(n) for n in re.findall(rf'data-label="{label}" data-count="(\d+)"', stance_chart)
        )
        for label in ("favor", "against", "mixed", "none")
    }
    expected = {label: 0 for label in counted}
    for r in batch.records:
        for t in r.result.targets:
            if t.mentions or t.label != "none":
                expected[t.label] += 1
    assert counted == expected and sum(expected.values()) >= 3
    assert len(charts) == 1 + 2  # stance chart, then one over-time chart per target
    assert "2015-03-02" in charts[1] and "2015-04-10" in charts[1]  # per day: within 45 days
    claims = [a for t, a in tags if t == "tr" and a.get("class") == "sarcastic-claim"]
    assert len(claims) == min(15, sum(len(r.result.sarcastic_claims) for r in batch.records))
    top = max(
        (c for r in batch.records for c in r.result.sarcastic_claims),
        key=lambda c: c.sarcasm.probability,
    )
    assert html.index(f"{top.sarcasm.probability:.2f}</td>") < html.index("Failed documents")
    assert "Failed documents (2)" in html and "x&lt;1&gt;" in html and "a&amp;b" in html
    assert "<script" not in html and "://" not in html.replace('xmlns="http://', "")


def test_report_without_dates_says_how_to_get_them(batch_lines: list[str]) -> None:
    undated = [re.sub(r', "date": "[^"]*"', "", line) for line in batch_lines]
    html = render_report(read_batch(undated))
    assert "No record has a <code>date</code>" in html
    assert html.count('<svg class="chart"') == 1


# -- commands ---------------------------------------------------------------------------


def test_render_command_writes_a_page(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    status = main(
        ["render", str(ARTICLES / "etat_ironie.txt"), "--focus", "l'État=Etat", "-o", str(out)]
    )
    assert status == 0
    html = out.read_text(encoding="utf-8")
    assert "<title>frtone · " in html and "etat_ironie.txt" in html
    assert re.search(r"<option value=\"\d+\" selected>l&#x27;État</option>", html)


def test_render_command_reads_a_json_result(tmp_path: Path, short: frtone.ArticleAnalysis) -> None:
    src = tmp_path / "court.json"
    src.write_text(json.dumps(short.to_dict()), encoding="utf-8")
    out = tmp_path / "court.html"
    assert main(["render", str(src), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").count('id="claim-') == len(short.claims)


def test_render_command_fails_clearly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "frtone/1"}', encoding="utf-8")
    assert main(["render", str(bad)]) == 1
    assert "E005" in capsys.readouterr().err


def test_analyze_html_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(SEED), "-f", "html", "-t", "Orange", "-t", "Cloudwatt"]) == 0
    html = capsys.readouterr().out
    assert html.startswith("<!DOCTYPE html>")
    assert html.count('id="claim-') > 30 and "chimères</mark>" in html


def test_report_command(tmp_path: Path, batch_lines: list[str]) -> None:
    scores = tmp_path / "scores.jsonl"
    scores.write_text("\n".join(batch_lines) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    assert main(["report", str(scores), "--out", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert f"frtone report: {scores}" in html and "Failed documents (2)" in html


def test_missing_chromium_fails_in_ci_and_is_skipped_with_a_reason_elsewhere(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    import browser

    monkeypatch.setattr(shutil, "which", lambda name: None)
    monkeypatch.setenv("FRTONE_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="apt-get install -y chromium"):
        browser.chromium_paths()
    monkeypatch.delenv("FRTONE_REQUIRE_BROWSER")
    with pytest.raises(pytest.skip.Exception, match="chromium is missing"):
        browser.chromium_paths()
