"""Corpus query commands: ``stats``, ``events``, ``quotes``, ``actors``, ``failures``, ``sql``,
``export`` and ``migrate`` (``ingest`` is in :mod:`wirecoder.cli.ingest`).  Every command takes
``--db`` (default ``$WIRECODER_DB`` or ``./wirecoder.duckdb``)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from wirecoder.cli.app import app
from wirecoder.cli.common import err, out
from wirecoder.cli.output import emit, party_names, short
from wirecoder.cli.store_options import (
    ActorOpt,
    DbOpt,
    DedupDaysOpt,
    DedupOpt,
    DyadOpt,
    ExportFormat,
    FmtOpt,
    LimitOpt,
    OffsetOpt,
    QueryFormat,
    SinceOpt,
    UntilOpt,
    db_path,
    open_store,
    row_limit,
)
from wirecoder.errors import InputError


@app.command()
def stats(db: DbOpt = None, format: FmtOpt = QueryFormat.table) -> None:
    """Counts: documents, events, quotes, actors, failures, dates covered."""
    data = open_store(db).stats()
    if format in (QueryFormat.json, QueryFormat.jsonl):
        sys.stdout.write(json.dumps(data) + "\n")
    elif format is QueryFormat.csv:
        emit([data], format, [], "stats")
    else:
        for key, value in data.items():
            out.print(f"{key:>14}: {'' if value is None else value}", highlight=False)


_EVENT_TABLE = [
    ("date", "date"),
    ("type", lambda r: r["type"] + (f"/{r['mode']}" if r.get("mode") else "")),
    ("status", "status"),
    ("source", lambda r: party_names(r["source"])),
    ("target", lambda r: party_names(r["target"])),
    ("trigger", "trigger"),
    ("sentence", lambda r: short(r["sentence"])),
    ("doc", "doc_id"),
]
_STORY_TABLE = [
    ("date", "date"),
    ("type", lambda r: r["type"] + (f"/{r['mode']}" if r.get("mode") else "")),
    ("source", lambda r: party_names(r["source"])),
    ("target", lambda r: party_names(r["target"])),
    ("mentions", "mentions"),
    ("docs", "documents"),
    ("sources", "sources"),
    ("example", lambda r: short(r["sentence"], 60)),
]


@app.command()
def events(
    db: DbOpt = None,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    type: Annotated[str | None, typer.Option(help="PLOVER type(s), comma-separated: ASSAULT,COERCE.")] = None,
    status: Annotated[str | None, typer.Option(help="asserted, negated, hypothetical, planned or reported.")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
    dedup: DedupOpt = False,
    dedup_days: DedupDaysOpt = 0,
    format: FmtOpt = QueryFormat.table,
) -> None:
    """Coded events, oldest first, with their evidence sentence."""
    from wirecoder.store.dedup import STORY_FIELDS
    from wirecoder.store.queries import event_fields

    rows = open_store(db).events(
        actor,
        dyad,
        type,
        status,
        since,
        until,
        limit=row_limit(limit),
        offset=offset,
        dedup=dedup,
        dedup_days=dedup_days,
    )
    if dedup:
        emit(rows, format, _STORY_TABLE, "Story events", STORY_FIELDS)
    else:
        emit(rows, format, _EVENT_TABLE, "Events", event_fields())


@app.command()
def quotes(
    db: DbOpt = None,
    speaker: Annotated[str | None, typer.Option(help="Speaker name, words of it, or code.")] = None,
    actor_country: Annotated[str | None, typer.Option(help="Speaker's country code (USA, PRK, IGO...).")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
    format: FmtOpt = QueryFormat.table,
) -> None:
    """Quotations with their speakers."""
    from wirecoder.store.queries import QUOTE_FIELDS

    rows = open_store(db).quotes(speaker, actor_country, since, until, limit=row_limit(limit), offset=offset)
    columns = [
        ("date", "date"),
        ("speaker", lambda r: r["speaker"] or r["speaker_text"]),
        ("country", "speaker_country"),
        ("kind", "kind"),
        ("cue", "cue"),
        ("quote", lambda r: short(r["text"])),
        ("doc", "doc_id"),
    ]
    emit(rows, format, columns, "Quotes", QUOTE_FIELDS)


@app.command()
def actors(
    db: DbOpt = None,
    country: Annotated[str | None, typer.Option(help="Only actors of this country code.")] = None,
    sector: Annotated[str | None, typer.Option(help="Only actors of this sector code (GOV, MIL...).")] = None,
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
    format: FmtOpt = QueryFormat.table,
) -> None:
    """Actors across the corpus, most widely reported first."""
    from wirecoder.store.queries import ACTOR_FIELDS

    rows = open_store(db).actors(limit=row_limit(limit), offset=offset, country=country, sector=sector)
    columns = [
        ("actor_key", "actor_key"),
        ("name", "name"),
        ("kind", "kind"),
        ("country", "country"),
        ("sector", "sector"),
        ("docs", "documents"),
        ("mentions", "mentions"),
        ("events", "events"),
        ("quotes", "quotes"),
    ]
    emit(rows, format, columns, "Actors", ACTOR_FIELDS)


@app.command()
def failures(
    db: DbOpt = None,
    limit: LimitOpt = 100,
    offset: OffsetOpt = 0,
    format: FmtOpt = QueryFormat.table,
) -> None:
    """Documents that failed to process, with the reason and where they were read from."""
    from wirecoder.store.queries import FAILURE_FIELDS

    rows = open_store(db).failures(limit=row_limit(limit), offset=offset)
    columns = [("key", "key"), ("origin", "origin"), ("reason", "reason"), ("failed at", "failed_at")]
    emit(rows, format, columns, "Failures", FAILURE_FIELDS)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="One SELECT statement (the store is opened read-only).")],
    db: DbOpt = None,
    format: FmtOpt = QueryFormat.table,
) -> None:
    """Run a read-only SQL SELECT on the store (tables: documents, actors, mentions, timexes, quotes, events,
    event_actors, failures, meta)."""
    from wirecoder.store.queries import iso

    names, rows = open_store(db).sql(query)
    records = [{n: iso(v) for n, v in zip(names, row, strict=True)} for row in rows]
    emit(records, format, [(n, n) for n in names], "Result", names)


@app.command()
def export(
    out_path: Annotated[Path, typer.Argument(metavar="OUT", help="Output file (a folder for --table all).")],
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="parquet, csv, jsonl, polecat or gdelt.")],
    db: DbOpt = None,
    table: Annotated[
        str | None,
        typer.Option(help="parquet/csv: a table or 'all' (default events); jsonl: 'results' (default) or a table."),
    ] = None,
) -> None:
    """Export the store: tables as Parquet/CSV/JSON Lines, events as PLOVER JSON (polecat) or GDELT-style CSV."""
    from wirecoder.store.exports import export as run_export

    if table is not None and format in (ExportFormat.polecat, ExportFormat.gdelt):
        raise InputError(f"--table does not apply to --format {format.value}")
    count = run_export(open_store(db), format.value, out_path, table)
    err.print(f"export: {count} records written to {out_path}", highlight=False)


@app.command()
def migrate(db: DbOpt = None) -> None:
    """Upgrade a store file to the schema version this wirecoder writes (refuses unknown versions)."""
    from wirecoder.store import SCHEMA_VERSION
    from wirecoder.store.connection import opened
    from wirecoder.store.errors import StoreError
    from wirecoder.store.schema import migrate as run_migrate

    path = db_path(db)
    if not path.is_file():
        raise StoreError(f"{path}: no such store")
    with opened(path, read_only=False) as con:
        before = run_migrate(con)
    if before == SCHEMA_VERSION:
        err.print(f"migrate: {path} is already at schema version {SCHEMA_VERSION}", highlight=False)
    else:
        err.print(f"migrate: {path} upgraded from schema version {before} to {SCHEMA_VERSION}", highlight=False)
