"""Read queries over the store.  Each takes an open connection and returns plain dicts/lists
(JSON-ready: dates as ISO strings), so the CLI, the web app and the Python API share them."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date, datetime
from typing import Any

import duckdb

from wirecoder.store import filters
from wirecoder.store.filters import Where

Con = duckdb.DuckDBPyConnection

_EVENT_COLUMNS = """
    e.doc_id, e.event_id, e.type, e.mode, e.contexts, e.quad_class, e.quad, e.score, e.status, e.date,
    e.date_start, e.date_end, e.date_precision, e.date_source,
    e.source_ids, e.source_names, e.source_codes, e.source_keys, e.source_countries, e.source_sectors,
    e.target_ids, e.target_names, e.target_codes, e.target_keys, e.target_countries, e.target_sectors,
    e.location_name, e.location_country, e.trigger_text, e.trigger_start, e.trigger_end,
    e.sentence_start, e.sentence_end, e.sentence_text, e.cameo, e.confidence,
    d.title, d.url, d.source AS doc_source, d.dct
"""


def iso(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _dicts(cursor: Con) -> list[dict[str, Any]]:
    names = [d[0] for d in cursor.description]
    return [{n: iso(v) for n, v in zip(names, row, strict=True)} for row in cursor.fetchall()]


def _page(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    if offset < 0 or (limit is not None and limit < 0):
        raise filters.QueryError("limit and offset must not be negative")
    if limit is None:
        return " OFFSET ?", [offset]
    return " LIMIT ? OFFSET ?", [limit, offset]


def event_where(
    actor: str | None, dyad: str | None, type: str | None, status: str | None, since: Any, until: Any
) -> Where:
    where = Where()
    if actor:
        filters.add_event_actor(where, actor)
    if dyad:
        filters.add_event_dyad(where, dyad)
    filters.add_type(where, type)
    filters.add_status(where, status)
    filters.add_dates(where, since, until, "e")
    return where


def _parties(raw: dict[str, Any], role: str) -> list[dict[str, Any]]:
    fields = ("id", "name", "code", "actor_key", "country", "sector")
    lists = [raw[f"{role}_{suffix}"] or [] for suffix in ("ids", "names", "codes", "keys", "countries", "sectors")]
    return [dict(zip(fields, values, strict=True)) for values in zip(*lists, strict=True)]


def _event_row(raw: dict[str, Any]) -> dict[str, Any]:
    return {
        "doc_id": raw["doc_id"],
        "event_id": raw["event_id"],
        "type": raw["type"],
        "mode": raw["mode"],
        "contexts": raw["contexts"] or [],
        "quad_class": raw["quad_class"],
        "quad": raw["quad"],
        "score": raw["score"],
        "status": raw["status"],
        "date": raw["date"],
        "date_start": raw["date_start"],
        "date_end": raw["date_end"],
        "date_precision": raw["date_precision"],
        "date_source": raw["date_source"],
        "source": _parties(raw, "source"),
        "target": _parties(raw, "target"),
        "location": raw["location_name"],
        "location_country": raw["location_country"],
        "trigger": raw["trigger_text"],
        "start": raw["trigger_start"],
        "end": raw["trigger_end"],
        "sentence": raw["sentence_text"],
        "sentence_start": raw["sentence_start"],
        "sentence_end": raw["sentence_end"],
        "cameo": raw["cameo"],
        "confidence": raw["confidence"],
        "title": raw["title"],
        "url": raw["url"],
        "doc_source": raw["doc_source"],
        "dct": raw["dct"],
    }


def event_fields() -> list[str]:
    """The keys of an event row, in order (a CSV of no rows still has its header)."""
    return list(_event_row(defaultdict(lambda: None)))


#: The keys of the other row kinds, in order (tests check them against real rows).
QUOTE_FIELDS = [
    "doc_id",
    "quote_id",
    "text",
    "kind",
    "start",
    "end",
    "speaker",
    "speaker_key",
    "speaker_country",
    "speaker_sector",
    "speaker_id",
    "speaker_text",
    "speaker_start",
    "speaker_end",
    "cue",
    "cue_type",
    "negated",
    "date",
    "date_start",
    "title",
    "url",
    "dct",
]
ACTOR_FIELDS = [
    "actor_key",
    "name",
    "kind",
    "country",
    "sector",
    "code",
    "documents",
    "mentions",
    "events",
    "quotes",
    "names",
]
FAILURE_FIELDS = ["key", "doc_id", "origin", "reason", "failed_at"]


def events(con: Con, where: Where, limit: int | None, offset: int) -> list[dict[str, Any]]:
    page, page_params = _page(limit, offset)
    sql = (
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.doc_id{where.sql()} "
        "ORDER BY e.date_start NULLS LAST, e.doc_id, e.trigger_start, e.event_id" + page
    )
    return [_event_row(r) for r in _dicts(con.execute(sql, where.params + page_params))]


def quotes(
    con: Con, speaker: str | None, actor_country: str | None, since: Any, until: Any, limit: int | None, offset: int
) -> list[dict[str, Any]]:
    where = Where()
    if speaker:
        sub, params = filters.actor_match(speaker)
        where.add(f"EXISTS (SELECT 1 FROM ({sub}) m WHERE m.doc_id = q.doc_id AND m.actor_id = q.speaker_id)", *params)
    if actor_country:
        where.add("upper(q.speaker_country) = ?", actor_country.strip().upper())
    filters.add_dates(where, since, until, "q")
    page, page_params = _page(limit, offset)
    sql = (
        'SELECT q.doc_id, q.quote_id, q.text, q.kind, q.start_char AS start, q.end_char AS "end", '
        "q.speaker_name AS speaker, q.speaker_key, q.speaker_country, q.speaker_sector, q.speaker_id, "
        "q.speaker_text, q.speaker_start, q.speaker_end, q.cue, q.cue_type, q.negated, "
        "q.date, q.date_start, d.title, d.url, d.dct "
        f"FROM quotes q JOIN documents d ON d.id = q.doc_id{where.sql()} "
        "ORDER BY q.date_start NULLS LAST, q.doc_id, q.start_char" + page
    )
    return _dicts(con.execute(sql, where.params + page_params))


# Corpus-level actors: one row per actor_key, with the name it is most often given.
_ACTORS_CTE = """
WITH named AS (
    SELECT actor_key, name, count(*) AS n FROM actors GROUP BY actor_key, name
), agg AS (
    SELECT actor_key, first(kind ORDER BY kind) AS kind, first(country ORDER BY country) AS country,
           first(sector ORDER BY sector) AS sector, first(code ORDER BY code) AS code,
           count(DISTINCT doc_id) AS documents, sum(mentions)::BIGINT AS mentions
    FROM actors GROUP BY actor_key
), names AS (
    SELECT actor_key, first(name ORDER BY n DESC, name) AS name, list(name ORDER BY n DESC, name) AS names
    FROM named GROUP BY actor_key
), ev AS (
    SELECT actor_key, count(DISTINCT (doc_id, event_id)) AS events FROM event_actors
    WHERE actor_key IS NOT NULL GROUP BY actor_key
), qu AS (
    SELECT speaker_key AS actor_key, count(*) AS quotes FROM quotes WHERE speaker_key IS NOT NULL GROUP BY speaker_key
), corpus_actors AS (
    SELECT agg.actor_key, names.name, agg.kind, agg.country, agg.sector, agg.code, agg.documents, agg.mentions,
           coalesce(ev.events, 0) AS events, coalesce(qu.quotes, 0) AS quotes, names.names
    FROM agg JOIN names USING (actor_key) LEFT JOIN ev USING (actor_key) LEFT JOIN qu USING (actor_key)
)
"""


def actors(
    con: Con, limit: int | None, offset: int, country: str | None, sector: str | None, actor_key: str | None = None
) -> list[dict[str, Any]]:
    where = Where()
    if country:
        where.add("upper(country) = ?", country.strip().upper())
    if sector:
        where.add("upper(sector) = ?", sector.strip().upper())
    if actor_key is not None:
        where.add("actor_key = ?", actor_key)
    page, page_params = _page(limit, offset)
    sql = (
        f"{_ACTORS_CTE} SELECT * FROM corpus_actors{where.sql()} "
        "ORDER BY documents DESC, mentions DESC, actor_key" + page
    )
    return _dicts(con.execute(sql, where.params + page_params))


def actor(con: Con, actor_key: str) -> dict[str, Any] | None:
    found = actors(con, None, 0, None, None, actor_key=actor_key)
    if not found:
        return None
    info = found[0]
    info["roles"] = _dicts(
        con.execute(
            "SELECT role, count(*) AS count FROM actors WHERE actor_key = ? AND role IS NOT NULL "
            "GROUP BY role ORDER BY count DESC, role",
            [actor_key],
        )
    )
    info["event_types"] = _dicts(
        con.execute(
            "SELECT e.type, ea.role, count(*) AS count FROM event_actors ea "
            "JOIN events e ON e.doc_id = ea.doc_id AND e.event_id = ea.event_id WHERE ea.actor_key = ? "
            "GROUP BY e.type, ea.role ORDER BY count DESC, e.type, ea.role",
            [actor_key],
        )
    )
    info["counterparts"] = _dicts(
        con.execute(
            f"{_ACTORS_CTE} SELECT o.actor_key, any_value(c.name) AS name, "
            "count(DISTINCT (o.doc_id, o.event_id)) AS events "
            "FROM event_actors ea JOIN event_actors o ON o.doc_id = ea.doc_id AND o.event_id = ea.event_id "
            "AND o.actor_key <> ea.actor_key JOIN corpus_actors c ON c.actor_key = o.actor_key "
            "WHERE ea.actor_key = ? GROUP BY o.actor_key ORDER BY events DESC, o.actor_key LIMIT 20",
            [actor_key],
        )
    )
    info["recent_documents"] = _dicts(
        con.execute(
            "SELECT d.id AS doc_id, d.title, d.url, d.dct FROM documents d "
            "WHERE d.id IN (SELECT doc_id FROM actors WHERE actor_key = ?) "
            "ORDER BY d.dct_date DESC NULLS LAST, d.id LIMIT 20",
            [actor_key],
        )
    )
    return info


def top_dyads(con: Con, limit: int) -> list[dict[str, Any]]:
    sql = (
        f"{_ACTORS_CTE}, pairs AS ("
        "SELECT s.actor_key AS source_key, t.actor_key AS target_key, count(DISTINCT (s.doc_id, s.event_id)) AS events "
        "FROM event_actors s JOIN event_actors t ON s.doc_id = t.doc_id AND s.event_id = t.event_id "
        "AND s.role = 'source' AND t.role = 'target' "
        "WHERE s.actor_key IS NOT NULL AND t.actor_key IS NOT NULL AND s.actor_key <> t.actor_key "
        "GROUP BY s.actor_key, t.actor_key) "
        "SELECT p.source_key, a.name AS source_name, p.target_key, b.name AS target_name, p.events FROM pairs p "
        "JOIN corpus_actors a ON a.actor_key = p.source_key JOIN corpus_actors b ON b.actor_key = p.target_key "
        "ORDER BY p.events DESC, p.source_key, p.target_key LIMIT ?"
    )
    return _dicts(con.execute(sql, [limit]))


def top_speakers(con: Con, limit: int) -> list[dict[str, Any]]:
    sql = (
        f"{_ACTORS_CTE} SELECT q.speaker_key AS actor_key, any_value(c.name) AS name, any_value(c.country) AS country, "
        "count(*) AS quotes, count(DISTINCT q.doc_id) AS documents FROM quotes q "
        "JOIN corpus_actors c ON c.actor_key = q.speaker_key "
        "GROUP BY q.speaker_key ORDER BY quotes DESC, actor_key LIMIT ?"
    )
    return _dicts(con.execute(sql, [limit]))


def stats(con: Con) -> dict[str, Any]:
    one = con.execute(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM quotes), "
        "(SELECT count(DISTINCT actor_key) FROM actors), (SELECT count(*) FROM actors), "
        "(SELECT count(*) FROM failures), (SELECT count(*) FROM timexes), "
        "(SELECT min(dct_date) FROM documents), (SELECT max(dct_date) FROM documents), "
        "(SELECT value FROM meta WHERE key = 'schema_version')"
    ).fetchone()
    assert one is not None
    keys = (
        "documents",
        "events",
        "quotes",
        "actors",
        "actor_rows",
        "failures",
        "timexes",
        "date_from",
        "date_to",
        "schema_version",
    )
    data = {k: iso(v) for k, v in zip(keys, one, strict=True)}
    data["schema_version"] = int(data["schema_version"])
    return data


def document(con: Con, doc_id: str) -> dict[str, Any] | None:
    rows = _dicts(
        con.execute(
            "SELECT id, title, url, source, dct, dct_source, chars, origin, ingested_at, text, result_json "
            "FROM documents WHERE id = ?",
            [doc_id],
        )
    )
    if not rows:
        return None
    row = rows[0]
    text, result = row.pop("text"), json.loads(row.pop("result_json"))
    return {"doc": row, "text": text, "result": result}


def failures(con: Con, limit: int | None, offset: int) -> list[dict[str, Any]]:
    page, params = _page(limit, offset)
    return _dicts(
        con.execute("SELECT key, doc_id, origin, reason, failed_at FROM failures ORDER BY key" + page, params)
    )


def event_dates(con: Con, where: Where) -> list[tuple[Any, str, str]]:
    """(first day, type, status) of every matching dated event, for the timeline."""
    clause = where.sql()
    clause = (clause + " AND " if clause else " WHERE ") + "e.date_start IS NOT NULL"
    return con.execute(f"SELECT e.date_start, e.type, e.status FROM events e{clause}", where.params).fetchall()


def dyad_directions(con: Con, where: Where, sides: tuple[str, str]) -> list[tuple[Any, str, bool, bool]]:
    """(first day, type, first side is among the sources, second side is) of each dated event."""

    def acts(side: str) -> tuple[str, list[Any]]:
        sub, params = filters.actor_match(side)
        return (
            f"EXISTS (SELECT 1 FROM event_actors s JOIN ({sub}) m ON s.doc_id = m.doc_id AND s.actor_id = m.actor_id "
            "WHERE s.doc_id = e.doc_id AND s.event_id = e.event_id AND s.role = 'source')",
            params,
        )

    (first, first_params), (second, second_params) = acts(sides[0]), acts(sides[1])
    clause = where.sql()
    clause = (clause + " AND " if clause else " WHERE ") + "e.date_start IS NOT NULL"
    sql = f"SELECT e.date_start, e.type, {first}, {second} FROM events e{clause}"
    return con.execute(sql, first_params + second_params + where.params).fetchall()
