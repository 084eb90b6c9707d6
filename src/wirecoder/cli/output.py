"""Printing query rows: a Rich table, JSON, JSON Lines or CSV."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

from rich.table import Table

from wirecoder.cli.common import out
from wirecoder.cli.store_options import QueryFormat

_SNIPPET = 80


#: Columns that hold event parties: in CSV each becomes two, names and codes (``source_codes``).
_PARTY_KEYS = ("source", "target")


def flat_row(row: dict[str, Any]) -> dict[str, Any]:
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


def party_names(parties: list[dict[str, Any]]) -> str:
    return ", ".join(
        f"{p.get('name')} ({p['code']})" if p.get("code") and p.get("code") != p.get("name") else str(p.get("name"))
        for p in parties
    )


def short(value: Any, limit: int = _SNIPPET) -> str:
    text = " ".join(str(value or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def csv_header(fields: list[str]) -> list[str]:
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
        flat = [flat_row(r) for r in rows]
        header = list(dict.fromkeys(k for r in flat for k in r)) or csv_header(fields or [n for n, _ in table_columns])
        writer = csv.DictWriter(sys.stdout, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(flat)
    else:
        table = Table(title=f"{title} ({len(rows)})", title_justify="left")
        for name, _ in table_columns:
            table.add_column(name)
        for row in rows:
            table.add_row(*(cell(getter, row) for _, getter in table_columns))
        out.print(table)


def cell(getter: Any, row: dict[str, Any]) -> str:
    value = getter(row) if callable(getter) else row.get(getter)
    return "" if value is None else str(value)
