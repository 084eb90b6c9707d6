"""The ``ingest`` command: process articles into the store, with a progress bar on a terminal."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, Task, TextColumn, TimeElapsedColumn
from rich.text import Text

from wirecoder.cli.app import app
from wirecoder.cli.common import Exit, err, error_line, stderr_is_terminal, warn
from wirecoder.cli.store_options import DbOpt, db_path
from wirecoder.config import Settings
from wirecoder.errors import InputError
from wirecoder.model import Article, Failure

_DCT = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHOWN_FAILURES = 10


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
    path = db_path(db)
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
