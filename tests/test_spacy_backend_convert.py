"""The spaCy backend's fast paths give what the plain, attribute-by-attribute ones gave."""

from __future__ import annotations

import dataclasses

import pytest

import frtone
from frtone.backends.spacy_backend import _Columns, _new_token, _new_word, document_from_spacy
from frtone.cues.patterns import Unit
from frtone.cues.units import _new_unit
from frtone.document import Document
from frtone.results import BackendInfo, Token, Word
from frtone.text import fold

INFO = BackendInfo("spacy", "fr_core_news_md", "3.8.0")
PARAGRAPH = (
    "Selon Bercy, l'État aurait versé 150 millions d'euros au  consortium ; "
    "quid des clients ? Orange, lui, rachète les parts des deux actionnaires."
)


@pytest.fixture(scope="module")
def nlp(analyzer: frtone.Analyzer):  # type: ignore[no-untyped-def]
    return analyzer.backend.nlp  # type: ignore[attr-defined]


def test_columns_hold_the_token_attributes(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(PARAGRAPH)
    cols = _Columns(doc)
    assert any(t.is_space for t in doc)  # the double space is a token of its own
    assert cols.idx == [t.idx for t in doc]
    assert cols.length == [len(t.text) for t in doc]
    assert cols.lemma == [t.lemma_ for t in doc]
    assert cols.pos == [t.pos_ for t in doc]
    assert cols.morph == [t.morph.key for t in doc]
    assert cols.head == [t.head.i - t.i for t in doc]
    assert cols.dep == [t.dep_ for t in doc]
    assert cols.space == [int(t.is_space) for t in doc]
    assert [cols.text(i) for i in range(len(doc))] == [t.text for t in doc]
    spelled = {t.i: t.lower_ for t in doc if t.lower_ in ("au", "des")}
    assert {i: c for i, c in enumerate(cols.contraction) if c} == spelled


def test_columns_of_an_empty_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    cols = _Columns(nlp.make_doc(""))
    assert cols.idx == cols.lemma == cols.contraction == []


def test_boundary_component_keeps_parenthesised_question_in_its_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Un coup (politique ?) sur un secteur en crise. Orange paie.")
    sents = [s.text for s in doc.sents]
    assert sents == ["Un coup (politique ?) sur un secteur en crise.", "Orange paie."]


def test_fast_constructors_build_equal_records() -> None:
    feats = {"Mood": "Cnd"}
    word = Word(3, "reprendrait", "reprendre", "VERB", feats, 3, "root")
    assert _new_word(3, "reprendrait", "reprendre", "VERB", feats, 3, "root") == word
    token = Token(2, "reprendrait", 7, 18, (word,))
    made = _new_token(2, "reprendrait", 7, 18, (word,))
    assert made == token and hash(made) == hash(token)
    assert made.to_dict() == token.to_dict()
    assert _new_unit("usine", "usine", 0, 1) == Unit("usine", "usine", 0, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.text = "autre"  # type: ignore[misc]
    # the fast constructors list the fields in order: a new field must be added there too
    assert [f.name for f in dataclasses.fields(Word)] == [
        "i",
        "text",
        "lemma",
        "upos",
        "feats",
        "head",
        "deprel",
    ]
    assert [f.name for f in dataclasses.fields(Token)] == ["i", "text", "start", "end", "words"]
    unit_fields = ["form", "lemma", "token_start", "token_end"]
    assert list(Unit._fields) == unit_fields


def test_folding_a_slice_is_slicing_the_folded_text() -> None:
    text = "Œuvre d’État : « Thalès » a reçu 3 M€ — À LIRE AUSSI\u00a0: l'Élysée."
    folded = fold(text)
    assert len(folded) == len(text)
    for a in range(0, len(text), 3):
        for b in range(a, len(text) + 1, 4):
            assert fold(text[a:b]) == folded[a:b]
    assert fold(text) == folded  # remembered, same answer


def _rederived(doc: Document) -> Document:
    """The same Document made by hand from its tokens: words and children derived."""
    return Document(doc.text, doc.tokens, doc.sentences, doc.entities, doc.paragraphs, doc.backend)


def test_builder_gives_the_words_and_children_derived_from_the_tokens(
    analyzer: frtone.Analyzer,
) -> None:
    text = "Le grand bluff du cloud\n" + PARAGRAPH + "\nÀ des prix pareils, qui paiera ?"
    doc = next(analyzer.backend.parse([text]))
    assert any(t.is_contraction for t in doc.tokens)  # "du", "au", "des" hold two words
    by_hand = _rederived(doc)
    assert doc.words == by_hand.words and doc.word_token == by_hand.word_token
    assert doc.children == by_hand.children
    assert doc.children[doc.words[1].head] and sum(map(len, doc.children)) > len(doc.words) // 2


def test_words_cut_at_a_paragraph_break_keep_words_and_children_in_step(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Orange relève ses prix, un cadeau pour ses clients\nQuelle générosité !"
    with nlp.select_pipes(disable=["frtone_boundaries"]):
        parsed = nlp(text)
    assert any("\n" in s.text for s in parsed.sents)  # the parser ran over the break
    doc = document_from_spacy(parsed, INFO)
    assert len(doc.sentences) == 2
    assert [w for t in doc.tokens for w in t.words] == doc.words
    assert doc.children == _rederived(doc).children


def test_words_with_the_same_features_share_one_read_only_dict(
    analyzer: frtone.Analyzer,
) -> None:
    doc = next(analyzer.backend.parse(["Orange rachète Cloudwatt et Numergy rachète Bull."]))
    verbs = [w for w in doc.words if w.text == "rachète"]
    assert verbs[0].feats == {
        "Mood": "Ind",
        "Number": "Sing",
        "Person": "3",
        "Tense": "Pres",
        "VerbForm": "Fin",
    }
    assert verbs[0].feats is verbs[1].feats  # shared, never copied per word
