"""Options and helpers shared by the corpus commands: the store path (``--db``, default
``$WIRECODER_DB`` or ``./wirecoder.duckdb``), filters and formats."""

from __future__ import annotations

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from wirecoder.store import Store


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


def db_path(db: Path | None) -> Path:
    return db or Path(default_db())


def open_store(db: Path | None) -> Store:
    # Imported here so `wirecoder --help` and `extract` don't load the store.
    from wirecoder.store import Store

    return Store(db_path(db), read_only=True)


def row_limit(limit: int) -> int | None:
    return None if limit == 0 else limit
