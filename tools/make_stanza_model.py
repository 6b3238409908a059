"""Make frtone's small French stanza model from the project's own corpus.

No stanza model can be downloaded where frtone is built and tested, so the
project makes one: the corpus articles are parsed by frtone's spaCy backend
(``fr_core_news_md`` plus frtone's sentence rules and gazetteer), written out as
CoNLL-U silver data (contractions as multi-word tokens: ``du`` = ``de le``), and
stanza's own training code (``stanza.models.tokenizer``, ``mwt_expander``,
``tagger``, ``lemmatizer``, ``parser``, ``ner_tagger``) trains small models on it,
without pretrained word vectors. The result is laid out exactly as
``stanza.download`` lays out downloaded models::

    OUT/resources.json
    OUT/fr/{tokenize,mwt,pos,lemma,depparse,ner}/frtone.pt
    OUT/made_with.json      (texts, stanza version and training options used)

so ``stanza.Pipeline("fr", dir=OUT, download_method=None)`` loads it.

Run: ``make stanza-model`` (or ``nice .venv/bin/python tools/make_stanza_model.py``).
It takes 10 to 25 minutes on two shared cores. Training is seeded, but torch on several
threads is not bit-for-bit deterministic: a remade model is equivalent, not
identical. See docs/guide/stanza.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "models" / "stanza"
PACKAGE = "frtone"
SHORTHAND = "fr_frtone"
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
DEV_ARTICLE = "telecom_critique.txt"

# Steps/epochs and sizes: small models trained for a few minutes on two cores.
TRAINING: dict[str, list[str]] = {
    "tokenize": [
        "--steps", "600", "--eval_steps", "200", "--batch_size", "16",
        "--max_seqlen", "400",  # longer sentences are dropped from training
        "--hidden_dim", "32", "--emb_dim", "16",
    ],
    "mwt": ["--num_epoch", "20", "--hidden_dim", "32", "--emb_dim", "16"],
    "pos": [
        "--no_pretrain", "--max_steps", "1000", "--eval_interval", "250", "--batch_size", "32",
        "--dropout", "0.3", "--word_dropout", "0.1",
        "--hidden_dim", "64", "--char_hidden_dim", "64", "--word_emb_dim", "50",
        "--char_emb_dim", "32", "--deep_biaff_hidden_dim", "64",
        "--composite_deep_biaff_hidden_dim", "32", "--tag_emb_dim", "16",
        "--num_layers", "1", "--no_second_optim",
    ],
    "lemma": ["--num_epoch", "15", "--hidden_dim", "64", "--emb_dim", "32", "--pos_dim", "32"],
    "depparse": [
        "--no_pretrain", "--max_steps", "800", "--eval_interval", "200", "--batch_size", "500",
        "--dropout", "0.3", "--word_dropout", "0.1",
        "--hidden_dim", "64", "--char_hidden_dim", "64", "--word_emb_dim", "50",
        "--char_emb_dim", "32", "--deep_biaff_hidden_dim", "64", "--tag_emb_dim", "16",
        "--num_layers", "1", "--no_second_optim", "--no_checkpoint",
    ],
    "ner": [
        "--no_pretrain", "--max_steps", "800", "--eval_interval", "200", "--batch_size", "16",
        "--optim", "adam", "--lr", "0.003",
        "--hidden_dim", "64", "--char_hidden_dim", "32", "--word_emb_dim", "50",
        "--char_emb_dim", "32", "--num_layers", "1",
    ],
}  # fmt: skip


def training_texts() -> list[Path]:
    """The articles of the corpus train split (corpus/split.toml), in order.

    Dev and test articles (and so the held-out ones, all in test) are left out, so
    that figures measured on them stay figures on text the stanza model never saw.
    """
    with open(ROOT / "corpus" / "split.toml", "rb") as fh:
        names = [f"{n}.txt" for n in tomllib.load(fh)["train"]]
    folder = ROOT / "corpus" / "articles"
    missing = [n for n in names if not (folder / n).exists()]
    if missing:
        sys.exit(f"corpus/split.toml names missing articles: {', '.join(missing)}")
    return [folder / n for n in names]


# -- silver CoNLL-U ---------------------------------------------------------------------


def _feats(feats: dict[str, str]) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items(), key=lambda kv: kv[0].lower()))


def document_conllu(
    doc: object, doc_id: str
) -> tuple[list[str], list[str], list[list[tuple[str, str]]]]:
    """CoNLL-U sentences, paragraph texts and NER-tagged sentences of a frtone Document."""
    from frtone.document import Document
    from frtone.text import normalise

    assert isinstance(doc, Document)
    blocks: list[str] = []
    ner: list[list[tuple[str, str]]] = []
    paras = [normalise(doc.text[p.start : p.end]) for p in doc.paragraphs]
    ent_at: dict[int, str] = {}
    for ent in doc.entities:
        toks = [t.i for t in doc.tokens if ent.start <= t.start and t.end <= ent.end]
        for k, ti in enumerate(toks):
            ent_at[ti] = ("B-" if k == 0 else "I-") + ent.label
    for sent in doc.sentences:
        toks = doc.tokens[sent.token_start : sent.token_end]
        first = toks[0].words[0].i
        last = toks[-1].words[-1].i
        local = {w.i: w.i - first + 1 for t in toks for w in t.words}
        roots = [w.i for t in toks for w in t.words if w.head == w.i or w.head not in local]
        root = next((r for r in roots if doc.words[r].head == r), roots[0])
        text = normalise(doc.text[sent.start : sent.end])
        lines = [f"# sent_id = {doc_id}-{sent.index}", f"# text = {text}"]
        ner_sent: list[tuple[str, str]] = []
        for t in toks:
            nxt = t.i + 1
            glued = nxt < sent.token_end and doc.tokens[nxt].start == t.end
            misc = "SpaceAfter=No" if glued else "_"
            form = normalise(t.text)
            ner_sent.append((form, ent_at.get(t.i, "O")))
            if len(t.words) > 1:
                a, b = local[t.words[0].i], local[t.words[-1].i]
                lines.append(f"{a}-{b}\t{form}\t_\t_\t_\t_\t_\t_\t_\t{misc}")
            for w in t.words:
                if w.i == root:
                    head, rel = 0, "root"
                elif w.head == w.i or w.head not in local:
                    head, rel = local[root], "dep"  # a second root: attach to the first
                else:
                    head, rel = local[w.head], (w.deprel if w.deprel != "root" else "dep")
                wform = form if len(t.words) == 1 else w.text
                wmisc = misc if len(t.words) == 1 else "_"
                lines.append(
                    f"{local[w.i]}\t{wform}\t{w.lemma}\t{w.upos}\t_\t{_feats(w.feats) or '_'}"
                    f"\t{head}\t{rel}\t_\t{wmisc}"
                )
        assert last - first + 1 == len(local)
        blocks.append("\n".join(lines) + "\n")
        ner.append(ner_sent)
    return blocks, paras, ner


def write_silver(texts: list[Path], work: Path) -> dict[str, int]:
    """Parse ``texts`` with frtone's spaCy backend and write train/dev silver files."""
    from frtone.backends.spacy_backend import SpacyBackend

    backend = SpacyBackend()
    splits: dict[str, tuple[list[str], list[str], list[list[tuple[str, str]]]]] = {
        "train": ([], [], []),
        "dev": ([], [], []),
        "train-nodev": ([], [], []),
    }
    docs = backend.parse(p.read_text(encoding="utf-8") for p in texts)
    for path, doc in zip(texts, docs, strict=True):
        blocks, paras, ner = document_conllu(doc, path.stem)
        # the dev article is in train too: with so little text, every sentence counts;
        # dev only drives stanza's training loop (model selection), not a reported score
        # the lemmatizer learns a dictionary of the training words: it is selected on
        # unseen words (train-nodev / dev) or its seq2seq part is never judged
        for split in ("train", "dev") if path.name == DEV_ARTICLE else ("train", "train-nodev"):
            splits[split][0].extend(blocks)
            splits[split][1].extend(paras)
            splits[split][2].extend(ner)
    counts = {}
    for split, (blocks, paras, ner) in splits.items():
        (work / f"{split}.conllu").write_text("\n".join(blocks) + "\n", encoding="utf-8")
        (work / f"{split}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
        sents = [[{"text": w, "ner": tag} for w, tag in s] for s in ner]
        (work / f"{split}.ner.json").write_text(
            json.dumps(sents, ensure_ascii=False), encoding="utf-8"
        )
        counts[split] = len(blocks)
    return counts


# -- training ---------------------------------------------------------------------------


def _run(module: str, args: list[str], log: Path) -> None:
    cmd = [sys.executable, "-m", module, *args]
    print("  $", " ".join(cmd[1:4]), "...", flush=True)
    t0 = time.monotonic()
    with open(log, "a", encoding="utf-8") as fh:
        fh.write("$ " + " ".join(cmd) + "\n")
        fh.flush()
        done = subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, check=False)
    if done.returncode:
        sys.exit(f"{module} failed (exit {done.returncode}); see {log}")
    print(f"    {time.monotonic() - t0:.0f}s", flush=True)


