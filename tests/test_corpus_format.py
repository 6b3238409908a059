"""The annotation validator: every kind of mistake is reported with where it is."""

from __future__ import annotations

from pathlib import Path

import pytest

from frtone.cli import main
from frtone.corpus.load import load_article, load_corpus, parse_annotation
from frtone.errors import CorpusError

TEXT = (
    "Nuagia, la souveraineté en carton\n\n"
    "Le ministère a « confié » ses données à Nuagia, qui promet monts et merveilles. "
    "Selon l'Arcep, le contrat vaut 40 millions d'euros.\n\n"
    "Par Léa Morel\n"
)


def good() -> dict:
    return {
        "genre": "column",
        "topic": "cloud",
        "opinionated": True,
        "annotator": "test",
        "targets": [
            {"name": "Nuagia", "aliases": ["l'hébergeur"], "stance": "against"},
            {"name": "le ministère", "stance": "against"},
        ],
        "sentences": [
            {
                "text": "Nuagia, la souveraineté en carton",
                "claim": True,
                "polarity": "negative",
                "sarcastic": True,
                "cues": [{"text": "souveraineté en carton", "kind": "metaphor"}],
                "stance": {"Nuagia": "against"},
            },
            {
                "text": "Le ministère a « confié » ses données à Nuagia, qui promet monts et "
                "merveilles.",
                "claim": True,
                "polarity": "positive",
                "sarcastic": True,
                "cues": [
                    {"text": "« confié »", "kind": "scare_quote"},
                    {"text": "promet monts et merveilles", "kind": "idiom"},
                ],
                "stance": {"Nuagia": "against", "le ministère": "against"},
            },
            {
                "text": "Selon l'Arcep, le contrat vaut 40 millions d'euros.",
                "claim": True,
                "polarity": "neutral",
                "sarcastic": False,
                "reported": "l'Arcep",
            },
            {"text": "Par Léa Morel", "claim": False},
        ],
    }


def problems(raw: dict, text: str = TEXT) -> str:
    with pytest.raises(CorpusError) as info:
        parse_annotation(raw, text, Path("nuagia.toml"))
    assert info.value.code == "E007"
    return str(info.value)


def test_a_good_annotation_is_typed_with_offsets():
    article = parse_annotation(good(), TEXT, Path("nuagia.toml"))
    assert article.id == "nuagia"
    assert [TEXT[s.start : s.end] for s in article.sentences] == [s.text for s in article.sentences]
    cue = article.sentences[1].cues[1]
    assert TEXT[cue.start : cue.end] == "promet monts et merveilles"
    assert article.sentences[2].reported == "l'Arcep"
    assert article.sentences[2].stance_for("Nuagia") == "none"
    assert [t.name for t in article.target_specs()] == ["Nuagia", "le ministère"]


def test_sentence_not_copied_exactly():
    raw = good()
    raw["sentences"][2]["text"] = "Selon l’Arcep, le contrat vaut 40 millions d'euros."  # ’ vs '
    message = problems(raw)
    assert "sentence 3" in message and "not found in the article" in message
    assert "nuagia.toml" in message


def test_a_forgotten_sentence_is_reported():
    raw = good()
    del raw["sentences"][2]
    assert "text before it is not annotated: \"Selon l'Arcep" in problems(raw)
    raw = good()
    del raw["sentences"][3]
    assert "end of the article is not annotated: 'Par Léa Morel'" in problems(raw)


def test_labels_are_checked():
    raw = good()
    raw["sentences"][0]["stance"] = {"Nuagia": "contre"}
    raw["sentences"][1]["stance"] = {"Orange": "favor"}
    raw["sentences"][2]["cues"] = [{"text": "contrat", "kind": "metaphor"}]
    raw["sentences"][3]["sarcastic"] = True
    raw["targets"][0]["stance"] = "positive"
    raw["genre"] = "tweet"
    message = problems(raw)
    assert "stance must be one of favor, against, none; got 'contre'" in message
    assert "stance for 'Orange', which is not in [[targets]]" in message
    assert "cues are only for sarcastic sentences" in message
    assert "a non-claim has no stance and is not sarcastic" in message
    assert "genre must be one of" in message
    assert "target 1: stance must be one of favor, against, none, mixed" in message
    assert message.count("\n  ") >= 6  # every problem listed, not just the first


