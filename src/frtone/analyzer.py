"""The analyzer: text → parsed document → claims → cues → scores → typed results.

Example:
    >>> import frtone
    >>> analyzer = frtone.Analyzer()
    >>> result = analyzer.analyze(
    ...     "Le cloud souverain lave son linge sale en famille. Orange reprendrait Cloudwatt.",
    ...     targets=["Orange", "Cloudwatt"],
    ... )
    >>> [c.sarcasm.label for c in result.claims]
    [True, False]
    >>> result.claims[1].hedged
    True
"""

from __future__ import annotations

import bisect
import dataclasses
import gc
import os
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from frtone import __version__
from frtone.backends import Backend, load_backend
from frtone.claims.annotate import classify_kind, find_hedges, find_reported, is_negated
from frtone.claims.evaluative import token_polarities
from frtone.claims.segment import ClaimSpan, segment
from frtone.cues import find_cues
from frtone.cues.patterns import Unit
from frtone.document import Document
from frtone.errors import InputTypeError, LanguageWarning
from frtone.gazetteer import gazetteer
from frtone.language import detect_language
from frtone.results import (
    ArticleAnalysis,
    ArticleSarcasm,
    Claim,
    ClaimSarcasm,
    Entity,
    LanguageInfo,
    Mention,
    Stance,
    StanceLabel,
    TargetResult,
)
from frtone.scoring.article import (
    EVIDENCE_FLOOR,
    FOCUS_TARGETS,
    article_sarcasm,
    article_stance,
)
from frtone.scoring.base import FAR, ClaimFeatures, SarcasmScorer, StanceInput, StanceScorer
from frtone.scoring.polarity import PolarityLexicon, shared_lexicon
from frtone.scoring.rules import RuleSarcasmScorer, RuleStanceScorer, stance_label
from frtone.targets import Target, coerce_targets, detect_targets, target_mentions
from frtone.text import CleanText, clean

if TYPE_CHECKING:
    from frtone.scoring.trained import ScorerModel

MAX_INHERITED_TARGETS = 2
NO_PATH = 2 * FAR + 1  # longer than any path through a shared ancestor
INHERIT_FOR_CLAIMS = 3
TargetsArg = Iterable[Target | str | dict[str, Any]] | None


def _check_text(text: object, where: str) -> str:
    if not isinstance(text, str):
        raise InputTypeError(
            f"{where} expects the article text as str, got {type(text).__name__}. "
            'Decode bytes first, e.g. data.decode("utf-8").'
        )
    return text


