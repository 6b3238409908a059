"""Read and validate the annotated corpus (format: ``docs/annotation-guide.md``).

Every problem in a file is collected, with the file and sentence it is in, and raised together
as one :class:`~frtone.errors.CorpusError`, so an annotator fixes a file in one pass.

Example:
    >>> corpus = load_corpus("corpus")
    >>> article = corpus.article("cloudwatt-orange-itsocial")
    >>> article.sentences[0].text == article.text[: article.sentences[0].end].strip()
    True
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from frtone.corpus.schema import (
    ARTICLE_STANCES,
    GENRES,
    POLARITIES,
    SPLITS,
    STANCES,
    TOPICS,
    AnnotatedArticle,
    GoldArticleStance,
    GoldCue,
    GoldSentence,
    GoldStance,
    GoldTarget,
    Polarity,
)
from frtone.errors import CorpusError
from frtone.results import CueKind

CUE_KINDS: tuple[str, ...] = CueKind.__args__  # type: ignore[attr-defined]
_ARTICLE_KEYS = {
    "genre",
    "topic",
    "opinionated",
    "source",
    "annotator",
    "targets",
    "sentences",
}
_SENTENCE_KEYS = {
    "text",
    "claim",
    "polarity",
    "sarcastic",
    "cues",
    "stance",
    "hedged",
    "reported",
    "note",
}


class _Problems:
    """Collects problems of one file, each prefixed with where it is."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{self.path.name}{where}: {message}")

    def raise_if_any(self) -> None:
        if self.items:
            raise CorpusError(
                f"{len(self.items)} problem(s) in {self.path}; see docs/annotation-guide.md:\n  "
                + "\n  ".join(self.items)
            )


def _typed(value: Any, kind: type, default: Any, where: str, key: str, bad: _Problems) -> Any:
    if value is None:
        return default
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        bad.add(where, f"{key} must be a {kind.__name__}, got {value!r}")
        return default
    return value


def _choice(value: Any, allowed: tuple[str, ...], where: str, key: str, bad: _Problems) -> str:
    if value not in allowed:
        bad.add(where, f"{key} must be one of {', '.join(allowed)}; got {value!r}")
        return allowed[-1]
    return cast(str, value)


def _targets(raw: Any, bad: _Problems) -> tuple[GoldTarget, ...]:
    if not isinstance(raw, list) or not raw:
        bad.add("", "[[targets]] is missing: list the article's targets (see the guide)")
        return ()
    out: list[GoldTarget] = []
    for n, item in enumerate(raw):
        where = f" target {n + 1}"
        if not isinstance(item, dict):
            bad.add(where, "must be a table with name, aliases, stance")
            continue
        unknown = set(item) - {"name", "aliases", "stance"}
        if unknown:
            bad.add(where, f"unknown keys {sorted(unknown)}")
        name = _typed(item.get("name"), str, "", where, "name", bad).strip()
        if not name:
            bad.add(where, "needs a name")
        aliases = _typed(item.get("aliases"), list, [], where, "aliases", bad)
        if not all(isinstance(a, str) and a.strip() for a in aliases):
            bad.add(where, f"aliases must be non-empty strings, got {aliases!r}")
            aliases = []
        stance = _choice(item.get("stance"), ARTICLE_STANCES, where, "stance", bad)
        out.append(GoldTarget(name, tuple(aliases), cast(GoldArticleStance, stance)))
    names = [t.name for t in out]
    for name in {n for n in names if names.count(n) > 1}:
        bad.add("", f"target {name!r} is listed twice")
    return tuple(out)


def _cues(raw: Any, sentence: str, start: int, where: str, bad: _Problems) -> tuple[GoldCue, ...]:
    cues: list[GoldCue] = []
    for item in _typed(raw, list, [], where, "cues", bad):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            bad.add(where, f"a cue must be {{ text = ..., kind = ... }}, got {item!r}")
            continue
        text = item["text"]
        kind = _choice(item.get("kind"), CUE_KINDS, where, "cue kind", bad)
        at = sentence.find(text) if text else -1
        if at < 0:
            bad.add(where, f"cue {text!r} is not in the sentence (copy it exactly)")
            continue
        cues.append(GoldCue(text, kind, start + at, start + at + len(text)))
    return tuple(cues)


