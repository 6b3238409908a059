"""Entities fit the tech press; textblob-fr's lexicon is corrected at the boundary."""

from __future__ import annotations

import frtone
from frtone.scoring.polarity import PolarityLexicon


def test_companies_are_organisations_not_places_or_people(seed_result):
    labels = {}
    for c in seed_result.claims:
        for e in c.entities:
            labels.setdefault(e.text, set()).add(e.label)
    assert labels["Orange"] == {"ORG"}
    assert labels["Cloudwatt"] == {"ORG"}
    assert labels["Thalès"] == {"ORG"}
    assert labels["Numergy"] == {"ORG"}


def test_given_targets_are_tagged_on_entities(analyzer):
    text = "Telvia a encore coupé son réseau. Les clients de Telvia attendent des excuses."
    result = analyzer.analyze(text, ["Telvia"])
    ents = [e for c in result.claims for e in c.entities]
    assert [e.target for e in ents if e.text == "Telvia"] == ["Telvia", "Telvia"]


def test_target_aliases_are_matched_accent_and_case_aware(analyzer):
    text = "Le gouvernement a promis. L'Etat a payé, et l'État paiera encore. L'orange est mûre."
    result = analyzer.analyze(text, ["l'État=État|Etat|gouvernement", "Orange"])
    etat = result.target("l'État")
    assert [m.text for m in etat.mentions] == ["gouvernement", "Etat", "État"]
    assert result.target("Orange").mentions == ()


def test_textblob_lexicon_entries_are_clamped_and_corrected():
    lex = PolarityLexicon()
    raw = lex.textblob
    bad = [
        (w, p, s)
        for w, by_pos in raw.items()
        for p, s, _ in by_pos.values()
        if not (-1 <= p <= 1 and 0 <= s <= 1)
    ]
    assert bad == []
    assert lex.entry("abruti") == (-0.28, 0.5)  # subjectivity -0.5 in textblob-fr
    assert lex.entry("plein") == (0.1, 0.18)  # subjectivity 17.65 in textblob-fr
    assert lex.entry("aberrant")[0] < 0  # polarity 0.0 in textblob-fr
    assert lex.entry("déplaisant")[0] < 0  # polarity +0.02 in textblob-fr


def test_claim_polarity_and_subjectivity_in_range(seed_result):
    for c in seed_result.claims:
        assert -1 <= c.polarity <= 1 and 0 <= c.subjectivity <= 1


def test_cues_match_inflected_forms_on_lemmas(analyzer):
    text = "Les opérateurs lavent leur linge sale en famille. Ces projets restent des chimères."
    result = analyzer.analyze(text)
    cues = [(q.text, q.kind) for c in result.claims for q in c.sarcasm.cues]
    assert ("lavent leur linge sale en famille", "idiom") in cues
    assert any(t == "chimères" for t, _ in cues)


def test_detection_finds_unknown_companies_but_not_places_or_units(analyzer):
    text = (
        "L'opérateur Telvia a coupé son réseau en Bretagne. Telvia n'a rien prévu.\n\n"
        "Le portable de Corvex embarque 16 Go de mémoire, et Corvex vend aussi 8 Go de "
        "stockage en Bretagne."
    )
    names = [t.name for t in analyzer.analyze(text).targets]
    assert "Telvia" in names and "Corvex" in names
    assert "Bretagne" not in names and "Go" not in names


def test_article_sarcasm_is_zero_without_any_cue(analyzer):
    result = analyzer.analyze(
        "Telvia a publié ses résultats. Le chiffre d'affaires progresse de 3 %. "
        "La société recrute 200 ingénieurs."
    )
    assert result.sarcasm.probability == 0.0 and result.sarcasm.sarcastic_claims == ()


def test_inflected_er_verbs_match_even_when_the_lemmatizer_fails():
    from frtone.cues.patterns import CuePattern, Unit, match_units

    pattern = CuePattern.compile("accoucher de une souris", "idiom", 0.9)
    # spaCy lemmatises "accouche" as "accouche": the -er inflection still matches
    units = [
        Unit("accouche", "accouche", 0, 1),
        Unit("d'", "de", 1, 2),
        Unit("une", "un", 2, 3),
        Unit("souris", "souris", 3, 4),
    ]
    assert [(m.start_unit, m.end_unit) for m in match_units([pattern], units)] == [(0, 4)]
    wrong = [Unit("accoudoir", "accoudoir", 0, 1), *units[1:]]
    assert match_units([pattern], wrong) == []


def test_genuine_question_is_not_a_rhetorical_cue(analyzer):
    text = "La start-up dépend des contrats publics. Faut-il s'inquiéter de cette dépendance ?"
    assert not analyzer.analyze(text).claims[1].sarcasm.label


def test_quoted_term_being_defined_is_not_a_scare_quote(analyzer):
    text = "Le texte reste flou sur la définition d'un « grand modèle » et de ses seuils."
    assert analyzer.analyze(text).claims[0].sarcasm.cues == ()


def test_alias_with_a_leading_article_matches_in_lower_case(analyzer):
    # "Le prestataire Ondalis": once the article is dropped the alias starts in lower case;
    # it used to be rejected as a lower-case match of a capitalised name, hiding "Ondalis" too.
    text = "Le prestataire Ondalis, lui, a fait un travail remarquable."
    result = analyzer.analyze(text, [frtone.Target("Ondalis", ("Le prestataire Ondalis",))])
    target = result.target("Ondalis")
    assert [m.text for m in target.mentions] == ["prestataire Ondalis"]
    assert target.label == "favor"
