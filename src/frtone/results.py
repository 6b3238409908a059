"""Typed results: frozen, slotted dataclasses of plain data.

These are what :func:`frtone.analyze` returns and what the ``frtone/1`` JSON
contract serialises. They never hold live spaCy or stanza objects, so they
pickle-free round-trip through JSON with ``to_dict()``/``from_dict()``.

Example:
    >>> import frtone
    >>> result = frtone.analyze("Orange a racheté Cloudwatt. Quel gâchis à la française !")
    >>> again = frtone.ArticleAnalysis.from_dict(result.to_dict())
    >>> again == result
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from frtone.serialize import Record

SCHEMA = "frtone/1"

StanceLabel = Literal["favor", "against", "none"]
ArticleStanceLabel = Literal["favor", "against", "none", "mixed"]
ClaimKind = Literal[
    "assertion",
    "evaluation",
    "prediction",
    "rhetorical_question",
    "question",
    "heading",
]
CueKind = Literal[
    "metaphor",
    "idiom",
    "ironic_marker",
    "ironic_praise",
    "hyperbole",
    "sarcastic_contrast",
    "understatement",
    "scare_quote",
    "ironic_punctuation",
    "rhetorical_question",
]


@dataclass(frozen=True, slots=True)
class Word(Record):
    """A syntactic word (UD sense). A contraction token holds several.

    Attributes:
        i: Index of the word in the article (0-based, over all words).
        text: The word's form; for an expanded contraction the underlying form
            (``de``, ``le`` for *du*).
        lemma: Lemma.
        upos: Universal part-of-speech tag.
        feats: Morphological features, e.g. ``{"Mood": "Cnd"}``.
        head: Index (``i``) of the syntactic head; equal to ``i`` for a root.
        deprel: Universal dependency relation (``root`` for a root).

    Example:
        >>> import frtone
        >>> du = frtone.analyze("Le cloud du gouvernement.").claims[0].tokens[2]
        >>> [(w.text, w.upos, w.deprel) for w in du.words]
        [('de', 'ADP', 'case'), ('le', 'DET', 'det')]
    """

    i: int
    text: str
    lemma: str
    upos: str
    feats: dict[str, str] = field(hash=False)
    head: int = 0
    deprel: str = ""


@dataclass(frozen=True, slots=True)
class Token(Record):
    """A surface token with exact character offsets and its syntactic words.

    Attributes:
        i: Index of the token in the article (0-based).
        text: ``text[start:end]`` of the input.
        start: Start character offset into the input text.
        end: End character offset (exclusive).
        words: One word, or several for a contraction (*du* = *de* + *le*).

    Example:
        >>> import frtone
        >>> tok = frtone.analyze("Orange reprendrait Cloudwatt.").claims[0].tokens[1]
        >>> tok.text, tok.lemma, tok.upos, tok.words[0].feats["Person"]
        ('reprendrait', 'reprendre', 'VERB', '3')
    """

    i: int
    text: str
    start: int
    end: int
    words: tuple[Word, ...]

    @property
    def lemma(self) -> str:
        """Lemma(s) of the token's words, space-joined (``"de le"`` for *du*)."""
        return " ".join(w.lemma for w in self.words)

    @property
    def upos(self) -> str:
        """UPOS tag(s) of the token's words, ``+``-joined (``"ADP+DET"`` for *du*)."""
        return "+".join(w.upos for w in self.words)

    @property
    def is_contraction(self) -> bool:
        """Whether the token holds more than one syntactic word."""
        return len(self.words) > 1


@dataclass(frozen=True, slots=True)
class Entity(Record):
    """A named entity.

    Attributes:
        text: Entity text, ``text[start:end]`` of the input.
        start: Start character offset.
        end: End character offset.
        label: ``ORG``, ``PER``, ``LOC`` or ``MISC``.
        target: Name of the target this entity refers to, if any.

    Example:
        >>> import frtone
        >>> claim = frtone.analyze("Orange rachète Cloudwatt.").claims[0]
        >>> [(e.text, e.label) for e in claim.entities]
        [('Orange', 'ORG'), ('Cloudwatt', 'ORG')]
    """

    text: str
    start: int
    end: int
    label: str
    target: str | None = None


@dataclass(frozen=True, slots=True)
class Cue(Record):
    """A span of text that signals sarcasm, irony or mockery.

    Attributes:
        text: ``text[start:end]`` of the input.
        start: Start character offset.
        end: End character offset.
        kind: Device, e.g. ``metaphor``, ``ironic_praise``, ``scare_quote``.
        weight: Strength of the cue on its own, in [0, 1].

    Example:
        >>> import frtone
        >>> cue = frtone.analyze("Un projet qui reste une chimère.").claims[0].sarcasm.cues[0]
        >>> cue.text, cue.kind
        ('chimère', 'metaphor')
    """

    text: str
    start: int
    end: int
    kind: CueKind
    weight: float = 0.0


