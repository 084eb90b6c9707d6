"""Calendar arithmetic and TIMEX3 value formatting (pure functions, no wall clock)."""

from __future__ import annotations

import calendar as _cal
import datetime as dt

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def parse_day(value: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` string (or a longer ISO value starting with one) as a date, else None."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def fmt_day(d: dt.date) -> str:
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


def fmt_month(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def fmt_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def valid_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def shift_date(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` days, weeks, months or years (month ends are clamped)."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit == "W":
        return d + dt.timedelta(weeks=n)
    if unit in ("M", "Y", "Q"):
        months = n * {"M": 1, "Y": 12, "Q": 3}[unit]
        year, month = add_months(d.year, d.month, months)
        last = _cal.monthrange(year, month)[1]
        return dt.date(year, month, min(d.day, last))
    raise ValueError(f"unknown unit {unit}")


def quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_start(year: int, quarter: int) -> dt.date:
    return dt.date(year, 3 * (quarter - 1) + 1, 1)


def add_quarters(year: int, quarter: int, delta: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + delta
    return index // 4, index % 4 + 1


def weekday_on_or_before(d: dt.date, weekday: int) -> dt.date:
    """The latest date on or before ``d`` that falls on ``weekday`` (1 = Monday)."""
    return d - dt.timedelta(days=(d.isoweekday() - weekday) % 7)


def weekday_on_or_after(d: dt.date, weekday: int) -> dt.date:
    return d + dt.timedelta(days=(weekday - d.isoweekday()) % 7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ``weekday`` of a month; ``n = -1`` is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        return weekday_on_or_after(first, weekday) + dt.timedelta(weeks=n - 1)
    last = dt.date(year, month, _cal.monthrange(year, month)[1])
    return weekday_on_or_before(last, weekday)


def easter_sunday(year: int) -> dt.date:
    """Western Easter (Gregorian computus, the anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def season_of(d: dt.date) -> tuple[int, str]:
    """(year, season code) of a date; December counts to the following year's winter."""
    for code, (first, last) in SEASON_MONTHS.items():
        if code == "WI":
            continue
        if first <= d.month <= last:
            return d.year, code
    return (d.year + 1 if d.month == 12 else d.year), "WI"


def season_start(year: int, code: str) -> dt.date:
    first = SEASON_MONTHS[code][0]
    return dt.date(year - 1, 12, 1) if code == "WI" else dt.date(year, first, 1)


#: How much farther a date on the wrong side of the clause's direction may be and still win:
#: "imposed on Dec. 22" (past) said in May is last December, but "has set Nov. 10 as the deadline"
#: said on Nov. 2 is next week, not a year ago.
WRONG_SIDE_PENALTY = 8.0
#: With no direction, a future date must be this much closer than a past one (news reports the past).
UNDIRECTED_FUTURE_PENALTY = 1.5


def nearest(candidates: list[dt.date], anchor: dt.date, direction: str | None) -> dt.date:
    """The candidate date closest to the anchor, distances on the side the clause does not point
    to weighted up (so the tense decides unless the other reading is far closer)."""

    def cost(c: dt.date) -> tuple[float, bool]:
        days = abs((c - anchor).days)
        ahead = c > anchor
        if (direction == "past" and ahead) or (direction == "future" and c < anchor):
            return days * WRONG_SIDE_PENALTY, ahead
        if direction is None and ahead:
            return days * UNDIRECTED_FUTURE_PENALTY, ahead
        return float(days), ahead

    return min(candidates, key=cost)
