"""Sentence and paragraph lookups for one Doc, computed once (``Span.sent`` rescans the Doc)."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class SentenceIndex:
    """Token index -> sentence number; sentence number -> first token and paragraph number."""

    def __init__(self, doc: Doc, text: str) -> None:
        if doc.has_annotation("SENT_START"):
            sents = [(s.start, s.start_char) for s in doc.sents]
        else:
            sents = [(0, 0)]
        self.token_starts = [start for start, _ in sents]
        breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
        self.paragraphs = [bisect.bisect_right(breaks, char) for _, char in sents]

    def of_token(self, i: int) -> int:
        return max(0, bisect.bisect_right(self.token_starts, i) - 1)

    def first_token(self, sentence: int) -> int:
        return self.token_starts[sentence]

    def paragraph(self, sentence: int) -> int:
        return self.paragraphs[sentence]

    def __len__(self) -> int:
        return len(self.token_starts)
