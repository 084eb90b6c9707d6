"""Find quoted stretches of text from its quotation marks, without ever failing on odd input.

Works on the raw string (not on tokens), one paragraph (line) at a time, in one linear scan:

* every mark style of ``data/quotes/quote_marks.tsv`` (curly, straight, guillemets, low-9,
  PTB ````...''``); straight marks are opened or closed by the characters around them;
* nesting: a quote inside a quote stays inside the outer one (only outermost quotes are
  returned);
* the multi-paragraph convention: a paragraph that opens a quote without closing it continues
  into the next paragraph when that paragraph opens with a quotation mark;
* recovery: an opening mark that is never closed runs to the end of its paragraph, and a
  closing mark with nothing open starts at the paragraph's start (``closed`` is False then);
  stray apostrophes are ignored.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field

from wirecoder.quotes.lexicon import Lexicon, Mark, load_lexicon

# Characters after which a mark opens a quote, and before which it closes one.
_OPEN_BEFORE = set("([{<\u2014\u2013-/:;")
_CLOSE_AFTER = set(".,;:!?)]}>\u2014\u2013-/\u2026")


@dataclass(frozen=True)
class QuoteSpan:
    """One outermost quotation: ``start`` is its opening mark, ``end`` is just after its closing one.

    ``parts`` are the per-paragraph pieces (one for an ordinary quote); ``double`` says whether
    double marks open it (single-mark quotes are headline or nested style).
    """

    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    double: bool
    closed: bool = True


@dataclass
class _Open:
    mark: Mark
    pos: int
    part_start: int
    parts: list[tuple[int, int]] = field(default_factory=list)


def find_quote_spans(text: str, lexicon: Lexicon | None = None) -> list[QuoteSpan]:
    """The outermost quotations of ``text``, in order."""
    lexicon = lexicon or load_lexicon()
    hits = [(m.start(), m.group()) for m in lexicon.mark_regex.finditer(text)]
    if not hits:
        return []
    lines = _line_bounds(text)
    line_starts = [s for s, _ in lines]
    by_line: dict[int, list[tuple[int, str]]] = {}
    for pos, mark in hits:
        by_line.setdefault(bisect.bisect_right(line_starts, pos) - 1, []).append((pos, mark))
    scanner = _Scanner(text, lexicon)
    for n, (start, end) in enumerate(lines):
        scanner.scan_line(
            start, end, by_line.get(n, []), lambda n=n: _next_opens_quote(text, lines, n, by_line, lexicon)
        )
    return scanner.spans


def _line_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for piece in text.split("\n"):
        bounds.append((start, start + len(piece)))
        start += len(piece) + 1
    return bounds


def _next_opens_quote(
    text: str, lines: list[tuple[int, int]], n: int, by_line: dict[int, list[tuple[int, str]]], lexicon: Lexicon
) -> int | None:
    """Position of the opening mark that begins the next non-blank line, if it begins with one."""
    for k in range(n + 1, len(lines)):
        start, end = lines[k]
        if not text[start:end].strip():
            continue
        marks = by_line.get(k)
        if not marks:
            return None
        pos, mark = marks[0]
        info = lexicon.marks[mark]
        first_char = start + len(text[start:end]) - len(text[start:end].lstrip())
        if pos == first_char and info.double and info.role != "close":
            return pos
        return None
    return None


class _Scanner:
    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = lexicon
        self.spans: list[QuoteSpan] = []
        self.carried: _Open | None = None  # a quote continuing from the previous paragraph
        self.skip_pos: int | None = None  # the re-opening mark of a continued quote

    def scan_line(
        self, start: int, end: int, marks: list[tuple[int, str]], next_open: Callable[[], int | None]
    ) -> None:
        stack: list[_Open] = []
        if self.carried is not None and not marks and not self.text[start:end].strip():
            return  # a blank line inside a multi-paragraph quote
        if self.carried is not None:
            stack.append(self.carried)
            self.carried = None
        line_floor = start  # recovered quotes never start before this
        for pos, mark in marks:
            if pos == self.skip_pos:
                self.skip_pos = None
                continue
            role = self._role(pos, mark, stack)
            if role == "open":
                info = self.lexicon.marks[mark]
                if info.role == "close":  # ”quoted” styles: the mark closes what it opens
                    info = Mark(info.text, "open", (info.text,), info.double)
                if not info.double and not stack and not self._opens_word(pos, mark):
                    continue
                stack.append(_Open(info, pos, pos))
            elif role == "close":
                closed = self._close(stack, mark, pos)
                if closed is not None:
                    line_floor = closed.end
                elif self.lexicon.marks[mark].double and not stack:
                    recovered = self._recover_opening(line_floor, pos + len(mark))
                    if recovered is not None:
                        self.spans.append(recovered)
                        line_floor = recovered.end
        self._end_line(stack, start, end, next_open)

    # ------------------------------------------------------------------ roles

    def _role(self, pos: int, mark: str, stack: list[_Open]) -> str | None:
        info = self.lexicon.marks[mark]
        before = self.text[pos - 1] if pos > 0 else "\n"
        after_pos = pos + len(mark)
        after = self.text[after_pos] if after_pos < len(self.text) else "\n"
        accepting = any(mark in o.mark.closers for o in stack)
        if not info.double and before.isalnum() and after.isalnum():
            return None  # an apostrophe inside a word: don't, North Korea's
        opens = (before.isspace() or before in _OPEN_BEFORE or before in self.lexicon.marks) and not after.isspace()
        closes = (after.isspace() or after in _CLOSE_AFTER or after in self.lexicon.marks) and not before.isspace()
        if info.role == "open":
            # „quoted“: a mark that usually opens closes a quote that takes it as its closer
            return "close" if accepting and closes and not opens else "open"
        if info.role == "close":
            if accepting:
                return "close"
            if not info.double:
                return None  # a lone apostrophe: Jones’ car, ’90s
            if opens and not closes:
                return "open"  # a closing-style mark used to open (”quoted” styles)
            return "close"
        # either: straight marks
        if not info.double and not accepting and not opens:
            return None
        if info.double and before.isdigit() and not accepting:
            return None  # inches: a 6'2" player
        if opens and not closes:
            return "open"
        if closes and not opens:
            return "close" if accepting or info.double else None
        return "close" if accepting else "open"

    def _opens_word(self, pos: int, mark: str) -> bool:
        # a top-level single quote must open a word: ‘in their heads’, not a stray ‘
        after_pos = pos + len(mark)
        return after_pos < len(self.text) and self.text[after_pos].isalnum()

    # ------------------------------------------------------------------ closing

    def _close(self, stack: list[_Open], mark: str, pos: int) -> QuoteSpan | None:
        for depth in range(len(stack) - 1, -1, -1):
            if mark in stack[depth].mark.closers:
                opened = stack[depth]
                del stack[depth:]
                if stack:
                    return None  # a nested quote closed; the outer one goes on
                end = pos + len(mark)
                parts = (*opened.parts, (opened.part_start, end))
                span = QuoteSpan(opened.pos, end, parts, opened.mark.double)
                self.spans.append(span)
                return span
        return None

    def _recover_opening(self, floor: int, end: int) -> QuoteSpan | None:
        """A closing mark with nothing open: the quote started at the paragraph (or last quote's) end."""
        start = floor
        while start < end and not self.text[start].isalnum():
            start += 1
        if start >= end - 1:
            return None
        return QuoteSpan(start, end, ((start, end),), True, closed=False)

    def _end_line(self, stack: list[_Open], start: int, end: int, find_next_open: Callable[[], int | None]) -> None:
        outer = next((o for o in stack if o.mark.double), None)
        if outer is None:
            return  # unclosed single marks are apostrophes
        line_end = start + len(self.text[start:end].rstrip())
        next_open = find_next_open()  # only looked up when a quote is still open
        if next_open is not None:
            outer.parts.append((outer.part_start, line_end))
            outer.part_start = next_open
            self.carried = outer
            self.skip_pos = next_open
            return
        if not any(ch.isalnum() for ch in self.text[outer.pos : line_end]):
            return  # a stray mark with nothing after it
        parts = (*outer.parts, (outer.part_start, line_end))
        self.spans.append(QuoteSpan(outer.pos, line_end, parts, True, closed=False))