def _sentence(
    raw: Any, index: int, text: str, pos: int, targets: set[str], bad: _Problems
) -> tuple[GoldSentence | None, int]:
    where = f" sentence {index + 1}"
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str) or not raw["text"]:
        bad.add(where, "needs a non-empty text")
        return None, pos
    unknown = set(raw) - _SENTENCE_KEYS
    if unknown:
        bad.add(where, f"unknown keys {sorted(unknown)}")
    body: str = raw["text"]
    where = f" sentence {index + 1} ({body[:40]!r})"
    start = text.find(body, pos)
    if start < 0:
        bad.add(where, "text not found in the article after the previous sentence")
        return None, pos
    gap = text[pos:start]
    if gap.strip():
        bad.add(where, f"text before it is not annotated: {gap.strip()[:60]!r}")
    end = start + len(body)
    claim = _typed(raw.get("claim"), bool, None, where, "claim", bad)
    if claim is None:
        bad.add(where, "claim = true or false is required")
        claim = False
    polarity = _choice(raw.get("polarity", "neutral"), POLARITIES, where, "polarity", bad)
    sarcastic = _typed(raw.get("sarcastic"), bool, False, where, "sarcastic", bad)
    cues = _cues(raw.get("cues"), body, start, where, bad)
    stance_raw = _typed(raw.get("stance"), dict, {}, where, "stance", bad)
    stance: dict[str, GoldStance] = {}
    for name, label in stance_raw.items():
        if name not in targets:
            bad.add(where, f"stance for {name!r}, which is not in [[targets]]")
        stance[name] = cast(GoldStance, _choice(label, STANCES, where, "stance", bad))
    if sarcastic and not cues:
        bad.add(where, "sarcastic = true needs at least one cue")
    if cues and not sarcastic:
        bad.add(where, "cues are only for sarcastic sentences")
    if not claim and (sarcastic or any(v != "none" for v in stance.values())):
        bad.add(where, "a non-claim has no stance and is not sarcastic")
    sentence = GoldSentence(
        index=index,
        text=body,
        start=start,
        end=end,
        claim=claim,
        polarity=cast(Polarity, polarity),
        sarcastic=sarcastic,
        cues=cues,
        stance=stance,
        hedged=_typed(raw.get("hedged"), bool, False, where, "hedged", bad),
        reported=_typed(raw.get("reported"), str, "", where, "reported", bad),
        note=_typed(raw.get("note"), str, "", where, "note", bad),
    )
    return sentence, end


def parse_annotation(raw: Mapping[str, Any], text: str, path: Path) -> AnnotatedArticle:
    r"""Check one parsed annotation against its article text and return it typed.

    Raises:
        CorpusError: listing every problem found.

    Example:
        >>> from pathlib import Path
        >>> raw = {"genre": "news", "topic": "telecom", "opinionated": False,
        ...        "targets": [{"name": "Telvia", "stance": "none"}],
        ...        "sentences": [{"text": "Telvia ouvre une boutique.", "claim": True}]}
        >>> parse_annotation(raw, "Telvia ouvre une boutique.\n", Path("t.toml")).sentences[0].end
        26
    """
    bad = _Problems(path)
    unknown = set(raw) - _ARTICLE_KEYS
    if unknown:
        bad.add("", f"unknown keys {sorted(unknown)}")
    genre = _choice(raw.get("genre"), GENRES, "", "genre", bad)
    topic = _choice(raw.get("topic"), TOPICS, "", "topic", bad)
    opinionated = _typed(raw.get("opinionated"), bool, None, "", "opinionated", bad)
    if opinionated is None:
        bad.add("", "opinionated = true or false is required")
    targets = _targets(raw.get("targets"), bad)
    names = {t.name for t in targets}
    sentences: list[GoldSentence] = []
    pos = 0
    for index, item in enumerate(_typed(raw.get("sentences"), list, [], "", "sentences", bad)):
        sentence, pos = _sentence(item, index, text, pos, names, bad)
        if sentence is not None:
            sentences.append(sentence)
    if not sentences:
        bad.add("", "[[sentences]] is missing")
    elif text[pos:].strip():
        bad.add("", f"the end of the article is not annotated: {text[pos:].strip()[:60]!r}")
    bad.raise_if_any()
    return AnnotatedArticle(
        id=path.stem,
        text=text,
        genre=genre,
        topic=topic,
        opinionated=bool(opinionated),
        source=_typed(raw.get("source"), str, "team", "", "source", bad),
        annotator=_typed(raw.get("annotator"), str, "", "", "annotator", bad),
        targets=targets,
        sentences=tuple(sentences),
    )