class Analyzer:
    """Reusable analyzer: loads the backend once, then analyses many articles.

    Args:
        backend: ``"spacy"`` (default), ``"stanza"`` or a :class:`~frtone.backends.Backend`
            instance.
        model: Backend model: spaCy model name or path (default ``fr_core_news_md``); for
            stanza, the model directory (default ``$FRTONE_STANZA_DIR`` or stanza's own).
            A folder written by ``frtone train`` (it holds ``frtone-model.json``) is a
            scorer model instead: its scorers are used, with the backend's default model.
        scorers: Which trained scorers to use: ``"default"`` (the models shipped with
            frtone, trained on the bundled corpus), ``"rules"`` (the hand-combined
            :class:`~frtone.scoring.rules.RuleSarcasmScorer` and
            :class:`~frtone.scoring.rules.RuleStanceScorer`), a folder written by
            ``frtone train``, or a loaded :class:`~frtone.scoring.trained.ScorerModel`.
        sarcasm_scorer: A :class:`~frtone.scoring.base.SarcasmScorer`; overrides
            ``scorers`` for sarcasm.
        stance_scorer: A :class:`~frtone.scoring.base.StanceScorer`; overrides
            ``scorers`` for stance.
        max_length: Longest piece of text the backend parses at once (characters);
            longer paragraphs are cut at sentence ends, offsets stay exact.
        include_tokens: Keep tokens on claims (set ``False`` for lean results).
        gc_freeze: Once the models are loaded, collect garbage and then move every object
            the process holds into the garbage collector's permanent generation
            (``gc.freeze()``). The models (spaCy's pipeline alone is some 660,000
            objects) then stay out of the full collections that a long batch triggers,
            which otherwise cost about a sixth of frtone's own time. It applies to the
            whole process, as Python recommends doing after start-up; frozen objects are
            still freed when their reference count drops, only cycles among them are no
            longer collected. Pass ``False`` to leave the collector alone.

    Example:
        >>> analyzer = Analyzer()
        >>> [r.claims[0].kind for r in analyzer.pipe(["Quid des 150 millions d'euros versés ?"])]
        ['rhetorical_question']
    """

    def __init__(
        self,
        backend: str | Backend = "spacy",
        *,
        model: str | None = None,
        scorers: str | os.PathLike[str] | ScorerModel = "default",
        sarcasm_scorer: SarcasmScorer | None = None,
        stance_scorer: StanceScorer | None = None,
        max_length: int | None = None,
        include_tokens: bool = True,
        gc_freeze: bool = True,
    ) -> None:
        from frtone.language import load_identifier
        from frtone.scoring.trained import is_model_folder

        load_identifier()  # before the backend: its loading peak then stays below spaCy's
        if model is not None and is_model_folder(model):
            scorers, model = model, None
        if isinstance(backend, str):
            options: dict[str, Any] = {}
            if model is not None:
                options["model"] = model
            if max_length is not None:
                options["max_length"] = max_length
            self.backend: Backend = load_backend(backend, **options)
        else:
            from frtone.backends import check_provides

            check_provides(backend)
            self.backend = backend
        default_sarcasm, default_stance = _scorers(scorers)
        self.sarcasm_scorer: SarcasmScorer = sarcasm_scorer or default_sarcasm
        self.stance_scorer: StanceScorer = stance_scorer or default_stance
        for obj, proto in (
            (self.sarcasm_scorer, SarcasmScorer),
            (self.stance_scorer, StanceScorer),
        ):
            if not isinstance(obj, proto):
                raise TypeError(f"{type(obj).__name__} does not implement {proto.__name__}")
        self.include_tokens = include_tokens
        self.lexicon: PolarityLexicon = shared_lexicon()
        if gc_freeze:
            gc.collect()  # garbage frozen now would never be collected
            gc.freeze()

    def analyze(
        self, text: str, targets: TargetsArg = None, *, id: str | None = None
    ) -> ArticleAnalysis:
        """Analyse one article.

        Args:
            text: The article text (``str``).
            targets: Target names, ``"NAME=ALIAS|ALIAS"`` specs, dicts or
                :class:`~frtone.targets.Target`; ``None`` detects the main targets.
            id: Identifier copied into the result.

        Raises:
            TypeError: ``text`` is not a ``str`` (:class:`~frtone.errors.InputTypeError`).
        """
        _check_text(text, "frtone.analyze()")
        return next(self.pipe([text], targets, ids=[id]))

    def pipe(
        self,
        texts: Iterable[str],
        targets: TargetsArg = None,
        *,
        ids: Iterable[str | None] | None = None,
        batch_size: int = 16,
    ) -> Iterator[ArticleAnalysis]:
        """Analyse many articles, streaming results in input order.

        Args:
            texts: Article texts.
            targets: Targets shared by every article (``None``: detect per article).
            ids: Optional identifiers, one per text.
            batch_size: Articles parsed together by the backend.
        """
        wanted = coerce_targets(targets)
        id_iter = iter(ids) if ids is not None else None
        triples = ((t, wanted, next(id_iter, None) if id_iter else None) for t in texts)
        yield from self.pipe_items(triples, batch_size=batch_size)

    def pipe_items(
        self,
        items: Iterable[tuple[str, TargetsArg, str | None]],
        *,
        batch_size: int = 16,
    ) -> Iterator[ArticleAnalysis]:
        """Analyse ``(text, targets, id)`` triples, streaming results in input order.

        Like :meth:`pipe`, but each article brings its own targets (``None``: detect them),
        as the records of ``frtone batch`` do.

        Args:
            items: ``(text, targets, id)`` triples.
            batch_size: Articles parsed together by the backend.

        Example:
            >>> analyzer = Analyzer()
            >>> items = [("Orange paie fort pour acheter pas grand-chose !", ["Orange"], "a"),
            ...          ("Numergy a été un échec.", ["Numergy"], "b")]
            >>> [(r.id, r.targets[0].name, r.targets[0].label) for r in analyzer.pipe_items(items)]
            [('a', 'Orange', 'against'), ('b', 'Numergy', 'against')]
        """
        buffer: list[tuple[str, list[Target] | None, str | None]] = []

        def flush() -> Iterator[ArticleAnalysis]:
            texts = [b[0] for b in buffer]
            cleaned = [clean(t) for t in texts]
            parsed = [c.text if c else t for c, t in zip(cleaned, texts, strict=True)]
            langs = [self._language(t) for t in parsed]
            docs = self.backend.parse(parsed, batch_size=batch_size)
            for doc, lang, (original, wanted, doc_id), c in zip(
                docs, langs, buffer, cleaned, strict=True
            ):
                result = self._analyze_doc(doc, wanted, lang, doc_id)
                yield _remap(result, original, c) if c else result

        for text, targets, doc_id in items:
            if not isinstance(text, str):
                yield from flush()  # results before the bad item are not lost
                buffer = []
                _check_text(text, "Analyzer.pipe()")
            buffer.append((text, coerce_targets(targets), doc_id))
            if len(buffer) >= batch_size:
                yield from flush()
                buffer = []
        if buffer:
            yield from flush()

    def analyze_document(
        self, doc: Document, targets: TargetsArg = None, *, id: str | None = None
    ) -> ArticleAnalysis:
        """Analyse a text the backend (or a spaCy pipeline) has already parsed.

        Offsets are into ``doc.text`` as parsed: unlike :meth:`analyze`, the text is
        not cleaned first (see :func:`frtone.text.clean`). The spaCy component
        (:mod:`frtone.spacy_component`) uses this to analyse a ``Doc`` without
        parsing it again.

        Args:
            doc: A parsed :class:`~frtone.document.Document`.
            targets: As for :meth:`analyze`.
            id: Identifier copied into the result.

        Example:
            >>> analyzer = Analyzer()
            >>> doc = next(analyzer.backend.parse(["Quid des 150 millions d'euros versés ?"]))
            >>> analyzer.analyze_document(doc).claims[0].kind
            'rhetorical_question'
        """
        return self._analyze_doc(doc, coerce_targets(targets), self._language(doc.text), id)

    @staticmethod
    def _language(text: str) -> LanguageInfo:
        lang = detect_language(text)
        if not lang.is_french:
            what = (
                f"its language is uncertain (French at p={lang.confidence:.2f})"
                if lang.code == "fr"
                else f"it looks like {lang.code!r} (p={lang.confidence:.2f}), not French"
            )
            warnings.warn(
                f"The text may not be French: {what}. frtone's lexicons and models are "
                "French; results will be unreliable.",
                LanguageWarning,
                stacklevel=4,
            )
        return lang

    # -- one document -------------------------------------------------------------------

    def _analyze_doc(
        self, doc: Document, wanted: list[Target] | None, lang: LanguageInfo, doc_id: str | None
    ) -> ArticleAnalysis:
        targets = wanted if wanted is not None else detect_targets(doc)
        mentions = target_mentions(doc.text, targets)
        spans = segment(doc)
        token_pols = [
            token_polarities(doc, s.token_start, s.token_end, self.lexicon) for s in spans
        ]
        evaluative = [max(-1.0, min(1.0, sum(p))) for p in token_pols]
        vectors = _mean_vectors(doc, spans, _content_with_vector(doc))
        features = [
            self._features(doc, spans, k, token_pols, evaluative, vectors[k])
            for k in range(len(spans))
        ]
        features = _with_context_irony(features, spans)
        probs = self.sarcasm_scorer.predict(features) if features else []
        claim_targets = self._claim_target_map(doc, spans, targets, mentions)
        stances = self._stances(doc, spans, features, probs, targets, claim_targets, mentions)
        entities = self._entities(doc, targets, mentions)
        claims = []
        threshold = self.sarcasm_scorer.threshold
        for k, span in enumerate(spans):
            f = features[k]
            lo, hi = span.token_start, span.token_end
            start, end = doc.tokens[lo].start, doc.tokens[hi - 1].end
            claims.append(
                Claim(
                    index=k,
                    start=start,
                    end=end,
                    text=doc.text[start:end],
                    paragraph=span.paragraph,
                    sentence=span.sentence,
                    kind=f.kind,
                    hedged=f.hedged,
                    reported=f.reported,
                    polarity=round(f.polarity, 4),
                    subjectivity=round(f.subjectivity, 4),
                    stances=stances[k],
                    sarcasm=ClaimSarcasm(probs[k], probs[k] >= threshold, f.cues, threshold),
                    negated=f.negated,
                    hedges=f.hedges,
                    tokens=tuple(doc.tokens[lo:hi]) if self.include_tokens else (),
                    entities=tuple(e for e in entities if start <= e.start and e.end <= end),
                )
            )
        return ArticleAnalysis(
            id=doc_id,
            frtone_version=__version__,
            backend=doc.backend,
            language=lang,
            targets=self._target_results(doc.text, targets, claims, mentions, wanted is None),
            sarcasm=ArticleSarcasm(
                article_sarcasm(probs, max(EVIDENCE_FLOOR, threshold / 2)),
                tuple(c.index for c in claims if c.sarcasm.label),
            ),
            claims=tuple(claims),
            text_length=len(doc.text),
        )

    def _features(
        self,
        doc: Document,
        spans: Sequence[ClaimSpan],
        k: int,
        token_pols: Sequence[Sequence[float]],
        evaluative: Sequence[float],
        vector: tuple[float, ...],
    ) -> ClaimFeatures:
        span = spans[k]
        lo, hi = span.token_start, span.token_end
        tokens = doc.tokens[lo:hi]
        neighbours = [
            evaluative[j]
            for j in (k - 1, k, k + 1)
            if 0 <= j < len(spans) and spans[j].paragraph == span.paragraph
        ]
        context = sum(neighbours) / len(neighbours)
        words = [t.text.replace("’", "'") for t in tokens]
        polarity, subjectivity = self.lexicon.sentiment_words(words)

        def unit_polarity(unit: Unit) -> float:
            return self.lexicon.word_polarity(unit.form, unit.lemma)

        reported = find_reported(doc, lo, hi)
        hedges = find_hedges(doc, lo, hi)
        cues = find_cues(
            doc,
            lo,
            hi,
            heading=span.heading,
            evaluative=evaluative[k],
            context_polarity=context,
            polarity_of=unit_polarity,
            reported=reported is not None,
        )
        kind = classify_kind(
            doc,
            lo,
            hi,
            heading=span.heading,
            cues=cues,
            evaluative=evaluative[k],
            subjectivity=subjectivity,
        )
        return ClaimFeatures(
            text=doc.text[tokens[0].start : tokens[-1].end],
            tokens=tuple(tokens),
            cues=tuple(cues),
            token_polarity=tuple(token_pols[k]),
            polarity=polarity,
            subjectivity=subjectivity,
            kind=kind,
            hedged=bool(hedges),
            hedges=tuple(hedges),
            reported=reported,
            negated=is_negated(doc, lo, hi),
            context_polarity=round(context, 4),
            vector=vector,
        )

    @staticmethod
    def _claim_target_map(
        doc: Document,
        spans: Sequence[ClaimSpan],
        targets: Sequence[Target],
        mentions: dict[str, list[tuple[int, int]]],
    ) -> list[dict[str, list[int]]]:
        """Per claim, the token indices that mention each target named in it."""
        out: list[dict[str, list[int]]] = []
        for span in spans:
            lo, hi = span.token_start, span.token_end
            start, end = doc.tokens[lo].start, doc.tokens[hi - 1].end
            found: dict[str, list[int]] = {}
            for t in targets:
                toks = [
                    k
                    for (s, e) in mentions[t.name]
                    if start <= s < end
                    for k in range(lo, hi)
                    if doc.tokens[k].start < e and s < doc.tokens[k].end
                ]
                if toks:
                    found[t.name] = toks
            out.append(found)
        return out

    def _stances(
        self,
        doc: Document,
        spans: Sequence[ClaimSpan],
        features: Sequence[ClaimFeatures],
        probs: Sequence[float],
        targets: Sequence[Target],
        claim_targets: Sequence[dict[str, list[int]]],
        mentions: dict[str, list[tuple[int, int]]],
    ) -> list[tuple[Stance, ...]]:
        items: list[StanceInput] = []
        where: list[tuple[int, str]] = []
        every_pair = getattr(self.stance_scorer, "pairs", "named") == "all"
        total = sum(len(m) for m in mentions.values()) or 1
        share = {t.name: len(mentions[t.name]) / total for t in targets}
        last_seen = {t.name: -1 for t in targets}
        last_named: set[str] = set()
        since = 0  # claims since the topic was last named
        ancestors = _ancestors_memo(doc)
        for k, span in enumerate(spans):
            named = claim_targets[k]
            unrelated = (FAR,) * (span.token_end - span.token_start)  # shared by its pairs
            since += 1
            if span.heading or since > INHERIT_FOR_CLAIMS:
                last_named = set()  # a heading opens a new section; topics fade
            if span.heading:
                last_seen = dict.fromkeys(last_seen, -1)
            for t in targets:
                if t.name in named:
                    last_seen[t.name] = k
                    dist = self._distances(doc, span, named[t.name], ancestors)
                    items.append(
                        StanceInput(
                            features[k],
                            t.name,
                            True,
                            dist,
                            probs[k],
                            len(named) - 1,
                            index=k,
                            since=0,
                            share=share[t.name],
                        )
                    )
                    where.append((k, t.name))
                    continue
                inherited = not named and t.name in last_named
                if every_pair or inherited:
                    seen = last_seen[t.name]
                    items.append(
                        StanceInput(
                            features[k],
                            t.name,
                            False,
                            unrelated,
                            probs[k],
                            len(named),
                            inherited=inherited,
                            index=k,
                            since=k - seen if seen >= 0 else -1,
                            share=share[t.name],
                        )
                    )
                    where.append((k, t.name))
            if named:
                # a claim about one or two targets sets the topic the next claims continue
                last_named = set(named) if len(named) <= MAX_INHERITED_TARGETS else set()
                since = 0
        scored = dict(zip(where, self.stance_scorer.predict(items), strict=True)) if items else {}
        out: list[tuple[Stance, ...]] = []
        for k in range(len(spans)):
            row = []
            for t in targets:
                score, conf = scored.get((k, t.name), (0.0, 0.0))
                label: StanceLabel = stance_label(score)  # type: ignore[assignment]
                row.append(Stance(t.name, label, score, conf, t.name in claim_targets[k]))
            out.append(tuple(row))
        return out

    @staticmethod
    def _distances(
        doc: Document,
        span: ClaimSpan,
        mention_tokens: list[int],
        ancestors: Callable[[int], dict[int, int]],
    ) -> tuple[int, ...]:
        """Per token of ``span``, tree distance to the nearest mention word (``FAR`` if none).

        The nearest mention through each shared ancestor is found once for all mention
        words (``best``), instead of walking up from every mention for every token.
        ``ancestors`` is ``doc.ancestors(word, FAR)``, memoised for the document (see
        :func:`_ancestors_memo`).
        """
        mention_up = [ancestors(w.i) for k in mention_tokens for w in doc.tokens[k].words]
        best: dict[int, int] = {}
        for up in mention_up:
            for x, d in up.items():
                if d < best.get(x, NO_PATH):
                    best[x] = d
        mentioned = set(mention_tokens)
        dists = []
        for k in range(span.token_start, span.token_end):
            if k in mentioned:
                dists.append(0)
                continue
            up = ancestors(doc.tokens[k].words[-1].i)
            dist = NO_PATH
            for x, d in up.items():  # nearest ancestors first
                if d >= dist:
                    break  # farther up, d + best[x] cannot be shorter
                b = best.get(x)
                if b is not None and d + b < dist:
                    dist = d + b
            if dist == NO_PATH:
                dist = FAR
            elif dist > FAR and any(up.keys().isdisjoint(m) for m in mention_up):
                dist = FAR  # a mention with no shared ancestor counts as FAR
            dists.append(dist)
        return tuple(dists)

    @staticmethod
    def _entities(
        doc: Document, targets: Sequence[Target], mentions: dict[str, list[tuple[int, int]]]
    ) -> list[Entity]:
        """Backend entities, relabelled by the gazetteer and tagged with their target."""
        owner = {span: name for name, spans in mentions.items() for span in spans}
        out: list[Entity] = []
        covered: set[tuple[int, int]] = set()
        for ent in doc.entities:
            hits = [sp for sp in owner if _overlaps(sp, ent.start, ent.end)]
            covered.update(hits)
            target = owner[hits[0]] if hits else None
            out.append(Entity(doc.text[ent.start : ent.end], ent.start, ent.end, ent.label, target))
        for (s, e), name in owner.items():
            if (s, e) in covered or not doc.text[s:e][:1].isupper():
                continue
            entry = gazetteer().lookup(name)
            out.append(Entity(doc.text[s:e], s, e, entry.label if entry else "ORG", name))
        out.sort(key=lambda x: x.start)
        return out

    @staticmethod
    def _target_results(
        text: str,
        targets: Sequence[Target],
        claims: Sequence[Claim],
        mentions: dict[str, list[tuple[int, int]]],
        detected: bool,
    ) -> tuple[TargetResult, ...]:
        # how many targets each claim names: the same for every target, counted once
        named = [sum(x.mentioned for x in c.stances) or 1 for c in claims]
        starts = [c.start for c in claims]
        out = []
        for t in targets:
            scores, weights, flags = [], [], []
            focused = False
            for c, n in zip(claims, named, strict=True):
                st = c.stance(t.name)
                if st is not None and st.label != "none":
                    scores.append(st.score)
                    weights.append((1.0 if st.mentioned else 0.5) / n)
                    flags.append(st.mentioned)
                    focused = focused or (st.mentioned and n <= FOCUS_TARGETS)
            label, score = article_stance(scores, weights, focused, flags)
            ments = tuple(
                Mention(text[s:e], s, e, _claim_at(claims, starts, s)) for s, e in mentions[t.name]
            )
            out.append(TargetResult(t.name, t.aliases, label, score, ments, detected))
        return tuple(out)


