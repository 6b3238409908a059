"""The reference article reads as a French reader reads it (issue: foundation, must show)."""

from __future__ import annotations

import pytest

from expectations import claims_holding

SARCASTIC = [
    ("chimères", "chimères"),
    ("(!)", "(!)"),
    ("Quid des 150 millions d'euros versés", "Quid des 150 millions d'euros versés"),
    ("lave son linge sale en famille", "lave son linge sale en famille"),
    ("Orange paie fort pour acheter pas grand-chose", "paie fort pour acheter pas grand-chose"),
]


@pytest.mark.parametrize(("needle", "cue"), SARCASTIC)
def test_sarcastic_sentences_with_cue_spans(seed_result, seed_text, needle, cue):
    claims = claims_holding(seed_result, seed_text, needle)
    assert any(c.sarcasm.label for c in claims), [c.sarcasm for c in claims]
    cue_start = seed_text.index(cue)
    cue_end = cue_start + len(cue)
    spans = [(q.start, q.end) for c in claims for q in c.sarcasm.cues]
    # the cue starts on the expected words and does not run past the expected span's sentence
    assert any(s == cue_start and cue_end <= e <= cue_end + 2 for s, e in spans), spans
    for c in claims:
        for q in c.sarcasm.cues:
            assert seed_text[q.start : q.end] == q.text


def test_ironic_praise_cue(seed_result, seed_text):
    claims = claims_holding(seed_result, seed_text, "sympathique mais débordé")
    cues = [q for c in claims for q in c.sarcasm.cues if q.kind == "ironic_praise"]
    assert any(q.text == "sympathique mais débordé" for q in cues), cues


@pytest.mark.parametrize("name", ["Cloudwatt", "Numergy", "cloud souverain", "l'État"])
def test_article_is_against(seed_result, name):
    target = seed_result.target(name)
    assert target is not None, [t.name for t in seed_result.targets]
    assert target.label == "against"
    assert target.score < 0


def test_sarcastic_claim_about_orange_is_against_orange(seed_result, seed_text):
    claims = claims_holding(seed_result, seed_text, "Orange paie fort pour acheter pas grand-chose")
    holding = [c for c in claims if "paie fort" in c.text]
    assert holding[0].stance("Orange").label == "against"


def test_conditional_is_hedged(seed_result, seed_text):
    claims = claims_holding(
        seed_result, seed_text, "Orange reprendrait donc la totalité des titres"
    )
    assert all(c.hedged for c in claims)
    assert any(
        h.label == "conditional" and h.text == "reprendrait" for c in claims for h in c.hedges
    )


def test_semble_t_il_is_a_hedge_marker(seed_result, seed_text):
    claims = claims_holding(seed_result, seed_text, "Et semble-t-il sans que Didier Renard")
    assert any(h.text == "semble-t-il" and h.label == "marker" for c in claims for h in c.hedges)


def test_reported_speech_source(seed_result, seed_text):
    claims = claims_holding(seed_result, seed_text, "Le communiqué d'Orange souligne")
    reported = [c.reported for c in claims if c.reported]
    assert reported and reported[0].source == "Le communiqué d'Orange"
    assert reported[0].verb == "souligner"


def test_every_claim_offset_is_exact(seed_result, seed_text):
    assert seed_result.claims
    for c in seed_result.claims:
        assert seed_text[c.start : c.end] == c.text
        for t in c.tokens:
            assert seed_text[t.start : t.end] == t.text
        for e in c.entities:
            assert seed_text[e.start : e.end] == e.text


def test_literal_criticism_is_not_sarcasm(seed_result, seed_text):
    claims = claims_holding(
        seed_result, seed_text, "Le cloud souverain à la française est un échec."
    )
    assert not any(c.sarcasm.label for c in claims)


def test_headings_are_claims_of_kind_heading(seed_result):
    headings = [c.text for c in seed_result.claims if c.kind == "heading"]
    assert "Des nuages plus gros que le cloud" in headings
    assert "Quel avenir pour Cloudwatt\u00a0?" in headings


def test_detected_targets_merge_variants(seed_result):
    names = {t.name: t for t in seed_result.targets}
    assert "l'État" in names
    etat_mentions = {m.text for m in names["l'État"].mentions}
    assert {"État", "Etat", "gouvernement"} <= etat_mentions
    cdc = {m.text for m in names["Caisse des Dépôts"].mentions}
    assert {"Caisse des Dépôts", "CDC", "Caisse des Dépôt"} <= cdc


@pytest.mark.parametrize("name", ["Caisse des Dépôts", "Thales", "SFR"])
def test_bystanders_get_no_article_stance(seed_result, name):
    target = seed_result.target(name)
    assert target is not None and target.label == "none"
