"""Offsets from another time or event: "two days after the vote", "a week before March 3".

TimeML marks only the amount ("two days", a DURATION P2D) and leaves the signal ("after") and
the anchor ("the vote") outside; the date meant is the anchor's date moved by the amount.  This
module finds such offsets in a document (no parsing of its own: it reads the tokens spaCy made)
and moves a date by a duration, so that the events stage can date "two days after the vote"
once it knows when the vote was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

from wirecoder.model import Timex
from wirecoder.time import calendar as cal
from wirecoder.time.specs import format_grain

_SIGNAL = re.compile(r"[ \t]+(after|before|following|prior[ \t]+to|ahead[ \t]+of)[ \t]+", re.IGNORECASE)
_SIGN = {"after": 1, "following": 1, "before": -1, "prior to": -1, "ahead of": -1}
_DURATION = re.compile(r"^P(\d+)([YMWD])$")


@dataclass(frozen=True)
class AnchoredOffset:
    """A duration counted from an anchor: ``timex_id`` is the amount ("two days", P2D), ``sign``
    +1 for after / -1 for before, and ``anchor_start``/``anchor_end`` the characters of the
    anchor's phrase ("the vote").  ``value`` is the date meant when the anchor is itself a
    date the time stage resolved ("two days after March 3"), else None."""

    timex_id: str
    amount: str
    sign: int
    anchor_start: int
    anchor_end: int
    value: str | None = None
    #: the timex whose value was moved: the date inside the anchor phrase ("the March 25
    #: deadline"), else the last time the text named in this sentence or the one before
    base_timex: str | None = None
    base_in_anchor: bool = False


def shift_point(value: str, amount: str, sign: int = 1) -> str | None:
    """``value`` (a TIMEX3 day, month or year) moved by ``amount`` (a TIMEX3 duration of whole
    days, weeks, months or years: P2D, P1W, P3M, P1Y) forwards (``sign`` 1) or backwards (-1).

    The result has the finer of the two granularities a reader can vouch for: a day moved by days
    stays a day, a year moved by years stays a year; a month moved by days is not defined (None).
    """
    m = _DURATION.match(amount)
    if not m:
        return None
    n, unit = int(m.group(1)) * sign, m.group(2)
    day = cal.parse_day(value[:10]) if len(value) >= 10 else None
    if day is not None:
        return format_grain(cal.shift_date(day, unit, n), "D")
    if re.fullmatch(r"\d{4}-\d\d", value) and unit in ("M", "Y"):
        year, month = cal.add_months(int(value[:4]), int(value[5:]), n * (12 if unit == "Y" else 1))
        return cal.fmt_month(year, month)
    if re.fullmatch(r"\d{4}", value) and unit == "Y":
        return f"{int(value) + n:04d}"
    return None


def anchored_offsets(doc: Doc, timexes: list[Timex], text: str | None = None) -> list[AnchoredOffset]:
    """Every DURATION timex followed by after/before and the phrase it counts from.
    ``text`` is ``doc.text`` when the caller has it (building it is linear in the document)."""
    text = doc.text if text is None else text
    points = [t for t in timexes if t.type in ("DATE", "TIME") and t.value[:1].isdigit()]
    out: list[AnchoredOffset] = []
    for t in timexes:
        if t.type != "DURATION":
            continue
        m = _SIGNAL.match(text, t.end)
        if not m:
            continue
        anchor = _anchor_phrase(doc, m.end())
        if anchor is None:
            continue
        start, end = anchor
        sign = _SIGN[" ".join(m.group(1).lower().split())]
        inside = [p for p in points if start <= p.start and p.end <= end]
        base = inside[0] if inside else _previous_point(doc, points, t)
        value = shift_point(base.value, t.value, sign) if base else None
        out.append(AnchoredOffset(t.id, t.value, sign, start, end, value, base.id if base else None, bool(inside)))
    return out


def _sentence_start(doc: Doc, char: int) -> int | None:
    """The index of the first token of the sentence holding character ``char``."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0].sent.start if span is not None and len(span) else None


def _previous_point(doc: Doc, points: list[Timex], t: Timex) -> Timex | None:
    """The last date named before ``t`` in its sentence or the one before: "The vote was on
    Monday. Two days after the vote, ..." counts from Monday (the anaphor's usual antecedent)."""
    before = [p for p in points if p.end <= t.start]
    if not before:
        return None
    here, there = _sentence_start(doc, t.start), _sentence_start(doc, before[-1].start)
    if here is None or there is None:
        return None
    previous = doc[here - 1].sent.start if here > 0 else here
    return before[-1] if there in (here, previous) else None


def _anchor_phrase(doc: Doc, char: int) -> tuple[int, int] | None:
    """The noun phrase that starts at ``char``: its head noun's subtree, cut at a clause break."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first = span[0]
    head = first
    while head.head.i != head.i and head.head.i >= first.i and head.dep_ not in ("pobj", "dobj", "nsubj", "ROOT"):
        head = head.head
    if head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return None
    last = max(t.i for t in head.subtree if t.i >= first.i)
    tokens = [t for t in doc[first.i : last + 1]]
    for t in tokens:  # a phrase ends before a comma or a new clause
        if t.is_punct and t.i > head.i:
            last = t.i - 1
            break
    return doc[first.i].idx, doc[last].idx + len(doc[last])
