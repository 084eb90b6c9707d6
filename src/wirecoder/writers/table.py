"""A readable summary of one article's result: actors, time expressions, quotes, events."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from wirecoder.model import ArticleResult

_SNIPPET = 90


def _short(text: str, limit: int = _SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def render_summary(result: ArticleResult) -> Group:
    names = {a.id: a.name for a in result.actors}
    doc = result.doc
    credits = "".join(f"  {k}={v}" for k, v in (("source", doc.source), ("authors", ", ".join(doc.authors))) if v)
    header = Text(f"{doc.id}  dct={doc.dct or '?'} ({doc.dct_source})  {doc.chars} chars{credits}", style="bold")

    actors = Table(title=f"Actors ({len(result.actors)})", title_justify="left")
    for col in ("id", "name", "kind", "country", "sector", "role", "mentions"):
        actors.add_column(col)
    for a in result.actors:
        actors.add_row(a.id, a.name, a.kind, a.country or "", a.sector or "", a.role or "", str(len(a.mentions)))

    timexes = Table(title=f"Time expressions ({len(result.timexes)})", title_justify="left")
    for col in ("id", "text", "type", "value"):
        timexes.add_column(col)
    for t in result.timexes:
        timexes.add_row(t.id, t.text, t.type, t.value)

    quotes = Table(title=f"Quotes ({len(result.quotes)})", title_justify="left")
    for col in ("id", "speaker", "kind", "cue", "quote"):
        quotes.add_column(col)
    for q in result.quotes:
        speaker = names.get(q.speaker or "", q.speaker_text or "?")
        quotes.add_row(q.id, speaker, q.kind, q.cue or "", _short(q.text))

    events = Table(title=f"Events ({len(result.events)})", title_justify="left")
    for col in ("id", "type", "source", "target", "date", "status", "trigger"):
        events.add_column(col)
    for e in result.events:
        events.add_row(
            e.id,
            e.type + (f"/{e.mode}" if e.mode else ""),
            ", ".join(names.get(i, i) for i in e.source),
            ", ".join(names.get(i, i) for i in e.target),
            e.date or "",
            e.status,
            e.trigger.text,
        )
    return Group(header, actors, timexes, quotes, events)
