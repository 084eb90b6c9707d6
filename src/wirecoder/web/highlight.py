"""Offsets to highlighted HTML.

Annotations in wirecoder overlap freely: an actor mention inside a quotation, an event trigger
that is also part of a time expression, two quotes that cross.  HTML elements must nest, so a
mark that crosses another is split into fragments: the inner element is closed where the outer
one ends and reopened right after.  Only the first fragment carries the mark's ``id`` (ids are
unique in a page); every fragment carries its classes, title and data attributes, so hovering
any piece of a mark shows the same tooltip.

Everything from the input is escaped (text and attribute values), so ``<``, ``>``, ``&`` and
quotes in an article can never become markup.  Offsets are Python ``str`` indices (code points),
the same unit as the output contract, so no conversion is needed for non-ASCII text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch ``text[start:end]`` and how to render it."""

    start: int
    end: int
    classes: str
    title: str | None = None
    id: str | None = None
    data: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    #: Among marks with the same extent, lower priority is rendered outside.
    priority: int = 0


def valid_marks(marks: Iterable[Mark], length: int) -> list[Mark]:
    """Marks that point inside the text and are not empty (others cannot be drawn)."""
    return [m for m in marks if 0 <= m.start < m.end <= length]


def _outer_first(mark: Mark) -> tuple[int, int]:
    # Longer marks open first so they enclose the shorter ones that start at the same place.
    return (-mark.end, mark.priority)


def _open_tag(mark: Mark, first: bool) -> str:
    classes = mark.classes if first else f"{mark.classes} cont"
    parts = [f'<span class="{escape(classes)}"']
    if first and mark.id:
        parts.append(f' id="{escape(mark.id)}"')
    if mark.title:
        parts.append(f' title="{escape(mark.title)}"')
    for key, value in mark.data:
        parts.append(f' data-{escape(key)}="{escape(value)}"')
    return "".join(parts) + ">"


def _boundaries(marks: Sequence[Mark]) -> list[int]:
    return sorted({m.start for m in marks} | {m.end for m in marks})


def highlight(text: str, marks: Iterable[Mark]) -> Markup:
    """The text as HTML, with every valid mark wrapped in a ``<span>``, correctly nested."""
    drawable = valid_marks(marks, len(text))
    starting: dict[int, list[Mark]] = {}
    for mark in drawable:
        starting.setdefault(mark.start, []).append(mark)
    opened: set[int] = set()  # id() of marks whose first fragment has been written
    stack: list[Mark] = []
    out: list[str] = []
    cursor = 0
    for position in _boundaries(drawable):
        out.append(str(escape(text[cursor:position])))
        cursor = position
        reopen = _close_marks_ending_at(position, stack, out)
        to_open = reopen + starting.get(position, [])
        for mark in sorted(to_open, key=_outer_first):
            out.append(_open_tag(mark, first=id(mark) not in opened))
            opened.add(id(mark))
            stack.append(mark)
    out.append(str(escape(text[cursor:])))
    return Markup("".join(out))


def _close_marks_ending_at(position: int, stack: list[Mark], out: list[str]) -> list[Mark]:
    """Close every open mark that ends here; marks opened inside them but still running are
    closed too and returned, to be reopened as continuation fragments."""
    reopen: list[Mark] = []
    while any(m.end == position for m in stack):
        top = stack.pop()
        out.append("</span>")
        if top.end != position:
            reopen.append(top)
    return reopen
