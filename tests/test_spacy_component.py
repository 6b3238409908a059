"""The ``frtone`` spaCy component: results on the Doc, multiprocessing, DocBin, saved pipelines."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

import frtone
from frtone.errors import BackendError, TargetSpecError
from frtone.spacy_component import SPAN_GROUPS, analysis

ARTICLES = Path(__file__).resolve().parent.parent / "corpus" / "articles"
SHORT = (
    "Orange paie fort pour acheter pas grand-chose ! Selon Les Echos, Orange reprendrait "
    "Cloudwatt.\n\nLe cloud souverain lave son linge sale en famille. Quid des 150 millions "
    "d'euros versés ?"
)


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("frtone", config={"targets": ["Orange", "Cloudwatt"]})
    return nlp


@pytest.fixture(scope="module")
def texts(seed_text: str) -> list[str]:
    return [
        seed_text,
        (ARTICLES / "telecom_ironie.txt").read_text(encoding="utf-8"),
        (ARTICLES / "ia_eloge.txt").read_text(encoding="utf-8"),
        SHORT,
    ]


def groups(doc: Doc) -> dict[str, list[tuple[int, int, str, str]]]:
    return {
        g: [(s.start_char, s.end_char, s.label_, s.kb_id_) for s in doc.spans[g]]
        for g in SPAN_GROUPS
    }


def test_doc_carries_typed_analysis_and_span_groups(nlp: Language) -> None:
    doc = nlp(SHORT)
    result = doc._.frtone
    assert isinstance(result, frtone.ArticleAnalysis)
    assert analysis(doc) == result
    assert json.loads(json.dumps(doc._.frtone_data)) == result.to_dict()  # plain JSON data
    assert result.target("Orange").label == "against"
    claims = doc.spans["frtone_claims"]
    assert [s.text for s in claims] == [c.text for c in result.claims]
    assert [s.label_ for s in claims] == [c.kind for c in result.claims]
    assert claims[-1].label_ == "rhetorical_question"
    cues = {(s.text, s.label_) for s in doc.spans["frtone_cues"]}
    assert ("paie fort pour acheter pas grand-chose", "sarcastic_contrast") in cues
    assert ("lave son linge sale en famille", "idiom") in cues
    assert [(s.text, s.label_) for s in doc.spans["frtone_hedges"]] == [
        ("reprendrait", "conditional")
    ]
    assert [(s.text, s.label_) for s in doc.spans["frtone_reported"]] == [("Les Echos", "selon")]
    against_orange = [s.text for s in doc.spans["frtone_stances"] if s.kb_id_ == "Orange"]
    assert "Orange paie fort pour acheter pas grand-chose !" in against_orange


# The first bundled articles; on all 51 of corpus/articles, 44 give the same claims,
# sarcastic claims and article-level labels through the component as through frtone.analyze.
SAME_AS_ANALYZE = (
    "bigtech_ironie",
    "cloudwatt-orange-itsocial",
    "cyber_neutre",
    "etat_ironie",
    "hardware_eloge_critique",
    "ia_eloge",
    "startup_mixte",
    "telecom_critique",
    "telecom_ironie",
)
HEADLINE = (
    "Orange relève ses prix, un cadeau pour ses clients\n\n"
    "Quelle générosité ! Les abonnés paieront la note."
)


def test_component_finds_what_the_analyzer_finds(analyzer: frtone.Analyzer) -> None:
    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("frtone")  # targets detected, as frtone.analyze does
    paths = [ARTICLES / f"{name}.txt" for name in SAME_AS_ANALYZE]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for path, doc, direct in zip(paths, nlp.pipe(texts), analyzer.pipe(texts), strict=True):
        from_pipeline = doc._.frtone
        assert [(c.start, c.end, c.kind) for c in from_pipeline.claims] == [
            (c.start, c.end, c.kind) for c in direct.claims
        ], path.name
        assert [(t.name, t.label) for t in from_pipeline.targets] == [
            (t.name, t.label) for t in direct.targets
        ], path.name
        assert from_pipeline.sarcasm.sarcastic_claims == direct.sarcasm.sarcastic_claims
        assert from_pipeline.claims[0].tokens == ()  # include_tokens is off by default


def test_a_line_break_ends_a_sentence_whatever_the_pipeline(nlp: Language) -> None:
    plain = spacy.load("fr_core_news_md")
    # spaCy alone runs the headline into the next paragraph...
    assert any("\n" in s.text for s in plain(HEADLINE).sents)
    # ... frtone_boundaries stops the parser there ...
    assert not any("\n" in s.text.strip() for s in nlp(HEADLINE).sents)
    # ... and without it frtone cuts the sentence and the arcs that cross the break
    from frtone.backends.spacy_backend import document_from_spacy, pipeline_info

    doc = document_from_spacy(plain(HEADLINE), pipeline_info(plain))
    assert [doc.text[s.start : s.end] for s in doc.sentences] == [
        "Orange relève ses prix, un cadeau pour ses clients",
        "Quelle générosité !",
        "Les abonnés paieront la note.",
    ]
    sentence_of = {
        w.i: s.index
        for s in doc.sentences
        for t in doc.tokens[s.token_start : s.token_end]
        for w in t.words
    }
    assert all(sentence_of[w.head] == sentence_of[w.i] for w in doc.words)
    plain.add_pipe("frtone", config={"add_helpers": False, "targets": ["Orange"]})
    claims = analysis(plain(HEADLINE)).claims
    assert claims[0].text == "Orange relève ses prix, un cadeau pour ses clients"
    assert [c.kind for c in claims][:2] == ["heading", "evaluation"]


def test_two_processes_give_the_single_process_results(nlp: Language, texts: list[str]) -> None:
    single = list(nlp.pipe(texts))
    multi = list(nlp.pipe(texts, n_process=2, batch_size=1))
    assert [d.text for d in multi] == texts
    for one, two in zip(single, multi, strict=True):
        assert two._.frtone == one._.frtone
        assert groups(two) == groups(one)
    assert len(multi[0]._.frtone.claims) > 30  # the reference article really went through


def test_docbin_round_trip_keeps_analysis_and_span_groups(
    nlp: Language, texts: list[str], tmp_path: Path
) -> None:
    docs = list(nlp.pipe(texts[:2]))
    path = tmp_path / "docs.spacy"
    DocBin(docs=docs, store_user_data=True).to_disk(path)
    back = list(DocBin().from_disk(path).get_docs(spacy.blank("fr").vocab))
    for before, after in zip(docs, back, strict=True):
        assert after._.frtone == before._.frtone
        assert groups(after) == groups(before)
        assert [s.text for s in after.spans["frtone_cues"]] == [
            cue.text for c in before._.frtone.claims for cue in c.sarcasm.cues
        ]


def test_docbin_without_user_data_has_no_analysis(nlp: Language) -> None:
    data = DocBin(docs=[nlp(SHORT)], store_user_data=False).to_bytes()
    doc = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert doc._.frtone is None
    with pytest.raises(BackendError, match="add_pipe"):
        analysis(doc)


def test_saved_pipeline_loads_through_the_entry_point(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipeline")
    expected = nlp(SHORT)._.frtone.to_dict()
    code = (
        "import json, sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp(sys.argv[2])\n"
        "print(json.dumps({'pipes': nlp.pipe_names, 'data': doc._.frtone_data}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "pipeline"), SHORT],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded = json.loads(out.stdout)
    assert loaded["pipes"] == nlp.pipe_names
    assert loaded["pipes"].count("frtone_boundaries") == 1
    assert loaded["data"] == expected


def test_helpers_are_optional(nlp: Language) -> None:
    bare = spacy.load("fr_core_news_md")
    bare.add_pipe("frtone", config={"add_helpers": False, "targets": ["Orange"]})
    assert "frtone_boundaries" not in bare.pipe_names
    assert "frtone_entities" not in bare.pipe_names
    result = bare("Orange paie fort pour acheter pas grand-chose !")._.frtone
    assert result.target("Orange").label == "against"


def test_pipeline_without_parser_is_refused() -> None:
    blank = spacy.blank("fr")
    blank.add_pipe("frtone")
    with pytest.raises(BackendError, match="dependency parse"):
        blank("Orange rachète Cloudwatt.")


def test_bad_target_spec_fails_when_the_component_is_added() -> None:
    blank = spacy.blank("fr")
    with pytest.raises(TargetSpecError):
        blank.add_pipe("frtone", config={"targets": ["=Orange"]})


def test_component_analyzer_parses_with_the_same_pipeline(nlp: Language) -> None:
    component = nlp.get_pipe("frtone")
    result = component.analyzer.analyze("Le projet reste une chimère.")
    assert result.backend.model == "fr_core_news_md"
    assert [c.kind for c in result.claims[0].sarcasm.cues] == ["metaphor"]


def test_component_leaves_the_garbage_collector_alone() -> None:
    import gc

    nlp = spacy.load("fr_core_news_md")
    nlp.add_pipe("frtone", config={"targets": ["Orange"]})
    gc.unfreeze()
    doc = nlp("Orange rachète Cloudwatt : quel exploit (!)")  # builds the analyzer
    assert doc._.frtone.targets[0].name == "Orange"
    assert gc.get_freeze_count() == 0  # unlike a standalone Analyzer (gc_freeze=True)
