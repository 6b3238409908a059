"""One behaviour per rule of the claim, cue and scoring layers: each fails if its rule breaks."""

from __future__ import annotations

import json

import pytest

import frtone
from frtone.errors import SchemaError


@pytest.fixture(scope="module")
def rules_analyzer() -> frtone.Analyzer:
    """These tests pin the hand-combined scorers (``scorers="rules"``)."""
    return frtone.Analyzer(scorers="rules")


def _claim(rules_analyzer, text, targets=None, k=0):
    return rules_analyzer.analyze(text, targets).claims[k]


@pytest.mark.parametrize(
    "text", ["Nous voudrions comprendre ce choix.", "Orange aurait voulu racheter Cloudwatt."]
)
def test_conditional_of_wanting_is_not_a_hedge(rules_analyzer, text):
    assert _claim(rules_analyzer, text).hedged is False


def test_modal_future_is_a_hedge(rules_analyzer):
    claim = _claim(rules_analyzer, "Le rachat pourra être finalisé en mars.")
    assert claim.hedged and [h.label for h in claim.hedges] == ["modal"]


def test_prediction_marker_without_future_tense(rules_analyzer):
    assert _claim(rules_analyzer, "Orange rachète bientôt Cloudwatt.").kind == "prediction"
    assert _claim(rules_analyzer, "Le lendemain, Orange rachète Cloudwatt.").kind == "assertion"


def test_semicolon_separates_two_claims(rules_analyzer):
    result = rules_analyzer.analyze("Le projet est un échec cuisant ; les équipes sont parties.")
    assert [c.text for c in result.claims] == [
        "Le projet est un échec cuisant ;",
        "les équipes sont parties.",
    ]


def test_reporting_verb_needs_a_clause_unless_it_reports_with_any_object(rules_analyzer):
    assert _claim(rules_analyzer, "Orange annonce son projet de rachat.").reported is None
    assert _claim(rules_analyzer, "Orange annonce que le rachat est signé.").reported is not None


@pytest.mark.parametrize(
    "text", ["Nous estimons que le projet est un échec.", "On affirme que le projet avance."]
)
def test_author_subject_is_not_reported_speech(rules_analyzer, text):
    assert _claim(rules_analyzer, text).reported is None


def test_parenthetical_question_is_an_insinuation_cue(rules_analyzer):
    claim = _claim(rules_analyzer, "Un coup de théâtre (politique?) sur le cloud.")
    assert [(q.text, q.kind) for q in claim.sarcasm.cues] == [
        ("(politique?)", "rhetorical_question")
    ]


def test_question_about_money_spent_is_rhetorical(rules_analyzer):
    claim = _claim(rules_analyzer, "Et les 150 millions d'euros versés, où sont-ils passés ?")
    assert claim.kind == "rhetorical_question" and claim.sarcasm.label


def test_money_question_in_a_heading_is_not_mockery(rules_analyzer):
    text = "Quel budget pour les 150 millions d'euros du plan ?\n\nLe plan est présenté demain."
    claim = _claim(rules_analyzer, text)
    assert claim.kind == "heading" and claim.sarcasm.cues == ()


def test_praise_in_a_negative_context_is_an_ironic_praise_cue(rules_analyzer):
    text = "Le brillant projet a coûté trois fois son budget et reste un échec lamentable."
    claim = _claim(rules_analyzer, text)
    assert [(q.text, q.kind) for q in claim.sarcasm.cues] == [("brillant", "ironic_praise")]
    sincere = _claim(
        rules_analyzer, "Le brillant projet a tenu son budget et ravit ses utilisateurs."
    )
    assert sincere.sarcasm.cues == ()


def test_scare_quote_counts_less_inside_reported_speech(rules_analyzer):
    reported = _claim(rules_analyzer, "Le PDG assure que ce « cadeau » profitera aux abonnés.")
    author = _claim(rules_analyzer, "Ondafil offre un « cadeau » à ses abonnés.")
    (r,), (a,) = reported.sarcasm.cues, author.sarcasm.cues
    assert r.kind == a.kind == "scare_quote" and r.weight < a.weight
    assert reported.sarcasm.probability < author.sarcasm.probability


def test_quotation_after_a_colon_or_of_a_clause_is_speech(rules_analyzer):
    result = rules_analyzer.analyze("Il a répondu : « cadeau ». Il assure que « tout va bien ».")
    assert [c.sarcasm.cues for c in result.claims] == [(), ()]


def test_exclamation_backs_up_a_weak_cue(rules_analyzer):
    loud = _claim(rules_analyzer, "Ondafil offre un « cadeau » à ses abonnés !")
    flat = _claim(rules_analyzer, "Ondafil offre un « cadeau » à ses abonnés.")
    assert loud.sarcasm.label and not flat.sarcasm.label


def test_weak_cue_among_ironic_neighbours_gains(rules_analyzer):
    text = "Comme par hasard, le rapport sort juste après l'amende. Bien entendu, rien ne change."
    alone = _claim(rules_analyzer, "Bien entendu, rien ne change.")
    among = _claim(rules_analyzer, text, k=1)
    assert among.sarcasm.probability > alone.sarcasm.probability


def test_ironic_praise_counts_against_its_target(rules_analyzer):
    claim = _claim(
        rules_analyzer,
        "Quelle générosité de la part d'Orange, qui augmente encore ses prix !",
        ["Orange"],
    )
    assert claim.sarcasm.label and claim.stance("Orange").label == "against"


def test_sincere_praise_counts_for_its_target(rules_analyzer):
    claim = _claim(
        rules_analyzer, "Bravo à Brumaire pour ce modèle remarquable et fiable.", ["Brumaire"]
    )
    assert not claim.sarcasm.label and claim.stance("Brumaire").label == "favor"


