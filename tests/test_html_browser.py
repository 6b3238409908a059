"""The HTML pages in real headless chromium: DOM, console, phone width, escaping."""

from __future__ import annotations

import json
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import frtone
from browser import errors, open_page, start_driver
from frtone.render.html import render_html
from frtone.render.report import read_batch, render_report
from frtone.results import CueKind

pytestmark = pytest.mark.browser

CUE_KINDS = set(typing.get_args(CueKind))


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    yield from start_driver(1280, 900)


@pytest.fixture(scope="module")
def phone() -> Iterator[Any]:
    yield from start_driver(390, 844)


@pytest.fixture(scope="module")
def seed_page(
    tmp_path_factory: pytest.TempPathFactory, seed_result: frtone.ArticleAnalysis, seed_text: str
) -> Path:
    path = tmp_path_factory.mktemp("html") / "seed.html"
    path.write_text(render_html(seed_result, seed_text), encoding="utf-8")
    return path


def test_reference_page_shows_every_claim_and_cue(
    driver: Any, seed_page: Path, seed_result: frtone.ArticleAnalysis
) -> None:
    console = open_page(driver, seed_page)
    assert errors(console) == []
    claims = driver.execute_script(
        "return Array.from(document.querySelectorAll('article .claim')).map(c => "
        "[Number(c.dataset.claim), c.textContent, c.dataset.kind])"
    )
    assert len(claims) == len(seed_result.claims)
    assert claims == [[c.index, c.text, c.kind] for c in seed_result.claims]
    cues = driver.execute_script(
        "return Array.from(document.querySelectorAll('article mark.cue')).map(m => "
        "[m.dataset.cue, m.dataset.kind, m.dataset.tip, m.textContent])"
    )
    expected = [
        (f"{c.index}-{j}", q.kind, q.text)
        for c in seed_result.claims
        for j, q in enumerate(c.sarcasm.cues)
    ]
    assert {cue[0] for cue in cues} == {e[0] for e in expected}  # every cue, split or not
    assert len(expected) >= 10
    for cue_id, kind, tip, _text in cues:
        assert kind in CUE_KINDS
        claim = seed_result.claims[int(cue_id.split("-")[0])]
        assert tip == f"{kind.replace('_', ' ')} · claim sarcasm {claim.sarcasm.probability:.2f}"
    joined: dict[str, str] = {}
    for cue_id, _, _, text in cues:  # a cue split around a crossing hedge comes in parts
        joined[cue_id] = joined.get(cue_id, "") + text
    assert joined == {e[0]: e[2] for e in expected}
    assert {(cue_id, kind) for cue_id, kind, _, _ in cues} == {e[:2] for e in expected}
    assert "(politique?)" in joined.values()
    hedges = driver.execute_script("return document.querySelectorAll('article .hedge').length")
    assert hedges == sum(len(c.hedges) for c in seed_result.claims) > 0
    sources = driver.execute_script(
        "return Array.from(document.querySelectorAll('article .source')).map(s => s.textContent)"
    )
    assert sources == [
        c.reported.source for c in seed_result.claims if c.reported and c.reported.start >= 0
    ]


def test_focus_menu_retints_claims(
    driver: Any, seed_page: Path, seed_result: frtone.ArticleAnalysis
) -> None:
    open_page(driver, seed_page)
    from selenium.webdriver.support.ui import Select

    names = [t.name for t in seed_result.targets]
    for name in ("Orange", "Numergy"):
        k = names.index(name)
        Select(driver.find_element("id", "frtone-focus")).select_by_index(k)
        shown = driver.execute_script(
            "return Array.from(document.querySelectorAll('article .claim')).map(c => "
            "['favor', 'against', 'none'].find(l => c.classList.contains('st-' + l)))"
        )
        assert shown == [c.stances[k].label for c in seed_result.claims]
        assert "against" in shown
        row = driver.execute_script("return document.querySelector('tr.is-focus').dataset.target")
        assert row == str(k)