def load_article(annotation: str | Path, articles: str | Path | None = None) -> AnnotatedArticle:
    """Load ``annotations/<id>.toml`` with its text ``articles/<id>.txt``.

    Args:
        annotation: Path of the TOML annotation.
        articles: Folder holding ``<id>.txt``; default ``../articles`` beside the annotation.

    Raises:
        CorpusError: the file is not valid TOML, the text is missing, or the annotation
            does not match the text.
    """
    path = Path(annotation)
    folder = Path(articles) if articles is not None else path.parent.parent / "articles"
    text_path = folder / f"{path.stem}.txt"
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        text = text_path.read_text(encoding="utf-8")
    except tomllib.TOMLDecodeError as exc:
        raise CorpusError(f"{path} is not valid TOML: {exc}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cannot read {getattr(exc, 'filename', None) or path}: {exc}") from exc
    return parse_annotation(raw, text, path)


@dataclass(frozen=True, slots=True)
class Corpus:
    """An annotated corpus: articles by id and the fixed split.

    Attributes:
        root: The corpus folder.
        articles: Every annotated article, by id, in id order.
        split: The split name of each article id.
    """

    root: Path
    articles: dict[str, AnnotatedArticle]
    split: dict[str, str]

    def article(self, id: str) -> AnnotatedArticle:
        """The article with this id (``KeyError`` naming the known ids if absent)."""
        try:
            return self.articles[id]
        except KeyError:
            raise KeyError(f"no article {id!r} in {self.root}") from None

    def select(self, split: str | None = None) -> Iterator[AnnotatedArticle]:
        """The articles of one split (``train``, ``dev``, ``test``), or all of them."""
        if split is not None and split not in SPLITS:
            raise CorpusError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
        for id, article in self.articles.items():
            if split is None or self.split[id] == split:
                yield article


def _read_split(path: Path, ids: set[str]) -> dict[str, str]:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise CorpusError(f"cannot read the split file {path}: {exc}") from exc
    split: dict[str, str] = {}
    problems: list[str] = []
    for name, members in raw.items():
        if name not in SPLITS or not isinstance(members, list):
            problems.append(f"{name!r} is not a split (use train, dev, test with lists of ids)")
            continue
        for id in members:
            if id in split:
                problems.append(f"{id!r} is in both {split[id]} and {name}")
            elif id not in ids:
                problems.append(f"{id!r} ({name}) has no annotation")
            split[str(id)] = name
    problems += [f"{id!r} is in no split" for id in sorted(ids - set(split))]
    if problems:
        raise CorpusError(f"{path}: " + "; ".join(problems))
    return split


def load_corpus(root: str | Path = "corpus") -> Corpus:
    """Load and validate every annotated article of a corpus folder and its split.

    The folder holds ``articles/<id>.txt``, ``annotations/<id>.toml`` and ``split.toml``.

    Raises:
        CorpusError: listing the problems of every file that does not validate.
    """
    folder = Path(root)
    if not (folder / "annotations").is_dir():
        raise CorpusError(
            f"{folder} is not a corpus folder: it needs annotations/, articles/ and split.toml"
        )
    articles: dict[str, AnnotatedArticle] = {}
    problems: list[str] = []
    for path in sorted((folder / "annotations").glob("*.toml")):
        try:
            articles[path.stem] = load_article(path, folder / "articles")
        except CorpusError as exc:
            problems.append(str(exc))
    if problems:
        raise CorpusError("\n".join(problems))
    return Corpus(folder, articles, _read_split(folder / "split.toml", set(articles)))
