"""Read a grammar match (its named groups) as a :mod:`spec <wirecoder.time.specs>`.

One reader per rule *kind*; each returns None to reject a match that the context shows is not a
time expression (an age, a modal "May", a verb "fall").  Rejected matches still block shorter
overlapping matches, so "45 years old" does not leave "years" behind.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from wirecoder.time import calendar as cal
from wirecoder.time.grammar import Candidate
from wirecoder.time.lexicon import Lexicon, day_ordinals, load_lexicon
from wirecoder.time.specs import (
    Anaphor,
    CalDate,
    Clock,
    DayRef,
    Fixed,
    Holiday,
    Offset,
    Quarter,
    RelUnit,
    Season,
    Spec,
    Weekday,
)

Reader = Callable[[Candidate, str, Lexicon], Spec | None]

_DAYREF_SHIFT = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
}
_QUARTER_ORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_SHIFT = {"past": -1, "future": 1, "this": 0}
_TIME_UNITS = {"TH": "H", "TM": "M", "TS": "S"}


def norm(text: str) -> str:
    """Lower case with single spaces (group text may span a line break)."""
    return " ".join(text.lower().split())


def _direction(lex: Lexicon, word: str | None) -> str | None:
    if not word:
        return None
    return lex.directions.get(norm(word))


def _month(lex: Lexicon, groups: dict[str, str]) -> int | None:
    if "month_n" in groups:
        return int(groups["month_n"])
    if "month" in groups:
        return lex.months.get(norm(groups["month"]).rstrip("."))
    return None


def _day(groups: dict[str, str]) -> int | None:
    raw = groups.get("day")
    if raw is None and "dayword" in groups:
        return day_ordinals().get(norm(groups["dayword"]))
    return int(re.sub(r"\D", "", raw)) if raw else None


def _year(groups: dict[str, str], key: str = "year") -> int | None:
    raw = groups.get(key)
    if not raw:
        return None
    if not raw.isdigit():
        return load_lexicon().spelled_year(norm(raw))
    year = int(raw)
    if len(raw) == 2:  # 5/31/98
        year += 1900 if year >= 40 else 2000
    return year


def _pod(lex: Lexicon, groups: dict[str, str]) -> str | None:
    raw = groups.get("pod")
    return lex.parts_of_day.get(norm(raw)) if raw else None


def _possible_day(year: int | None, month: int, day: int) -> bool:
    """Whether the day exists in that month (of that year, or of a leap year when none is given)."""
    return cal.valid_day(year if year is not None else 2000, month, day) is not None


def _weekday(lex: Lexicon, groups: dict[str, str]) -> int | None:
    raw = groups.get("weekday")
    return lex.weekdays.get(norm(raw).removesuffix("'s")) if raw else None


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘(")
    return not before or before[-1] in ".!?\n:"


# --------------------------------------------------------------------------- clock times


def _clock_value(lex: Lexicon, groups: dict[str, str]) -> str | None:
    word = norm(groups.get("clockword", ""))
    if word in ("noon", "midday"):
        return "12:00"
    if word == "midnight":
        return "24:00"
    raw = groups.get("hour", "")
    hour = int(raw) if raw.isdigit() else int(lex.cardinals.get(norm(raw), -1))
    if not 0 <= hour <= 23:
        return None
    minute = int(groups.get("minute") or 0)
    marker = norm(groups.get("ampm", "")).replace(".", "")
    pod = norm(groups.get("pod", ""))
    if marker == "pm" or pod in ("afternoon", "evening"):
        hour = hour + 12 if hour < 12 else hour
    elif (marker == "am" or pod == "morning") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


#: "10:35 a.m. (0735 GMT)": the bracketed wire time glosses the local time just before it.
_GLOSSED_CLOCK = re.compile(r"(?:[ap]\.?m\.?|\d:\d\d)[ \t]*(?:local[ \t]+time[ \t]*)?\([ \t]*$", re.IGNORECASE)


def read_clock(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    if c.rule.id == "clock_wire" and _GLOSSED_CLOCK.search(text[max(0, c.start - 24) : c.start]):
        return None
    clock = _clock_value(lex, g)
    if clock is None:
        return None
    day_spec: Spec | None = None
    if "weekday" in g:
        day_spec = Weekday(weekday=_weekday(lex, g) or 1, needs_direction=True)
    elif "dayref" in g:
        day_spec = DayRef(shift=_DAYREF_SHIFT.get(norm(g["dayref"]), 0))
    elif "month" in g and "day" in g:
        month, day = _month(lex, g), _day(g)
        if month is None or day is None or not _possible_day(_year(g), month, day):
            return None
        day_spec = CalDate(year=_year(g), month=month, day=day, needs_direction=True)
    return Clock(
        type="TIME", clock=clock, day_spec=day_spec, needs_direction=day_spec is not None, needs_day=day_spec is None
    )


# --------------------------------------------------------------------------- calendar dates


def read_date(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    rid = c.rule.id
    if rid == "this_century":
        unit = {"century": "CE", "decade": "DE", "millennium": "ML"}[norm(g["unit"])]
        if unit == "ML":
            return None
        shift = _SHIFT.get(_direction(lex, g.get("rel")) or "this", 0)
        return RelUnit(unit=unit, shift=shift)
    if "decade" in g:
        return Fixed(value=g["decade"])
    if "decade2" in g:
        return Fixed(value="19" + g["decade2"])
    if "decadeword" in g:
        return Fixed(value=str(lex.decade_words[norm(g["decadeword"])]))
    if "century" in g:
        raw = norm(g["century"])
        n = lex.ordinals.get(raw) or int(re.sub(r"\D", "", raw) or 0)
        return Fixed(value=f"{n - 1:02d}") if 0 < n <= 21 else None
    if "year2" in g:  # fiscal '89
        return Fixed(value=str(_year(g, "year2")))
    month, day, year = _month(lex, g), _day(g), _year(g)
    if month is not None and day is not None and not _possible_day(year, month, day):
        return None  # "February 30" is no date
    if "relyear" in g and year is None:
        shift = _SHIFT.get(_direction(lex, g["relyear"]) or "this", 0)
        return CalDate(month=month, year_shift=shift)
    if year is not None and month is None:
        half = {"the first half of": 1, "the second half of": 2, "the last half of": 2, "the latter half of": 2}.get(
            norm(g.get("mod", ""))
        )
        if half:
            return Fixed(value=f"{year:04d}-H{half}")
        if c.rule.id == "year" and _counted_not_dated(text, c):
            return None
        return Fixed(value=f"{year:04d}")
    if year is not None:
        value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
        return Fixed(value=value)
    return CalDate(month=month, day=day, needs_direction=True)


_YEAR_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?:in|of|since|by|from|to|until|till|the|during|through|before|after|and|or|between|early|late|mid|"
    r"fiscal|year|around|circa|than|for|a|its|their|his|her|our|this|that)|'s|[-(,])[ \t]*$",
    re.IGNORECASE,
)
_PLURAL_AFTER = re.compile(r"[ \t]+[a-z]+s\b")


def _counted_not_dated(text: str, c: Candidate) -> bool:
    """A bare four-digit number counting a plural noun ("reached 1990 units"), with no
    preposition or determiner before it that would make it a year."""
    if "fiscal" in c.groups or "mod" in c.groups or c.end - c.start != 4:
        return False
    before = text[max(0, c.start - 12) : c.start]
    return bool(_PLURAL_AFTER.match(text, c.end)) and not _YEAR_CONTEXT_BEFORE.search(before)


def read_month(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    month = _month(lex, g)
    rel = _direction(lex, g.get("rel"))
    if month is None:
        return None
    ambiguous = norm(g["month"]) in ("may", "march") and not rel and "mod" not in g
    # the modal "May" and the verb "March" open sentences; there a month needs a preposition,
    # a possessive ("March's figures") or a determiner before a noun ("the March accession")
    needs_preposition = ambiguous and not _month_by_its_neighbours(text, c.start, c.end)
    if needs_preposition and (_sentence_start(text, c.start) or not _preceded_by_preposition(text, c.start)):
        return None
    return CalDate(month=month, rel=rel, needs_direction=True)


_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her)[ \t]+$", re.IGNORECASE)
#: "the March accession", "a May deadline"; not "the March for Life" (a name: a preposition follows)
_NOUN_AFTER = re.compile(r"[ \t]+(?!(?:for|of|on|to|against|in|at|from|and|or)\b)[a-z]+\b")


def _month_by_its_neighbours(text: str, start: int, end: int) -> bool:
    """Whether "May"/"March" is the month by the words around it: neither the modal nor the
    verb takes a possessive, nor stands between a determiner and a noun."""
    if _POSSESSIVE_AFTER.match(text, end):
        return True
    return bool(_DETERMINER_BEFORE.search(text[max(0, start - 8) : start]) and _NOUN_AFTER.match(text, end))


_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|during|from|through|to|before|after|on|last|next|this|early|late|mid|"
    r"between|and|or|for|into|throughout|as of|as early as|as late as)|-)[ \t]*$",
    re.IGNORECASE,
)


def _preceded_by_preposition(text: str, start: int) -> bool:
    return bool(_PREP_BEFORE.search(text[max(0, start - 20) : start]))


# --------------------------------------------------------------------------- quarters, seasons


def read_quarter(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    unit = norm(g.get("unit", "quarter"))
    rel = norm(g.get("rel", ""))
    year = _year(g) or _year(g, "year2") or _year(g, "year3")
    shift_year = _SHIFT.get(_direction(lex, g.get("relyear")) or "") if "relyear" in g else None
    if c.rule.id == "year_quarter":  # last year's third quarter, this year's period
        shift = _SHIFT.get(_direction(lex, g["relyear"]) or "this", 0)
        if "qord" in g and unit == "quarter":
            return Quarter(quarter=_QUARTER_ORD[norm(g["qord"])], dct_year_shift=shift)
        if "qord" in g:
            return Quarter(half=_QUARTER_ORD[norm(g["qord"])], year=None, needs_direction=True)
        return Quarter(year_shift=shift)
    if "qord" in g:
        n = _QUARTER_ORD[norm(g["qord"])]
        if unit == "half":
            if n > 2:
                return None
            return Quarter(half=n, year=year, needs_direction=True)
        if shift_year is not None:  # the third quarter of last year
            return Quarter(quarter=n, dct_year_shift=shift_year)
        year_shift = -1 if rel in ("year-earlier", "year-ago", "prior-year", "year-before") else 0
        # "the [third-quarter] loss": a hyphenated quarter is an adjective and leaves "the" out
        trim = (
            _leading_the(text, c)
            if not rel and re.search(r"\w-(?:fiscal[ \t]+)?quarter$", text[c.start : c.end], re.I)
            else 0
        )
        return Quarter(quarter=n, year=year, year_shift=year_shift, needs_direction=True, trim=trim)
    # no ordinal: "the quarter", "the latest quarter", "last quarter"
    if "endmonth" in g:  # "the quarter ended Sept. 30": the calendar quarter of that day
        month, day = _month(lex, {"month": g["endmonth"]}), _day({"day": g["endday"]})
        if month and day:
            shift = -1 if rel in ("year-earlier", "year-ago", "prior-year", "year-before") else 0
            return Quarter(ends_on=(month, day, _year(g, "endyear")), year_shift=shift)
    if rel in ("this", "current"):
        return Quarter(dct_shift=0)
    if rel in ("last", "previous") and unit == "quarter":
        return Quarter(dct_shift=-1)
    if rel in ("next", "coming"):
        return Quarter(dct_shift=1) if unit == "quarter" else None
    if rel in ("year-earlier", "year-ago", "prior-year", "year-before"):
        return Quarter(year_shift=-1)
    if unit == "period" and rel not in ("latest", "same", "most recent", "recent"):
        return None
    return Quarter()


def read_yearago(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    unit = norm(g.get("unit", ""))
    word = norm(g["yearago"])
    if word in ("comparable", "corresponding") and unit not in ("quarter", "period"):
        return None
    if "nine months" in unit:
        return Fixed(type="DURATION", value="P9M")
    trim = 0 if unit else _leading_the(text, c)  # "the [year-ago] results": the article is the noun's
    if unit in ("month", "months", "level", "results", "year") and unit:
        return Offset(unit="Y", n=1, sign=-1, from_reference=True)
    if word in ("year earlier", "year ago") and not unit:
        return None  # "a year earlier" is read by the offset rule
    return Quarter(year_shift=-1, trim=trim)


def _leading_the(text: str, c: Candidate) -> int:
    matched = text[c.start : c.end]
    if not matched.lower().startswith("the"):
        return 0
    return len(matched) - len(matched[3:].lstrip())


def read_season(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    season = lex.seasons[norm(g["season"])]
    year = _year(g)
    rel_word = norm(g.get("rel", ""))
    rel = _direction(lex, rel_word) if rel_word and rel_word != "the" else None
    if year is None and not rel_word and "mod" not in g:
        return None  # bare "fall", "spring" are too often verbs and nouns
    return Season(season=season, year=year, rel=rel, needs_direction=True)


def read_holiday(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    return Holiday(
        rule=lex.holidays[norm(g["holiday"])], year=_year(g), rel=_direction(lex, g.get("rel")), needs_direction=True
    )


# --------------------------------------------------------------------------- days, weekdays


def read_dayref(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    word = norm(g["dayref"]).removesuffix("'s")
    shift = _DAYREF_SHIFT[word]
    pod = _pod(lex, g) or ("NI" if word == "tonight" else None)
    return DayRef(type="TIME" if pod else "DATE", shift=shift, pod=pod)


def read_pod(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    word = norm(g["pod"])
    # "mid-afternoon", "midmorning" are not in the word list as such: read them by their part
    if word in lex.day_moments or c.rule.id == "pod_early":
        # "at nightfall", "in the early evening": the day a date in the sentence names, else the DCT
        return DayRef(type="TIME", pod=lex.day_moments.get(word) or _pod(lex, g), needs_day=True)
    pod = _pod(lex, g) or ("AF" if "afternoon" in word else "MO" if "morning" in word else None)
    shift = {"last": -1, "yesterday": -1, "tomorrow": 1}.get(norm(g.get("rel", "")), 0)
    return DayRef(type="TIME", shift=shift, pod=pod)


def read_weekday(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    weekday = _weekday(lex, g)
    if weekday is None:
        return None
    pod = _pod(lex, g)
    week_shift = None
    if "weekmod" in g:
        week_shift = {"this": 0, "last": -1, "next": 1}[norm(g["weekmod"])]
    # TIMEX3 calls "Monday morning" a DATE: the weekday names a day, the part of day only
    # narrows it (value 2021-03-15TMO); only a clock time makes a TIME
    return Weekday(
        type="DATE",
        weekday=weekday,
        rel=_direction(lex, g.get("rel")),
        pod=pod,
        week_shift=week_shift,
        needs_direction=True,
        anaphoric=norm(g.get("rel", "")).removeprefix("the ") in _ANAPHORIC_RELS,
    )


#: "the previous Friday", "the following Monday" look back or ahead from the narrative's time,
#: where "last Friday" and "next Monday" count from the article's date.
_ANAPHORIC_RELS = frozenset({"previous", "preceding", "prior", "following"})


# --------------------------------------------------------------------------- offsets, this/last/next


def _unit(lex: Lexicon, raw: str) -> str | None:
    return lex.units.get(norm(raw).replace(" ", ""))


def read_offset(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    if "dayrel" in g:  # the day before last Tuesday
        weekday = Weekday(weekday=_weekday(lex, g) or 1, rel=_direction(lex, g.get("rel")), needs_direction=True)
        n = 1 if norm(g["dayrel"]) == "the day" else 2
        weekday.day_shift = -n if norm(g["dir"]) == "before" else n
        return weekday
    unit = _unit(lex, g["unit"])
    if unit is None:
        return None
    direction = norm(g["dir"])
    sign = 1 if direction in ("later", "from now", "hence") else -1
    raw_num = g.get("num")
    n = lex.number(raw_num) if raw_num else None
    if n is None:  # several years ago, years ago
        return Fixed(value="PAST_REF" if sign < 0 else "FUTURE_REF")
    if "half" in g:
        n += 0.5
    if unit in _TIME_UNITS:
        return Fixed(type="DURATION", value=duration_value(unit, n)) if direction in ("earlier", "later") else DayRef()
    if direction in ("earlier", "later") and unit == "D" and n == 1 and norm(raw_num or "") in ("a", "one"):
        return Offset(unit="D", n=1, sign=sign, from_reference=True)
    return Offset(unit=unit, n=n, sign=sign, from_reference=direction in ("earlier", "later"))


_REL_UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "weekend": "WE",
    "quarter": "Q",
    "decade": "DE",
    "century": "CE",
    "fiscal year": "Y",
    "school year": "Y",
    "day": "D",
}


def read_relunit(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    if "yearend" in g:
        return RelUnit(unit="Y", shift=0)
    unit = _REL_UNITS.get(norm(g.get("unit", "")))
    if unit is None:
        return None
    if unit in ("WE", "W") and "rel" not in g:  # "the weekend", "the week": the one around the DCT
        return RelUnit(unit=unit, shift=None if unit == "WE" else 0, needs_direction=unit == "WE")
    rel = norm(g.get("rel", "this"))
    direction = lex.directions.get(rel, "this")
    if c.rule.id in ("earlier_in", "end_of"):
        direction = "this"
    if unit == "D":
        return DayRef()
    return RelUnit(unit=unit, shift=_SHIFT[direction])


# --------------------------------------------------------------------------- durations


def duration_value(unit: str, n: float | None) -> str:
    """A TIMEX3 duration: P3Y, PT5H, P2Y6M; ``n`` None is a vague amount (PXY)."""
    time_unit = _TIME_UNITS.get(unit)
    letter = time_unit or {"DE": "Y", "CE": "Y", "ML": "Y", "2W": "W", "WE": "D"}.get(unit, unit)
    scale = {"DE": 10, "CE": 100, "ML": 1000, "2W": 2, "WE": 2}.get(unit, 1)
    prefix = "PT" if time_unit else "P"
    if n is None:
        return f"{prefix}X{ {'DE': 'DE', 'CE': 'CE'}.get(unit, letter) }"
    n *= scale
    if n == int(n):
        return f"{prefix}{int(n)}{letter}"
    whole, frac = int(n), n - int(n)
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("M", 60), "M_T": ("S", 60)}
    key = "M_T" if time_unit == "M" else letter
    if key in smaller:
        sub, per = smaller[key]
        subvalue = round(frac * per)
        if key == "D":
            return f"P{whole}DT{subvalue}H" if whole else f"PT{subvalue}H"
        head = f"{whole}{letter}" if whole else ""
        return f"{prefix}{head}{subvalue}{sub}"
    return f"{prefix}{n:g}{letter}"


_SET_CONTEXT = re.compile(
    r"(?:\d|%|percent|cents?|dollars?|pounds?|euros?|yen|barrels|tons|tonnes|shares|times|units|people|"
    r"flights|visitors|a piece|each|apiece|million|billion|thousand|hundred)\)?[ \t]*$",
    re.IGNORECASE,
)


_AFTER_MODAL = re.compile(r"\b(?:will|would|could|might|may|can|shall|should|must)[ \t]+$", re.IGNORECASE)


def read_duration(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    if norm(g.get("long", "")) == "old" or norm(g.get("trail", "")) == "old":
        return None  # ages ("a 45-year-old") are not time expressions here
    unit = _unit(lex, g["unit"])
    if unit is None:
        return None
    if "vague" in g:
        vague = norm(g["vague"])
        if vague == "recent" and unit == "Y":
            return Fixed(value="PAST_REF")
        if vague in ("many", "some", "numerous") and unit in ("TH", "TM", "TS", "D"):
            return None
        return Fixed(type="DURATION", value=duration_value(unit, None))
    if "num" not in g:  # bare plural: years, months
        if c.rule.id == "duration_long":
            n = None if norm(g["unit"]).endswith("s") else 1.0
            return Fixed(type="DURATION", value=duration_value(unit, n))
        return _bare_plural(c, text, unit)
    raw_num = norm(g["num"])
    n = lex.number(raw_num)
    if n is None or _not_a_duration(c, text, raw_num, unit):
        return None
    if raw_num in ("a", "an") and _SET_CONTEXT.search(text[max(0, c.start - 30) : c.start]):
        return Fixed(type="SET", value=duration_value(unit, 1))
    if (
        raw_num == "one"
        and unit == "D"
        and text[c.start : c.end].lower() == "one day"
        and _AFTER_MODAL.search(text[max(0, c.start - 12) : c.start])
    ):
        return Fixed(value="FUTURE_REF")  # "will one day be": an indefinite future, not a stretch of a day
    if "half" in g or text[c.start : c.end].lower().endswith("and a half"):
        n += 0.5
    value = duration_value(unit, n)
    trim = _adjectival_the(c, text, g)
    if "num2" in g and "unit2" in g:
        unit2, n2 = _unit(lex, g["unit2"]), lex.number(g["num2"])
        if unit2 and n2:
            value = _add_durations(value, duration_value(unit2, n2))
    return Fixed(type="DURATION", value=value, trim=trim)


def _not_a_duration(c: Candidate, text: str, raw_num: str, unit: str) -> bool:
    """Amounts, not stretches of time: "three-quarters of", "a quarter of the shares", "a second time"."""
    after = text[c.end : c.end + 6].lower()
    if unit == "Q" and (after.startswith((" of", " percent", " point")) or "-" in text[c.start : c.end]):
        return True
    return unit == "TS" and raw_num in ("a", "an") and not after.startswith((" or", " and", " to", " later"))


def _adjectival_the(c: Candidate, text: str, g: dict[str, str]) -> int:
    """Characters of a leading "the" to leave out: "the [30-day] period" (an adjectival duration)
    keeps its article outside, "[the nine months]" and "[the past two years]" keep it inside."""
    if "rel" in g or norm(g["unit"]).endswith("s"):
        return 0
    return _leading_the(text, c)


def _add_durations(a: str, b: str) -> str:
    """P1Y + P6M -> P1Y6M; PT1M + PT30S -> PT1M30S (only simple, ordered cases)."""
    if a.startswith("PT") and b.startswith("PT"):
        return a + b[2:]
    if not a.startswith("PT") and not b.startswith("PT"):
        return a + b[1:]
    return a + b[1:] if not a.startswith("PT") else a


_BARE_PLURAL_BEFORE = re.compile(
    r"\b(?:for|in|over|within|after|took|take|takes|taking|lasted|last|lasts|spent|spend|spends|"
    r"the\s+next|the\s+past|the\s+last|coming|recent|past)[ \t]+$",
    re.IGNORECASE,
)


def _bare_plural(c: Candidate, text: str, unit: str) -> Spec | None:
    """'for years', 'in months': only after a word that makes the plural a stretch of time."""
    if not _BARE_PLURAL_BEFORE.search(text[max(0, c.start - 20) : c.start]):
        return None
    return Fixed(type="DURATION", value=duration_value(unit, None))


# --------------------------------------------------------------------------- sets, references


def read_set(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    if "setword" in g:
        word = norm(g["setword"])
        if word == "quarterly" and re.match(r"[ \t]+[a-z]", text[c.end : c.end + 3]):
            return None  # "quarterly dividend": a kind of payment, not a recurrence in the text
        return Fixed(type="SET", value=lex.set_words[word])
    if "weekday_pl" in g:
        day = lex.weekdays[norm(g["weekday_pl"]).removesuffix("s")]
        pod = lex.parts_of_day.get(norm(g.get("pod", "")))
        return Fixed(type="SET", value=f"XXXX-WXX-{day}" + (f"T{pod}" if pod else ""))
    if "weekday" in g:
        return Fixed(type="SET", value=f"XXXX-WXX-{_weekday(lex, g)}")
    if "month" in g:
        return Fixed(type="SET", value=f"XXXX-{_month(lex, g):02d}")
    if "pod" in g:
        return Fixed(type="SET", value=f"XXXX-XX-XXT{_pod(lex, g)}")
    unit = _unit(lex, g.get("unit", ""))
    if unit is None:
        return None
    n = lex.number(g["num"]) if "num" in g else 1.0
    if n is None:
        return None
    if "other" in g:
        n *= 2
    return Fixed(type="SET", value=duration_value(unit, n))


def read_ref(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    word = norm(c.groups["ref"])
    before = text[max(0, c.start - 12) : c.start].lower()
    after = text[c.end : c.end + 12].lower()
    if word == "soon" and (before.endswith("as ") or after.startswith((" after", " before", " as", " thereafter"))):
        return None
    if word == "current" and after.lstrip().startswith(("account", "affairs", "events", "assets", "liabilities")):
        return None
    return Fixed(value=lex.references[word])


def read_year(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    """The bare "the year": a stretch of a year before "ended"/"ending", else the current year."""
    if "ended" in c.groups:
        return Fixed(type="DURATION", value="P1Y")
    return RelUnit(unit="Y", shift=0)


_ANAPHOR_UNITS = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter": "Q"}
_ANAPHOR_SHIFT = {
    "the following": 1,
    "the next": 1,
    "after": 1,
    "the previous": -1,
    "the preceding": -1,
    "the prior": -1,
    "before": -1,
}


def read_anaphor(c: Candidate, text: str, lex: Lexicon) -> Spec | None:
    g = c.groups
    word = norm(g["unit"])
    shift = _ANAPHOR_SHIFT.get(norm(g.get("rel", "")), 0)
    if word in lex.parts_of_day:  # that morning, the next evening
        return Anaphor(type="TIME", unit="D", shift=shift, pod=lex.parts_of_day[word])
    return Anaphor(unit=_ANAPHOR_UNITS[word], shift=shift)


READERS: dict[str, Reader] = {
    "year": read_year,
    "anaphor": read_anaphor,
    "clock": read_clock,
    "date": read_date,
    "month": read_month,
    "quarter": read_quarter,
    "yearago": read_yearago,
    "season": read_season,
    "holiday": read_holiday,
    "dayref": read_dayref,
    "pod": read_pod,
    "weekday": read_weekday,
    "offset": read_offset,
    "relunit": read_relunit,
    "duration": read_duration,
    "set": read_set,
    "ref": read_ref,
}


def interpret(c: Candidate, text: str) -> Spec | None:
    reader = READERS.get(c.rule.kind)
    if reader is None:
        raise ValueError(f"time rule {c.rule.id}: unknown kind {c.rule.kind}")
    return reader(c, text, load_lexicon())
