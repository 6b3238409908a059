"""Sentence-boundary rules for press text, shared by every backend.

Statistical French models make known mistakes on press text: they cut
``(politique?`` from its ``)``, split inside « » quotations and dash incises,
and start sentences on a lone ``–`` or ``!``. :func:`boundary_constraints`
says, per token of one paragraph, where a sentence may **not** start
(``False``) and leaves the rest to the backend (``None``). The spaCy backend
feeds these constraints to its parser; :func:`merge_starts` applies them after
the fact for backends whose segmenter cannot take constraints.

Example:
    >>> toks = ["Un", "coup", "(", "politique", "?", ")", "sur", "un", "secteur", "!"]
    >>> boundary_constraints(toks)[5:7]
    [False, False]
"""

from __future__ import annotations

from collections.abc import Sequence

from frtone.lang.fr.punctuation import CLOSING, DASHES, OPENING, SENTENCE_FINAL

# A bracket or quotation longer than this (in tokens) may hold sentences of its own.
MAX_INNER_TOKENS = 60


def matched_spans(tokens: Sequence[str]) -> list[tuple[int, int]]:
    """Return (open, close) token index pairs of brackets/quotes closed in the paragraph."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for i, tok in enumerate(tokens):
        if tok == '"':
            if stack and stack[-1][0] == '"':
                spans.append((stack.pop()[1], i))
            else:
                stack.append((tok, i))
        elif tok in OPENING:
            stack.append((tok, i))
        elif tok in CLOSING:
            # close the nearest matching opener; unmatched closers are ignored
            for k in range(len(stack) - 1, -1, -1):
                if OPENING[stack[k][0]] == tok:
                    spans.append((stack[k][1], i))
                    del stack[k:]
                    break
    return spans


def _can_open_sentence(tok: str) -> bool:
    first = tok[0]
    return first.isupper() or first.isdigit() or first in '«"“([' or tok in DASHES


def boundary_constraints(tokens: Sequence[str]) -> list[bool | None]:
    """Return, for each token of a paragraph, ``False`` where no sentence may start.

    Rules: the first token starts a sentence; no sentence starts inside a
    closed bracket or quotation of at most :data:`MAX_INNER_TOKENS` tokens, nor
    on its closing mark; a sentence may start only after sentence-final
    punctuation (possibly followed by closing marks), and only on a token that
    can open a sentence (capital, digit, opening quote or dash) — so a lower-case
    word after ``!`` or ``?`` continues the sentence.
    """
    n = len(tokens)
    out: list[bool | None] = [None] * n
    if n == 0:
        return out
    out[0] = True
    for open_i, close_i in matched_spans(tokens):
        if close_i - open_i - 1 <= MAX_INNER_TOKENS:
            for k in range(open_i + 1, close_i + 1):
                out[k] = False
    for i in range(1, n):
        if out[i] is False or not tokens[i].strip():
            continue  # whitespace tokens are left to the backend
        j = i - 1
        while j > 0 and (tokens[j] in CLOSING or not tokens[j].strip()):
            j -= 1
        after_final = tokens[j] in SENTENCE_FINAL or tokens[j].endswith(("...", "…"))
        if not after_final or not _can_open_sentence(tokens[i]):
            out[i] = False
        elif tokens[i] in DASHES and i + 1 < n and tokens[i + 1][:1].islower():
            # "... ? - devrait pouvoir" : a dash incise closing, not a new sentence
            out[i] = False
    return out


def merge_starts(starts: Sequence[bool], tokens: Sequence[str]) -> list[bool]:
    """Apply :func:`boundary_constraints` to a backend's sentence starts.

    Args:
        starts: ``True`` where the backend starts a sentence, per token.
        tokens: Token texts of the same paragraph.

    Returns:
        Corrected starts: forbidden starts are removed (their sentence merges
        with the previous one); the first token always starts one.
    """
    allowed = boundary_constraints(tokens)
    return [bool(s) and allowed[i] is not False for i, s in enumerate(starts)]
