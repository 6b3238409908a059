"""Polarity and subjectivity: textblob-fr's lexicon, corrected at the boundary.

textblob-fr is run on frtone's own tokens (never on raw text: its sentence
splitter needs NLTK corpora that are not available offline). Its lexicon has
bad entries — about 1,180 words with negative subjectivity, ``plein`` at
17.65 — so :class:`PolarityLexicon` clamps every entry into range and applies
the overrides in ``data/fr/lexicon_corrections.toml`` when it loads, once, on
first use.

Example:
    >>> lex = PolarityLexicon()
    >>> lex.entry("abruti")  # textblob-fr says (-0.28, -0.5)
    (-0.28, 0.5)
    >>> lex.entry("plein")   # textblob-fr says subjectivity 17.65
    (0.1, 0.18)
    >>> p, s = lex.sentiment_words(["une", "offre", "excellente"])
    >>> p > 0 and 0 <= s <= 1
    True
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from collections.abc import Sequence
from typing import Any

from frtone.resources import load_toml
from frtone.text import fold

# Parts of speech textblob-fr's lexicon describes (participles are tagged VERB).
POLARITY_CACHE = 200_000  # (form, lemma, upos) triples whose polarity is remembered
TEXTBLOB_UPOS = frozenset({"ADJ", "ADV", "VERB"})


def _clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, float(value)))


class PolarityLexicon:
    """textblob-fr's French sentiment lexicon, corrected, plus frtone's press lexicon."""

    def __init__(self) -> None:
        self._sentiment: Any = None
        self._lock = threading.Lock()
        self._evaluative: dict[str, float] | None = None
        self._polarity: dict[tuple[str, str, str | None], float] = {}
        self._stand_ins: _StandIns | None = None

    @property
    def textblob(self) -> Any:
        """textblob-fr's ``Sentiment`` with corrected entries (loaded on first use)."""
        if self._sentiment is None:
            with self._lock:
                if self._sentiment is None:
                    self._sentiment = self._load()
        return self._sentiment

    @property
    def _stand_in(self) -> _StandIns:
        if self._stand_ins is None:
            self._stand_ins = _StandIns(self.textblob)
        return self._stand_ins

    @staticmethod
    def _load() -> Any:
        import os

        tfr = _textblob_fr_module()
        sent = tfr.Sentiment(
            path=os.path.join(tfr.MODULE, "fr-sentiment.xml"),
            synset=None,
            negations=("n'", "ne", "ni", "non", "pas", "rien", "sans", "aucun", "jamais"),
            modifiers=("RB",),
            modifier=lambda w: w.endswith("ment"),
            tokenizer=tfr.parser.find_tokens,
            language="fr",
        )
        sent.load()
        # Loaded: look entries up as a plain dict would, not through textblob's lazy
        # wrappers (two Python calls per membership test); the data is the same.
        sent.__class__ = _loaded_class(type(sent))
        overrides = load_toml("lexicon_corrections.toml").get("override", {})
        for word, by_pos in sent.items():
            fix = overrides.get(word)
            for pos, (p, s, i) in list(by_pos.items()):
                if fix is not None:
                    p, s = fix["polarity"], fix["subjectivity"]
                by_pos[pos] = [_clamp(p, -1.0, 1.0), _clamp(abs(s), 0.0, 1.0), i]
        return sent

    def entry(self, word: str) -> tuple[float, float] | None:
        """Corrected ``(polarity, subjectivity)`` of a lower-case word form, or ``None``."""
        by_pos = self.textblob.get(word)
        if not by_pos:
            return None
        p, s, _ = by_pos.get(None, next(iter(by_pos.values())))
        return (p, s)

    def sentiment_words(self, words: Sequence[str]) -> tuple[float, float]:
        """textblob-fr polarity and subjectivity of a word sequence, clamped into range."""
        given, scored = self._stand_in.words(words)
        if not scored:
            return (0.0, 0.0)  # textblob-fr would assess no word: both averages are 0
        score = self.textblob(given)
        return (_clamp(score[0], -1.0, 1.0), _clamp(score[1], 0.0, 1.0))

    def evaluative(self, lemma: str) -> float | None:
        """Frtone's press-lexicon polarity of a lemma (accents folded), or ``None``."""
        if self._evaluative is None:
            table = load_toml("evaluative.toml").get("polarity", {})
            self._evaluative = {fold(k): _clamp(v, -1.0, 1.0) for k, v in table.items()}
        return self._evaluative.get(fold(lemma))

    def word_polarity(self, form: str, lemma: str, upos: str | None = None) -> float:
        """Prior polarity of one word: press lexicon by lemma first, then textblob-fr.

        textblob-fr's entries are adjectives and adverbs: they are consulted only
        for those (or when ``upos`` is unknown), so the noun *capital* or *fin*
        does not borrow the adjective's polarity. Answers are remembered per
        ``(form, lemma, upos)``: the lexicons do not change once loaded.

        Example:
            >>> lexicon = PolarityLexicon()
            >>> lexicon.word_polarity("chimères", "chimère", "NOUN") < 0
            True
        """
        key = (form, lemma, upos)
        value = self._polarity.get(key)
        if value is None:
            if len(self._polarity) >= POLARITY_CACHE:
                self._polarity.clear()
            value = self._polarity[key] = self._word_polarity(form, lemma, upos)
        return value

    def _word_polarity(self, form: str, lemma: str, upos: str | None) -> float:
        for key in (lemma, *_masculine_singular(form)):
            value = self.evaluative(key)
            if value is not None:
                return value
        if upos is not None and upos not in TEXTBLOB_UPOS:
            return 0.0
        found = self.entry(form.lower())
        return found[0] if found else 0.0


