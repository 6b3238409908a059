"""`frtone evaluate`: metrics agree with scikit-learn, systems are scored on the same sentences."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from sklearn.metrics import cohen_kappa_score, f1_score, precision_recall_fscore_support

from frtone.cli import main
from frtone.corpus.agreement import kappa
from frtone.evaluation import baselines, metrics
from frtone.evaluation.predict import ArticlePrediction, SentencePrediction

LABELS = ("favor", "against", "none")


@pytest.mark.parametrize("seed", range(5))
def test_metrics_match_scikit_learn(seed: int):
    rng = random.Random(seed)
    gold = [rng.choice(LABELS) for _ in range(60)]
    pred = [rng.choice(LABELS) for _ in range(60)]
    favor, against = f1_score(gold, pred, labels=["favor", "against"], average=None)
    assert metrics.f_avg(gold, pred) == pytest.approx((favor + against) / 2)
    assert metrics.macro_f1(gold, pred, LABELS) == pytest.approx(
        f1_score(gold, pred, labels=list(LABELS), average="macro")
    )
    g = [x == "favor" for x in gold]
    p = [x == "favor" for x in pred]
    ref = precision_recall_fscore_support(g, p, average="binary", zero_division=0)[:3]
    assert metrics.prf(g, p) == pytest.approx(ref)
    assert kappa(gold, pred) == pytest.approx(cohen_kappa_score(gold, pred))


def test_metrics_edge_cases():
    assert metrics.prf([False, False], [False, False]) == (0.0, 0.0, 0.0)
    assert metrics.f_avg(["none"], ["none"]) == 0.0
    assert kappa(["a", "a"], ["a", "a"]) == 1.0


ARTICLE = (
    "Brumanet, ou l'art de rater une migration\n\n"
    "Bravo à Brumanet, qui a « modernisé » la messagerie de la mairie : trois jours sans "
    "courriel. Quelle réussite ! Le prestataire Ondalis, lui, a fait un travail remarquable "
    "et rapide. La facture atteint 2 millions d'euros.\n"
)
ANNOTATION = r'''
genre = "column"
topic = "state-it"
opinionated = true

[[targets]]
name = "Brumanet"
stance = "against"

[[targets]]
name = "Ondalis"
aliases = ["Le prestataire Ondalis"]
stance = "favor"

[[sentences]]
text = "Brumanet, ou l'art de rater une migration"
claim = true
polarity = "negative"
sarcastic = true
cues = [{ text = "l'art de rater", kind = "ironic_praise" }]
stance = { Brumanet = "against" }

[[sentences]]
text = """Bravo à Brumanet, qui a « modernisé » la messagerie de la mairie : \
trois jours sans courriel."""
claim = true
polarity = "positive"
sarcastic = true
cues = [
  { text = "Bravo", kind = "ironic_praise" },
  { text = "« modernisé »", kind = "scare_quote" },
]
stance = { Brumanet = "against" }

[[sentences]]
text = "Quelle réussite !"
claim = true
polarity = "positive"
sarcastic = true
cues = [{ text = "Quelle réussite !", kind = "ironic_praise" }]
stance = { Brumanet = "against" }

[[sentences]]
text = "Le prestataire Ondalis, lui, a fait un travail remarquable et rapide."
claim = true
polarity = "positive"
sarcastic = false
stance = { Ondalis = "favor" }

[[sentences]]
text = "La facture atteint 2 millions d'euros."
claim = true
polarity = "neutral"
sarcastic = false
'''


@pytest.fixture(scope="module")
def mini_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    for folder in ("articles", "annotations"):
        (root / folder).mkdir()
    (root / "articles" / "brumanet.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "annotations" / "brumanet.toml").write_text(ANNOTATION, encoding="utf-8")
    (root / "split.toml").write_text('train = ["brumanet"]\n', encoding="utf-8")
    return root


def test_baselines_on_real_sentences(mini_corpus: Path):
    from frtone.corpus import load_corpus

    article = load_corpus(mini_corpus).article("brumanet")
    punct = baselines.punctuation(article)
    assert [p.sarcastic for p in punct.sentences] == [False, True, True, False, False]
    majority = baselines.majority([article])(article)
    assert {p.sarcastic for p in majority.sentences} == {True}  # 3 of 5 sarcastic in train
    assert majority.article_stance == {"Brumanet": "against", "Ondalis": "against"}
    textblob, threshold = baselines.textblob([article])
    stance = [p.stance for p in textblob(article).sentences]
    assert stance[3] == {"Brumanet": "none", "Ondalis": "favor"}  # "remarquable"
    assert stance[4] == {"Brumanet": "none", "Ondalis": "none"}  # names no target
    assert threshold in baselines.THRESHOLDS


def test_scores_count_what_each_system_predicts(mini_corpus: Path):
    from frtone.corpus import load_corpus
    from frtone.evaluation.report import score

    article = load_corpus(mini_corpus).article("brumanet")
    perfect = ArticlePrediction(
        tuple(
            SentencePrediction(
                s.claim, s.sarcastic, dict(s.stance), tuple((c.start, c.end) for c in s.cues)
            )
            for s in article.sentences
        ),
        {t.name: t.stance for t in article.targets},
    )
    scores = score([article], [perfect])
    assert scores.sarcasm_f1 == scores.stance_f_avg == scores.article_accuracy == 1.0
    assert scores.cue_f1 == 1.0
    only_sarcasm = score([article], [baselines.punctuation(article)])
    assert only_sarcasm.stance_f_avg is None and only_sarcasm.claim_f1 is None
    assert only_sarcasm.sarcasm_precision == 1.0
    assert only_sarcasm.sarcasm_recall == pytest.approx(2 / 3)


@pytest.mark.slow
def test_cli_evaluate_table_and_json(mini_corpus: Path, capsys):
    assert main(["evaluate", str(mini_corpus), "--split", "train"]) == 0
    table = capsys.readouterr().out
    assert "sarcasm F1" in table and "stance F_avg" in table
    header = next(line for line in table.splitlines() if "frtone" in line and "majority" in line)
    assert header.split() == ["frtone", "majority", "textblob-fr", "punctuation"]
    assert main(["evaluate", str(mini_corpus), "--split", "train", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["sentences"] == 5 and report["counts"]["sarcastic"] == 3
    frtone_scores = report["systems"]["frtone"]
    assert frtone_scores["sarcasm_precision"] is not None
    assert frtone_scores["claim_f1"] == 1.0  # five claims, one per sentence
    assert frtone_scores["article_accuracy"] == 1.0  # against Brumanet, favor Ondalis
    assert report["systems"]["punctuation"]["stance_f_avg"] is None


def test_cli_evaluate_errors(tmp_path: Path, capsys):
    assert main(["evaluate", str(tmp_path / "missing")]) == 1
    assert "not a corpus folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["evaluate", "corpus", "--split", "valid"])
    assert info.value.code == 2