def _ancestors_memo(doc: Document) -> Callable[[int], dict[int, int]]:
    """``doc.ancestors(word, FAR)``, computed once per word of ``doc``.

    A claim naming several targets walks up from the same words for each of them.
    """
    memo: dict[int, dict[int, int]] = {}

    def ancestors(word: int) -> dict[int, int]:
        up = memo.get(word)
        if up is None:
            up = memo[word] = doc.ancestors(word, FAR)
        return up

    return ancestors


def _scorers(
    scorers: str | os.PathLike[str] | ScorerModel,
) -> tuple[SarcasmScorer, StanceScorer]:
    """The sarcasm and stance scorers named by ``Analyzer(scorers=...)``."""
    from frtone.scoring.trained import ScorerModel, default_model, load_model

    if isinstance(scorers, ScorerModel):
        return scorers.sarcasm, scorers.stance
    if scorers == "rules":
        return RuleSarcasmScorer(), RuleStanceScorer()
    loaded = default_model() if scorers == "default" else load_model(scorers)
    return loaded.sarcasm, loaded.stance


CONTENT_POS = frozenset({"NOUN", "ADJ", "VERB", "ADV", "INTJ"})


def _content_with_vector(doc: Document) -> list[bool]:
    """Per token: a content word (noun, adjective, verb, adverb, interjection) with a vector."""
    if doc.vectors is None:
        return []
    known = doc.vectors.any(axis=1).tolist()
    return [k and t.words[0].upos in CONTENT_POS for t, k in zip(doc.tokens, known, strict=True)]


