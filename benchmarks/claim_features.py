"""CPU time of the per-claim features alone, on cached parses, with a digest of their values.

Run: ``.venv/bin/python benchmarks/claim_features.py [--rounds 6] [--no-gc]``

Times what ``Analyzer._analyze_doc`` does from the parsed document to the claims'
:class:`~frtone.scoring.base.ClaimFeatures` (segmentation, token polarities, mean vectors,
cues, hedges, reported speech, textblob-fr, context irony), then the sarcasm model's rows
(:func:`frtone.scoring.features.claim_rows`), on the throughput documents (each distinct
text once, figures scaled to ``--repeat-to`` documents). The digests change when any
feature value does: two revisions that print the same digests compute the same features.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import time
from typing import Any

from throughput import MODEL, documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=6, help="timed rounds (default 6)")
    parser.add_argument("--repeat-to", type=int, default=210, help="documents (default 210)")
    parser.add_argument("--no-gc", action="store_true", help="disable the garbage collector")
    args = parser.parse_args()
    if args.no_gc:
        gc.disable()

    import frtone
    from frtone.analyzer import _content_with_vector, _mean_vectors, _with_context_irony
    from frtone.claims.evaluative import token_polarities
    from frtone.claims.segment import segment
    from frtone.scoring.features import claim_rows

    texts = list(dict.fromkeys(documents(args.repeat_to)))
    scale = args.repeat_to / len(texts)
    analyzer = frtone.Analyzer(model=MODEL)
    docs = list(analyzer.backend.parse(texts))

    def features(doc: Any) -> list[Any]:  # the feature lines of Analyzer._analyze_doc
        spans = segment(doc)
        pols = [token_polarities(doc, s.token_start, s.token_end, analyzer.lexicon) for s in spans]
        evaluative = [max(-1.0, min(1.0, sum(p))) for p in pols]
        vectors = _mean_vectors(doc, spans, _content_with_vector(doc))
        out = [
            analyzer._features(doc, spans, k, pols, evaluative, vectors[k])
            for k in range(len(spans))
        ]
        return _with_context_irony(out, spans)

    def rows(claims: list[Any]) -> list[dict[str, float]]:
        return claim_rows(claims, vectors=False)

    feats = [features(d) for d in docs]  # warm-up: lexicons, caches
    best_f = best_r = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        feats = [features(d) for d in docs]
        best_f = min(best_f, time.process_time() - start)
        start = time.process_time()
        table = [rows(f) for f in feats]
        best_r = min(best_r, time.process_time() - start)
    digest_f = hashlib.sha256(repr(feats).encode()).hexdigest()[:16]
    digest_r = hashlib.sha256(json.dumps(table, sort_keys=True).encode()).hexdigest()[:16]
    print(
        f"{args.repeat_to} documents: claim features {best_f * scale:.3f}s, "
        f"claim_rows {best_r * scale:.3f}s (best of {args.rounds}); "
        f"digests {digest_f} {digest_r}"
    )


if __name__ == "__main__":
    main()
