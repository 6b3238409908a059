"""Sentence segmentation of press text: spaCy's known mistakes are fixed."""

from __future__ import annotations

from frtone.sentences import boundary_constraints, merge_starts
from frtone.text import paragraphs


def _sentences(analyzer, text):
    doc = next(analyzer.backend.parse([text]))
    return [text[s.start : s.end] for s in doc.sentences]


def test_parenthesised_question_stays_in_its_sentence(analyzer):
    text = (
        "Un vrai/faux coup de théâtre (politique?) sur un secteur, le cloud souverain, "
        "condamné d'avance !"
    )
    assert _sentences(analyzer, text) == [text]


def test_paragraph_ending_in_exclamation_does_not_run_into_heading(analyzer, seed_text):
    sents = _sentences(analyzer, seed_text)
    assert "Des nuages plus gros que le cloud" in sents
    k = next(i for i, s in enumerate(sents) if s.endswith("chimères\u00a0!"))
    assert sents[k + 1] == "La patte de l’État est-elle derrière Orange\u00a0?"


def test_no_cut_inside_guillemets(analyzer):
    text = (
        "Nous aurions pu titrer « La fin du grand bluff ! Et après ? » avant de "
        "passer à la suite du dossier."
    )
    assert _sentences(analyzer, text) == [text]


def test_dash_incise_with_question_is_one_sentence(analyzer):
    text = (
        "L'intégration de Cloudwatt dans Orange - dans OBS ou en marge de la division des "
        "services de l'opérateur ? - devrait pouvoir se faire rapidement."
    )
    assert _sentences(analyzer, text) == [text]


def test_sentences_still_split_at_real_ends(analyzer):
    text = "Le projet est un échec. Orange reprendra Cloudwatt. Quid des millions ?"
    assert len(_sentences(analyzer, text)) == 3


def test_boundary_rules_are_backend_neutral():
    toks = ["Un", "coup", "(", "politique", "?", ")", "sur", "un", "secteur", "!", "Nous", "x"]
    allowed = boundary_constraints(toks)
    assert allowed[0] is True
    assert allowed[5] is False and allowed[6] is False
    assert allowed[10] is None  # capital after "!": the backend decides
    starts = [True, False, False, False, False, True, True, False, False, False, True, False]
    assert merge_starts(starts, toks) == [True] + [False] * 9 + [True, False]


def test_paragraph_offsets_are_exact():
    text = "  Titre\r\n\r\nUn paragraphe.\u00a0\nDeux !\n"
    paras = paragraphs(text)
    assert [text[p.start : p.end] for p in paras] == ["Titre", "Un paragraphe.", "Deux !"]