def _mean_vectors(
    doc: Document, spans: Sequence[ClaimSpan], content: Sequence[bool]
) -> list[tuple[float, ...]]:
    """Per claim, the mean word vector of its content words (``content``: per-token mask).

    Zeros for a claim without content words; empty tuples without vectors. The content
    rows are gathered once per document and each claim sums its slice of them; the
    division, rounding and conversion to floats then run on all claims at once. The sum
    adds the rows one after the other in the vectors' own dtype, as ``ndarray.mean`` does,
    so the values are those of a per-claim ``mean``, bit for bit.
    """
    import numpy as np

    if doc.vectors is None:
        return [() for _ in spans]
    width: int = doc.vectors.shape[1]
    rows_at = np.flatnonzero(np.asarray(content, dtype=bool))
    rows = doc.vectors[rows_at]
    starts = np.searchsorted(rows_at, [s.token_start for s in spans]).tolist()
    ends = np.searchsorted(rows_at, [s.token_end for s in spans]).tolist()
    filled = [k for k, (a, b) in enumerate(zip(starts, ends, strict=True)) if b > a]
    out: list[tuple[float, ...]] = [(0.0,) * width] * len(spans)
    if not filled:
        return out
    sums = np.stack([np.add.reduce(rows[starts[k] : ends[k]], axis=0) for k in filled])
    counts = np.array([ends[k] - starts[k] for k in filled], dtype=sums.dtype)[:, None]
    means: list[list[float]] = (sums / counts).round(4).astype(float).tolist()
    for k, values in zip(filled, means, strict=True):
        out[k] = tuple(values)
    return out


