"""The time range of a chart, and the periods on its axis.

By default a chart covers the months the articles were published in (the store's first and
last document date), as the web dashboard does: articles recall events from long ago ("in
1979") and plans for years ahead, and charting all of them would squeeze the corpus into a
sliver.  The events outside the range are counted, not dropped silently.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from wirecoder.store.dates import day_span, parse_user_date, parse_user_until, period_of


@dataclass(frozen=True)
class Window:
    start: date
    end: date  # inclusive
    given: bool = False  # set by since/until, rather than the corpus's coverage

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    def label(self) -> str:
        first, last = self.start.strftime("%b %Y"), self.end.strftime("%b %Y")
        return first if first == last else f"{first} – {last}"


def coverage(stats: dict[str, Any]) -> Window | None:
    """The whole months from the first to the last document date, or None without dated documents."""
    first, last = stats.get("date_from"), stats.get("date_to")
    if not first or not last:
        return None
    start = date.fromisoformat(str(first)[:10]).replace(day=1)
    end = date.fromisoformat(str(last)[:10])
    return Window(start, end.replace(day=calendar.monthrange(end.year, end.month)[1]))


def window_for(
    stats: dict[str, Any], since: str | date | None = None, until: str | date | None = None
) -> Window | None:
    """``since``/``until`` where given, the corpus's coverage for the rest."""
    covered = coverage(stats)
    start = since if isinstance(since, date) else parse_user_date(since, "--since")
    end = until if isinstance(until, date) else parse_user_until(until, "--until")
    start = start or (covered.start if covered else None)
    end = end or (covered.end if covered else None)
    if start is None or end is None:
        return None
    given = since is not None or until is not None
    return Window(start, end, given) if start <= end else Window(end, start, given)


def period_bounds(label: str) -> tuple[date, date]:
    """First day and the day after the last day of a period label."""
    span = day_span(label)
    if span is None:
        raise ValueError(f"not a period: {label!r}")
    return span.start, span.end + timedelta(days=1)


def periods(window: Window, by: str) -> list[str]:
    """Every period label from the window's first day to its last, quiet ones included."""
    labels: list[str] = []
    day = window.start
    while day <= window.end:
        label = period_of(day, by)
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=1 if by in ("day", "week") else 28)
    last = period_of(window.end, by)
    if labels[-1] != last:
        labels.append(last)
    return labels


def split(rows: list[dict[str, Any]], window: Window | None) -> tuple[list[dict[str, Any]], int]:
    """The rows whose period overlaps the window, and the number of events outside it."""
    if window is None:
        return rows, 0
    inside, outside = [], 0
    for row in rows:
        span = day_span(str(row["period"]))
        if span is not None and span.end >= window.start and span.start <= window.end:
            inside.append(row)
        else:
            outside += int(row["count"])
    return inside, outside


def data_window(rows: list[dict[str, Any]]) -> Window | None:
    """The range the rows themselves cover (when the corpus has no dated documents)."""
    spans = [day_span(str(r["period"])) for r in rows]
    spans = [s for s in spans if s is not None]
    if not spans:
        return None
    return Window(min(s.start for s in spans), max(s.end for s in spans))
