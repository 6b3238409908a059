"""The stanza backend: conversion of real stanza Documents, missing models, end to end.

Conversion tests read hand-written CoNLL-U (tests/data/stanza_sample.conllu) through
stanza's own reader. The end-to-end tests load the small model the project makes
(models/stanza, ``make stanza-model``) through ``stanza.Pipeline`` exactly as a user's
downloaded models are loaded.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.stanza

# never skipped: without the stanza extra these tests fail (make install installs it)
import stanza  # noqa: E402
from stanza.utils.conll import CoNLL  # noqa: E402

from frtone.backends.stanza_backend import (  # noqa: E402
    StanzaBackend,
    load_pipeline,
    project_model_dir,
)
from frtone.backends.stanza_convert import document_from_stanza  # noqa: E402
from frtone.errors import ModelNotFoundError  # noqa: E402
from frtone.results import ArticleAnalysis, BackendInfo  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "data" / "stanza_sample.conllu"
REFERENCE = ROOT / "corpus" / "articles" / "cloudwatt-orange-itsocial.txt"
INFO = BackendInfo("stanza", "fr_test", "")


def _sample(text: str | None = None):
    sdoc = CoNLL.conll2doc(input_file=str(SAMPLE), reconstruct_text=True)
    sdoc.build_ents()
    original = sdoc.text if text is None else text
    return original, document_from_stanza(original, [(sdoc, 0, 0)], INFO)


def _tok(doc, form, nth=0):
    return [t for t in doc.tokens if t.text == form][nth]


def test_offsets_are_exact_and_words_are_numbered_in_order():
    text, doc = _sample()
    assert [t.i for t in doc.tokens] == list(range(len(doc.tokens)))
    for t in doc.tokens:
        assert text[t.start : t.end] == t.text
    assert [w.i for w in doc.words] == list(range(len(doc.words)))
    assert len(doc.tokens) == 42 and len(doc.words) == 46  # four contractions


def test_contractions_are_one_token_with_two_syntactic_words():
    _, doc = _sample()
    du = _tok(doc, "du")
    assert [(w.text, w.upos, w.deprel) for w in du.words] == [
        ("de", "ADP", "case"),
        ("le", "DET", "det"),
    ]
    cloud = _tok(doc, "cloud").words[0]
    assert {w.head for w in du.words} == {cloud.i}
    aux = _tok(doc, "aux")
    assert [w.text for w in aux.words] == ["à", "les"] and aux.upos == "ADP+DET"
    au = _tok(doc, "au")
    assert au.lemma == "à le"


def test_des_article_stays_one_word_and_des_contraction_splits():
    _, doc = _sample()
    article, contraction = _tok(doc, "des", 0), _tok(doc, "des", 1)
    assert [(w.text, w.lemma, w.upos) for w in article.words] == [("des", "un", "DET")]
    assert article.words[0].feats["Definite"] == "Ind"
    assert [(w.text, w.upos) for w in contraction.words] == [("de", "ADP"), ("les", "DET")]
    assert doc.words[contraction.words[0].head].text == "filiales"


def test_elision_and_hyphenated_inversion():
    text, doc = _sample()
    assert [(t.text, t.lemma) for t in doc.tokens if t.text in ("L'", "qu'", "d'")] == [
        ("L'", "le"),
        ("qu'", "que"),
        ("d'", "de"),
    ]
    semble, til = _tok(doc, "semble"), _tok(doc, "-t-il")
    assert text[semble.start : til.end] == "semble-t-il" and semble.end == til.start
    assert til.words[0].deprel == "nsubj" and til.words[0].head == semble.words[0].i
    dit, on = _tok(doc, "dit", 1), _tok(doc, "-on")
    assert text[dit.start : on.end] == "dit-on"


def test_roots_heads_and_features_are_mapped():
    _, doc = _sample()
    root = _tok(doc, "coûte").words[0]
    assert root.deprel == "root" and root.head == root.i
    assert root.feats == {
        "Mood": "Ind",
        "Number": "Sing",
        "Person": "3",
        "Tense": "Pres",
        "VerbForm": "Fin",
    }
    assert doc.words[_tok(doc, "rachat").words[0].head].text == "coûte"
    assert doc.children[root.i]  # the tree is built from the converted heads


def test_sentence_rules_merge_a_split_after_closing_quote():
    text, doc = _sample()
    # stanza's CoNLL-U cut « Une réussite » from ", dit-on ..."; a comma cannot open a
    # sentence, so frtone's rules (frtone.sentences) make it one sentence
    spans = [text[s.start : s.end] for s in doc.sentences]
    assert spans == [
        "Le rachat du cloud souverain par Orange, semble-t-il, coûte cher aux contribuables.",
        "L'opérateur qu'on dit solide publie des chiffres des filiales.",
        "« Une réussite », dit-on au ministère d'État à Rennes.",
    ]
    assert _tok(doc, "«").text == "«" and _tok(doc, "»").end == text.index("»") + 1


def test_entities_come_from_stanza_and_the_gazetteer():
    text, doc = _sample()
    found = [(text[e.start : e.end], e.label, e.canonical) for e in doc.entities]
    assert ("Orange", "ORG", "Orange") in found  # the gazetteer names the canonical entity
    assert ("Rennes", "LOC", None) in found  # the model's entity, kept


def test_typographic_apostrophes_in_the_input_keep_exact_offsets():
    plain = CoNLL.conll2doc(input_file=str(SAMPLE), reconstruct_text=True).text
    curly = plain.replace("'", "’")
    _, doc = _sample(curly)
    elided = _tok(doc, "L’")
    assert curly[elided.start : elided.end] == "L’" and elided.lemma == "le"
    assert all(curly[t.start : t.end] == t.text for t in doc.tokens)


def test_pieces_at_offsets_map_onto_the_whole_text():
    first = CoNLL.conll2doc(input_file=str(SAMPLE), reconstruct_text=True)
    second = CoNLL.conll2doc(input_file=str(SAMPLE), reconstruct_text=True)
    text = "Titre\n" + first.text + "\n" + second.text
    heading = CoNLL.conll2doc(input_str="1\tTitre\ttitre\tNOUN\t_\t_\t0\troot\t_\t_\n")
    start2 = text.index("\n", 6) + 1
    doc = document_from_stanza(text, [(heading, 0, 0), (first, 6, 1), (second, start2, 2)], INFO)
    assert [s.paragraph for s in doc.sentences] == [0, 1, 1, 1, 2, 2, 2]
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    assert doc.tokens[-1].start == len(text) - 1


# -- missing models ------------------------------------------------------------------------


def test_missing_models_name_the_install_commands(tmp_path):
    with pytest.raises(ModelNotFoundError) as caught:
        StanzaBackend(model_dir=tmp_path)
    message = str(caught.value)
    assert message.startswith("[E003]")
    assert f"stanza.download('fr', model_dir='{tmp_path}')" in message
    assert "make stanza-model" in message


def test_a_missing_processor_file_is_named(tmp_path):
    resources = json.loads((project_model_dir() / "resources.json").read_text("utf-8"))
    (tmp_path / "resources.json").write_text(json.dumps(resources), encoding="utf-8")
    with pytest.raises(ModelNotFoundError, match=r"fr/tokenize/frtone\.pt"):
        load_pipeline(tmp_path)


def test_frtone_stanza_dir_environment_variable_is_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("FRTONE_STANZA_DIR", str(tmp_path / "nowhere"))
    import frtone

    with pytest.raises(ModelNotFoundError, match="nowhere"):
        frtone.Analyzer(backend="stanza")


def test_cli_reports_missing_models(tmp_path, capsys):
    from frtone.cli import main

    status = main(["analyze", str(REFERENCE), "--backend", "stanza", "--stanza-dir", str(tmp_path)])
    assert status == 1
    assert "stanza.download('fr'" in capsys.readouterr().err


# -- end to end on the project's small model -------------------------------------------------


@pytest.fixture(scope="module")
def stanza_analyzer():
    import frtone

    return frtone.Analyzer(backend="stanza", model=str(project_model_dir()))


def test_pipeline_is_a_real_stanza_pipeline_loaded_without_download(stanza_analyzer):
    backend = stanza_analyzer.backend
    assert isinstance(backend.nlp, stanza.Pipeline)
    assert set(backend.nlp.processors) == {"tokenize", "mwt", "pos", "lemma", "depparse", "ner"}
    assert backend.info.name == "stanza" and backend.info.model == "fr_frtone"


def test_reference_article_end_to_end(stanza_analyzer):
    text = REFERENCE.read_text(encoding="utf-8")
    result = stanza_analyzer.analyze(text, id="reference")
    data = result.to_dict()
    assert data["schema"] == "frtone/1" and data["backend"]["name"] == "stanza"
    assert ArticleAnalysis.from_dict(json.loads(json.dumps(data))) == result
    assert len(result.claims) >= 30
    for claim in result.claims:
        assert text[claim.start : claim.end] == claim.text
        for tok in claim.tokens:
            assert text[tok.start : tok.end] == tok.text
        for cue in claim.sarcasm.cues:
            assert text[cue.start : cue.end] == cue.text
    contractions = [t for c in result.claims for t in c.tokens if t.is_contraction]
    assert {t.text.lower() for t in contractions} >= {"du", "au"}
    assert all(len(t.words) == 2 for t in contractions)
    names = {t.name for t in result.targets}
    assert {"Orange", "Cloudwatt"} <= names
    assert result.sarcasm.sarcastic_claims  # the column mocks: some claims are sarcastic


def test_same_features_as_spacy_on_text_the_model_learnt(stanza_analyzer, analyzer):
    """The small model learnt spaCy's parse of the reference article: UPOS and lemmas agree."""
    text = REFERENCE.read_text(encoding="utf-8")
    ours = next(stanza_analyzer.backend.parse([text]))
    theirs = next(analyzer.backend.parse([text]))
    spacy_tokens = {(t.start, t.end): t for t in theirs.tokens}
    same = [spacy_tokens.get((t.start, t.end)) for t in ours.tokens]
    aligned = [(a, b) for a, b in zip(ours.tokens, same, strict=True) if b is not None]
    assert len(aligned) >= 0.95 * len(theirs.tokens)
    upos = sum(a.upos == b.upos for a, b in aligned) / len(aligned)
    lemma = sum(a.lemma.lower() == b.lemma.lower() for a, b in aligned) / len(aligned)
    assert upos >= 0.9 and lemma >= 0.9, (upos, lemma)


def test_cli_analyze_with_stanza_backend(capsys):
    from frtone.cli import main

    status = main(
        [
            "analyze",
            str(REFERENCE),
            "--backend",
            "stanza",
            "--stanza-dir",
            str(project_model_dir()),
            "--format",
            "json",
        ]
    )
    out = capsys.readouterr().out
    assert status == 0
    data = json.loads(out)
    assert data["backend"]["name"] == "stanza" and data["claims"]


def test_stanza_dir_needs_the_stanza_backend(tmp_path, capsys):
    from frtone.cli import main

    assert main(["evaluate", "--stanza-dir", str(tmp_path)]) == 1
    assert "--stanza-dir needs --backend stanza" in capsys.readouterr().err