def _claim_at(claims: Sequence[Claim], starts: Sequence[int], offset: int) -> int:
    """Index of the claim holding character ``offset``, or -1 (claims are in text order)."""
    k = bisect.bisect_right(starts, offset) - 1
    return claims[k].index if k >= 0 and offset < claims[k].end else -1


def _remap(result: ArticleAnalysis, original: str, cleaned: CleanText) -> ArticleAnalysis:
    """Move a result computed on cleaned text back onto the input's offsets and text."""

    def fix(node: Any) -> None:
        if isinstance(node, dict):
            s, e = node.get("start"), node.get("end")
            if isinstance(s, int) and isinstance(e, int) and s >= 0:
                node["start"], node["end"] = cleaned.span(s, e)
                for key in ("text", "source"):
                    if key in node and isinstance(node[key], str):
                        node[key] = original[node["start"] : node["end"]]
            for value in node.values():
                fix(value)
        elif isinstance(node, list):
            for value in node:
                fix(value)

    data = result.to_dict()
    fix(data)
    data["text_length"] = len(original)
    return ArticleAnalysis.from_dict(data)


def _with_context_irony(
    features: list[ClaimFeatures], spans: Sequence[ClaimSpan]
) -> list[ClaimFeatures]:
    """Set each claim's ``context_irony``: the strongest cue in its paragraph neighbours."""
    out = []
    for k, f in enumerate(features):
        weights = [
            c.weight
            for j in (k - 1, k + 1)
            if 0 <= j < len(features) and spans[j].paragraph == spans[k].paragraph
            for c in features[j].cues
        ]
        irony = max(weights, default=0.0)
        # most claims have no cue around them: they keep their features as they are
        out.append(f if irony == f.context_irony else dataclasses.replace(f, context_irony=irony))
    return out


def _overlaps(span: tuple[int, int], start: int, end: int) -> bool:
    """Whether ``span`` overlaps ``[start, end)``."""
    return span[0] < end and start < span[1]


_DEFAULT: Analyzer | None = None


def analyze(text: str, targets: TargetsArg = None, *, id: str | None = None) -> ArticleAnalysis:
    """Analyse one French article with a shared default :class:`Analyzer`.

    Args:
        text: The article text.
        targets: Names, ``"NAME=ALIAS|ALIAS"`` specs, dicts or Targets; ``None``
            detects the article's main targets.
        id: Identifier copied into the result.

    Returns:
        The article's :class:`~frtone.results.ArticleAnalysis`.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Example:
        >>> import frtone
        >>> r = frtone.analyze("Cloudwatt a longtemps laissé l'image de chimères !")
        >>> r.claims[0].sarcasm.cues[0].text
        'chimères'
        >>> frtone.analyze("   ").claims
        ()
    """
    _check_text(text, "frtone.analyze()")
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT.analyze(text, targets, id=id)
