"""frtone as a spaCy pipeline component: ``nlp.add_pipe("frtone")``.

The ``frtone`` factory (registered through the ``spacy_factories`` entry point, so
a saved pipeline that holds it loads with a plain ``spacy.load``) analyses each
``Doc`` the pipeline has parsed — no second parse — and stores:

* ``doc._.frtone_data``: the ``frtone/1`` dict (plain JSON data kept in
  ``doc.user_data``, so it survives ``nlp.pipe(n_process=N)`` and a ``DocBin``
  with ``store_user_data=True``);
* ``doc._.frtone``: a getter building the typed :class:`~frtone.ArticleAnalysis`
  from that dict (``None`` before the component has run); :func:`analysis` is the
  same, typed for type checkers;
* span groups: ``doc.spans["frtone_claims"]`` (label: claim kind),
  ``"frtone_cues"`` (label: cue kind), ``"frtone_hedges"`` (label: hedge kind),
  ``"frtone_reported"`` (the source of reported speech; label: the reporting
  verb) and ``"frtone_stances"`` (one span per claim and target with a stance;
  label ``favor`` or ``against``, ``kb_id_`` the target).

frtone's own parsing adds two components before spaCy's: ``frtone_boundaries``
(press-text sentence rules, before the parser) and the ``frtone_entities`` entity
ruler fed with the gazetteer (before the NER). With ``add_helpers=True`` (the
default) the factory adds them to a pipeline that lacks them, so that the
component sees the same parse as :func:`frtone.analyze`; with
``add_helpers=False`` the pipeline is left as it is and the results follow its
sentences and entities. The pipeline needs a tagger, a lemmatizer, a
morphologizer and a dependency parser (``fr_core_news_md`` has them all): a
``Doc`` without dependencies raises :class:`~frtone.errors.BackendError`.

Example:
    >>> import spacy
    >>> nlp = spacy.load("fr_core_news_md")
    >>> _ = nlp.add_pipe("frtone", config={"targets": ["Orange"]})
    >>> doc = nlp("Orange paie fort pour acheter pas grand-chose !")
    >>> analysis(doc).target("Orange").label
    'against'
    >>> [(s.text, s.label_) for s in doc.spans["frtone_cues"]]
    [('paie fort pour acheter pas grand-chose', 'sarcastic_contrast')]
    >>> doc.spans["frtone_claims"][0].label_
    'evaluation'
"""

# No ``from __future__ import annotations`` here: spaCy reads the factory's
# annotations at run time to validate its config.

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from frtone.backends.base import REQUIRED
from frtone.document import Document
from frtone.errors import BackendError
from frtone.results import ArticleAnalysis, BackendInfo

if TYPE_CHECKING:
    from frtone.analyzer import Analyzer
    from frtone.targets import Target

FACTORY = "frtone"
DATA_ATTR = "frtone_data"
ANALYSIS_ATTR = "frtone"
CLAIMS, CUES, HEDGES, REPORTED, STANCES = (
    "frtone_claims",
    "frtone_cues",
    "frtone_hedges",
    "frtone_reported",
    "frtone_stances",
)
SPAN_GROUPS = (CLAIMS, CUES, HEDGES, REPORTED, STANCES)


def _get_analysis(doc: Doc) -> ArticleAnalysis | None:
    data = doc._.get(DATA_ATTR)
    return None if data is None else ArticleAnalysis.from_dict(data)


def register_extensions() -> None:
    """Declare ``Doc._.frtone_data`` and ``Doc._.frtone`` (idempotent).

    Called on import of this module, which spaCy imports through the entry point
    whenever it creates a pipeline; call it yourself before reading
    ``doc._.frtone`` in a process that never created one (e.g. after
    ``DocBin.get_docs`` with a bare ``Vocab``).

    Example:
        >>> register_extensions()
        >>> Doc.has_extension("frtone") and Doc.has_extension("frtone_data")
        True
    """
    if not Doc.has_extension(DATA_ATTR):
        Doc.set_extension(DATA_ATTR, default=None)
    if not Doc.has_extension(ANALYSIS_ATTR):
        Doc.set_extension(ANALYSIS_ATTR, getter=_get_analysis)


def analysis(doc: Doc) -> ArticleAnalysis:
    """Return the typed analysis the ``frtone`` component stored on ``doc``.

    The same as ``doc._.frtone``, but typed for type checkers and never ``None``.

    Raises:
        BackendError: The component has not run on ``doc``.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("fr_core_news_md")
        >>> _ = nlp.add_pipe("frtone")
        >>> analysis(nlp("Quid des 150 millions d'euros versés ?")).claims[0].kind
        'rhetorical_question'
        >>> analysis(spacy.blank("fr")("Un texte."))  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        frtone.errors.BackendError: [E006] This Doc has no frtone analysis: ...
    """
    register_extensions()
    result = _get_analysis(doc)
    if result is None:
        raise BackendError(
            "This Doc has no frtone analysis: add the component with nlp.add_pipe('frtone') "
            "and process the text with that pipeline."
        )
    return result