def _masculine_singular(form: str) -> tuple[str, ...]:
    """The form and its likely masculine singular (``inadaptées`` → ``inadapté``).

    The lemmatizer sometimes turns an adjective or participle into a made-up
    verb (``inadaptées`` → ``inadapter``); the press lexicon lists adjectives in
    the masculine singular.
    """
    out = [form]
    base = form[:-1] if form.endswith("s") and len(form) > 3 else form
    if base != form:
        out.append(base)
    if base.endswith("e") and len(base) > 3:
        out.append(base[:-1])
    return tuple(out)


_SHARED: PolarityLexicon | None = None


def shared_lexicon() -> PolarityLexicon:
    """The process-wide lexicon instance (loaded lazily on first use)."""
    global _SHARED
    if _SHARED is None:
        _SHARED = PolarityLexicon()
    return _SHARED


def _loaded_class(lazy: type) -> type:
    """A subclass of textblob's lazy lexicon whose lookups go straight to ``dict``."""
    return type(
        f"Loaded{lazy.__name__}",
        (lazy,),
        {
            name: getattr(dict, name)
            for name in ("__contains__", "__getitem__", "__iter__", "__len__", "get", "items")
        },
    )


def _textblob_fr_module() -> Any:
    """textblob-fr's ``fr`` module (its lexicon), without running the package's ``__init__``.

    ``textblob_fr/__init__.py`` imports its tagger, hence textblob, NLTK, SciPy and
    scikit-learn: about 80 MB per process and seconds of start-up, for nothing frtone
    uses. The ``fr`` module is imported under a bare package object instead, and every
    ``textblob_fr`` entry this adds to ``sys.modules`` is removed afterwards, so a later
    ``import textblob_fr`` by the caller loads the real package as usual. If the package
    is already imported, its ``fr`` module is used.
    """
    if "textblob_fr" in sys.modules:
        return importlib.import_module("textblob_fr.fr")
    spec = importlib.util.find_spec("textblob_fr")
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module("textblob_fr.fr")  # raises the usual ImportError
    before = set(sys.modules)
    package = types.ModuleType("textblob_fr")
    package.__path__ = list(spec.submodule_search_locations)
    package.__package__ = "textblob_fr"
    sys.modules["textblob_fr"] = package
    try:
        return importlib.import_module("textblob_fr.fr")
    finally:
        for name in set(sys.modules) - before:
            if name == "textblob_fr" or name.startswith("textblob_fr."):
                del sys.modules[name]


