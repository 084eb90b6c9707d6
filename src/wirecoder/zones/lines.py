"""Step 1: the input's non-empty lines, with offsets of their text without surrounding blanks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str
    #: position among the non-empty lines
    index: int
    #: a blank line (or the start of the text) comes before it
    opens_paragraph: bool

    @property
    def words(self) -> int:
        return self.text.count(" ") + 1


def split_lines(text: str) -> list[Line]:
    """Every non-blank line, ``text[line.start:line.end] == line.text`` (blanks trimmed)."""
    out: list[Line] = []
    offset = 0
    blank_before = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            out.append(Line(start, start + len(stripped), stripped, len(out), blank_before))
            blank_before = False
        else:
            blank_before = True
        offset += len(raw) + 1
    return out
