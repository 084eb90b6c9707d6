"""Token ranges of the quotes stage: sentence bounds, trimming to content, subtree tests."""

from __future__ import annotations

import bisect

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Token

_EDGE_PUNCT = set(",;:.!?-\u2013\u2014()[]")

#: A content's character span and the cue's dependents whose subtrees make it up (None: no content).
Found = tuple[tuple[int, int], tuple[Token, ...]] | None


def with_roots(content: tuple[int, int] | None, roots: list[Token]) -> Found:
    return None if content is None else (content, tuple(roots))


def only_punct(doc: Doc, start: int, end: int) -> bool:
    return all(t.is_punct or t.is_space for t in doc[start:end])


def dominates(tree: Token, token: Token | None) -> bool:
    return token is not None and (tree.i == token.i or tree.is_ancestor(token))


def contains(tree: Token, token: Token | None) -> bool:
    return token is not None and tree.left_edge.i <= token.i <= tree.right_edge.i


_SENTS_KEY = ("wirecoder.quotes", "sentence_starts")


def sentence_bounds(token: Token) -> tuple[int, int]:
    """Token range [start, end) of the token's sentence (``Token.sent`` is slow; this is cached)."""
    doc = token.doc
    starts = doc.user_data.get(_SENTS_KEY)
    if starts is None:
        if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
            starts = [int(i) for i in numpy.flatnonzero(doc.to_array(SENT_START) == 1)]
        else:
            starts = [0]
        doc.user_data[_SENTS_KEY] = starts
    k = bisect.bisect_right(starts, token.i) - 1
    start = starts[k] if k >= 0 else 0
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return start, end


def trim(doc: Doc, start: int, end: int, keep_out: Token) -> tuple[int, int] | None:
    """Character span of tokens [start, end) within the cue's sentence, without edge punctuation.

    None when too small.  Clipping to the sentence undoes parses that hang the previous sentence
    on a reporting verb; quoted text cut by it is restored whole by the assembler.
    """
    sent_start, sent_end = sentence_bounds(keep_out)
    start, end = max(start, sent_start), min(end, sent_end)
    while start < end and (doc[start].text in _EDGE_PUNCT or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].text in _EDGE_PUNCT or doc[end - 1].is_space):
        end -= 1
    if end - start < 2 or (start <= keep_out.i < end and end - start < 3):
        return None
    if not any(t.is_alpha for t in doc[start:end]):
        return None
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
