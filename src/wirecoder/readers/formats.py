"""One reader per input format.  Each yields Articles or Failures and never raises for a
single bad record."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from wirecoder.errors import InputError
from wirecoder.model import Article, Failure
from wirecoder.readers.decode import decode_bytes

Warn = Callable[[str], None]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def normalise_date(raw: object) -> str | None:
    """``YYYY-MM-DD`` from a date-like value (``2018-05-31T10:00Z`` -> ``2018-05-31``)."""
    if raw is None:
        return None
    text = str(raw).strip()
    match = _DATE.match(text)
    return match.group(0) if match else None


def _decode(data: bytes, origin: str, warn: Warn) -> str:
    decoded = decode_bytes(data, origin)
    if decoded.warning:
        warn(decoded.warning)
    return decoded.text


def read_txt(data: bytes, origin: str, warn: Warn) -> Iterator[Article | Failure]:
    text = _decode(data, origin, warn)
    if not text.strip():
        raise InputError(f"{origin}: empty file")
    yield Article(text=text, origin=origin)


def _article_from_record(record: object, origin: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{origin}: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{origin}: no 'text' field (a non-empty string is required)")
    fields = {k: record.get(k) for k in ("id", "title", "url", "source")}
    fields = {k: (str(v) if v is not None else None) for k, v in fields.items()}
    try:
        return Article(text=text, date=normalise_date(record.get("date")), origin=origin, **fields)
    except ValidationError as exc:
        raise InputError(f"{origin}: {exc.errors()[0]['msg']}") from None


def read_jsonl(data: bytes, origin: str, warn: Warn) -> Iterator[Article | Failure]:
    text = _decode(data, origin, warn)
    seen_any = False
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        seen_any = True
        where = f"{origin}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(origin=where, reason=f"{where}: not JSON ({exc.msg})")
            continue
        try:
            yield _article_from_record(record, where)
        except InputError as exc:
            yield Failure(id=_record_id(record), origin=where, reason=str(exc))
    if not seen_any:
        raise InputError(f"{origin}: empty file")


def _record_id(record: object) -> str | None:
    return str(record["id"]) if isinstance(record, dict) and record.get("id") is not None else None


def read_html(data: bytes, origin: str, warn: Warn) -> Iterator[Article | Failure]:
    import trafilatura
    from htmldate import find_date

    html = _decode(data, origin, warn)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, deduplicate=False)
    if not text or not text.strip():
        raise InputError(f"{origin}: no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    # Only dates the page states (meta tags, structured data), not guesses from its text.
    date = find_date(html, extensive_search=False, original_date=True, outputformat="%Y-%m-%d")
    yield Article(
        text=text,
        date=normalise_date(date),
        origin=origin,
        title=getattr(meta, "title", None),
        url=getattr(meta, "url", None),
        source=getattr(meta, "sitename", None),
    )


@dataclass(frozen=True)
class TableColumns:
    """Which columns of a CSV or Parquet file hold each article field."""

    text: str = "text"
    date: str = "date"
    id: str = "id"
    title: str = "title"
    url: str = "url"


def _rows(path: Path, parquet: bool, data: bytes | None, warn: Warn) -> Iterator[dict]:
    if parquet:
        import duckdb

        con = duckdb.connect()
        try:
            rel = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        except duckdb.Error as exc:
            raise InputError(f"{path}: cannot read Parquet ({str(exc).splitlines()[0]})") from None
        names = [d[0] for d in rel.description]
        while batch := rel.fetchmany(1024):
            for row in batch:
                yield dict(zip(names, row, strict=False))
        return
    text = _decode(data or b"", str(path), warn)
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    csv.field_size_limit(1 << 30)
    yield from csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)


def read_table(
    path: Path, columns: TableColumns, parquet: bool, data: bytes | None = None, warn: Warn = lambda m: None
) -> Iterator[Article | Failure]:
    seen_header = False
    for number, row in enumerate(_rows(path, parquet, data, warn), start=2 if not parquet else 1):
        if not seen_header:
            if columns.text not in row:
                raise InputError(f"{path}: no '{columns.text}' column (choose one with --text-col)")
            seen_header = True
        where = f"{path}:{number}"
        record = {
            "text": row.get(columns.text),
            "date": row.get(columns.date),
            "id": row.get(columns.id),
            "title": row.get(columns.title),
            "url": row.get(columns.url),
        }
        if record["id"] is None and record["url"]:
            record["id"] = record["url"]  # a URL is a stable key when no id column exists
        try:
            yield _article_from_record(record, where)
        except InputError as exc:
            yield Failure(id=_record_id(record), origin=where, reason=str(exc))
    if not seen_header:
        raise InputError(f"{path}: no rows")
