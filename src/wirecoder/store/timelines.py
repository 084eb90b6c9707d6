"""Counting dated events into periods: the rows behind ``Store.timeline`` and ``Store.dyad_timeline``.

Each event counts in the period of the first day its date covers.  Rows are plain dicts,
ordered by period, so the CLI, the web app, the Python API and the charts share them.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any

from wirecoder.store import codebook
from wirecoder.store.dates import period_of
from wirecoder.store.errors import QueryError

BY = ("day", "week", "month", "year")
GROUPS = ("quad", "type", "status")
#: Order of the statuses in tables, legends and stacks (most certain first).
STATUS_ORDER = ("asserted", "reported", "planned", "hypothetical", "negated")


def check(by: str, group: str = "quad") -> None:
    if by not in BY:
        raise QueryError(f"--by must be one of {', '.join(BY)}, got '{by}'")
    if group not in GROUPS:
        raise QueryError(f"--group must be one of {', '.join(GROUPS)}, got '{group}'")


def bucket(dated: list[tuple[date, str, str | None]], by: str, group: str) -> list[dict[str, Any]]:
    """(first day, type, status) triples -> count rows per period and quad class, type or status."""
    counts: Counter = Counter()
    for day, event_type, status in dated:
        if group == "type":
            label = event_type
        elif group == "status":
            label = status or "asserted"
        else:
            label = codebook.quad_class(event_type)
        counts[(period_of(day, by), label)] += 1
    rows = []
    for (period, label), count in counts.items():
        if group == "status":
            rows.append({"period": period, "status": label, "count": count})
            continue
        quad = codebook.quad_class(label) if group == "type" else label
        row = {"period": period, "quad_class": quad, "quad": codebook.quad_name(quad), "count": count}
        if group == "type":
            row["type"] = label
        rows.append(row)
    rows.sort(key=lambda r: (r["period"], _order(r)))
    return rows


def _order(row: dict[str, Any]) -> tuple[int, str]:
    if "status" in row:
        status = row["status"]
        return (STATUS_ORDER.index(status) if status in STATUS_ORDER else len(STATUS_ORDER), status)
    return (row["quad_class"] or 0, row.get("type") or "")


def bucket_directions(dated: list[tuple[date, str, bool, bool]], by: str, sides: tuple[str, str]) -> list[dict]:
    """(first day, type, first side is a source, second side is a source) -> rows per period,
    direction and quad class.  An event whose sources include both sides (talks "between" them)
    counts in both directions."""
    first, second = sides
    counts: Counter = Counter()
    for day, event_type, first_acts, second_acts in dated:
        quad = codebook.quad_class(event_type)
        if first_acts:
            counts[(period_of(day, by), f"{first} → {second}", quad)] += 1
        if second_acts:
            counts[(period_of(day, by), f"{second} → {first}", quad)] += 1
    rows = [
        {"period": p, "direction": d, "quad_class": q, "quad": codebook.quad_name(q), "count": n}
        for (p, d, q), n in counts.items()
    ]
    rows.sort(key=lambda r: (r["period"], r["direction"] != f"{first} → {second}", r["quad_class"] or 0))
    return rows
