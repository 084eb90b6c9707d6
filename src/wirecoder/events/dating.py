"""An event's date, asked only through :func:`wirecoder.time.api.time_of`."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc, Token

from wirecoder.time.api import time_of

# A calendar value a day long or longer: 2018, 2018-05, 2018-05-31, 2018-W21 (any trailing
# time-of-day part such as "TMO" or "T10:00" is cut off).
_CALENDAR = re.compile(r"^(\d{4})(?:-(W\d{2}|\d{2})(?:-(\d{2}))?)?")


def day_or_coarser(value: str | None) -> str | None:
    if not value:
        return None
    m = _CALENDAR.match(value)
    if not m:
        return None
    year, middle, day = m.groups()
    if middle is None:
        return year
    if day is None or middle.startswith("W"):
        return f"{year}-{middle}"
    return f"{year}-{middle}-{day}"


def date_of(doc: Doc, anchor: Token) -> tuple[str | None, str]:
    """(date, date_source) for the event anchored at ``anchor``.

    A value that is not a calendar date (PRESENT_REF, a duration) falls back to the article
    date, and the source says so.
    """
    date, source, _ = dated_by(doc, anchor)
    return date, source


def dated_by(doc: Doc, anchor: Token) -> tuple[str | None, str, str | None]:
    """(date, date_source, timex id) for the event anchored at ``anchor``."""
    found = time_of(doc, anchor)
    date = day_or_coarser(found.value)
    if date is not None:
        return date, found.source, found.timex_id
    dct = day_or_coarser(doc._.dct)
    return dct, "dct", None


def is_after(date: str | None, reference: str | None) -> bool:
    """True when ``date`` lies wholly after ``reference`` (both day-or-coarser values).

    Compared on the shared prefix: 2018-06-12 is after 2018-05-31; 2018-06 is after
    2018-05-31; 2018 is not after 2018-05-31.
    """
    if not date or not reference or "W" in date or "W" in reference:
        return False
    n = min(len(date), len(reference))
    return date[:n] > reference[:n]


# ---------------------------------------------------------------- the time of the story

#: How far before the article date the lede's time may lie and still be the time of the story
#: (a wire story reports what happened in the last days; an older date in the lede is background).
STORY_WINDOW_DAYS = 7
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _days_between(earlier: str, later: str) -> int | None:
    try:
        return (dt.date.fromisoformat(later) - dt.date.fromisoformat(earlier)).days
    except ValueError:
        return None


def lede_range(doc: Doc, text: str) -> tuple[int, int]:
    """Characters of the story's first paragraph: from the first body zone (the whole text when
    no zones are known) to the next blank line."""
    body = [z for z in doc._.zones or [] if z.kind == "body"]
    start = body[0].start if body else len(text) - len(text.lstrip())
    m = _PARAGRAPH_BREAK.search(text, start)
    return start, (m.start() if m else len(text))


def story_time(doc: Doc, text: str) -> str | None:
    """The day the story is about: the first day named in its lede ("Friday night was the fourth
    night of protests ..."), when that day is the article date or lies in the week before it.
    A news story opens with when its main happening took place; the past-tense sentences that
    follow without a time of their own narrate that happening (TimeML's narrative convention)."""
    dct = day_or_coarser(doc._.dct)
    if not dct or not _DAY.match(dct):
        return None
    start, end = lede_range(doc, text)
    for timex in doc._.timexes or []:
        if timex.start < start or timex.type not in ("DATE", "TIME"):
            continue
        if timex.start >= end:
            break
        day = day_or_coarser(timex.value)
        if day is None or not _DAY.match(day):
            continue
        gap = _days_between(day, dct)
        if gap is not None and 0 <= gap <= STORY_WINDOW_DAYS:
            return day
    return None


def simple_past(token: Token) -> bool:
    """The clause of ``token`` is in the simple past ("clashed", "did not concede", "were
    arrested"; a bare participle takes its governing verb's tense: "responded ..., calling for").
    The perfects are not: the present perfect reports from now, the past perfect ("had alleged")
    from before the narrative time."""
    verb = token
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in ("had", "'d", "has", "have", "'ve", "'s") and a.lemma_ == "have" for a in auxes):
            return False
        if any(a.tag_ == "MD" for a in auxes):
            return False
        if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
            return True
        participle = verb.tag_ in ("VBG", "VBN") and not auxes
        # "failed to agree", "refused to meet": a to-infinitive takes its governing verb's tense
        infinitive = verb.dep_ == "xcomp" and any(a.lower_ == "to" for a in auxes) and len(auxes) == 1
        if not (participle or infinitive) or verb.dep_ not in ("advcl", "acl", "xcomp", "conj") or verb.head == verb:
            return False
        verb = verb.head
    return False
