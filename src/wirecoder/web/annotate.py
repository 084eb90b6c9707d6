"""Contract JSON (one article) -> what the annotated-article page shows.

Works on the plain dict form of the output contract, so the same code renders a fresh
extraction (``ArticleResult.to_json_dict()``) and a document read back from the store.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from wirecoder.web.highlight import Mark, highlight
from wirecoder.web.quads import quad_key, quad_label, quad_of

#: Number of distinct speaker colours in the stylesheet (classes spk-0 .. spk-7).
SPEAKER_COLOURS = 8
_SNIPPET = 160

# Draw order for marks with the same extent: zones outermost, then quotes, triggers innermost.
_PRIORITY = {"zone": -1, "quote": 0, "speaker": 1, "actor": 2, "timex": 3, "event": 4}
#: Zones drawn dimmed: page furniture, credits and bylines, which the stages do not read.
DIMMED_ZONES = frozenset({"furniture", "credit", "byline"})


@dataclass
class EventRow:
    id: str
    type: str
    quad: str
    quad_label: str
    mode: str | None
    sources: list[str]
    targets: list[str]
    date: str | None
    date_source: str | None
    status: str
    trigger: str
    confidence: float | None
    anchor: str


@dataclass
class QuoteRow:
    id: str
    text: str
    kind: str
    speaker: str
    colour: int | None
    cue: str | None
    anchor: str


@dataclass
class ActorRow:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    mentions: int


@dataclass
class TimexRow:
    id: str
    text: str
    type: str
    value: str
    anchor: str


@dataclass
class ArticleView:
    html: Markup
    doc: dict[str, Any]
    events: list[EventRow] = field(default_factory=list)
    quotes: list[QuoteRow] = field(default_factory=list)
    actors: list[ActorRow] = field(default_factory=list)
    timexes: list[TimexRow] = field(default_factory=list)


def shorten(text: str, limit: int = _SNIPPET) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def actor_label(actor: dict[str, Any]) -> str:
    """ "Donald Trump (USA GOV)": the name and whatever codes the actor has."""
    codes = " ".join(c for c in (actor.get("country"), actor.get("sector")) if c)
    return f"{actor.get('name', '?')} ({codes})" if codes else str(actor.get("name", "?"))


def speaker_colours(quotes: list[dict[str, Any]]) -> dict[str, int]:
    """A colour index per speaker, in order of first quote, cycling through the palette."""
    colours: dict[str, int] = {}
    for quote in quotes:
        speaker = quote.get("speaker")
        if speaker and speaker not in colours:
            colours[speaker] = len(colours) % SPEAKER_COLOURS
    return colours


def _actor_marks(actors: list[dict[str, Any]]) -> list[Mark]:
    marks = []
    for actor in actors:
        title = f"{actor_label(actor)} · {actor.get('kind', '')}".strip(" ·")
        if actor.get("role"):
            title += f" · {actor['role']}"
        for mention in actor.get("mentions", []):
            marks.append(
                Mark(
                    mention["start"],
                    mention["end"],
                    f"ann ann-actor kind-{actor.get('kind', 'other')}",
                    title=title,
                    data=(("actor", str(actor["id"])),),
                    priority=_PRIORITY["actor"],
                )
            )
    return marks


def _timex_marks(timexes: list[dict[str, Any]]) -> list[Mark]:
    return [
        Mark(
            t["start"],
            t["end"],
            "ann ann-timex",
            title=f"{t.get('type', '')} {t.get('value', '')}".strip(),
            id=f"tx-{t['id']}",
            priority=_PRIORITY["timex"],
        )
        for t in timexes
    ]


def _quote_marks(quotes: list[dict[str, Any]], names: dict[str, str], colours: dict[str, int]) -> list[Mark]:
    marks = []
    for q in quotes:
        speaker_id = q.get("speaker")
        colour = f"spk-{colours[speaker_id]}" if speaker_id in colours else "spk-none"
        speaker = names.get(speaker_id or "", q.get("speaker_text") or "unknown speaker")
        marks.append(
            Mark(
                q["start"],
                q["end"],
                f"ann ann-quote {colour}",
                title=f"{q.get('kind', '')} quote · {speaker}",
                id=f"q-{q['id']}",
                priority=_PRIORITY["quote"],
            )
        )
        if q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            marks.append(
                Mark(
                    q["speaker_start"],
                    q["speaker_end"],
                    f"ann ann-speaker {colour}",
                    title=f"speaker of {q['id']}",
                    priority=_PRIORITY["speaker"],
                )
            )
    return marks


def _event_marks(events: list[dict[str, Any]]) -> list[Mark]:
    marks = []
    for e in events:
        trigger = e.get("trigger") or {}
        if "start" not in trigger:
            continue
        title = f"{e.get('type')} · {e.get('status', '')} · {e.get('date') or 'no date'}"
        marks.append(
            Mark(
                trigger["start"],
                trigger["end"],
                f"ann ann-event quad-{quad_key(e.get('type'))}",
                title=title,
                id=f"ev-{e['id']}",
                data=(("event", str(e["id"])),),
                priority=_PRIORITY["event"],
            )
        )
    return marks


def _zone_marks(zones: list[dict[str, Any]]) -> list[Mark]:
    return [
        Mark(z["start"], z["end"], f"zone zone-{z['kind']}", title=str(z["kind"]), priority=_PRIORITY["zone"])
        for z in zones
        if z.get("kind") in DIMMED_ZONES
    ]


def _event_rows(events: list[dict[str, Any]], names: dict[str, str]) -> list[EventRow]:
    rows = []
    for e in events:
        quad = quad_of(e.get("type"))
        rows.append(
            EventRow(
                id=e["id"],
                type=str(e.get("type")),
                quad=quad_key(e.get("type")),
                quad_label=quad_label(quad) if quad else "",
                mode=e.get("mode"),
                sources=[names.get(a, a) for a in e.get("source", [])],
                targets=[names.get(a, a) for a in e.get("target", [])],
                date=e.get("date"),
                date_source=e.get("date_source"),
                status=str(e.get("status", "")),
                trigger=(e.get("trigger") or {}).get("text", ""),
                confidence=e.get("confidence"),
                anchor=f"ev-{e['id']}",
            )
        )
    return rows


def _quote_rows(quotes: list[dict[str, Any]], names: dict[str, str], colours: dict[str, int]) -> list[QuoteRow]:
    return [
        QuoteRow(
            id=q["id"],
            text=shorten(q.get("text", "")),
            kind=str(q.get("kind", "")),
            speaker=names.get(q.get("speaker") or "", q.get("speaker_text") or "unknown"),
            colour=colours.get(q.get("speaker") or ""),
            cue=q.get("cue"),
            anchor=f"q-{q['id']}",
        )
        for q in quotes
    ]


def article_view(text: str, result: dict[str, Any]) -> ArticleView:
    """Highlighted text and side tables for one article's contract JSON."""
    actors = result.get("actors", [])
    quotes = result.get("quotes", [])
    events = result.get("events", [])
    timexes = result.get("timexes", [])
    names = {a["id"]: a.get("name", a["id"]) for a in actors}
    colours = speaker_colours(quotes)
    marks = _quote_marks(quotes, names, colours) + _actor_marks(actors) + _timex_marks(timexes) + _event_marks(events)
    marks += _zone_marks(result.get("doc", {}).get("zones", []))
    return ArticleView(
        html=highlight(text, marks),
        doc=result.get("doc", {}),
        events=_event_rows(events, names),
        quotes=_quote_rows(quotes, names, colours),
        actors=[
            ActorRow(
                id=a["id"],
                name=a.get("name", ""),
                kind=a.get("kind", ""),
                country=a.get("country"),
                sector=a.get("sector"),
                role=a.get("role"),
                mentions=len(a.get("mentions", [])),
            )
            for a in actors
        ],
        timexes=[
            TimexRow(
                id=t["id"],
                text=t.get("text", ""),
                type=t.get("type", ""),
                value=t.get("value", ""),
                anchor=f"tx-{t['id']}",
            )
            for t in timexes
        ],
    )