class _StandIns:
    """What textblob-fr is given for a claim: fewer, cheaper words with the same scores.

    textblob-fr scans the words once, left to right, scoring its lexicon words; a word it
    does not know only matters through a small state (a pending negation and a pending
    modifier) and, when it is not only letters, through an emoticon look-up:

    - for an unknown word that is not only letters (``l'``, ``2015``, ``d'``), textblob-fr
      lower-cases its whole emoticon table to compare, once per word: a tenth of frtone's
      own analysis time. Such a word has no other effect than through its length (whether
      it ends a negation or a modifier run), so it is replaced by ``q``, ``qq`` or ``qqq``,
      unknown words of the same length class;
    - an unknown plain word of three letters or more clears that state, and from a clear
      state a plain unknown word does nothing: in a run of plain unknown words, the words
      after the first long one are dropped (nine words in ten are unknown to the lexicon).

    Emoticons, negations, ``!``, ``(!)`` and lexicon words are never replaced nor dropped.
    The scores are the same.
    """

    PLACEHOLDERS = ("q", "qq", "qqq")

    def __init__(self, sentiment: Any) -> None:
        glob = type(sentiment).assessments.__globals__  # textblob-fr's _text module
        punctuation = glob.get("PUNCTUATION")
        emoticons = glob.get("EMOTICONS")
        self.sentiment = sentiment
        self.inert: frozenset[str] = frozenset({"!", *getattr(sentiment, "negations", ())})
        self.keep: set[str] = {"(!)", *self.inert}
        self.usable = isinstance(punctuation, str | tuple | set | frozenset) and isinstance(
            emoticons, dict
        )
        self.usable = self.usable and not any(
            p in sentiment or p in self.keep for p in self.PLACEHOLDERS
        )
        if self.usable:
            self.punctuation = punctuation
            self.keep.update(e.lower() for faces in emoticons.values() for e in faces)
        # per word as given: (word for textblob-fr, plain unknown word, clears the state,
        # may make an assessment)
        self.cache: dict[str, tuple[str, bool, bool, bool]] = {}

    def words(self, words: Sequence[str]) -> tuple[list[str], bool]:
        """The words to score for ``words`` (any case), and whether any of them may score.

        Only lexicon words, ``(!)`` and emoticons make assessments; without any, both
        of textblob-fr's averages are 0.
        """
        out = []
        scored = False
        clear = False  # the words so far leave textblob-fr's negation and modifier unset
        cache = self.cache
        for word in words:
            found = cache.get(word)
            if found is None:
                found = self._describe(word)
            given, plain, clears, scores = found
            if plain:
                if clear:
                    continue
                clear = clears
            else:
                clear = False
                scored = scored or scores
            out.append(given)
        return out, scored

    def _describe(self, word: str) -> tuple[str, bool, bool, bool]:
        w = word.lower()
        given = self._choose(w) or w
        # plain: unknown to textblob-fr, no negation, "!" or emoticon, and not scanned
        # against the emoticons (letters only, long, or punctuation)
        plain = (
            self.usable
            and given not in self.sentiment
            and given not in self.keep
            and (given.isalpha() or len(given) > 5 or given in self.punctuation)
        )
        clears = len(given) > 2 and len(given.strip("'")) > 1
        # negations and "!" only change other words' assessments
        scores = not plain and (given in self.sentiment or given not in self.inert)
        found = self.cache[word] = (given, plain, clears, scores)
        if len(self.cache) > POLARITY_CACHE:
            self.cache.clear()
        return found

    def _choose(self, w: str) -> str:
        if (
            not self.usable
            or w.isalpha()
            or len(w) > 5
            or w in self.punctuation
            or w in self.keep
            or w in self.sentiment
        ):
            return ""
        long_core, long_word = len(w.strip("'")) > 1, len(w) > 2
        if not long_core and long_word:
            return ""  # no letters-only word has that shape
        return self.PLACEHOLDERS[long_core + long_word]