def test_cues_must_be_in_their_sentence_with_a_known_kind():
    raw = good()
    raw["sentences"][0]["cues"] = [{"text": "monts et merveilles", "kind": "metaphor"}]
    raw["sentences"][1]["cues"] = [{"text": "« confié »", "kind": "quotes"}]
    message = problems(raw)
    assert "cue 'monts et merveilles' is not in the sentence" in message
    assert "cue kind must be one of metaphor" in message


def test_sarcasm_needs_a_cue_and_claim_is_required():
    raw = good()
    raw["sentences"][0]["cues"] = []
    del raw["sentences"][2]["claim"]
    message = problems(raw)
    assert "sarcastic = true needs at least one cue" in message
    assert "claim = true or false is required" in message


def test_types_and_unknown_keys():
    raw = good()
    raw["sentences"][2]["hedged"] = "yes"
    raw["sentences"][2]["stnace"] = {}
    raw["targets"].append({"name": "Nuagia", "stance": "none"})
    message = problems(raw)
    assert "hedged must be a bool, got 'yes'" in message
    assert "unknown keys ['stnace']" in message
    assert "target 'Nuagia' is listed twice" in message


def write_corpus(root: Path, annotation: str, split: str) -> None:
    (root / "articles").mkdir(parents=True)
    (root / "annotations").mkdir()
    (root / "articles" / "nuagia.txt").write_text(TEXT, encoding="utf-8")
    (root / "annotations" / "nuagia.toml").write_text(annotation, encoding="utf-8")
    (root / "split.toml").write_text(split, encoding="utf-8")


def test_files_invalid_toml_and_split_problems(tmp_path: Path):
    write_corpus(tmp_path / "a", "genre = column\n", 'train = ["nuagia"]\n')
    with pytest.raises(CorpusError, match="is not valid TOML"):
        load_article(tmp_path / "a" / "annotations" / "nuagia.toml")
    from frtone.corpus.scaffold import toml_string

    lines = ['genre = "news"', 'topic = "cloud"', "opinionated = false"]
    lines += ["[[targets]]", 'name = "Nuagia"', 'stance = "none"']
    for s in good()["sentences"]:
        lines += ["[[sentences]]", f"text = {toml_string(s['text'])}", "claim = false"]
    write_corpus(tmp_path / "b", "\n".join(lines), 'train = ["nuagia", "autre"]\ntest = []\n')
    with pytest.raises(CorpusError, match="'autre' \\(train\\) has no annotation"):
        load_corpus(tmp_path / "b")
    (tmp_path / "b" / "split.toml").write_text('dev = ["nuagia"]\n', encoding="utf-8")
    corpus = load_corpus(tmp_path / "b")
    assert [a.id for a in corpus.select("dev")] == ["nuagia"]
    assert list(corpus.select("test")) == []
    with pytest.raises(CorpusError, match="unknown split 'valid'"):
        list(corpus.select("valid"))
    (tmp_path / "b" / "split.toml").write_text("test = []\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="'nuagia' is in no split"):
        load_corpus(tmp_path / "b")
    with pytest.raises(CorpusError, match="not a corpus folder"):
        load_corpus(tmp_path / "nowhere")


def test_cli_validate_reports_problems(tmp_path: Path, capsys):
    write_corpus(tmp_path, 'genre = "news"\n', 'train = ["nuagia"]\n')
    assert main(["corpus", "validate", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "[E007]" in err and "[[targets]] is missing" in err


@pytest.mark.slow
def test_scaffold_cuts_the_article_and_leaves_labels_open(tmp_path: Path):
    from frtone.corpus.scaffold import scaffold

    skeleton = scaffold(TEXT, ["Nuagia"])
    import tomllib

    raw = tomllib.loads(skeleton)
    texts = [s["text"] for s in raw["sentences"]]
    assert texts[0] == "Nuagia, la souveraineté en carton"
    assert texts[-1] == "Par Léa Morel"
    assert "Selon l'Arcep, le contrat vaut 40 millions d'euros." in texts
    assert all(not s["sarcastic"] and s["stance"] == {} for s in raw["sentences"])
    article = parse_annotation(raw, TEXT, Path("nuagia.toml"))  # the skeleton validates as is
    assert article.sentences[-1].end == len(TEXT.rstrip())
