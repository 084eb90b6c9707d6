"""One ArticleResult to the rows of the store's tables (pure functions, no database).

Corpus-level actor identity: the same person or country appears in many articles under ids
``a1``, ``a7``, ... that only mean something inside one article.  ``actor_key`` names it across
the corpus from its normalised name, country and sector (``kim-jong-un:PRK:GOV``); a country
actor is keyed by its country code alone (``USA``), so "US" and "United States" meet.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from typing import Any

from wirecoder.model import Actor, ArticleResult, Event, Quote
from wirecoder.store import codebook
from wirecoder.store.dates import day_span
from wirecoder.store.schema import columns

Row = tuple[Any, ...]
_WORD = re.compile(r"\w+")


def normalise_name(name: str) -> str:
    """Case-folded words without accents: 'Kim Jong-un' -> 'kim jong un'."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain.casefold())).replace("_", " ").strip()


def actor_code(country: str | None, sector: str | None) -> str | None:
    """A CAMEO-style code: country then sector (USAGOV), either alone, or None."""
    code = (country or "") + (sector or "")
    return code or None


def actor_key(name: str, kind: str, country: str | None, sector: str | None) -> str:
    if kind == "country" and country:
        return country
    parts = ["-".join(normalise_name(name).split()) or "unnamed", country or "", sector or ""]
    while parts and not parts[-1]:
        parts.pop()
    return ":".join(parts)


def key_of(actor: Actor) -> str:
    return actor_key(actor.name, actor.kind, actor.country, actor.sector)


def document_rows(result: ArticleResult, text: str, origin: str | None, now: datetime) -> dict[str, list[Row]]:
    """Rows for every document table, keyed by table name, in schema column order."""
    actors = {a.id: a for a in result.actors}
    rows: dict[str, list[Row]] = {
        "documents": [_document_row(result, text, origin, now)],
        "actors": [],
        "mentions": [],
        "timexes": [],
        "quotes": [],
        "events": [],
        "event_actors": [],
    }
    doc_id = result.doc.id
    for actor in result.actors:
        rows["actors"].append(_actor_row(doc_id, actor))
        rows["mentions"].extend((doc_id, actor.id, m.start, m.end, m.text) for m in actor.mentions)
    for t in result.timexes:
        span = day_span(t.value)
        rows["timexes"].append(
            (doc_id, t.id, t.text, t.start, t.end, t.type, t.value, span and span.start, span and span.end)
        )
    timex_values = {t.id: t.value for t in result.timexes}
    for q in result.quotes:
        rows["quotes"].append(_quote_row(doc_id, q, actors, timex_values, result.doc.dct))
    for e in result.events:
        rows["events"].append(_event_row(doc_id, e, actors, text))
        for role, ids in (("source", e.source), ("target", e.target)):
            for actor_id in ids:
                actor = actors.get(actor_id)
                rows["event_actors"].append((doc_id, e.id, role, actor_id, key_of(actor) if actor else None))
    for table, table_rows in rows.items():
        width = len(columns(table))
        assert all(len(r) == width for r in table_rows), table
    return rows


def _document_row(result: ArticleResult, text: str, origin: str | None, now: datetime) -> Row:
    doc = result.doc
    contract = result.to_json_dict()
    contract["doc"].pop("text", None)  # the text has its own column; don't store it twice
    span = day_span(doc.dct)
    return (
        doc.id,
        doc.title,
        doc.url,
        doc.source,
        doc.dct,
        span and span.start,
        doc.dct_source,
        doc.chars,
        origin,
        text,
        json.dumps(contract, ensure_ascii=False),
        now,
    )


def _actor_row(doc_id: str, a: Actor) -> Row:
    return (
        doc_id,
        a.id,
        key_of(a),
        a.name,
        normalise_name(a.name),
        a.kind,
        a.country,
        a.sector,
        actor_code(a.country, a.sector),
        a.role,
        len(a.mentions),
    )


def _quote_row(doc_id: str, q: Quote, actors: dict[str, Actor], timexes: dict[str, str], dct: str | None) -> Row:
    speaker = actors.get(q.speaker or "")
    # A quote is dated by the time expression of its reporting clause when it has one, else by the article.
    timex_value = timexes.get(q.timex or "")
    span = day_span(timex_value)
    date = timex_value if span else dct
    span = span or day_span(dct)
    return (
        doc_id,
        q.id,
        q.text,
        q.start,
        q.end,
        q.kind,
        q.speaker,
        speaker and key_of(speaker),
        speaker.name if speaker else None,
        speaker and speaker.country,
        speaker and speaker.sector,
        q.speaker_text,
        q.speaker_start,
        q.speaker_end,
        q.cue,
        q.timex,
        date,
        span and span.start,
        span and span.end,
        q.cue_type,
        q.negated,
    )


def _participants(ids: list[str], actors: dict[str, Actor]) -> tuple[list, ...]:
    """Parallel lists (ids, names, codes, keys, countries, sectors) for one side of an event."""
    found = [actors.get(i) for i in ids]
    names = [a.name if a else i for a, i in zip(found, ids, strict=True)]
    codes = [actor_code(a.country, a.sector) if a else None for a in found]
    keys = [key_of(a) if a else None for a in found]
    return list(ids), names, codes, keys, [a and a.country for a in found], [a and a.sector for a in found]


def _event_row(doc_id: str, e: Event, actors: dict[str, Actor], text: str) -> Row:
    span = day_span(e.date)
    quad = codebook.quad_class(e.type)
    return (
        doc_id,
        e.id,
        e.type,
        e.mode,
        list(e.contexts),
        quad,
        codebook.quad_name(quad),
        codebook.score(e.type, e.mode),
        e.status,
        e.date,
        span and span.start,
        span and span.end,
        span and span.precision,
        e.date_source,
        *_participants(e.source, actors),
        *_participants(e.target, actors),
        e.location.name if e.location else None,
        e.location.country if e.location else None,
        e.trigger.text,
        e.trigger.start,
        e.trigger.end,
        e.sentence.start,
        e.sentence.end,
        text[e.sentence.start : e.sentence.end],
        e.cameo,
        e.confidence,
    )
