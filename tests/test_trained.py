"""Trained scorers: model files, loading errors, own models, reproducible training."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import frtone
from frtone.errors import ScorerModelError
from frtone.scoring.linear import LinearModel
from frtone.scoring.rules import RuleSarcasmScorer, RuleStanceScorer
from frtone.scoring.trained import (
    MANIFEST,
    TrainedSarcasmScorer,
    TrainedStanceScorer,
    default_model,
    load_model,
    with_threshold,
)

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "src" / "frtone" / "data" / "models" / "default"
IRONIC = (
    "Le cloud souverain ? Une usine à gaz, en quelque sorte ! "
    "Quid des 150 millions d'euros versés ?"
)


@pytest.fixture()
def model_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "model"
    shutil.copytree(SHIPPED, folder)
    return folder


# -- the model format --------------------------------------------------------------------


def test_linear_model_round_trips_through_json() -> None:
    model = LinearModel(
        ("against", "favor", "none"),
        ("a", "b"),
        ((2.0, -1.0), (0.0, 2.0), (0.0, 1.0)),
        (0.1, 0.2, 0.3),
        (0.8, 0.0),
    )
    again = LinearModel.from_dict(json.loads(json.dumps(model.to_dict())))
    assert again == model
    probs = again.probabilities([{"a": 1.0, "unknown": 5.0}, {}])
    assert [round(sum(p), 6) for p in probs] == [1.0, 1.0]
    assert probs[0][0] > probs[1][0]  # feature a raises "against"; unknown names are ignored


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="pickle"), "not a frtone-linear/1 model"),
        (lambda d: d.pop("weights"), "'weights' is missing"),
        (lambda d: d.update(features=["a", 3]), "list of strings"),
        (lambda d: d.update(intercepts=[True]), "list of numbers"),
        (lambda d: d["weights"][0].append(1.0), "one weight per feature"),
        (lambda d: d.update(classes=["yes", "yes"]), "distinct classes"),
        (lambda d: d.update(calibration=[1.0]), "two numbers"),
    ],
)
def test_malformed_linear_model_is_refused(change, message) -> None:
    data = LinearModel(("no", "yes"), ("a",), ((1.0,),), (0.0,)).to_dict()
    change(data)
    with pytest.raises(ScorerModelError, match=message):
        LinearModel.from_dict(data)


def test_non_finite_weights_are_refused() -> None:
    with pytest.raises(ScorerModelError, match="finite"):
        LinearModel(("no", "yes"), ("a",), ((float("nan"),),), (0.0,))


def test_model_files_are_plain_json_without_pickle() -> None:
    for path in SHIPPED.iterdir():
        raw = path.read_bytes()
        assert path.suffix == ".json" and not raw.startswith(b"\x80")  # no pickle protocol
        json.loads(raw)


# -- the shipped model -------------------------------------------------------------------


def test_shipped_models_are_the_default_scorers() -> None:
    analyzer = frtone.Analyzer(include_tokens=False)
    assert isinstance(analyzer.sarcasm_scorer, TrainedSarcasmScorer)
    assert isinstance(analyzer.stance_scorer, TrainedStanceScorer)
    manifest = json.loads((SHIPPED / MANIFEST).read_text(encoding="utf-8"))
    assert analyzer.sarcasm_scorer.threshold == manifest["sarcasm"]["threshold"]
    assert set(manifest["corpus"]) == {"train", "dev"}  # never trained on test


def test_rule_scorers_stay_available() -> None:
    analyzer = frtone.Analyzer(scorers="rules", include_tokens=False)
    assert isinstance(analyzer.sarcasm_scorer, RuleSarcasmScorer)
    assert isinstance(analyzer.stance_scorer, RuleStanceScorer)


def test_trained_scorers_find_irony_and_turn_it_against_the_target(analyzer) -> None:
    result = analyzer.analyze(IRONIC + " Orange paie le prix fort pour un nuage vide.", ["Orange"])
    assert result.claims[1].sarcasm.label and result.claims[2].sarcasm.label
    assert result.target("Orange").label == "against"
    plain = analyzer.analyze("Orange a ouvert un centre de données à Rennes en 2024.")
    assert not plain.claims[0].sarcasm.label


def test_stance_is_asked_about_claims_that_do_not_name_the_target() -> None:
    seen = []
    model = default_model()

    class Spy:
        pairs = "all"

        def predict(self, items):
            seen.extend(items)
            return model.stance.predict(items)

    text = "Orange rachète Cloudwatt.\n\nUn autre sujet\n\nLe projet coûte cher. Il échoue."
    frtone.Analyzer(stance_scorer=Spy(), include_tokens=False).analyze(text, ["Orange"])
    assert [(it.index, it.mentioned, it.since) for it in seen] == [
        (0, True, 0),
        (1, False, -1),  # the heading opens a new section
        (2, False, -1),
        (3, False, -1),
    ]
    assert all(it.share == 1.0 for it in seen)


def test_claim_features_carry_the_mean_word_vector(analyzer) -> None:
    seen = []

    class Spy(RuleSarcasmScorer):
        def predict(self, claims):
            seen.extend(claims)
            return super().predict(claims)

    frtone.Analyzer(sarcasm_scorer=Spy()).analyze("Le projet est une chimère coûteuse. Et ?")
    assert len(seen[0].vector) == 300 and any(seen[0].vector)
    assert seen[1].vector == (0.0,) * 300  # no content word with a vector


# -- own models and broken ones ----------------------------------------------------------


def test_own_model_folder_is_used(tmp_path: Path) -> None:
    strict = tmp_path / "strict"
    with_threshold(default_model(), 0.999).save(strict)
    default = frtone.Analyzer(include_tokens=False).analyze(IRONIC)
    own = frtone.Analyzer(model=str(strict), include_tokens=False).analyze(IRONIC)
    assert default.sarcastic_claims and not own.sarcastic_claims
    assert own.claims[1].sarcasm.threshold == 0.999
    assert load_model(strict).sarcasm.model == default_model().sarcasm.model


def test_cli_model_option_takes_a_trained_model_folder(tmp_path: Path) -> None:
    strict = tmp_path / "strict"
    with_threshold(default_model(), 0.999).save(strict)
    article = tmp_path / "a.txt"
    article.write_text(IRONIC, encoding="utf-8")
    out = {}
    for name, extra in (("default", []), ("own", ["--model", str(strict)])):
        run = subprocess.run(
            [sys.executable, "-m", "frtone", "analyze", str(article), "-f", "json", *extra],
            capture_output=True,
            text=True,
            check=True,
        )
        out[name] = json.loads(run.stdout)["sarcasm"]["sarcastic_claims"]
    assert out["default"] and out["own"] == []


def test_changed_weight_file_is_refused(model_copy: Path) -> None:
    path = model_copy / "sarcasm.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["intercepts"][0] += 5.0  # still valid JSON and a valid model: only the checksum knows
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ScorerModelError, match=r"sarcasm\.json does not match the checksum"):
        load_model(model_copy)
    with pytest.raises(ScorerModelError):
        frtone.Analyzer(model=str(model_copy))


def test_truncated_weight_file_is_refused(model_copy: Path) -> None:
    path = model_copy / "stance.json"
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    with pytest.raises(ScorerModelError, match="checksum"):
        load_model(model_copy)
    # even with a matching checksum, a truncated file is named as not JSON
    import hashlib

    manifest = json.loads((model_copy / MANIFEST).read_text(encoding="utf-8"))
    manifest["stance"]["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    (model_copy / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ScorerModelError, match=r"stance\.json is not valid JSON"):
        load_model(model_copy)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda m: m.update(format="frtone-scorers/0"), "is not a frtone-scorers/1 manifest"),
        (lambda m: m.pop("direction"), "no 'direction' file entry"),
        (lambda m: m["sarcasm"].update(threshold=1.5), "threshold must be in"),
        (lambda m: m["stance"].update(scale=-1), "scale must be in"),
    ],
)
def test_bad_manifest_is_refused(model_copy: Path, edit, message) -> None:
    path = model_copy / MANIFEST
    manifest = json.loads(path.read_text(encoding="utf-8"))
    edit(manifest)
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(ScorerModelError, match=message):
        load_model(model_copy)


def test_missing_files_are_named(model_copy: Path, tmp_path: Path) -> None:
    (model_copy / "direction.json").unlink()
    with pytest.raises(ScorerModelError, match=r"cannot read .*direction\.json"):
        load_model(model_copy)
    with pytest.raises(ScorerModelError, match="made by `frtone train`"):
        load_model(tmp_path / "nowhere")
    with pytest.raises(ScorerModelError, match="E009"):
        frtone.Analyzer(scorers=str(tmp_path / "nowhere"))


def test_cli_reports_a_broken_model_in_one_line(model_copy: Path, tmp_path: Path) -> None:
    (model_copy / "sarcasm.json").write_text("{", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(IRONIC, encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "frtone", "analyze", str(article), "--scorers", str(model_copy)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert "[E009]" in run.stderr and "sarcasm.json" in run.stderr
    assert "Traceback" not in run.stderr


# -- training ------------------------------------------------------------------------------


@pytest.mark.slow
def test_training_reproduces_the_shipped_models_byte_for_byte(tmp_path: Path) -> None:
    out = tmp_path / "trained"
    run = subprocess.run(
        [sys.executable, "-m", "frtone", "train", str(ROOT / "corpus"), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    assert "sarcasm: threshold" in run.stdout
    for path in SHIPPED.iterdir():
        assert (out / path.name).read_bytes() == path.read_bytes(), path.name
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in SHIPPED.iterdir())


def test_train_refuses_a_corpus_that_is_not_one(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "frtone", "train", str(tmp_path), "--out", str(tmp_path / "m")],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1 and run.stderr.startswith("frtone: ")
    assert not (tmp_path / "m").exists()


def test_sarcasm_probabilities_are_calibrated_on_dev(analyzer) -> None:
    from frtone.corpus.load import load_corpus
    from frtone.evaluation.calibration import (
        brier_score,
        claim_probabilities,
        expected_calibration_error,
    )

    dev = list(load_corpus(ROOT / "corpus").select("dev"))
    trained = claim_probabilities(analyzer, dev)
    rules = claim_probabilities(frtone.Analyzer(scorers="rules", include_tokens=False), dev)
    assert expected_calibration_error(trained) < 0.1 < expected_calibration_error(rules)
    assert brier_score(trained) < brier_score(rules)


def test_fast_feature_matrix_matches_the_named_features(seed_text) -> None:
    """The scorers build the vector block directly; training uses named ``vec:`` entries."""
    from frtone.scoring.features import claim_rows

    seen = []
    model = default_model()

    class Spy:
        threshold = 0.5

        def predict(self, claims):
            seen.extend(claims)
            return model.sarcasm.predict(claims)

    frtone.Analyzer(sarcasm_scorer=Spy(), include_tokens=False).analyze(seed_text)
    fast = model.sarcasm.predict(seen)
    named = [round(p[1], 4) for p in model.sarcasm.model.probabilities(claim_rows(seen))]
    assert fast == named and len(fast) == 40


class _Fixed:
    """A sarcasm scorer giving every claim the same probability."""

    def __init__(self, p: float) -> None:
        self.p = p
        self.threshold = 0.5

    def predict(self, claims):
        return [self.p for _ in claims]


def test_sarcasm_probability_turns_praise_against_its_target() -> None:
    text = "Bravo à Orange pour ce projet formidable."
    scores = [
        frtone.Analyzer(sarcasm_scorer=_Fixed(p), include_tokens=False)
        .analyze(text, ["Orange"])
        .claims[0]
        .stance("Orange")
        for p in (0.05, 0.5, 0.95)
    ]
    assert scores[0].label == "favor" and scores[2].label == "against"
    assert scores[0].score > scores[1].score > scores[2].score


def test_direction_matrix_reuses_the_sarcasm_one_with_the_same_values(
    seed_text, monkeypatch
) -> None:
    """The direction model reads the sarcasm model's claim matrix, rearranged: same numbers."""
    from frtone.scoring import trained
    from frtone.scoring.features import claim_rows

    claims, items = [], []
    model = default_model()

    class Claims:
        threshold = 0.5

        def predict(self, found):
            claims.extend(found)
            return [0.2 for _ in found]

    class Pairs:
        pairs = "all"

        def predict(self, found):
            items.extend(found)
            return [(0.0, 0.0) for _ in found]

    frtone.Analyzer(sarcasm_scorer=Claims(), stance_scorer=Pairs(), include_tokens=False).analyze(
        seed_text, ["Orange", "Cloudwatt"]
    )
    model.sarcasm.predict(claims)
    monkeypatch.setattr(trained, "claim_rows", None)  # reading the rows again would fail
    fast = model.stance.directions(items)
    monkeypatch.undo()
    rows = claim_rows(claims)
    for row in rows:
        row["sarc:p"] = 0.2
    named = model.stance.direction.probabilities(rows)
    f, a = (model.stance.direction.classes.index(c) for c in ("favor", "against"))
    assert list(fast.values()) == [(p[f], p[a]) for p in named]
    assert len(fast) == len(claims) == 40
