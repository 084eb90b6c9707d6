"""What a time expression means before it is anchored, and how it is anchored.

A *spec* is the reading of one expression ("the Friday before the DCT or after it",
"the month before the DCT's month", "a duration of three years").  ``resolve`` turns it into a
TIMEX3 value given a :class:`Context`: the DCT, the direction the clause points to (from tense
and cue words), and the narrative reference times of the text.

Without a DCT, values that need one are written with ``X`` placeholders at the granularity of
the expression (``XXXX-WXX-5`` for a Friday, ``XXXX-05-31`` for May 31, ``XXXX-XX-XX`` for
yesterday), so consumers can see that the expression was found but not anchored.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wirecoder.time import calendar as cal


@dataclass
class Context:
    """Everything outside the expression that anchoring may use."""

    dct: dt.date | None
    direction: str | None = None  # "past" | "future" | None, from tense and cue words
    ref_quarter: tuple[int, int] | None = None  # the quarter the text is talking about
    ref_point: str | None = None  # an anchored DATE value in this sentence or the one before
    last_point: str | None = None  # the last anchored DATE value anywhere before
    narrative_year: int | None = None  # a past year the sentence or the one before is about
    ref_day: dt.date | None = None  # a day named in the same sentence (for clock times)


@dataclass
class Spec:
    type: str = "DATE"
    #: Whether the value depends on the clause's direction (tense); saves parsing work.
    needs_direction: bool = False
    #: Whether a clock time should take its day from the sentence.
    needs_day: bool = False
    #: Characters to drop from the front of the match ("the" before "30-day").
    trim: int = 0

    def resolve(self, ctx: Context) -> str:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass
class Fixed(Spec):
    value: str = ""

    def resolve(self, ctx: Context) -> str:
        return self.value


def _time_suffix(pod: str | None, clock: str | None) -> str:
    if clock:
        return "T" + clock
    if pod:
        return "T" + pod
    return ""


@dataclass
class CalDate(Spec):
    """A calendar date, month or year, possibly without a year (then anchored by direction)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    pod: str | None = None
    clock: str | None = None
    rel: str | None = None  # "past" | "future" | "this": last May, next June
    year_shift: int | None = None  # "June last year": -1

    def resolve(self, ctx: Context) -> str:
        suffix = _time_suffix(self.pod, self.clock)
        year = self.year
        if year is None and self.year_shift is not None and ctx.dct:
            year = ctx.dct.year + self.year_shift
        if year is None and self.rel is None and ctx.narrative_year and ctx.direction != "future":
            year = ctx.narrative_year  # "Tests were held last year. On December 22, ..."
        if year is None:
            if ctx.dct is None:
                return _placeholder(self.month, self.day) + suffix
            year = self._anchor_year(ctx)
        if self.month is None:
            return f"{year:04d}"
        if self.day is None:
            return cal.fmt_month(year, self.month)
        return f"{year:04d}-{self.month:02d}-{self.day:02d}" + suffix

    def _anchor_year(self, ctx: Context) -> int:
        dct = ctx.dct
        assert dct is not None
        direction = self._direction(ctx)
        if self.day is not None and self.month is not None:
            # February 29 may be up to four years away; other days are within a year
            years = (
                range(dct.year - 4, dct.year + 5)
                if (self.month, self.day) == (2, 29)
                else range(dct.year - 1, dct.year + 2)
            )
            days = [d for y in years if (d := cal.valid_day(y, self.month, self.day))]
            return cal.nearest(days, dct, direction).year if days else dct.year
        assert self.month is not None
        this_month = dct.replace(day=1)
        months = [dt.date(y, self.month, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
        if self.rel == "past":  # "last May" is the May before the current month
            return max(m for m in months if m < this_month).year
        if self.rel == "future":
            return min(m for m in months if m > this_month).year
        if self.rel == "this":
            return dct.year
        return cal.nearest(months, this_month, direction).year

    def _direction(self, ctx: Context) -> str | None:
        if self.rel in ("past", "future"):
            return self.rel
        return ctx.direction


def _placeholder(month: int | None, day: int | None) -> str:
    if month is None:
        return "XXXX"
    if day is None:
        return f"XXXX-{month:02d}"
    return f"XXXX-{month:02d}-{day:02d}"


@dataclass
class Weekday(Spec):
    """A weekday, anchored to the DCT's week by cue words or the clause's tense."""

    weekday: int = 1
    rel: str | None = None  # "past" (last Friday) | "future" (next Friday) | "this"
    pod: str | None = None
    clock: str | None = None
    week_shift: int | None = None  # "Friday, last week"
    day_shift: int = 0  # "the day before Tuesday"
    anaphoric: bool = False  # "the following Monday": counted from the time the text last named

    def day(self, ctx: Context) -> dt.date | None:
        dct = ctx.dct
        base = cal.parse_day(ctx.ref_point or "") if self.anaphoric else None
        if base is not None and self.rel in ("past", "future"):
            step = dt.timedelta(days=1)
            if self.rel == "past":
                return cal.weekday_on_or_before(base - step, self.weekday) + dt.timedelta(days=self.day_shift)
            return cal.weekday_on_or_after(base + step, self.weekday) + dt.timedelta(days=self.day_shift)
        if dct is None:
            return None
        if self.week_shift is not None:
            monday = dct - dt.timedelta(days=dct.isoweekday() - 1) + dt.timedelta(weeks=self.week_shift)
            return monday + dt.timedelta(days=self.weekday - 1) + dt.timedelta(days=self.day_shift)
        if self.rel == "past":  # last Friday: strictly before the DCT
            found = cal.weekday_on_or_before(dct - dt.timedelta(days=1), self.weekday)
        elif self.rel == "future":  # next Friday: strictly after
            found = cal.weekday_on_or_after(dct + dt.timedelta(days=1), self.weekday)
        elif ctx.direction == "future":
            found = cal.weekday_on_or_after(dct, self.weekday)
        elif self.rel == "this" and ctx.direction is None:
            found = cal.nearest(
                [cal.weekday_on_or_before(dct, self.weekday), cal.weekday_on_or_after(dct, self.weekday)], dct, None
            )
        else:  # news weekdays point to the past (or today) unless the clause says otherwise
            found = cal.weekday_on_or_before(dct, self.weekday)
        return found + dt.timedelta(days=self.day_shift)

    def resolve(self, ctx: Context) -> str:
        suffix = _time_suffix(self.pod, self.clock)
        day = self.day(ctx)
        if day is None:
            return f"XXXX-WXX-{self.weekday}" + suffix
        return cal.fmt_day(day) + suffix


@dataclass
class DayRef(Spec):
    """today / yesterday / tomorrow / tonight: a day offset from the DCT."""

    shift: int = 0
    pod: str | None = None
    clock: str | None = None

    def day(self, ctx: Context) -> dt.date | None:
        if self.needs_day and ctx.ref_day is not None:
            return ctx.ref_day  # "at dawn" in a sentence about Sunday
        return ctx.dct + dt.timedelta(days=self.shift) if ctx.dct else None

    def resolve(self, ctx: Context) -> str:
        day = self.day(ctx)
        base = cal.fmt_day(day) if day else "XXXX-XX-XX"
        return base + _time_suffix(self.pod, self.clock)


@dataclass
class Clock(Spec):
    """A clock time; its day comes from an attached day expression, the sentence, or the DCT."""

    clock: str = "00:00"
    day_spec: Spec | None = None

    def resolve(self, ctx: Context) -> str:
        day: dt.date | None = None
        if isinstance(self.day_spec, (Weekday, DayRef)):
            day = self.day_spec.day(ctx)
        elif isinstance(self.day_spec, CalDate):
            base = self.day_spec.resolve(ctx)
            return base + "T" + self.clock
        else:
            day = ctx.ref_day or ctx.dct
        return (cal.fmt_day(day) if day else "XXXX-XX-XX") + "T" + self.clock


# Granularity of an offset's value: "two days ago" is a day, "two years ago" a year.
_UNIT_GRAIN = {"D": "D", "W": "W", "M": "M", "Y": "Y", "DE": "Y", "CE": "Y", "Q": "Q", "WE": "D", "2W": "D"}


def format_grain(d: dt.date, grain: str) -> str:
    if grain == "D":
        return cal.fmt_day(d)
    if grain == "W":
        return cal.fmt_week(d)
    if grain == "M":
        return cal.fmt_month(d.year, d.month)
    if grain == "Q":
        return f"{d.year:04d}-Q{cal.quarter_of(d)}"
    return f"{d.year:04d}"


def _unit_days(unit: str, n: float) -> tuple[str, int]:
    """(calendar unit, whole count) for shifting dates; decades and centuries become years."""
    if unit == "DE":
        return "Y", round(10 * n)
    if unit == "CE":
        return "Y", round(100 * n)
    if unit == "2W":
        return "W", round(2 * n)
    if unit == "WE":
        return "W", round(n)
    return unit, round(n)


@dataclass
class Offset(Spec):
    """N units before/after the DCT (ago, from now) or the narrative time (earlier, later)."""

    unit: str = "D"
    n: float = 1
    sign: int = -1
    from_reference: bool = False  # earlier/later count from the narrative time when there is one

    def resolve(self, ctx: Context) -> str:
        unit, count = _unit_days(self.unit, self.n)
        grain = _UNIT_GRAIN.get(self.unit, "D")
        if self.unit == "Y" and count == 1 and ctx.ref_quarter:
            year, quarter = ctx.ref_quarter  # "a year earlier" in quarterly results
            return f"{year + self.sign * count:04d}-Q{quarter}"
        if self.from_reference and ctx.ref_point:
            shifted = _shift_value(ctx.ref_point, unit, self.sign * count)
            if shifted:
                return shifted
        if ctx.dct is None:
            return {"D": "XXXX-XX-XX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(grain, "XXXX")
        if unit in ("TH", "TM", "TS"):
            return cal.fmt_day(ctx.dct)
        return format_grain(cal.shift_date(ctx.dct, unit, self.sign * count), grain)


def _shift_value(value: str, unit: str, n: int) -> str | None:
    """A TIMEX3 point value moved by n units at its own granularity (day, month, quarter, year)."""
    if unit not in ("D", "W", "M", "Y", "Q"):
        return None
    if len(value) == 10 and (d := cal.parse_day(value)):
        return cal.fmt_day(cal.shift_date(d, unit, n))
    if len(value) == 7 and value[4] == "-" and value[5:].isdigit() and unit in ("M", "Y", "Q"):
        year, month = cal.add_months(int(value[:4]), int(value[5:]), n * {"M": 1, "Y": 12, "Q": 3}[unit])
        return cal.fmt_month(year, month)
    if len(value) == 7 and value[5] == "Q" and value[:4].isdigit() and value[6].isdigit() and unit in ("Y", "Q"):
        year, quarter = cal.add_quarters(int(value[:4]), int(value[6]), n * (4 if unit == "Y" else 1))
        return f"{year:04d}-Q{quarter}"
    if len(value) == 4 and value.isdigit() and unit == "Y":
        return f"{int(value) + n:04d}"
    return None


@dataclass
class RelUnit(Spec):
    """this/last/next week, month, year, quarter, weekend, decade, century."""

    unit: str = "Y"
    shift: int | None = 0  # None: the clause's direction decides (the weekend)

    def resolve(self, ctx: Context) -> str:
        dct = ctx.dct
        shift = self.shift
        if shift is None:
            shift = self._weekend_shift(ctx)
        if dct is None:
            return {"W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(self.unit, "XXXX")
        if self.unit == "W":
            return cal.fmt_week(dct + dt.timedelta(weeks=shift))
        if self.unit == "WE":
            return cal.fmt_week(dct + dt.timedelta(weeks=shift)) + "-WE"
        if self.unit == "M":
            year, month = cal.add_months(dct.year, dct.month, shift)
            return cal.fmt_month(year, month)
        if self.unit == "Q":
            year, quarter = cal.add_quarters(dct.year, cal.quarter_of(dct), shift)
            return f"{year:04d}-Q{quarter}"
        if self.unit == "DE":
            return f"{dct.year // 10 + shift:03d}"
        if self.unit == "CE":
            return f"{dct.year // 100 + shift:02d}"
        if self.unit == "H":
            half = 1 if dct.month <= 6 else 2
            index = dct.year * 2 + half - 1 + shift
            return f"{index // 2:04d}-H{index % 2 + 1}"
        return f"{dct.year + shift:04d}"

    def _weekend_shift(self, ctx: Context) -> int:
        """The weekend before a weekday DCT unless the clause points ahead."""
        if ctx.dct is None or ctx.dct.isoweekday() >= 6 or ctx.direction == "future":
            return 0
        return -1


@dataclass
class Quarter(Spec):
    """A quarter or half of a year: explicit (the third quarter) or the one the text is about."""

    quarter: int | None = None  # None: the reference quarter of the text
    half: int | None = None
    year: int | None = None
    year_shift: int = 0  # year-earlier quarter: -1
    dct_shift: int | None = None  # this quarter: 0, last quarter: -1 (relative to the DCT's quarter)
    dct_year_shift: int | None = None  # the third quarter of last year: -1 (relative to the DCT's year)
    ends_on: tuple[int, int, int | None] | None = None  # "the quarter ended Sept. 30": (month, day, year)

    def resolve(self, ctx: Context) -> str:
        dct = ctx.dct
        if self.dct_year_shift is not None and self.quarter is not None:
            return f"{dct.year + self.dct_year_shift:04d}-Q{self.quarter}" if dct else f"XXXX-Q{self.quarter}"
        if self.dct_shift is not None:
            if dct is None:
                return "XXXX-QX"
            year, quarter = cal.add_quarters(dct.year, cal.quarter_of(dct), self.dct_shift)
            return f"{year:04d}-Q{quarter}"
        if self.half is not None:
            year = self.year if self.year is not None else self._year_for(ctx, 6 * (self.half - 1) + 1)
            return f"{year:04d}-H{self.half}" if year is not None else f"XXXX-H{self.half}"
        if self.quarter is None and self.ends_on is not None and dct is not None:
            month, day, year = self.ends_on
            if year is None:  # a period that ended: the last such day on or before the DCT
                year = dct.year if (month, day) <= (dct.month, dct.day) else dct.year - 1
            return f"{year + self.year_shift:04d}-Q{(month - 1) // 3 + 1}"
        if self.quarter is None:
            ref = ctx.ref_quarter or _last_completed_quarter(dct)
            if ref is None:
                return "XXXX-QX"
            year, quarter = ref
            return f"{year + self.year_shift:04d}-Q{quarter}"
        year = self.year if self.year is not None else self._year_for(ctx, 3 * (self.quarter - 1) + 1)
        if year is None:
            return f"XXXX-Q{self.quarter}"
        return f"{year + self.year_shift:04d}-Q{self.quarter}"

    def _year_for(self, ctx: Context, first_month: int) -> int | None:
        """The DCT's year, or the year before when that period starts after the DCT and the
        clause does not point ahead (results for "the fourth quarter" reported in February)."""
        dct = ctx.dct
        if dct is None:
            return None
        if dt.date(dct.year, first_month, 1) > dct and ctx.direction != "future":
            return dct.year - 1
        return dct.year


def _last_completed_quarter(dct: dt.date | None) -> tuple[int, int] | None:
    if dct is None:
        return None
    return cal.add_quarters(dct.year, cal.quarter_of(dct), -1)


@dataclass
class Season(Spec):
    season: str = "SU"
    year: int | None = None
    rel: str | None = None  # past | future | this

    def resolve(self, ctx: Context) -> str:
        if self.year is not None:
            return f"{self.year:04d}-{self.season}"
        dct = ctx.dct
        if dct is None:
            return f"XXXX-{self.season}"
        current_year, current = cal.season_of(dct)
        starts = [(y, cal.season_start(y, self.season)) for y in (dct.year - 1, dct.year, dct.year + 1)]
        now = cal.season_start(current_year, current)
        if self.rel == "past" or (self.rel is None and ctx.direction == "past"):
            strict = self.rel == "past"
            year = max(y for y, s in starts if (s < now if strict else s <= now))
        elif self.rel == "future" or (self.rel is None and ctx.direction == "future"):
            strict = self.rel == "future"
            year = min(y for y, s in starts if (s > now if strict else s >= now))
        else:
            year = current_year if current == "WI" and self.season == "WI" else dct.year
        return f"{year:04d}-{self.season}"


@dataclass
class Holiday(Spec):
    rule: str = "12-25"
    year: int | None = None
    rel: str | None = None

    def on(self, year: int) -> dt.date | None:
        kind, _, rest = self.rule.partition(":")
        if kind == "nth":  # month:weekday:n[:days after], "the Tuesday after the first Monday" = 11:1:1:1
            month, weekday, n, *after = (int(x) for x in rest.split(":"))
            return cal.nth_weekday(year, month, weekday, n) + dt.timedelta(days=sum(after))
        if kind == "last":
            month, weekday = (int(x) for x in rest.split(":"))
            return cal.nth_weekday(year, month, weekday, -1)
        if kind == "easter":
            return cal.easter_sunday(year) + dt.timedelta(days=int(rest or 0))
        month, day = (int(x) for x in self.rule.split("-"))
        return cal.valid_day(year, month, day)

    def resolve(self, ctx: Context) -> str:
        if self.year is not None:
            day = self.on(self.year)
            return cal.fmt_day(day) if day else f"{self.year:04d}"
        dct = ctx.dct
        if dct is None:
            return "XXXX-XX-XX"
        days = [d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := self.on(y))]
        direction = self.rel if self.rel in ("past", "future") else ctx.direction
        if self.rel == "past":
            days = [d for d in days if d < dct] or days
        elif self.rel == "future":
            days = [d for d in days if d > dct] or days
        return cal.fmt_day(cal.nearest(days, dct, direction))


@dataclass
class Anaphor(Spec):
    """that year, the same day, the following week: the narrative time at a granularity (shifted);
    the DCT when the text has named no time before."""

    unit: str = "Y"
    shift: int = 0
    pod: str | None = None

    def resolve(self, ctx: Context) -> str:
        base = ctx.last_point
        day = cal.parse_day(base) if base else None
        if base is None or (self.unit in ("D", "W") and day is None):
            if ctx.dct is None:
                return {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX"}.get(self.unit, "XXXX")
            base, day = cal.fmt_day(ctx.dct), ctx.dct
        if day is not None:
            value = format_grain(cal.shift_date(day, self.unit, self.shift), self.unit)
            return value + (f"T{self.pod}" if self.pod and self.unit == "D" else "")
        truncated = _truncate(base, self.unit)
        if truncated is None:
            return base
        return _shift_value(truncated, self.unit, self.shift) or truncated


def _truncate(value: str, unit: str) -> str | None:
    """A point value cut to a coarser granularity: 1998-10 -> 1998 for a year."""
    if unit == "Y" and value[:4].isdigit():
        return value[:4]
    if unit == "M" and len(value) >= 7 and value[5:7].isdigit():
        return value[:7]
    if unit == "Q" and len(value) >= 7 and value[5] == "Q":
        return value[:7]
    return None