@dataclass(frozen=True, slots=True)
class Span(Record):
    """A plain character span with its text and a short label.

    Attributes:
        text: ``text[start:end]`` of the input.
        start: Start character offset.
        end: End character offset.
        label: What the span is (e.g. ``conditional``, ``marker``).

    Example:
        >>> import frtone
        >>> frtone.analyze("Orange reprendrait Cloudwatt.").claims[0].hedges[0]
        Span(text='reprendrait', start=7, end=18, label='conditional')
    """

    text: str
    start: int
    end: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class ClaimSarcasm(Record):
    """Sarcasm judgement of one claim.

    Attributes:
        probability: Probability that the claim is sarcastic, ironic or mocking.
        label: ``probability >= threshold``.
        cues: Cue spans found in the claim.
        threshold: Decision threshold used for ``label``.

    Example:
        >>> import frtone
        >>> s = frtone.analyze("Quid des 150 millions d'euros versés ?").claims[0].sarcasm
        >>> s.label, s.probability >= s.threshold, [c.kind for c in s.cues]
        (True, True, ['ironic_marker', 'rhetorical_question'])
    """

    probability: float
    label: bool
    cues: tuple[Cue, ...] = ()
    threshold: float = 0.5


@dataclass(frozen=True, slots=True)
class Stance(Record):
    """Stance of one claim toward one target.

    Attributes:
        target: Target name.
        label: ``favor``, ``against`` or ``none``.
        score: Direction and strength in [-1, 1].
        confidence: Confidence in the label, in [0, 1].
        mentioned: Whether the claim names the target (else the stance comes from
            the context: the claims around and the claim's own direction).

    Example:
        >>> import frtone
        >>> r = frtone.analyze("Orange paie fort pour acheter pas grand-chose !", ["Orange"])
        >>> r.claims[0].stance("Orange").label
        'against'
    """

    target: str
    label: StanceLabel
    score: float
    confidence: float
    mentioned: bool = True


@dataclass(frozen=True, slots=True)
class Reported(Record):
    """Reported speech: who says it, with which verb.

    Attributes:
        source: Text of the source (``"Le communiqué d'Orange"``).
        verb: Lemma of the reporting verb or marker (``souligner``, ``selon``).
        start: Start offset of the source span, or -1 when unknown.
        end: End offset of the source span, or -1 when unknown.

    Example:
        >>> import frtone
        >>> frtone.analyze("Selon Les Echos, Orange rachète Cloudwatt.").claims[0].reported
        Reported(source='Les Echos', verb='selon', start=6, end=15)
    """

    source: str
    verb: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True, slots=True)
