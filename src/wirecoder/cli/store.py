"""Corpus store commands: ``ingest``, ``stats``, ``events``, ``quotes``, ``actors``, ``failures``,
``sql``, ``export`` and ``migrate``.  Every command takes ``--db`` (default ``$WIRECODER_DB`` or
``./wirecoder.duckdb``)."""

from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from wirecoder.cli.app import app
from wirecoder.cli.common import Exit, err, error_line, out, stderr_is_terminal, warn
from wirecoder.config import Settings
from wirecoder.errors import InputError
from wirecoder.model import Article, Failure

if TYPE_CHECKING:
    from wirecoder.store import Store

_DCT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SNIPPET = 80
_SHOWN_FAILURES = 10


class QueryFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"
    polecat = "polecat"
    gdelt = "gdelt"


def default_db() -> str:
    return os.environ.get("WIRECODER_DB") or "wirecoder.duckdb"


DbOpt = Annotated[Path | None, typer.Option("--db", help="Store file (default: $WIRECODER_DB or ./wirecoder.duckdb).")]
FmtOpt = Annotated[QueryFormat, typer.Option("--format", "-f", help="table, json (one array), jsonl or csv.")]
LimitOpt = Annotated[int, typer.Option(min=0, help="At most this many rows (0: all).")]
OffsetOpt = Annotated[int, typer.Option(min=0, help="Skip this many rows first.")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor name, words of it, country or actor code (PRK, USAGOV).")]
DyadOpt = Annotated[str | None, typer.Option(help="Two actors, either direction: USA-PRK, or 'Kim Jong-un,Trump'.")]
SinceOpt = Annotated[str | None, typer.Option(help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option(help="Up to this date, inclusive.")]
DedupOpt = Annotated[bool, typer.Option(help="Merge mentions of one happening across articles into story events.")]
DedupDaysOpt = Annotated[
    int, typer.Option(min=0, help="With --dedup: also merge reports whose dates differ by up to N days.")
]


def _db_path(db: Path | None) -> Path:
    return db or Path(default_db())


def _open(db: Path | None) -> Store:
    # Imported here so `wirecoder --help` and `extract` don't load the store.
    from wirecoder.store import Store

    return Store(_db_path(db), read_only=True)


def _limit(limit: int) -> int | None:
    return None if limit == 0 else limit


# -- ingest -----------------------------------------------------------------------------------


class _RateColumn(ProgressColumn):
    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:5.1f} docs/s" if speed else "  ... docs/s")


def _with_dct(items: Iterable[Article | Failure], dct: str | None) -> Iterator[Article | Failure]:
    for item in items:
        if dct and isinstance(item, Article) and not item.date:
            item = item.model_copy(update={"date": dct})
        yield item


@app.command()
def ingest(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt .jsonl .html .csv .tsv .parquet); '-' reads stdin.")
    ],
    db: DbOpt = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: one per core).")] = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or ray.")] = "local",
    address: Annotated[
        str | None, typer.Option("--address", "--ray-address", help="Ray cluster to join (default: a local Ray).")
    ] = None,
    strict: Annotated[bool, typer.Option(help="Stop after the batch where a document first fails.")] = False,
    text_col: Annotated[str, typer.Option(help="CSV/Parquet column with the article text.")] = "text",
    date_col: Annotated[str, typer.Option(help="CSV/Parquet column with the document date.")] = "date",
    id_col: Annotated[
        str, typer.Option(help="CSV/Parquet column with the document id (else the URL, else a hash).")
    ] = "id",
    title_col: Annotated[str, typer.Option(help="CSV/Parquet column with the title.")] = "title",
    url_col: Annotated[str, typer.Option(help="CSV/Parquet column with the URL.")] = "url",
    dct: Annotated[str | None, typer.Option(help="Document date YYYY-MM-DD for articles that carry none.")] = None,
    batch_size: Annotated[
        int | None, typer.Option(min=1, help="Documents per committed batch (default: the pipeline batch size).")
    ] = None,
    format: Annotated[
        str, typer.Option("--format", "-f", help="text (summary on stderr) or json (report on stdout).")
    ] = "text",
) -> None:
    """Process articles into the store.  Already-stored documents are skipped; safe to rerun after a crash."""
    from wirecoder.readers import TableColumns, read_paths
    from wirecoder.store import Store

    if dct is not None and not _DCT.match(dct):
        raise InputError(f"--dct must be YYYY-MM-DD, got '{dct}'")
    if format not in ("text", "json"):
        raise InputError(f"--format must be text or json, got '{format}'")
    settings = Settings.from_env()
    columns = TableColumns(text=text_col, date=date_col, id=id_col, title=title_col, url=url_col)
    path = _db_path(db)
    # Read everything first: a missing file or a bad column fails before the store is touched.
    items = list(_with_dct(read_paths(paths, warn=warn, columns=columns, max_chars=settings.max_chars), dct))
    if not items:
        raise InputError("no articles in the input")
    store = Store(path)
    progress = _progress_bar()
    task = progress.add_task("ingest", total=None) if progress else None

    def on_plan(todo: int, skipped: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, total=todo)
            if todo:
                progress.start()

    def on_progress(done: int) -> None:
        if progress is not None and task is not None:
            progress.update(task, completed=done)

    try:
        report = store.ingest(
            items,
            settings,
            workers=workers,
            progress=on_progress,
            on_plan=on_plan,
            batch_size=batch_size,
            engine=engine,
            address=address,
            strict=strict,
        )
    finally:
        if progress is not None:
            progress.stop()
    for origin, reason in report.failures[:_SHOWN_FAILURES]:
        error_line(reason if origin and origin in reason else f"{origin or '?'}: {reason}")
    if report.failed > _SHOWN_FAILURES:
        err.print(
            f"... and {report.failed - _SHOWN_FAILURES} more failures (wirecoder failures --db {path})",
            highlight=False,
        )
    total = store.stats()["documents"]
    rate = (report.added + report.failed) / report.seconds if report.seconds > 0 else 0.0
    err.print(
        f"ingest: {report.added} added, {report.skipped} skipped, {report.failed} failed in {report.seconds:.1f} s "
        f"({rate:.1f} docs/s); {total} documents in {path}",
        highlight=False,
    )
    if format == "json":
        sys.stdout.write(json.dumps({**report.to_dict(), "documents": total, "db": str(path)}) + "\n")
    if report.failed:
        raise typer.Exit(Exit.SOME_FAILED)


