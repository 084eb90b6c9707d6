"""Exports: whole tables (Parquet, CSV, JSON Lines) and event data in two community layouts.

* ``parquet`` / ``csv``: one table (default ``events``) to a file, or ``--table all`` to a
  folder with one file per table.  Written by DuckDB's ``COPY`` (no pyarrow needed).  In CSV,
  list columns are joined with ``"; "``.
* ``jsonl``: the output contract per document (``--table results``, the default: the same
  objects ``wirecoder extract`` prints), or the rows of any table.
* ``polecat``: one PLOVER JSON record per event, as JSON Lines (field names from the PLOVER
  manual's "Data Fields" chapter, used by POLECAT/NGEC).
* ``gdelt``: story-level events (after the cross-article dedup) as a CSV in the style of the
  GDELT 2.0 event table.

Every layout is documented column by column in docs/analysis.md.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import duckdb

from wirecoder import __version__
from wirecoder.store import codebook
from wirecoder.store.connection import opened, sql_string
from wirecoder.store.errors import QueryError
from wirecoder.store.schema import TABLES
from wirecoder.store.store import Store

FORMATS = ("parquet", "csv", "jsonl", "polecat", "gdelt")
#: Tables that hold data (meta is bookkeeping).
DATA_TABLES = tuple(t for t in TABLES if t != "meta")


def export(store: Store, fmt: str, out: Path, table: str | None = None) -> int:
    """Write the export; returns the number of records written."""
    if fmt not in FORMATS:
        raise QueryError(f"--format must be one of {', '.join(FORMATS)}, got '{fmt}'")
    if fmt == "polecat":
        return _write_jsonl(out, polecat_records(store))
    if fmt == "gdelt":
        return write_gdelt(store, out)
    if fmt == "jsonl":
        return _export_jsonl(store, out, table or "results")
    return _export_table_files(store, fmt, out, table or "events")


# -- whole tables ------------------------------------------------------------------------------


def _check_table(table: str, allow: tuple[str, ...]) -> None:
    if table not in allow:
        raise QueryError(f"--table must be one of {', '.join(allow)}, got '{table}'")


def _select_for(table: str, fmt: str) -> str:
    # CSV has no lists: join them; Parquet keeps them as lists.
    parts = []
    for name, kind in TABLES[table]:
        if fmt == "csv" and kind.endswith("[]"):
            parts.append(f"array_to_string({name}, '; ') AS {name}")
        else:
            parts.append(name)
    order = "id" if table == "documents" else ("key" if table == "failures" else "doc_id")
    return f"SELECT {', '.join(parts)} FROM {table} ORDER BY {order}"


def _copy(con: duckdb.DuckDBPyConnection, table: str, fmt: str, out: Path) -> int:
    options = "FORMAT parquet" if fmt == "parquet" else "FORMAT csv, HEADER true"
    # COPY takes no parameter for its file name: it goes in as a quoted SQL string literal.
    con.execute(f"COPY ({_select_for(table, fmt)}) TO {sql_string(str(out))} ({options})")
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    return int(row[0]) if row else 0


def _export_table_files(store: Store, fmt: str, out: Path, table: str) -> int:
    _check_table(table, (*DATA_TABLES, "all"))
    if table == "all":
        if out.exists() and not out.is_dir():
            raise QueryError(f"{out}: --table all writes one file per table into a folder; this is a file")
        out.mkdir(parents=True, exist_ok=True)
        targets = [(t, out / f"{t}.{fmt}") for t in DATA_TABLES]
    else:
        _check_parent(out)
        targets = [(table, out)]
    written = 0
    with opened(store.path, read_only=True) as con:
        for name, target in targets:
            written += _copy(con, name, fmt, target)
    return written


def _check_parent(out: Path) -> None:
    if out.is_dir():
        raise QueryError(f"{out}: is a folder; give a file name")
    if not out.parent.exists():
        raise QueryError(f"{out.parent}: no such folder")


def _export_jsonl(store: Store, out: Path, table: str) -> int:
    _check_table(table, ("results", *DATA_TABLES))
    with opened(store.path, read_only=True) as con:
        if table == "results":
            cursor = con.execute("SELECT result_json FROM documents ORDER BY id")
            return _write_lines(out, (row[0] for row in _fetch(cursor)))
        cursor = con.execute(_select_for(table, "parquet"))
        names = [d[0] for d in cursor.description]
        records = (dict(zip(names, row, strict=True)) for row in _fetch(cursor))
        return _write_lines(out, (json.dumps(r, ensure_ascii=False, default=_json_default) for r in records))


def _fetch(cursor: duckdb.DuckDBPyConnection) -> Iterator[tuple]:
    while batch := cursor.fetchmany(1000):
        yield from batch


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _write_lines(out: Path, lines: Iterator[str]) -> int:
    _check_parent(out)
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for line in lines:
            handle.write(line + "\n")
            count += 1
    return count


def _write_jsonl(out: Path, records: Iterator[dict[str, Any]]) -> int:
    return _write_lines(out, (json.dumps(r, ensure_ascii=False) for r in records))


# -- PLOVER / POLECAT JSON -------------------------------------------------------------------------


def _entity(party: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": party.get("country"),
        "sector": party.get("sector"),
        "entity_text": party.get("name"),
        "identifier_text": party.get("actor_key"),
    }


def polecat_record(row: dict[str, Any]) -> dict[str, Any]:
    """One event row (as Store.events returns it) as a PLOVER JSON record."""
    location = None
    if row["location"] or row["location_country"]:
        location = {"extracted_place": row["location"], "country_code": row["location_country"]}
    return {
        "id": f"{row['doc_id']}#{row['event_id']}",
        "has_event": True,
        "date": row["date_start"],
        "date_resolution": row["date_precision"],
        "date_text": row["date"],
        "actor": [_entity(p) for p in row["source"]],
        "recipient": [_entity(p) for p in row["target"]],
        "event": [row["type"]],
        "mode": [row["mode"]] if row["mode"] else [],
        "context": row["contexts"],
        "quad_code": row["quad_class"],
        "event_scale": row["score"],
        "event_text": [row["trigger"]],
        "event_loc": location,
        "text": row["sentence"],
        "text_info": {
            "start": row["sentence_start"],
            "end": row["sentence_end"],
            "trigger_start": row["start"],
            "trigger_end": row["end"],
        },
        "cite_info": {
            "citation": row["doc_id"],
            "url": row["url"],
            "title": row["title"],
            "publication": row["doc_source"],
            "coder": f"wirecoder {__version__}",
            "codebook": "PLOVER (wirecoder/1 output contract)",
        },
        "status": row["status"],
        "confidence": row["confidence"],
        "cameo": row["cameo"],
    }


def polecat_records(store: Store) -> Iterator[dict[str, Any]]:
    for row in store.events(limit=None):
        yield polecat_record(row)


# -- GDELT 2.0 event-table style -------------------------------------------------------------------

GDELT_COLUMNS = (
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1Type1Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2Type1Code",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "DATEADDED",
    "SOURCEURL",
    "PloverType",
    "PloverMode",
    "PloverStatus",
    "StoryID",
)


def _gdelt_actor(party: dict[str, Any] | None) -> list[Any]:
    if party is None:
        return ["", "", "", ""]
    code = (party.get("country") or "") + (party.get("sector") or "")
    return [code, (party.get("name") or "").upper(), party.get("country") or "", party.get("sector") or ""]


def gdelt_row(number: int, story: dict[str, Any], added: str, location: tuple[str, str]) -> list[Any]:
    day = date.fromisoformat(story["date_start"]) if story["date_start"] else None
    sources, targets = story["source"], story["target"]
    # GDELT has one actor per side.  A story with no source leaves side 1 empty; a reciprocal story
    # (several sources, no target) puts its second source on side 2.
    first = sources[0] if sources else None
    second = targets[0] if targets else (sources[1] if len(sources) > 1 else None)
    cameo = story["cameo"] if story["cameo"] and story["cameo"][:2].isdigit() else None
    root = codebook.cameo_root(story["type"], cameo) or ""
    return [
        number,
        day.strftime("%Y%m%d") if day else "",
        day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *_gdelt_actor(first),
        *_gdelt_actor(second),
        cameo or root,
        (cameo or root)[:3],
        root,
        story["quad_class"],
        story["score"],
        story["mentions"],
        story["sources"],
        story["documents"],
        location[0],
        location[1],
        added,
        story["urls"][0] if story["urls"] else "",
        story["type"],
        story["mode"] or "",
        story["status"] or "",
        story["story_id"],
    ]


#: GDELT's table records things that happened: negated, hypothetical and planned events stay out.
GDELT_STATUSES = "asserted,reported"


def write_gdelt(store: Store, out: Path) -> int:
    _check_parent(out)
    stories = store.events(status=GDELT_STATUSES, limit=None, dedup=True)
    # DATEADDED and the location come from the mentions: look them up once for all stories.
    with opened(store.path, read_only=True) as con:
        added = {doc: at for doc, at in con.execute("SELECT id, ingested_at FROM documents").fetchall()}
        places = {
            (d, e): (n or "", c or "")
            for d, e, n, c in con.execute(
                "SELECT doc_id, event_id, location_name, location_country FROM events"
            ).fetchall()
        }
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(GDELT_COLUMNS)
        for number, story in enumerate(stories, start=1):
            first_added = min(added[d] for d in story["doc_ids"])
            stamp = first_added.strftime("%Y%m%d%H%M%S") if first_added else ""
            writer.writerow(gdelt_row(number, story, stamp, places.get((story["doc_id"], story["event_id"]), ("", ""))))
    return len(stories)
