"""Result types: frozen plain data, JSON contract field names, to_dict/from_dict round trip."""

from __future__ import annotations

import dataclasses
import json

import pytest

import frtone
from frtone.errors import SchemaError

CONTRACT_TOP = {
    "schema",
    "id",
    "frtone_version",
    "backend",
    "language",
    "targets",
    "sarcasm",
    "claims",
}
CONTRACT_CLAIM = {
    "index",
    "start",
    "end",
    "text",
    "paragraph",
    "sentence",
    "kind",
    "hedged",
    "reported",
    "polarity",
    "subjectivity",
    "stances",
    "sarcasm",
    "tokens",
    "entities",
}


def test_json_contract_field_names(seed_result):
    data = json.loads(json.dumps(seed_result.to_dict(), ensure_ascii=False))
    assert set(data) >= CONTRACT_TOP
    assert next(iter(data)) == "schema" and data["schema"] == "frtone/1"
    assert set(data["backend"]) >= {"name", "model", "model_version"}
    assert set(data["language"]) >= {"code", "confidence"}
    assert set(data["sarcasm"]) >= {"probability", "sarcastic_claims"}
    for t in data["targets"]:
        assert set(t) >= {"name", "aliases", "label", "score", "mentions"}
        assert t["label"] in {"favor", "against", "none", "mixed"}
    for c in data["claims"]:
        assert set(c) >= CONTRACT_CLAIM
        assert set(c["sarcasm"]) >= {"probability", "label", "cues"}
        assert isinstance(c["sarcasm"]["label"], bool)
        for q in c["sarcasm"]["cues"]:
            assert set(q) >= {"text", "start", "end", "kind"}
        for s in c["stances"]:
            assert set(s) >= {"target", "label", "score", "confidence"}
            assert s["label"] in {"favor", "against", "none"} and -1 <= s["score"] <= 1
        assert c["reported"] is None or set(c["reported"]) >= {"source", "verb"}
        assert 0 <= c["subjectivity"] <= 1 and -1 <= c["polarity"] <= 1


def test_round_trip_through_json(seed_result):
    data = json.loads(json.dumps(seed_result.to_dict()))
    again = frtone.ArticleAnalysis.from_dict(data)
    assert again == seed_result
    assert again.to_dict() == seed_result.to_dict()


def test_results_are_frozen_and_slotted(seed_result):
    claim = seed_result.claims[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        claim.text = "x"  # type: ignore[misc]
    assert not hasattr(claim, "__dict__")


def test_contractions_are_one_token_with_two_words(seed_result):
    tokens = [t for c in seed_result.claims for t in c.tokens]
    du = next(t for t in tokens if t.text == "du")
    assert [w.text for w in du.words] == ["de", "le"]
    assert du.upos == "ADP+DET" and du.is_contraction
    au = next(t for t in tokens if t.text == "au")
    assert [w.lemma for w in au.words] == ["à", "le"]
    word = next(t for t in tokens if t.text == "reprendrait").words[0]
    assert word.lemma == "reprendre" and word.upos == "VERB"
    assert isinstance(word.feats, dict) and word.feats.get("Person") == "3"


def test_from_dict_rejects_malformed_data(seed_result):
    data = seed_result.to_dict()
    broken = dict(data)
    del broken["claims"]
    with pytest.raises(SchemaError, match="claims"):
        frtone.ArticleAnalysis.from_dict(broken)
    bad_claim = json.loads(json.dumps(data))
    bad_claim["claims"][0]["start"] = "zero"
    with pytest.raises(SchemaError, match=r"claims\[0\]\.start"):
        frtone.ArticleAnalysis.from_dict(bad_claim)
    bad_label = json.loads(json.dumps(data))
    bad_label["claims"][0]["kind"] = "poem"
    with pytest.raises(SchemaError, match="poem"):
        frtone.ArticleAnalysis.from_dict(bad_label)


def test_des_is_split_only_when_it_contracts_de_les(analyzer):
    result = analyzer.analyze(
        "Le service est destiné à des clients exigeants. Le rachat des parts de Thalès est acté. "
        "Des changements étaient attendus."
    )
    des = [t for c in result.claims for t in c.tokens if t.text.lower() == "des"]
    assert [[w.text for w in t.words] for t in des] == [["des"], ["de", "les"], ["Des"]]
