"""An event's date, asked only through :func:`wirecoder.time.api.time_of`."""

from __future__ import annotations

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
    found = time_of(doc, anchor)
    date = day_or_coarser(found.value)
    if date is not None:
        return date, found.source
    dct = day_or_coarser(doc._.dct)
    return dct, "dct"


def is_after(date: str | None, reference: str | None) -> bool:
    """True when ``date`` lies wholly after ``reference`` (both day-or-coarser values).

    Compared on the shared prefix: 2018-06-12 is after 2018-05-31; 2018-06 is after
    2018-05-31; 2018 is not after 2018-05-31.
    """
    if not date or not reference or "W" in date or "W" in reference:
        return False
    n = min(len(date), len(reference))
    return date[:n] > reference[:n]