def train(work: Path, models: Path, processors: tuple[str, ...]) -> None:
    """Train each processor with stanza's own training modules into ``models/<proc>.pt``."""
    log = work / "training.log"
    common = ["--shorthand", SHORTHAND, "--seed", "1234"]  # lemmatizer, ner: no --lang
    lang = ["--lang", "fr"]
    train_c, dev_c = str(work / "train.conllu"), str(work / "dev.conllu")
    out = {p: models / p for p in processors}
    for p in processors:
        out[p].mkdir(parents=True, exist_ok=True)
    if "tokenize" in processors:
        for split in ("train", "dev"):
            _run(
                "stanza.utils.datasets.prepare_tokenizer_data",
                [
                    str(work / f"{split}.txt"),
                    str(work / f"{split}.conllu"),
                    "-o",
                    str(work / f"{split}.labels"),
                    "-m",
                    str(work / f"{split}.mwt.json"),
                ],
                log,
            )
        _run(
            "stanza.models.tokenizer",
            [
                *common,
                *lang,
                "--txt_file", str(work / "train.txt"),
                "--label_file", str(work / "train.labels"),
                "--mwt_json_file", str(work / "train.mwt.json"),
                "--dev_txt_file", str(work / "dev.txt"),
                "--dev_label_file", str(work / "dev.labels"),
                "--dev_conll_gold", dev_c,
                "--conll_file", str(work / "tokenize.pred.conllu"),
                "--save_dir", str(out["tokenize"]), "--save_name", f"{PACKAGE}.pt",
                *TRAINING["tokenize"],
            ],
            log,
        )  # fmt: skip
    if "mwt" in processors:
        _run(
            "stanza.models.mwt_expander",
            [
                *common,
                *lang, "--train_file", train_c, "--eval_file", dev_c, "--gold_file", dev_c,
                "--output_file", str(work / "mwt.pred.conllu"),
                "--save_dir", str(out["mwt"]), "--save_name", f"{PACKAGE}.pt",
                *TRAINING["mwt"],
            ],
            log,
        )  # fmt: skip
    if "pos" in processors:
        _run(
            "stanza.models.tagger",
            [
                *common,
                *lang, "--train_file", train_c, "--eval_file", dev_c,
                "--output_file", str(work / "pos.pred.conllu"),
                "--save_dir", str(out["pos"]), "--save_name", f"{PACKAGE}.pt",
                *TRAINING["pos"],
            ],
            log,
        )  # fmt: skip
    if "lemma" in processors:
        _run(
            "stanza.models.lemmatizer",
            [
                *common, "--train_file", str(work / "train-nodev.conllu"), "--eval_file", dev_c,
                "--output_file", str(work / "lemma.pred.conllu"),
                "--save_dir", str(out["lemma"]), "--save_name", f"{PACKAGE}.pt",
                *TRAINING["lemma"],
            ],
            log,
        )  # fmt: skip
    if "depparse" in processors:
        _run(
            "stanza.models.parser",
            [
                *common,
                *lang, "--train_file", train_c, "--eval_file", dev_c,
                "--output_file", str(work / "depparse.pred.conllu"),
                "--save_dir", str(out["depparse"]), "--save_name", f"{PACKAGE}.pt",
                *TRAINING["depparse"],
            ],
            log,
        )  # fmt: skip
    if "ner" in processors:
        _run(
            "stanza.models.ner_tagger",
            [
                *common,
                "--train_file", str(work / "train.ner.json"),
                "--eval_file", str(work / "dev.ner.json"),
                "--save_dir", str(out["ner"]), "--save_name", f"{PACKAGE}.pt",
                *TRAINING["ner"],
            ],
            log,
        )  # fmt: skip


