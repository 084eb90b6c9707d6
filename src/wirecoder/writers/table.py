"""A readable summary of one article's result: actors, time expressions, quotes, events.

Dates, types and statuses are never cut: their columns do not wrap, and when the terminal is
too narrow for them plus readable party names, events are printed one block per event.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from wirecoder.model import ArticleResult, Event

_SNIPPET = 90
#: Below this many columns per name column, event tables turn into one block per event.
_MIN_NAME_WIDTH = 14
#: Below this width the actors table puts each role under the name instead of in its own column.
_ROLE_COLUMN_WIDTH = 100


def _short(text: str, limit: int = _SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table_width(fixed: list[int], flexible: int) -> int:
    """Rich's default box: one border, and a space either side of each cell."""
    return sum(fixed) + 3 * (len(fixed) + flexible) + 1


def _event_type(e: Event) -> str:
    return e.type + (f"/{e.mode}" if e.mode else "")


def _events(result: ArticleResult, names: dict[str, str], width: int) -> RenderableType:
    title = f"Events ({len(result.events)})"
    rows = [
        (
            e.id,
            _event_type(e),
            ", ".join(names.get(i, i) for i in e.source),
            ", ".join(names.get(i, i) for i in e.target),
            e.date or "",
            e.status,
            e.trigger.text,
        )
        for e in result.events
    ]
    fixed = [max([len(h)] + [len(r[k]) for r in rows]) for k, h in ((0, "id"), (1, "type"), (4, "date"), (5, "status"))]
    if rows and width - _table_width(fixed, 3) < 3 * _MIN_NAME_WIDTH:
        return _event_blocks(title, rows)
    table = Table(title=title, title_justify="left")
    for col in ("id", "type", "source", "target", "date", "status", "trigger"):
        whole = col in ("id", "type", "date", "status")
        table.add_column(col, no_wrap=whole, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _event_blocks(title: str, rows: list[tuple[str, ...]]) -> RenderableType:
    parts: list[RenderableType] = [Text(title, style="italic")]
    for event_id, event_type, source, target, date, status, trigger in rows:
        head = Text(f"{event_id}  ", style="bold")
        head.append(f"{event_type}  {date or 'undated'}  {status}")
        parties = f"{source or '?'} → {target}" if target else source or "(no parties)"
        detail = Text(f"{parties}\ntrigger: {trigger}")
        parts += [head, Padding(detail, (0, 0, 0, 4), expand=False)]
    return Group(*parts)


def _actors(result: ArticleResult, width: int) -> Table:
    role_column = width >= _ROLE_COLUMN_WIDTH
    table = Table(title=f"Actors ({len(result.actors)})", title_justify="left")
    for col in ("id", "name", "kind", "country", "sector", "role", "mentions"):
        if col != "role" or role_column:
            table.add_column(col, no_wrap=col not in ("name", "role"), overflow="fold")
    for a in result.actors:
        name = Text(a.name)
        if a.role and not role_column and a.role.casefold() != a.name.casefold():
            name.append(f"\n{a.role}", style="dim")
        cells = [a.id, name, a.kind, a.country or "", a.sector or ""]
        cells += [a.role or ""] if role_column else []
        table.add_row(*cells, str(len(a.mentions)))
    return table


def render_summary(result: ArticleResult, width: int = 120) -> Group:
    """The summary for a terminal ``width`` columns wide."""
    names = {a.id: a.name for a in result.actors}
    doc = result.doc
    credits = "".join(f"  {k}={v}" for k, v in (("source", doc.source), ("authors", ", ".join(doc.authors))) if v)
    header = Text(f"{doc.id}  dct={doc.dct or '?'} ({doc.dct_source})  {doc.chars} chars{credits}", style="bold")

    timexes = Table(title=f"Time expressions ({len(result.timexes)})", title_justify="left")
    for col in ("id", "text", "type", "value"):
        timexes.add_column(col, no_wrap=col != "text", overflow="fold")
    for t in result.timexes:
        timexes.add_row(t.id, t.text, t.type, t.value)

    quotes = Table(title=f"Quotes ({len(result.quotes)})", title_justify="left")
    for col in ("id", "speaker", "kind", "cue", "quote"):
        quotes.add_column(col, no_wrap=col in ("id", "kind"), overflow="fold")
    for q in result.quotes:
        speaker = names.get(q.speaker or "", q.speaker_text or "?")
        quotes.add_row(q.id, speaker, q.kind, q.cue or "", _short(q.text))

    return Group(header, _actors(result, width), timexes, quotes, _events(result, names, width))
