"""The same API on other French articles of our own: criticism, sincere praise, irony."""

from __future__ import annotations

import pytest

import expectations as E

ARTICLES = E.load()


@pytest.fixture(scope="module")
def results(analyzer):
    out = {}
    for art in ARTICLES:
        text = (E.ARTICLES / art["file"]).read_text(encoding="utf-8")
        out[art["file"]] = (text, analyzer.analyze(text, art["targets"]))
    return out


@pytest.mark.parametrize("art", ARTICLES, ids=[a["file"] for a in ARTICLES])
def test_article_irony_is_recognised(results, art):
    _text, result = results[art["file"]]
    has_sarcasm = bool(result.sarcasm.sarcastic_claims)
    assert has_sarcasm == art["ironic"], [c.text for c in result.sarcastic_claims]


NOT_SARCASTIC = [
    (a["file"], s["contains"])
    for a in ARTICLES
    for s in a.get("sentence", [])
    if s["sarcastic"] is False
]


@pytest.mark.parametrize(("file", "needle"), NOT_SARCASTIC)
def test_literal_criticism_and_sincere_praise_are_not_sarcasm(results, file, needle):
    text, result = results[file]
    claims = E.claims_holding(result, text, needle)
    assert claims and not any(c.sarcasm.label for c in claims)


def test_most_ironic_sentences_are_found_with_their_cue(results):
    found = total = 0
    for art in ARTICLES:
        text, result = results[art["file"]]
        for s in art.get("sentence", []):
            if not s["sarcastic"]:
                continue
            total += 1
            claims = E.claims_holding(result, text, s["contains"])
            cue_at = text.index(s["cue"]) if "cue" in s else None
            ok = any(c.sarcasm.label for c in claims) and (
                cue_at is None
                or any(
                    q.start <= cue_at < q.end or cue_at <= q.start < cue_at + len(s["cue"])
                    for c in claims
                    for q in c.sarcasm.cues
                )
            )
            found += ok
    assert total >= 15
    assert found / total >= 0.7, f"{found}/{total}"


def test_sentence_stances_mostly_match_the_reader(results):
    agree = total = 0
    for art in ARTICLES:
        text, result = results[art["file"]]
        for s in art.get("sentence", []):
            for name, label in s.get("stance", {}).items():
                total += 1
                claims = E.claims_holding(result, text, s["contains"])
                agree += label in [c.stance(name).label for c in claims]
    assert total >= 20
    assert agree / total >= 0.7, f"{agree}/{total}"


@pytest.mark.parametrize(
    ("file", "name", "label"),
    [
        ("telecom_critique.txt", "Telvia", "against"),
        ("ia_eloge.txt", "Brumaire", "favor"),
        ("ia_eloge.txt", "Orme-7B", "favor"),
        ("etat_ironie.txt", "Paie-Avenir", "against"),
        ("etat_ironie.txt", "Agence nationale de la paie publique", "against"),
        ("telecom_ironie.txt", "Ondafil", "against"),
        ("startup_mixte.txt", "Kelpio", "favor"),
        ("startup_mixte.txt", "Fermatik", "against"),
        ("cyber_neutre.txt", "Agence nationale de veille numérique", "none"),
        ("bigtech_ironie.txt", "Nimbeo", "against"),
        ("hardware_eloge_critique.txt", "Corvex", "mixed"),
    ],
)
def test_article_level_stance(results, file, name, label):
    _, result = results[file]
    assert result.target(name).label == label


def test_hedged_and_reported_sentences(results):
    for art in ARTICLES:
        text, result = results[art["file"]]
        for s in art.get("sentence", []):
            claims = E.claims_holding(result, text, s["contains"])
            if "hedged" in s:
                assert any(c.hedged for c in claims) == s["hedged"], s["contains"]
            if "reported_source" in s:
                sources = [c.reported.source for c in claims if c.reported]
                assert any(
                    s["reported_source"] in x or x in s["reported_source"] for x in sources
                ), (s["contains"], sources)