def write_resources(out: Path, texts: list[Path], counts: dict[str, int]) -> None:
    """Write ``resources.json`` describing the models as stanza's downloads do."""
    import stanza

    lang: dict[str, object] = {
        "lang_name": "French",
        "default_processors": {p: PACKAGE for p in PROCESSORS},
        "packages": {"default": {p: PACKAGE for p in PROCESSORS}},
    }
    for p in PROCESSORS:
        path = out / "fr" / p / f"{PACKAGE}.pt"
        md5 = hashlib.md5(path.read_bytes()).hexdigest()
        lang[p] = {PACKAGE: {"md5": md5}}
    made = {
        "made_by": "tools/make_stanza_model.py (make stanza-model)",
        "stanza_version": stanza.__version__,
        "silver_parser": "frtone spaCy backend (fr_core_news_md)",
        "texts": [p.relative_to(ROOT).as_posix() for p in texts],
        "sentences": counts,
        "training": {p: TRAINING[p] for p in PROCESSORS},
    }
    for name, data in (("resources.json", {"fr": lang}), ("made_with.json", made)):
        (out / name).write_text(
            json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


def main(argv: list[str] | None = None) -> None:
    """Make the silver data, train every processor and lay the models out for stanza."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory")
    parser.add_argument("--work", type=Path, default=None, help="keep the silver data here")
    parser.add_argument(
        "--processors",
        default=",".join(PROCESSORS),
        help="train only these (comma-separated), reusing --work for the others",
    )
    args = parser.parse_args(argv)
    wanted = tuple(p for p in PROCESSORS if p in args.processors.split(","))
    # one thread: on shared cores, OpenMP threads waiting on each other cost more than they give
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    texts = training_texts()
    work = args.work or Path(tempfile.mkdtemp(prefix="frtone-stanza-"))
    work.mkdir(parents=True, exist_ok=True)
    if wanted == PROCESSORS or not (work / "train.conllu").exists():
        print(f"silver CoNLL-U from {len(texts)} articles into {work}", flush=True)
        write_silver(texts, work)
    counts = {
        split: (work / f"{split}.conllu").read_text(encoding="utf-8").count("# sent_id")
        for split in ("train", "dev")
    }
    print(f"  {counts['train']} training sentences", flush=True)
    staging = work / "models"
    if wanted == PROCESSORS:
        shutil.rmtree(staging, ignore_errors=True)
    train(work, staging / "fr", wanted)
    write_resources(staging, texts, counts)
    if args.out.exists():
        shutil.rmtree(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(staging, args.out)
    size = sum(f.stat().st_size for f in args.out.rglob("*") if f.is_file())
    print(f"model written to {args.out} ({size / 1e6:.1f} MB)")
    if args.work is None:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