def set_analysis(doc: Doc, result: ArticleAnalysis) -> None:
    """Store ``result`` on ``doc``: the ``frtone/1`` dict and the span groups.

    Offsets in ``result`` must be offsets into ``doc.text``.

    Example:
        >>> import frtone, spacy
        >>> text = "Le cloud souverain lave son linge sale en famille."
        >>> doc = spacy.blank("fr")(text)
        >>> set_analysis(doc, frtone.analyze(text))
        >>> [(s.text, s.label_) for s in doc.spans["frtone_cues"]]
        [('lave son linge sale en famille', 'idiom')]
    """
    register_extensions()
    doc._.set(DATA_ATTR, result.to_dict())
    groups: dict[str, list[Span]] = {name: [] for name in SPAN_GROUPS}

    def add(group: str, start: int, end: int, label: str, kb_id: str = "") -> None:
        span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
        if span is not None and len(span):
            groups[group].append(span)

    for claim in result.claims:
        add(CLAIMS, claim.start, claim.end, claim.kind)
        for cue in claim.sarcasm.cues:
            add(CUES, cue.start, cue.end, cue.kind)
        for hedge in claim.hedges:
            add(HEDGES, hedge.start, hedge.end, hedge.label)
        rep = claim.reported
        if rep is not None and rep.start >= 0:
            add(REPORTED, rep.start, rep.end, rep.verb)
        for st in claim.stances:
            if st.label != "none":
                add(STANCES, claim.start, claim.end, st.label, st.target)
    for name, spans in groups.items():
        doc.spans[name] = spans


class _PipelineBackend:
    """frtone backend over the component's own pipeline, the component disabled."""

    name = "spacy"
    provides = REQUIRED

    def __init__(self, nlp: Language, skip: str) -> None:
        self.nlp = nlp
        self.skip = skip

    @property
    def info(self) -> BackendInfo:
        from frtone.backends.spacy_backend import pipeline_info

        return pipeline_info(self.nlp)

    def parse(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Document]:
        from frtone.backends.spacy_backend import document_from_spacy

        info = self.info
        for doc in self.nlp.pipe(texts, batch_size=batch_size, disable=[self.skip]):
            yield document_from_spacy(doc, info)


class FrtoneComponent:
    """The ``frtone`` pipeline component (create it with ``nlp.add_pipe("frtone")``).

    Args:
        nlp: The pipeline it belongs to.
        name: Its name in the pipeline.
        targets: Target specs (``"NAME=ALIAS|ALIAS"`` or ``{"name", "aliases"}``);
            ``None`` detects each article's targets.
        include_tokens: Keep frtone's tokens in the stored result (the ``Doc``
            already has spaCy's; off by default to keep ``DocBin`` files small).

    Example:
        >>> import spacy
        >>> nlp = spacy.load("fr_core_news_md")
        >>> component = nlp.add_pipe("frtone", config={"targets": ["l'État=Etat|gouvernement"]})
        >>> [t.name for t in component.targets]
        ["l'État"]
        >>> "frtone_boundaries" in nlp.pipe_names
        True
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        targets: "list[str | dict[str, Any]] | None" = None,
        include_tokens: bool = False,
    ) -> None:
        from frtone.targets import coerce_targets

        register_extensions()
        self.nlp = nlp
        self.name = name
        self.targets: list[Target] | None = coerce_targets(targets)
        self.include_tokens = include_tokens
        self._analyzer: Analyzer | None = None

    @property
    def analyzer(self) -> "Analyzer":
        """The :class:`~frtone.Analyzer` the component runs (built on first use)."""
        if self._analyzer is None:
            from frtone.analyzer import Analyzer

            # a component in the user's own pipeline leaves their process's collector alone
            self._analyzer = Analyzer(
                _PipelineBackend(self.nlp, self.name),
                include_tokens=self.include_tokens,
                gc_freeze=False,
            )
        return self._analyzer

    def __call__(self, doc: Doc) -> Doc:
        """Analyse ``doc`` and store the results on it."""
        from frtone.backends.spacy_backend import document_from_spacy, pipeline_info

        if len(doc) and not (doc.has_annotation("DEP") and doc.has_annotation("LEMMA")):
            raise BackendError(
                f"The {self.name!r} component needs lemmas and a dependency parse: put it "
                "after the parser of a full French pipeline (e.g. spacy.load('fr_core_news_md'))."
            )
        parsed = document_from_spacy(doc, pipeline_info(self.nlp))
        result = self.analyzer.analyze_document(parsed, self.targets)
        set_analysis(doc, result)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 16) -> Iterator[Doc]:
        """Analyse a stream of docs, in order."""
        for doc in docs:
            yield self(doc)


def boundaries_component(doc: Doc) -> Doc:
    """The ``frtone_boundaries`` component: frtone's press-text sentence rules."""
    from frtone.backends.spacy_backend import _boundaries_component

    return _boundaries_component(doc)


def make_frtone(
    nlp: Language,
    name: str,
    targets: list[str | dict[str, Any]] | None,
    include_tokens: bool,
    add_helpers: bool,
) -> FrtoneComponent:
    """Create the ``frtone`` component (the spaCy factory; see the module docs).

    Args:
        nlp: The pipeline.
        name: The component's name.
        targets: Target specs, or ``None`` to detect targets per article.
        include_tokens: Keep frtone's tokens in the stored result.
        add_helpers: Add ``frtone_boundaries`` and the ``frtone_entities`` ruler
            when the pipeline lacks them.

    Example:
        >>> import spacy
        >>> nlp = spacy.load("fr_core_news_md")
        >>> _ = nlp.add_pipe("frtone", config={"add_helpers": False})
        >>> "frtone_boundaries" in nlp.pipe_names
        False
    """
    if add_helpers:
        from frtone.backends.spacy_backend import prepare_pipeline

        prepare_pipeline(nlp)
    return FrtoneComponent(nlp, name, targets, include_tokens)


if not Language.has_factory(FACTORY):
    Language.factory(
        FACTORY,
        default_config={"targets": None, "include_tokens": False, "add_helpers": True},
        assigns=[f"doc._.{DATA_ATTR}"],
        requires=["token.lemma", "token.pos", "token.morph", "token.dep"],
        func=make_frtone,
    )
if not Language.has_factory("frtone_boundaries"):
    Language.component("frtone_boundaries", func=boundaries_component)
register_extensions()
