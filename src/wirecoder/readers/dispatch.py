"""Choose a reader by file suffix; walk folders; read stdin."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from wirecoder.errors import InputError
from wirecoder.model import Article, Failure
from wirecoder.readers.formats import TableColumns, read_html, read_jsonl, read_table, read_txt

Item = Article | Failure
Warn = Callable[[str], None]

#: Suffix -> reader.  Folders are walked recursively for these suffixes.
SUFFIXES: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "csv",
    ".parquet": "parquet",
}


def _read_file(path: Path, warn: Warn, columns: TableColumns, max_chars: int) -> Iterator[Item]:
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
    if kind == "parquet":
        yield from read_table(path, columns, parquet=True)
        return
    data = _read_bytes(path)
    if kind == "jsonl":
        yield from read_jsonl(data, str(path), warn)
    elif kind == "html":
        yield from read_html(data, str(path), warn)
    elif kind == "csv":
        yield from read_table(path, columns, parquet=False, data=data, warn=warn)
    else:
        yield from read_txt(data, str(path), warn)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _walk(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)


def read_paths(
    paths: list[str],
    warn: Warn = lambda msg: None,
    columns: TableColumns | None = None,
    max_chars: int = 2_000_000,
) -> Iterator[Item]:
    """Yield articles (or failures) from files, folders and ``-`` (stdin), in input order.

    A path that does not exist, or a folder with no readable article, raises InputError at
    once: nothing sensible can be produced for it.  A file that exists but cannot be read is
    yielded as a Failure so the rest of the batch goes on.
    """
    columns = columns or TableColumns()
    for raw in paths:
        if raw == "-":
            yield from read_txt(sys.stdin.buffer.read(), "<stdin>", warn)
            continue
        path = Path(raw)
        if not path.exists():
            raise InputError(f"{raw}: no such file or directory")
        files = _walk(path) if path.is_dir() else [path]
        if path.is_dir() and not files:
            raise InputError(f"{raw}: no readable articles in this folder ({', '.join(sorted(SUFFIXES))})")
        for file in files:
            try:
                yield from _read_file(file, warn, columns, max_chars)
            except InputError as exc:
                yield Failure(origin=str(file), reason=str(exc))