def _progress_bar() -> Progress | None:
    if not stderr_is_terminal():
        return None
    return Progress(
        TextColumn("ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        _RateColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    )


# -- output ---------------------------------------------------------------------------------------


#: Columns that hold event parties: in CSV each becomes two, names and codes (``source_codes``).
_PARTY_KEYS = ("source", "target")


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """One row for CSV: parties become names and codes, lists become '; '-joined text."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, list) and (key in _PARTY_KEYS or (value and isinstance(value[0], dict))):
            flat[key] = "; ".join(str(p.get("name") or "") for p in value)
            flat[f"{key}_codes"] = "; ".join(str(p.get("code") or "") for p in value)
        elif isinstance(value, list):
            flat[key] = "; ".join("" if v is None else str(v) for v in value)
        elif isinstance(value, dict):
            flat[key] = json.dumps(value, ensure_ascii=False)
        else:
            flat[key] = value
    return flat


def _names(parties: list[dict[str, Any]]) -> str:
    return ", ".join(
        f"{p.get('name')} ({p['code']})" if p.get("code") and p.get("code") != p.get("name") else str(p.get("name"))
        for p in parties
    )


def _short(value: Any, limit: int = _SNIPPET) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _csv_header(fields: list[str]) -> list[str]:
    return [name for key in fields for name in ((key, f"{key}_codes") if key in _PARTY_KEYS else (key,))]


def emit(
    rows: list[dict[str, Any]],
    fmt: QueryFormat,
    table_columns: list[tuple[str, Any]],
    title: str,
    fields: list[str] | None = None,
) -> None:
    """Print rows as a table, JSON, JSON Lines or CSV.  ``fields`` (the row keys) gives a CSV
    of no rows its header."""
    if fmt is QueryFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, default=str) + "\n")
    elif fmt is QueryFormat.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    elif fmt is QueryFormat.csv:
        flat = [_flat(r) for r in rows]
        header = list(dict.fromkeys(k for r in flat for k in r)) or _csv_header(fields or [n for n, _ in table_columns])
        writer = csv.DictWriter(sys.stdout, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
    else:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for name, _ in table_columns:
            table.add_column(name)
        for row in rows:
            table.add_row(*(_cell(getter, row) for _, getter in table_columns))
        out.print(table)


def _cell(getter: Any, row: dict[str, Any]) -> str:
    value = getter(row) if callable(getter) else row.get(getter)
    return "" if value is None else str(value)


# -- queries ----------------------------------------------------------------------------------------


@app.command()
def stats(db: DbOpt = None, format: FmtOpt = QueryFormat.table) -> None:
    """Counts: documents, events, quotes, actors, failures, dates covered."""
    data = _open(db).stats()
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
    ("source", lambda r: _names(r["source"])),
    ("target", lambda r: _names(r["target"])),
    ("trigger", "trigger"),
    ("sentence", lambda r: _short(r["sentence"])),
    ("doc", "doc_id"),
]
_STORY_TABLE = [
    ("date", "date"),
    ("type", lambda r: r["type"] + (f"/{r['mode']}" if r.get("mode") else "")),
    ("source", lambda r: _names(r["source"])),
    ("target", lambda r: _names(r["target"])),
    ("mentions", "mentions"),
    ("docs", "documents"),
    ("sources", "sources"),
    ("example", lambda r: _short(r["sentence"], 60)),
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

    rows = _open(db).events(
        actor, dyad, type, status, since, until, limit=_limit(limit), offset=offset, dedup=dedup, dedup_days=dedup_days
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

    rows = _open(db).quotes(speaker, actor_country, since, until, limit=_limit(limit), offset=offset)
    columns = [
        ("date", "date"),
        ("speaker", lambda r: r["speaker"] or r["speaker_text"]),
        ("country", "speaker_country"),
        ("kind", "kind"),
        ("cue", "cue"),
        ("quote", lambda r: _short(r["text"])),
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

    rows = _open(db).actors(limit=_limit(limit), offset=offset, country=country, sector=sector)
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

    rows = _open(db).failures(limit=_limit(limit), offset=offset)
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

    names, rows = _open(db).sql(query)
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
    count = run_export(_open(db), format.value, out_path, table)
    err.print(f"export: {count} records written to {out_path}", highlight=False)


@app.command()
def migrate(db: DbOpt = None) -> None:
    """Upgrade a store file to the schema version this wirecoder writes (refuses unknown versions)."""
    from wirecoder.store import SCHEMA_VERSION
    from wirecoder.store.connection import opened
    from wirecoder.store.errors import StoreError
    from wirecoder.store.schema import migrate as run_migrate

    path = _db_path(db)
    if not path.is_file():
        raise StoreError(f"{path}: no such store")
    with opened(path, read_only=False) as con:
        before = run_migrate(con)
    if before == SCHEMA_VERSION:
        err.print(f"migrate: {path} is already at schema version {SCHEMA_VERSION}", highlight=False)
    else:
        err.print(f"migrate: {path} upgraded from schema version {before} to {SCHEMA_VERSION}", highlight=False)