class Claim(Record):
    """A claim: a sentence, or a clause of it, with its scores and annotations.

    Attributes:
        index: Position of the claim in the article (0-based).
        start: Start character offset; ``text[start:end] == claim.text``.
        end: End character offset (exclusive).
        text: The claim's text exactly as in the input.
        paragraph: Index of the paragraph (headings count as paragraphs).
        sentence: Index of the sentence in the article.
        kind: ``assertion``, ``evaluation``, ``prediction``,
            ``rhetorical_question``, ``question`` or ``heading``.
        hedged: Whether the claim is hedged (conditional mood, *semble-t-il*...).
        reported: Source and verb when the claim is reported speech.
        polarity: textblob-fr polarity in [-1, 1], lexicon corrected.
        subjectivity: textblob-fr subjectivity in [0, 1], lexicon corrected.
        stances: One stance per target.
        sarcasm: Sarcasm probability, label and cue spans.
        negated: Whether the main predication is negated.
        hedges: Spans that make the claim hedged.
        tokens: Surface tokens with their syntactic words.
        entities: Named entities inside the claim.

    Example:
        >>> import frtone
        >>> r = frtone.analyze("Le projet est un échec. Orange reprendrait Cloudwatt.")
        >>> claim = r.claims[1]
        >>> claim.index, claim.text, claim.kind, claim.hedged
        (1, 'Orange reprendrait Cloudwatt.', 'assertion', True)
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    sentence: int
    kind: ClaimKind
    hedged: bool
    reported: Reported | None
    polarity: float
    subjectivity: float
    stances: tuple[Stance, ...]
    sarcasm: ClaimSarcasm
    negated: bool = False
    hedges: tuple[Span, ...] = ()
    tokens: tuple[Token, ...] = ()
    entities: tuple[Entity, ...] = ()

    def stance(self, target: str) -> Stance | None:
        """Return the stance toward ``target`` (by name), or ``None``."""
        return next((s for s in self.stances if s.target == target), None)


@dataclass(frozen=True, slots=True)
class Mention(Record):
    """One mention of a target.

    Attributes:
        text: ``text[start:end]`` of the input.
        start: Start character offset.
        end: End character offset.
        claim: Index of the claim holding the mention, or -1.

    Example:
        >>> import frtone
        >>> r = frtone.analyze("L'Etat paie. Le gouvernement promet.", ["l'État=Etat|gouvernement"])
        >>> [(m.text, m.claim) for m in r.targets[0].mentions]
        [('Etat', 0), ('gouvernement', 1)]
    """

    text: str
    start: int
    end: int
    claim: int = -1


@dataclass(frozen=True, slots=True)
class TargetResult(Record):
    """Article-level stance toward one target.

    Attributes:
        name: Target name.
        aliases: Other names that refer to it.
        label: ``favor``, ``against``, ``none`` or ``mixed``.
        score: Weighted mean claim score, in [-1, 1].
        mentions: Where the target is named.
        detected: Whether frtone detected the target (else given by the caller).

    Example:
        >>> import frtone
        >>> r = frtone.analyze("Numergy est un échec. Les offres de Numergy sont inadaptées.")
        >>> t = r.target("Numergy")
        >>> t.label, t.detected, len(t.mentions)
        ('against', True, 2)
    """

    name: str
    aliases: tuple[str, ...]
    label: ArticleStanceLabel
    score: float
    mentions: tuple[Mention, ...]
    detected: bool = False


@dataclass(frozen=True, slots=True)
class ArticleSarcasm(Record):
    """Article-level sarcasm.

    Attributes:
        probability: Probability that the article contains sarcasm at all.
        sarcastic_claims: Indices of claims labelled sarcastic.

    Example:
        >>> import frtone
        >>> frtone.analyze("Le projet avance. Quelle générosité !").sarcasm.sarcastic_claims
        (1,)
    """

    probability: float
    sarcastic_claims: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class BackendInfo(Record):
    """Which linguistic backend produced the annotations.

    Attributes:
        name: ``spacy`` or ``stanza``.
        model: Model name (``fr_core_news_md``).
        model_version: Model version.

    Example:
        >>> import frtone
        >>> frtone.analyze("Orange rachète Cloudwatt.").backend.model
        'fr_core_news_md'
    """

    name: str
    model: str
    model_version: str


@dataclass(frozen=True, slots=True)
class LanguageInfo(Record):
    """Detected language of the article.

    Attributes:
        code: ISO 639-1 code (``fr``), or ``und`` when the text is too short.
        confidence: Probability of ``code``, in [0, 1].
        is_french: Whether frtone considers the text French.

    Example:
        >>> import frtone
        >>> frtone.analyze("Orange a racheté Cloudwatt, condamné d'avance.").language.code
        'fr'
    """

    code: str
    confidence: float
    is_french: bool = True


@dataclass(frozen=True, slots=True)
class ArticleAnalysis(Record):
    """The analysis of one article: the top object of the ``frtone/1`` contract.

    Attributes:
        id: Caller-given identifier, or ``None``.
        frtone_version: Version of frtone that produced the result.
        backend: Backend name, model and model version.
        language: Detected language.
        targets: Article-level stance per target.
        sarcasm: Article-level sarcasm.
        claims: The claims, in text order.
        schema: Always ``"frtone/1"``.
        text_length: Length of the input text in characters.
        source: Where the text came from (e.g. the input file of a batch), or ``None``.

    Example:
        >>> import frtone
        >>> r = frtone.analyze("Orange paie fort pour acheter pas grand-chose !", id="a1")
        >>> r.id, r.schema, len(r.claims), r.to_dict()["schema"]
        ('a1', 'frtone/1', 1, 'frtone/1')
    """

    id: str | None
    frtone_version: str
    backend: BackendInfo
    language: LanguageInfo
    targets: tuple[TargetResult, ...]
    sarcasm: ArticleSarcasm
    claims: tuple[Claim, ...]
    schema: str = SCHEMA
    text_length: int = 0
    source: str | None = field(default=None)

    def to_dict(self) -> dict[str, object]:
        """Return the ``frtone/1`` JSON object, ``schema`` first."""
        data = Record.to_dict(self)
        return {"schema": data.pop("schema"), **data}

    def target(self, name: str) -> TargetResult | None:
        """Return the article-level result for target ``name``, or ``None``."""
        return next((t for t in self.targets if t.name == name), None)

    @property
    def sarcastic_claims(self) -> tuple[Claim, ...]:
        """Claims labelled sarcastic."""
        return tuple(c for c in self.claims if c.sarcasm.label)
