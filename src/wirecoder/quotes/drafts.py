"""Quotations in the making (:class:`Draft`) and the paragraph index the assembler works with."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Token


@dataclass
class Draft:
    """A quotation before it becomes a :class:`~wirecoder.model.Quote`."""

    start: int
    end: int
    kind: str
    parts: list[tuple[int, int]] = field(default_factory=list)
    cue_token: Token | None = None
    cue_span: tuple[int, int] | None = None
    speaker_head: Token | None = None
    speaker_span: tuple[int, int] | None = None
    origin: str = "frame"
    cue_label: str | None = None  # cue text for quotes without a cue token (posts)
    cue_type: str | None = None  # the cue's class: speech, writing, belief, perception, stance, evidence, source
    negated: bool = False


class Paragraphs:
    """Paragraph (line) of a character offset, by binary search."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        pos = 0
        for line in text.split("\n"):
            self.starts.append(pos)
            pos += len(line) + 1

    def index(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def bounds(self, n: int) -> tuple[int, int]:
        start = self.starts[n]
        end = self.starts[n + 1] - 1 if n + 1 < len(self.starts) else len(self.text)
        return start, end

    def previous_nonblank(self, n: int) -> int | None:
        for k in range(n - 1, max(-1, n - 20), -1):
            s, e = self.bounds(k)
            if self.text[s:e].strip():
                return k
        return None

    def first_char(self, n: int) -> int:
        s, e = self.bounds(n)
        line = self.text[s:e]
        return s + len(line) - len(line.lstrip())


def strip_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " .,;:\u00a0":
        end -= 1
    return end
