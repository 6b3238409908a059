"""Awkward real-world input: whitespace, Unicode forms, quotes, BOMs, odd layouts."""

from __future__ import annotations

import json
import unicodedata

import pytest

import frtone
from frtone.cli import main


def _assert_offsets(text, result):
    for c in result.claims:
        assert text[c.start : c.end] == c.text
        for t in c.tokens:
            assert text[t.start : t.end] == t.text
        for q in c.sarcasm.cues:
            assert text[q.start : q.end] == q.text
        for e in c.entities:
            assert text[e.start : e.end] == e.text
        for h in c.hedges:
            assert text[h.start : h.end] == h.text
        if c.reported and c.reported.start >= 0:
            assert text[c.reported.start : c.reported.end] == c.reported.source
    for t in result.targets:
        for m in t.mentions:
            assert text[m.start : m.end] == m.text
    assert frtone.ArticleAnalysis.from_dict(json.loads(json.dumps(result.to_dict()))) == result


@pytest.mark.parametrize("gap", ["  ", "\u00a0 ", "\t", " \u200b "])
def test_extra_spaces_between_sentences_do_not_merge_them(analyzer, gap):
    text = f"Orange a racheté Cloudwatt.{gap}Le projet est un échec."
    result = analyzer.analyze(text)
    assert len(result.claims) == 2
    _assert_offsets(text, result)


def test_decomposed_accents_match_like_composed_ones(analyzer):
    composed = "Cloudwatt a laissé l'image de chimères ! L'État paie encore."
    nfd = unicodedata.normalize("NFD", composed)
    assert nfd != composed
    targets = ["l'État=État|Etat", "Cloudwatt"]
    a, b = analyzer.analyze(composed, targets), analyzer.analyze(nfd, targets)
    _assert_offsets(nfd, b)
    assert [q.kind for c in b.claims for q in c.sarcasm.cues] == [
        q.kind for c in a.claims for q in c.sarcasm.cues
    ]
    assert [len(t.mentions) for t in b.targets] == [len(t.mentions) for t in a.targets] == [1, 1]
    assert b.claims[0].sarcasm.cues[0].text == unicodedata.normalize("NFD", "chimères")


def test_zero_width_characters_inside_words(analyzer):
    text = "Cloud\u200bwatt a laissé l'image de chim\u00adères !"
    result = analyzer.analyze(text, ["Cloudwatt"])
    _assert_offsets(text, result)
    assert result.target("Cloudwatt").mentions[0].text == "Cloud\u200bwatt"
    assert result.claims[0].sarcasm.label


def test_separate_straight_quotations_are_not_one_scare_quote(analyzer):
    result = analyzer.analyze('Le rapport "Cloud" est sorti puis "Numergy" a fermé.')
    assert result.claims[0].sarcasm.cues == ()


def test_lower_case_scare_quote_is_a_cue(analyzer):
    text = "Ondafil appelle cette hausse de tarif un « cadeau » pour ses abonnés."
    cues = analyzer.analyze(text).claims[0].sarcasm.cues
    assert [(q.text, q.kind) for q in cues] == [("« cadeau »", "scare_quote")]


def test_quoted_speech_is_not_a_scare_quote(analyzer):
    text = "Le PDG a déclaré : « nous tiendrons les délais »."
    assert analyzer.analyze(text).claims[0].sarcasm.cues == ()


def test_rhetorical_question_alone_on_its_line_is_not_a_heading(analyzer):
    text = (
        "Orange rachète Cloudwatt pour un montant non communiqué.\n\n"
        "Quid des 150 millions d'euros versés ?\n\nLa suite est connue."
    )
    claim = analyzer.analyze(text).claims[1]
    assert claim.sarcasm.label is True
    assert any(q.kind == "rhetorical_question" for q in claim.sarcasm.cues)


def test_topic_does_not_carry_past_a_heading():
    # the rule scorers' topic inheritance (the trained ones learn theirs: see test_trained)
    text = (
        "Orange est un échec lamentable.\n\nUn autre sujet\n\n"
        "La météo sera belle demain à Paris. Les cafés sont excellents et les touristes ravis."
    )
    result = frtone.Analyzer(scorers="rules").analyze(text, ["Orange"])
    assert [c.stance("Orange").label for c in result.claims[2:]] == ["none", "none"]
    assert result.target("Orange").label == "against"


def test_long_paragraph_cut_at_whitespace_not_inside_words():
    text = "\t".join(["Orange", "a", "racheté", "Cloudwatt", "pour", "pas", "grand-chose"] * 4)
    result = frtone.Analyzer(max_length=40).analyze(text)
    tokens = [t.text for c in result.claims for t in c.tokens]
    assert "grand-chose" in tokens or "grand" in tokens
    assert all(
        t
        in {
            "Orange",
            "a",
            "racheté",
            "Cloudwatt",
            "pour",
            "pas",
            "grand-chose",
            "grand",
            "-",
            "chose",
        }
        for t in tokens
    ), tokens
    _assert_offsets(text, result)


@pytest.mark.filterwarnings("ignore::frtone.LanguageWarning")  # some are not French at all
@pytest.mark.parametrize(
    "text",
    [
        "\u00ab\u00ab (( )) \u00bb",
        "!!!",
        "12 345 678",
        "https://example.com/cloud?x=1",
        "Cloudwatt",
        "Des nuages plus gros que le cloud",
        "Orange 🚀 rachète Cloudwatt 😂 (!)",
        "(Orange (rachète « Cloudwatt",
        "Orange\r\nrachète Cloudwatt.\r\n\r\nQuid des millions ?",
        "Le cloud " * 400,
    ],
)
def test_odd_texts_do_not_crash_and_keep_offsets(analyzer, text):
    result = analyzer.analyze(text)
    _assert_offsets(text, result)


def test_results_are_hashable(seed_result):
    assert isinstance(hash(seed_result), int)


def test_pipe_yields_earlier_results_before_raising_on_a_bad_item(analyzer):
    gen = analyzer.pipe(["Orange rachète Cloudwatt.", 42, "Le projet est un échec."])
    first = next(gen)
    assert first.claims[0].text == "Orange rachète Cloudwatt."
    with pytest.raises(TypeError, match="int"):
        next(gen)


def test_cli_keeps_offsets_of_a_file_with_a_bom(tmp_path, capsys):
    path = tmp_path / "bom.txt"
    path.write_text("\ufeffOrange paie fort pour acheter pas grand-chose !", encoding="utf-8")
    assert main(["analyze", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    text = path.read_text(encoding="utf-8")
    claim = data["claims"][0]
    assert text[claim["start"] : claim["end"]] == claim["text"] == text[1:]


def test_cli_reports_a_missing_model_without_traceback(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Orange rachète Cloudwatt.", encoding="utf-8")
    assert main(["analyze", str(path), "--model", "fr_no_such_model"]) == 1
    err = capsys.readouterr().err
    assert "E003" in err and "pip install" in err and "Traceback" not in err


def test_scare_quote_in_a_heading_after_a_colon(analyzer):
    text = "Nimbeo et la vie privée : un « engagement » à toute épreuve\n\nLa suite demain."
    cues = analyzer.analyze(text).claims[0].sarcasm.cues
    assert [q.kind for q in cues] == ["scare_quote"]


def test_quoted_clause_after_reporting_verb_is_speech(analyzer):
    text = "Le directeur a déclaré que l'entreprise « place la confiance au cœur de tout »."
    assert analyzer.analyze(text).claims[0].sarcasm.cues == ()
