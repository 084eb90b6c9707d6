"""Infer a missing document creation time (DCT) from the text itself.

Evidence, strongest first:

1. a date header line near the top or bottom ("Friday, January 4, 2019", "Published: 4 Jan 2019");
2. a dateline ("WASHINGTON, May 31 (Reuters) -"), its year taken from the text's full dates or
   year mentions;
3. the signature of an embedded post ("— Secretary Pompeo (@SecPompeo) May 31, 2018");
4. the latest full date the text mentions outside a future clause;
5. failing a lede weekday that confirms it, the day in the week after that date which the
   text's weekday mentions agree on (:func:`weekday_vote`).

A date from (3) or (4) is then checked against the weekdays the lede uses for its own news
("said Thursday morning"): when the lede's weekday falls one or two days later, the DCT moves
there.  Nothing here reads the clock: no evidence, no DCT.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from wirecoder.time import calendar as cal
from wirecoder.time.grammar import expand
from wirecoder.time.lexicon import load_lexicon

FULL_DATE_RULES = ("mdy", "dmy", "iso_date", "slash_date")


@dataclass(frozen=True)
class DatedMention:
    """A full calendar date found in the text."""

    start: int
    end: int
    day: dt.date
    future_clause: bool = False


@dataclass(frozen=True)
class WeekdayMention:
    """A bare weekday the text uses ("on Friday"), with whether its clause points ahead."""

    start: int
    weekday: int  # ISO: Monday 1 ... Sunday 7
    future_clause: bool = False


@dataclass(frozen=True)
class Inferred:
    day: dt.date
    evidence: str  # header | dateline | post | mention | weekdays | zone


@lru_cache(maxsize=1)
def _dateline_re() -> re.Pattern[str]:
    body = expand(
        r"(?P<place>(?-i:[A-Z][A-Za-z.'’-]+(?:[ \t]+[A-Za-z.'’-]+){0,3})(?:,[ \t]*(?-i:[A-Z][A-Za-z.'’ -]{1,25}))?),"
        r"[ \t]*(?P<month>{MONTH})[ \t]+(?P<day>\d{1,2})(?:,[ \t]*(?P<year>{YEAR}))?"
        r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:--|-|—|–|_|:)"
    )
    return re.compile(r"(?:^|\n)[ \t]*" + body)


_HEADER_NOISE = re.compile(
    r"(?i)\b(?:updated|published|posted|last\s+modified|date|on|at|am|pm|a\.m\.|p\.m\.|gmt|utc|est|edt|bst|cet|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|[\d:|,.·•\-–—/()]|\s"
)
_POST_SIGNATURE = re.compile(r"\(@\w{1,30}\)[ \t]*$|@\w{1,30}[ \t]*$")
_LEDE_WEEKDAY = re.compile(
    r"(?-i:\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?![ \t]*,[ \t]*[A-Z])", re.IGNORECASE
)


def dateline_span(text: str) -> tuple[int, int] | None:
    """Where the dateline's date is, when the text opens a paragraph with one."""
    m = _dateline_re().search(text[:400])
    if not m:
        return None
    return m.start("month"), m.end("year") if m.group("year") else m.end("day")


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def _is_header(text: str, m: DatedMention, lines_from_top: int, lines_from_bottom: int) -> bool:
    if lines_from_top > 3 and lines_from_bottom > 2:
        return False
    start, end = _line_bounds(text, m.start)
    rest = text[start : m.start] + text[m.end : end]
    return len(_HEADER_NOISE.sub("", rest)) <= 3


def _line_positions(text: str) -> list[int]:
    """Start offsets of non-empty lines."""
    positions = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            positions.append(offset)
        offset += len(line) + 1
    return positions


def _line_rank(starts: list[int], pos: int) -> int:
    import bisect

    return bisect.bisect_right(starts, pos) - 1


def _lede_weekdays(text: str) -> set[int]:
    """Weekdays named near the top (where news says when it happened)."""
    lede = text.lstrip()[:600]
    weekdays = load_lexicon().weekdays
    return {weekdays[m.group(1).lower()] for m in _LEDE_WEEKDAY.finditer(lede)}