def test_cue_tooltip_shows_kind_and_probability_on_focus(driver: Any, seed_page: Path) -> None:
    open_page(driver, seed_page)
    tip = driver.execute_script(
        "const m = document.querySelector('article mark.cue'); m.focus();"
        "return getComputedStyle(m, '::after').content"
    )
    assert "ironic punctuation" in tip or "rhetorical question" in tip
    assert "claim sarcasm 0." in tip


def test_phone_width_has_no_sideways_scroll(phone: Any, seed_page: Path, tmp_path: Path) -> None:
    console = open_page(phone, seed_page)
    assert errors(console) == []
    sizes = phone.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth,"
        " getComputedStyle(document.body).fontSize]"
    )
    assert sizes[0] <= sizes[1] <= 400
    assert float(sizes[2].rstrip("px")) >= 15  # readable without zooming


def test_hostile_text_is_shown_not_run(driver: Any, tmp_path: Path) -> None:
    text = (
        'Orange vend <script>document.title="pwned"</script> & <img src=x onerror="alert(1)"> '
        "pour pas grand-chose !\n\nLa « stratégie » de l'État ? Quid des 150 millions ?"
    )
    result = frtone.analyze(text, targets=["Orange", "<b>Acme</b> & Cie"], id='<i>"id"</i>')
    path = tmp_path / "hostile.html"
    path.write_text(render_html(result, text), encoding="utf-8")
    console = open_page(driver, path)
    assert errors(console) == []
    state = driver.execute_script(
        "return [document.title, document.querySelectorAll('article script, article img, "
        "th b').length, document.querySelector('article').textContent,"
        " document.querySelector('h1').textContent,"
        " Array.from(document.querySelectorAll('option')).map(o => o.textContent)]"
    )
    title, injected, article, h1, options = state
    assert title == 'frtone · <i>"id"</i>' and h1 == '<i>"id"</i>'
    assert injected == 0
    assert '<script>document.title="pwned"</script> & <img src=x onerror="alert(1)">' in article
    assert options == ["Orange", "<b>Acme</b> & Cie"]


def test_report_page_in_chromium(
    driver: Any, phone: Any, analyzer: frtone.Analyzer, tmp_path: Path
) -> None:
    articles = Path(__file__).resolve().parent.parent / "corpus" / "articles"
    lines = []
    expected = {label: 0 for label in ("favor", "against", "mixed", "none")}
    for k, name in enumerate(["cloudwatt-orange-itsocial", "etat_ironie", "telecom_ironie"]):
        text = (articles / f"{name}.txt").read_text(encoding="utf-8")
        r = analyzer.analyze(text, ["Orange", "l'État=État|Etat|gouvernement"], id=name)
        record = {**r.to_dict(), "source": f"{name}.txt", "date": f"2015-0{k + 3}-1{k}"}
        lines.append(json.dumps(record, ensure_ascii=False))
        for t in r.targets:
            if t.mentions or t.label != "none":
                expected[t.label] += 1
    lines.append(json.dumps({"id": "<x>", "error": {"type": "InputTypeError", "message": "&"}}))
    path = tmp_path / "report.html"
    path.write_text(render_report(read_batch(lines)), encoding="utf-8")
    for browser in (driver, phone):
        console = open_page(browser, path)
        assert errors(console) == []
        bars, failures, overflow = browser.execute_script(
            "return [Array.from(document.querySelectorAll('svg.chart')[0]"
            ".querySelectorAll('rect[data-label]')).map(r =>"
            " [r.dataset.label, Number(r.dataset.count), r.getBoundingClientRect().width > 0]),"
            " Array.from(document.querySelectorAll('tr.failure td')).map(t => t.textContent),"
            " document.documentElement.scrollWidth - window.innerWidth]"
        )
        assert failures[1:3] == ["<x>", "InputTypeError"]
        assert overflow <= 0
        assert all(visible for _, _, visible in bars)
        shown = {label: 0 for label in ("favor", "against", "mixed", "none")}
        for label, n, _ in bars:
            shown[label] += n
        assert shown == expected
