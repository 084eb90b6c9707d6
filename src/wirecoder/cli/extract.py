"""``wirecoder extract``, ``info`` and ``schema``."""

from __future__ import annotations

import json
import platform
import re
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from wirecoder import __version__
from wirecoder.cli.app import app
from wirecoder.cli.common import Exit, err, error_line, out, stderr_is_terminal, warn
from wirecoder.config import Settings
from wirecoder.engines import run
from wirecoder.errors import InputError
from wirecoder.model import Article, ArticleResult, Failure, json_schema
from wirecoder.readers import read_paths
from wirecoder.writers import dumps_result, render_summary

_DCT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _with_dct(items: Iterable[Article | Failure], dct: str | None) -> Iterator[Article | Failure]:
    for item in items:
        if dct and isinstance(item, Article) and not item.date:
            item = item.model_copy(update={"date": dct})
        yield item


def _progress(total: int) -> Progress | None:
    if total <= 1 or not stderr_is_terminal():
        return None
    return Progress(
        TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err, transient=True
    )


@app.command()
def extract(
    paths: Annotated[
        list[str], typer.Argument(help="Files or folders (.txt .jsonl .html .csv .parquet); '-' reads stdin.")
    ],
    dct: Annotated[str | None, typer.Option(help="Document date YYYY-MM-DD for articles that carry none.")] = None,
    format: Annotated[
        OutputFormat | None, typer.Option("--format", "-f", help="json (one article), jsonl (many), table.")
    ] = None,
    include_text: Annotated[bool, typer.Option(help="Add the input text as doc.text.")] = False,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (default: one per core).")] = None,
    engine: Annotated[str, typer.Option(help="local (processes on this machine) or ray.")] = "local",
    address: Annotated[
        str | None, typer.Option("--address", "--ray-address", help="Ray cluster to join (default: a local Ray).")
    ] = None,
    max_chars: Annotated[int | None, typer.Option(min=1, help="Refuse documents longer than this.")] = None,
    strict: Annotated[bool, typer.Option(help="Stop at the first document that fails.")] = False,
) -> None:
    """Extract actors, time expressions, quotes and events from articles."""
    if dct is not None and not _DCT.match(dct):
        raise InputError(f"--dct must be YYYY-MM-DD, got '{dct}'")
    settings = Settings.from_env(max_chars=max_chars)
    items = list(_with_dct(read_paths(paths, warn=warn, max_chars=settings.max_chars), dct))
    if not items:
        raise InputError("no articles in the input")
    fmt = format or (OutputFormat.json if len(items) == 1 else OutputFormat.jsonl)
    failed = 0
    progress = _progress(len(items))
    task = progress.add_task("extract", total=len(items)) if progress else None
    if progress:
        progress.start()
    try:
        for result in run(items, settings, engine=engine, workers=workers, address=address, include_text=include_text):
            if isinstance(result, Failure):
                failed += 1
                error_line(result.reason if result.origin in result.reason else f"{result.origin}: {result.reason}")
                if strict:
                    raise typer.Exit(Exit.SOME_FAILED)
            _emit(result, fmt, single=len(items) == 1)
            if progress and task is not None:
                progress.advance(task)
    finally:
        if progress:
            progress.stop()
    if failed:
        error_line(f"{failed} of {len(items)} documents failed")
        raise typer.Exit(Exit.SOME_FAILED)


def _emit(result: ArticleResult | Failure, fmt: OutputFormat, single: bool) -> None:
    if fmt is OutputFormat.table:
        if isinstance(result, ArticleResult):
            out.print(render_summary(result, out.width))
        return
    if isinstance(result, Failure) and single:
        return  # the error line on stderr says it all
    text = dumps_result(result, indent=2 if fmt is OutputFormat.json and single else None)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


@app.command()
def info(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Versions of wirecoder, Python, spaCy and the model."""
    data = version_info()
    if format == "json":
        sys.stdout.write(json.dumps(data) + "\n")
        return
    for key, value in data.items():
        out.print(f"{key:>14}: {value}", highlight=False)


def version_info() -> dict[str, str]:
    import spacy

    settings = Settings.from_env()
    try:
        from importlib.metadata import version

        model_version = version(settings.model.replace("_", "-"))
    except Exception:
        model_version = "not installed"
    return {
        "version": __version__,
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "spacy_model": settings.model,
        "spacy_model_version": model_version,
        "schema": "wirecoder/1",
    }


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output contract (generated from the model classes)."""
    sys.stdout.write(json.dumps(json_schema(), indent=2) + "\n")