def _match_lede(day: dt.date, lede: set[int], reach: int = 2) -> dt.date | None:
    """The day itself or one of the ``reach`` days after it that the lede's weekdays fit."""
    for ahead in range(reach + 1):
        later = day + dt.timedelta(days=ahead)
        if later.isoweekday() in lede:
            return later
    return None


_YEAR_MENTION = re.compile(r"(?<![\d$.,])(?:19|20)\d\d(?![\d%])")


def _dateline_year(text: str, mentions: list[DatedMention], month: int, day: int, lede: set[int]) -> int | None:
    """The dateline gives month and day only; the year comes from the text's own dates, and the
    lede's weekday picks among the years that could follow them."""
    years = [int(y) for y in _YEAR_MENTION.findall(text)]
    if mentions:
        base = max(m.day for m in mentions).year
    elif years and lede:
        base = max(years)
    else:
        return None  # a bare year mention could be history: better no DCT than a wrong one
    candidates = [y for y in range(base, base + 4) if cal.valid_day(y, month, day)]
    if lede:
        for year in candidates:
            found = cal.valid_day(year, month, day)
            if found and found.isoweekday() in lede:
                return year
        return None
    return base if cal.valid_day(base, month, day) else None


#: How far after the latest full date the weekday vote looks for the article's date.
_VOTE_REACH = 6


def weekday_vote(latest: dt.date, weekdays: list[WeekdayMention]) -> dt.date | None:
    """The day, in the week after the text's latest full date, that its weekdays agree on.

    News says what happened today or yesterday by weekday ("said Friday", "met on Thursday"):
    each past or present weekday mention votes for the day it names and the day after it.  The
    winner needs two mentions and a clear lead; future weekdays ("will meet Monday") do not vote.
    """
    votes: dict[dt.date, int] = {}
    for w in weekdays:
        if w.future_clause:
            continue
        for ahead in range(_VOTE_REACH + 1):
            day = latest + dt.timedelta(days=ahead)
            if day.isoweekday() in (w.weekday, w.weekday % 7 + 1):
                votes[day] = votes.get(day, 0) + 1
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def infer_dct(text: str, mentions: list[DatedMention], weekdays: list[WeekdayMention] | None = None) -> Inferred | None:
    """The most credible creation date, or None when the text gives no evidence."""
    starts = _line_positions(text)
    total = len(starts)
    for m in mentions:
        rank = _line_rank(starts, m.start)
        if _is_header(text, m, rank, total - 1 - rank):
            return Inferred(m.day, "header")
    lede = _lede_weekdays(text)
    dl = _dateline_re().search(text[:400])
    if dl:
        month = load_lexicon().months.get(dl.group("month").lower().rstrip("."))
        day = int(dl.group("day"))
        year = int(dl.group("year")) if dl.group("year") else None
        if year is None and month:
            year = _dateline_year(text, mentions, month, day, lede)
        found = cal.valid_day(year, month, day) if year and month else None
        if found:
            return Inferred(found, "dateline")
    posts = [m for m in mentions if _POST_SIGNATURE.search(text[max(0, m.start - 60) : m.start])]
    if posts:
        latest = max(p.day for p in posts)
        return Inferred((_match_lede(latest, lede) if lede else None) or latest, "post")
    # A date the text merely mentions is only trusted when the lede's weekday confirms it.
    usable = [m for m in mentions if not m.future_clause]
    if usable and lede:
        latest = max(m.day for m in usable)
        later_years = [int(y) for y in _YEAR_MENTION.findall(text) if int(y) > latest.year]
        confirmed = _match_lede(latest, lede, reach=1)
        if confirmed and not later_years:
            return Inferred(confirmed, "mention")
    if usable and weekdays:
        latest = max(m.day for m in usable)
        later_years = [int(y) for y in _YEAR_MENTION.findall(text) if int(y) > latest.year]
        voted = weekday_vote(latest, weekdays)
        if voted and not later_years:
            return Inferred(voted, "weekdays")
    return None
