"""TIMEX3-style date values to the span of days they cover.

A store filter (``--since``), a timeline bucket and the cross-article dedup all need to know
which days a value like ``2019-03`` or ``2019-W10`` stands for: ``2019-03`` covers every day of
March, so an event dated that way can match an event on 2019-03-14.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

from wirecoder.store.errors import QueryError

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class DaySpan:
    start: date
    end: date
    precision: str  # day | week | month | quarter | year


def day_span(value: str | None) -> DaySpan | None:
    """The days a date value covers, or None for values that are not calendar dates (P3D, PRESENT_REF)."""
    if not value:
        return None
    value = value.strip()
    try:
        return _parse(value)
    except ValueError:  # 2019-02-30 and the like: not a date
        return None


def _parse(value: str) -> DaySpan | None:
    if m := _DAY.match(value):
        day = date(int(m[1]), int(m[2]), int(m[3]))
        return DaySpan(day, day, "day")
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return DaySpan(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return DaySpan(monday, monday + timedelta(days=6), "week")
    if m := _QUARTER.match(value):
        year, first = int(m[1]), (int(m[2]) - 1) * 3 + 1
        last = first + 2
        return DaySpan(date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), "quarter")
    if m := _YEAR.match(value):
        year = int(m[1])
        return DaySpan(date(year, 1, 1), date(year, 12, 31), "year")
    return None


def parse_user_date(value: str | None, option: str) -> date | None:
    """A ``--since``/``--until`` value (YYYY, YYYY-MM or YYYY-MM-DD) as the first day it names."""
    if value is None:
        return None
    span = day_span(value)
    if span is None:
        raise QueryError(f"{option} must be a date like 2019-03-14, 2019-03 or 2019, got '{value}'")
    return span.start


def parse_user_until(value: str | None, option: str) -> date | None:
    """An ``--until`` value as the last day it names (``--until 2019-03`` includes all of March)."""
    if value is None:
        return None
    parse_user_date(value, option)
    span = day_span(value)
    assert span is not None
    return span.end


def period_of(day: date, by: str) -> str:
    """The timeline bucket label of a day: ``2019-03-14`` (day), ``2019-W11`` (week), ``2019-03`` (month)."""
    if by == "day":
        return day.isoformat()
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "year":
        return str(day.year)
    raise QueryError(f"--by must be day, week, month or year, got '{by}'")
