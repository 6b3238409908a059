"""Bad input: clear errors, empty results, long texts, non-French text."""

from __future__ import annotations

import warnings

import pytest

import frtone
from frtone.errors import InputTypeError, LanguageWarning


@pytest.mark.parametrize("bad", [42, b"Orange rach\xc3\xa8te Cloudwatt.", None, ["texte"]])
def test_non_str_raises_type_error_naming_the_type(analyzer, bad):
    with pytest.raises(TypeError) as info:
        analyzer.analyze(bad)
    assert type(bad).__name__ in str(info.value)
    assert isinstance(info.value, InputTypeError)
    assert "[E001]" in str(info.value)


def test_module_level_analyze_checks_type_too():
    with pytest.raises(TypeError, match="bytes"):
        frtone.analyze(b"bonjour")  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t \n"])
def test_empty_or_blank_text_gives_empty_valid_result(analyzer, text):
    result = analyzer.analyze(text)
    assert result.claims == ()
    assert result.targets == ()
    assert result.sarcasm.probability == 0.0
    assert result.schema == "frtone/1"
    assert frtone.ArticleAnalysis.from_dict(result.to_dict()) == result


def test_text_longer_than_max_length_is_chunked_with_exact_offsets():
    small = frtone.Analyzer(max_length=300)
    para = (
        "Orange a annoncé le rachat de Cloudwatt. Le cloud souverain lave son linge sale "
        "en famille, en quelque sorte ! Quid des 150 millions d'euros versés ? "
    )
    text = para * 12 + "\n\nQuel avenir pour Cloudwatt ?\n\n" + para * 3
    assert len(text) > 1500
    from frtone.backends.spacy_backend import _chunks
    from frtone.text import paragraphs

    assert len(_chunks(text, paragraphs(text)[0], 300)) > 5  # the first paragraph is cut
    result = small.analyze(text, ["Orange", "Cloudwatt"])
    assert len(result.claims) >= 40
    for c in result.claims:
        assert text[c.start : c.end] == c.text
        for t in c.tokens:
            assert text[t.start : t.end] == t.text
    sarcastic = [c for c in result.claims if "linge sale" in c.text]
    assert len(sarcastic) == 15 and all(c.sarcasm.label for c in sarcastic)
    # the same text without chunking gives the same claims
    whole = frtone.Analyzer().analyze(text, ["Orange", "Cloudwatt"])
    assert [(c.start, c.end) for c in whole.claims] == [(c.start, c.end) for c in result.claims]


def test_non_french_text_is_flagged_with_a_warning(analyzer):
    english = (
        "Orange announced it will buy Cloudwatt. The sovereign cloud project has been a "
        "costly failure for the French state, and nobody is surprised."
    )
    with pytest.warns(LanguageWarning, match="not French"):
        result = analyzer.analyze(english)
    assert result.language.code == "en"
    assert result.language.is_french is False


def test_french_text_raises_no_language_warning(analyzer):
    with warnings.catch_warnings():
        warnings.simplefilter("error", LanguageWarning)
        result = analyzer.analyze("Orange a annoncé le rachat de Cloudwatt, condamné d'avance.")
    assert result.language.code == "fr" and result.language.is_french


def test_pipe_streams_in_order_with_ids(analyzer):
    texts = ["Quid des 150 millions d'euros versés ?", "", "Le projet est un échec."]
    results = list(analyzer.pipe(texts, ids=["a", "b", "c"], batch_size=2))
    assert [r.id for r in results] == ["a", "b", "c"]
    assert results[0].claims[0].sarcasm.label is True
    assert results[1].claims == ()
    assert results[2].claims[0].sarcasm.label is False


def test_bad_target_spec_is_a_clear_error(analyzer):
    from frtone.errors import TargetSpecError

    with pytest.raises(TargetSpecError, match="NAME=ALIAS"):
        analyzer.analyze("Orange rachète Cloudwatt.", ["=Orange"])
    with pytest.raises(TargetSpecError):
        analyzer.analyze("Orange rachète Cloudwatt.", [42])


def test_spacy_max_length_itself_is_respected():
    analyzer = frtone.Analyzer()
    analyzer.backend.nlp.max_length = 400  # type: ignore[attr-defined]
    sentence = "Le cloud souverain lave son linge sale en famille, en quelque sorte ! "
    text = sentence * 30  # one 2,000-character paragraph: spaCy alone would raise E088
    result = analyzer.analyze(text)
    assert len(result.claims) == 30
    assert all(c.sarcasm.label for c in result.claims)
    assert all(text[c.start : c.end] == c.text for c in result.claims)