def test_article_sarcasm_is_high_for_an_ironic_text(rules_analyzer):
    result = rules_analyzer.analyze(
        "Le cloud souverain lave son linge sale en famille. Quid des 150 millions d'euros ?"
    )
    assert result.sarcasm.probability > 0.9 and result.sarcasm.sarcastic_claims == (0, 1)


def test_no_cue_is_nested_in_another_of_its_kind(seed_result):
    for c in seed_result.claims:
        for a in c.sarcasm.cues:
            for b in c.sarcasm.cues:
                if a is not b and a.kind == b.kind:
                    assert not (a.start <= b.start and b.end <= a.end), (a, b)


def test_contraction_article_carries_its_features(seed_result):
    du = next(t for c in seed_result.claims for t in c.tokens if t.text == "du")
    assert du.words[1].feats == {
        "Definite": "Def",
        "Gender": "Masc",
        "Number": "Sing",
        "PronType": "Art",
    }


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("claims", 0, "polarity"), True, "number"),
        (("claims",), {}, "list"),
        (("claims", 0, "hedged"), "yes", "bool"),
    ],
)
def test_from_dict_type_checks(seed_result, path, value, message):
    data = json.loads(json.dumps(seed_result.to_dict()))
    node = data
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(SchemaError, match=message):
        frtone.ArticleAnalysis.from_dict(data)


def test_parenthesised_acronym_joins_its_long_form(rules_analyzer):
    result = rules_analyzer.analyze(
        "L'Agence Fictive du Numérique (AFN) a lancé un portail. L'AFN promet une refonte. "
        "Le portail de l'AFN reste en panne."
    )
    (target,) = result.targets
    assert target.aliases == ("AFN",) and len(target.mentions) == 4


def test_units_after_numbers_are_not_targets(rules_analyzer):
    from expectations import ARTICLES

    text = (ARTICLES / "hardware_eloge_critique.txt").read_text(encoding="utf-8")
    assert "Go" in text and "Go" not in [t.name for t in rules_analyzer.analyze(text).targets]


def test_mockery_in_reported_speech_counts_less(rules_analyzer):
    reported = _claim(rules_analyzer, "Selon le PDG, c'est une usine à gaz.")
    author = _claim(rules_analyzer, "C'est une usine à gaz.")
    assert reported.reported is not None
    assert reported.sarcasm.probability < author.sarcasm.probability


def test_hyperbole_alone_is_literal_criticism(rules_analyzer):
    claim = _claim(rules_analyzer, "Le projet est un échec cuisant.")
    assert [q.kind for q in claim.sarcasm.cues] == ["hyperbole"]
    assert claim.sarcasm.label is False


def test_longest_target_name_wins_an_overlap(rules_analyzer):
    result = rules_analyzer.analyze(
        "Orange Business Services recrute des ingénieurs. Orange aussi, dans ses boutiques.",
        ["Orange", "Orange Business Services"],
    )
    assert [(t.name, [m.text for m in t.mentions]) for t in result.targets] == [
        ("Orange", ["Orange"]),
        ("Orange Business Services", ["Orange Business Services"]),
    ]


def test_stance_confidence_follows_the_evidence(rules_analyzer):
    result = rules_analyzer.analyze(
        "Numergy est un échec. Numergy publie un communiqué.", ["Numergy"]
    )
    clear, plain = (c.stance("Numergy") for c in result.claims)
    assert clear.label == "against" and clear.confidence > 0.5
    assert plain.label == "none" and plain.confidence < clear.confidence


def test_claim_ending_in_a_parenthetical_question_is_a_question(rules_analyzer):
    claim = _claim(rules_analyzer, "Le client n'a pas accroché (faute d'une offre décente ?)")
    assert claim.kind in ("question", "rhetorical_question")


def test_inflected_adjective_found_in_the_press_lexicon(rules_analyzer):
    result = rules_analyzer.analyze(
        "Numergy est un échec. Ses offres sont inadaptées.", ["Numergy"]
    )
    assert result.claims[1].stance("Numergy").label == "against"


class _AlwaysSarcastic:
    """A stand-in sarcasm scorer (as a trained one may be) that finds every claim ironic."""

    threshold = 0.5

    def predict(self, claims):
        return [0.95 for _ in claims]


def test_sarcasm_turns_praise_against_the_target(rules_analyzer):
    text = "Orange est excellent, brillant et remarquable."
    sincere = _claim(rules_analyzer, text, ["Orange"])
    assert sincere.stance("Orange").label == "favor"
    ironic_reader = frtone.Analyzer(
        rules_analyzer.backend, scorers="rules", sarcasm_scorer=_AlwaysSarcastic()
    )
    ironic = _claim(ironic_reader, text, ["Orange"])
    assert ironic.sarcasm.label and ironic.stance("Orange").label == "against"


def test_colon_alone_marks_quoted_speech(rules_analyzer):
    assert _claim(rules_analyzer, "Le ministre résume : « une réussite ».").sarcasm.cues == ()


def test_finite_verb_alone_marks_quoted_speech(rules_analyzer):
    assert (
        _claim(rules_analyzer, "Le ministre promet que les délais « seront tenus ».").sarcasm.cues
        == ()
    )


def test_from_dict_rejects_a_string_for_a_list(seed_result):
    data = json.loads(json.dumps(seed_result.to_dict()))
    data["targets"][0]["aliases"] = "Etat"
    with pytest.raises(SchemaError, match="list"):
        frtone.ArticleAnalysis.from_dict(data)
