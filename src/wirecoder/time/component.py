"""The ``wirecoder_time`` spaCy component: find, type and normalise time expressions.

Steps for one document:

1. the grammar proposes candidates over the raw text (exact offsets), and each is read as a
   spec (what it means before anchoring); a dateline's date is left out (it dates the article);
2. the DCT is the given date, else one inferred from the text (:mod:`wirecoder.time.dct`);
3. each spec that depends on tense gets its clause's direction (:mod:`wirecoder.time.tense`),
   and is resolved in text order against the DCT and the narrative reference times;
4. expressions in bylines, page stamps and furniture (:mod:`wirecoder.time.page`) are dropped:
   they dated the article in step 2 but are not the story's;
5. ``doc._.timexes`` gets the Timex records (t1, t2, ... in text order), and a resolver for
   :func:`wirecoder.time.api.time_of` goes into ``doc._.wc_state["time_resolver"]``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from wirecoder.model import Timex
from wirecoder.stage import check_budget, guarded
from wirecoder.time import calendar as cal
from wirecoder.time.anchors import anchored_offsets
from wirecoder.time.dct import FULL_DATE_RULES, DatedMention, Inferred, WeekdayMention, infer_dct
from wirecoder.time.grammar import Candidate, raw_candidates, select
from wirecoder.time.interpret import interpret
from wirecoder.time.names import inside_a_name
from wirecoder.time.page import in_page_furniture
from wirecoder.time.ranges import link_ranges
from wirecoder.time.resolver import TimeResolver, place_timexes
from wirecoder.time.sentences import SentenceIndex
from wirecoder.time.specs import CalDate, Context, Offset, Quarter, RelUnit, Spec, Weekday
from wirecoder.time.tense import direction
from wirecoder.zones.api import dates_article, excluded

STATE_KEY = "time_resolver"
OFFSETS_KEY = "time_offsets"  # the AnchoredOffsets, for wirecoder.time.api.offsets_from_anchors
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass
class Found:
    candidate: Candidate
    spec: Spec
    span: Span | None = None
    sentence: int | None = None
    direction: str | None = None
    value: str | None = None


@dataclass
class DocView:
    """What the steps share about one document: its text (built once) and sentence index."""

    doc: Doc
    text: str
    sentences: SentenceIndex


def find_expressions(view: DocView) -> list[Found]:
    text = view.text
    found: list[Found] = []
    for cand in select(raw_candidates(text)):
        spec = interpret(cand, text)
        if spec is not None and (
            cand.rule.kind == "holiday" or not inside_a_name(view.doc, text, cand.start, cand.end)
        ):
            found.append(Found(cand, spec))
    return found


def _span(view: DocView, f: Found) -> Span | None:
    if f.span is None:
        f.span = view.doc.char_span(f.candidate.start, f.candidate.end, alignment_mode="expand")
    return f.span


def _clause_direction(view: DocView, f: Found) -> str | None:
    span = _span(view, f)
    return direction(span, view.text) if span is not None and len(span) else None


def document_dct(view: DocView, found: list[Found]) -> dt.date | None:
    """The given DCT, else one inferred from the text (setting ``dct_source``)."""
    doc = view.doc
    given = cal.parse_day(doc._.dct)
    if given is not None:
        return given
    mentions: list[DatedMention] = []
    for f in found:
        if f.candidate.rule.id in FULL_DATE_RULES:
            day = cal.parse_day(f.spec.resolve(Context(dct=None)))
            if day is not None:
                mentions.append(
                    DatedMention(f.candidate.start, f.candidate.end, day, _clause_direction(view, f) == "future")
                )
    # A full date in a dateline, date stamp, byline or feed line dates the article (zones stage).
    stamped = [m for m in mentions if dates_article(doc, m.start, m.end)]
    story = [m for m in mentions if not excluded(doc, m.start, m.end)]  # not a "Read more" link's date
    if stamped:
        inferred: Inferred | None = Inferred(stamped[0].day, "zone")
    else:
        inferred = infer_dct(view.text, story, _weekday_mentions(view, found) if story else None)
    if inferred is None:
        doc._.dct, doc._.dct_source = None, "unknown"
        return None
    doc._.dct, doc._.dct_source = cal.fmt_day(inferred.day), "inferred"
    return inferred.day


def _weekday_mentions(view: DocView, found: list[Found]) -> list[WeekdayMention]:
    """Bare weekdays ("on Friday", not "last Friday" or "Friday, March 5") for the DCT vote."""
    out: list[WeekdayMention] = []
    for f, nxt in itertools.zip_longest(found, found[1:]):
        spec = f.spec
        if not isinstance(spec, Weekday) or spec.rel or spec.week_shift is not None or spec.day_shift:
            continue
        if nxt is not None and _BETWEEN_WEEKDAY_AND_DATE.fullmatch(view.text[f.candidate.end : nxt.candidate.start]):
            continue  # "Friday, March 5": the date speaks for itself
        out.append(WeekdayMention(f.candidate.start, spec.weekday, _clause_direction(view, f) == "future"))
    return out


def _sentence_of(view: DocView, f: Found) -> int | None:
    if f.sentence is None:
        span = _span(view, f)
        f.sentence = view.sentences.of_token(span.start) if span is not None and len(span) else None
    return f.sentence


def resolve_all(view: DocView, found: list[Found], dct: dt.date | None) -> None:
    """Give every expression its value, in text order (narrative times flow forward)."""
    ref_quarter: tuple[int, int] | None = None
    recent_points: list[tuple[int | None, str]] = []  # (sentence, value) of anchored DATEs
    story_years: list[tuple[int | None, int]] = []  # (sentence, year) of "last year", "two years ago"
    for f in found:
        check_budget(view.doc)
        if f.spec.needs_direction and dct is not None:
            f.direction = _clause_direction(view, f)
        ctx = Context(dct=dct, direction=f.direction, ref_quarter=ref_quarter)
        if (isinstance(f.spec, Offset) and f.spec.from_reference) or (isinstance(f.spec, Weekday) and f.spec.anaphoric):
            ctx.ref_point = _nearby_point(view, f, recent_points)
        if recent_points:
            ctx.last_point = recent_points[-1][1]
        if isinstance(f.spec, CalDate) and dct is not None:
            ctx.narrative_year = _narrative_year(view, f, story_years, dct)
        if not f.spec.needs_day:  # a bare clock time or "at dawn" waits for its sentence's day
            f.value = f.spec.resolve(ctx)
        if f.value:
            if _sets_reference_quarter(f.spec):
                restated = isinstance(f.spec, Quarter) and f.spec.ends_on is not None
                ref_quarter = (
                    ref_quarter
                    if restated and ref_quarter
                    else _reference_quarter(ref_quarter, f.value, dct, f.direction)
                )
            if f.spec.type == "DATE" and f.value[:1].isdigit():
                recent_points.append((_sentence_of(view, f), f.value))
            if isinstance(f.spec, (RelUnit, Offset)) and len(f.value) == 4 and f.value.isdigit():
                story_years.append((_sentence_of(view, f), int(f.value)))
    _weekdays_take_their_dates(view.text, found)
    _elided_days(view.text, found)
    _resolve_bare_clock_times(view, found, dct)


def _resolve_bare_clock_times(view: DocView, found: list[Found], dct: dt.date | None) -> None:
    """ "at 10 p.m." takes its day from a date in its sentence, else from the sentence before,
    else the DCT (run after every other expression has its value)."""
    for f in found:
        if f.value is not None:
            continue
        earlier = [
            (_sentence_of(view, p), p.value)
            for p in found
            if p.value and p.value[:1].isdigit() and p.spec.type == "DATE" and p.candidate.end <= f.candidate.start
        ]
        day = _sentence_day(view, f, found) or cal.parse_day(_nearby_point(view, f, earlier) or "")
        f.value = f.spec.resolve(Context(dct=dct, ref_day=day))


def _sets_reference_quarter(spec: Spec) -> bool:
    """Only a quarter the text names itself ("the third quarter", "the quarter ended Sept. 30")
    becomes the quarter the text is about; "the year-earlier quarter" is a comparison, not a new topic.
    (A quarter given by its end date only restates a quarter already named, which may be a fiscal
    one: "the fiscal first quarter ... for the quarter ended Sept. 30"; it sets the reference only
    when none is named yet.)"""
    if not isinstance(spec, Quarter) or spec.year_shift != 0:
        return False
    return spec.quarter is not None or spec.dct_shift == 0 or spec.ends_on is not None


def _reference_quarter(
    current: tuple[int, int] | None, value: str, dct: dt.date | None, direction: str | None
) -> tuple[int, int] | None:
    """The quarter the text reports on after it names the quarter ``value``.

    A report is about its latest completed quarter.  An earlier quarter named after it is a
    comparison ("after a flat second quarter") and does not replace it.  A quarter that has not
    ended by the DCT ("this quarter" in November, "will result in a fourth-quarter charge") is
    in progress or a forecast; it becomes the reference only as the text's first quarter in a
    clause that is not about the future (a fiscal "fourth quarter" reported in October).
    """
    q = _QUARTER_VALUE.match(value)
    if q is None:
        return current
    named = (int(q.group(1)), int(q.group(2)))
    if dct is not None and named > cal.add_quarters(dct.year, cal.quarter_of(dct), -1):
        return named if current is None and direction != "future" else current
    if current is not None and named < current:
        return current
    return named


_BETWEEN_WEEKDAY_AND_DATE = re.compile(r",?[ \t]*$")


def _weekdays_take_their_dates(text: str, found: list[Found]) -> None:
    """A weekday next to its date ("Monday, Oct. 26") is one expression with it (TimeML tags the
    whole "Monday, Oct. 26"), when the two agree; the part of day or clock time is kept."""
    joined: list[Found] = []
    for f in found:
        prev = joined[-1] if joined else None
        if prev is not None and isinstance(prev.spec, Weekday) and f.value and len(f.value) >= 10:
            gap = text[prev.candidate.end : f.candidate.start + f.spec.trim]
            day = cal.parse_day(f.value)
            if day is not None and _BETWEEN_WEEKDAY_AND_DATE.fullmatch(gap) and day.isoweekday() == prev.spec.weekday:
                c = f.candidate
                pod = f"T{prev.spec.pod}" if prev.spec.pod and len(f.value) == 10 else ""
                joined[-1] = Found(
                    Candidate(prev.candidate.start, c.end, c.rule, c.rule_index, c.groups),
                    dataclasses.replace(f.spec, trim=0),
                    value=f.value + pod,
                )
                continue
        joined.append(f)
    found[:] = joined


#: "April 24 and 25": a second day of the same month right after a date, then a clause break.
_ELIDED_DAY = re.compile(
    r"[ \t]*(?:and|or|to|through|&)[ \t]+(3[01]|[12]\d|[1-9])(?:st|nd|rd|th)?"
    r"(?=[ \t]*(?:[.,;:)!?\"'\n]|$|(?:in|at|on)\b))"
)


def _elided_days(text: str, found: list[Found]) -> None:
    """The bare second day of "April 24 and 25" is a date of its own, in the first one's month."""
    out: list[Found] = []
    for i, f in enumerate(found):
        out.append(f)
        day = cal.parse_day(f.value or "") if isinstance(f.spec, CalDate) and f.spec.day else None
        m = _ELIDED_DAY.match(text, f.candidate.end) if day is not None and f.value and len(f.value) == 10 else None
        if m is None or day is None or int(m.group(1)) <= day.day:
            continue
        if i + 1 < len(found) and found[i + 1].candidate.start < m.end(1):
            continue
        second = cal.valid_day(day.year, day.month, int(m.group(1)))
        if second is not None:
            c = f.candidate
            spec = CalDate(year=second.year, month=second.month, day=second.day)
            out.append(Found(Candidate(m.start(1), m.end(), c.rule, c.rule_index, {}), spec, value=cal.fmt_day(second)))
    found[:] = out


def _nearby_point(view: DocView, f: Found, recent: list[tuple[int | None, str]]) -> str | None:
    """The last anchored date in this sentence or the one before it ("a year earlier")."""
    if not recent:
        return None
    sentence = _sentence_of(view, f)
    last_sentence, value = recent[-1]
    if sentence is None or last_sentence is None:
        return None
    return value if sentence - last_sentence in (0, 1) else None


def _narrative_year(view: DocView, f: Found, story_years: list[tuple[int | None, int]], dct: dt.date) -> int | None:
    """The past year the story is in when this sentence or the previous one of the paragraph
    said so relative to the DCT ("... tests last year. On December 22, ..."); a year merely
    mentioned ("since 1980") does not move the story."""
    sentence = _sentence_of(view, f)
    if sentence is None or not story_years:
        return None
    other, year = story_years[-1]
    if other is None or not 0 <= sentence - other <= 1:
        return None
    if view.sentences.paragraph(other) != view.sentences.paragraph(sentence):
        return None
    return year if year < dct.year else None


def _sentence_day(view: DocView, f: Found, found: list[Found]) -> dt.date | None:
    sentence = _sentence_of(view, f)
    for other in found:
        if other is not f and other.value and len(other.value) >= 10 and _sentence_of(view, other) == sentence:
            day = cal.parse_day(other.value)
            if day is not None:
                return day
    return None


def to_timexes(view: DocView, found: list[Found]) -> list[Timex]:
    text = view.text
    out: list[Timex] = []
    for f in found:
        c = f.candidate
        start = c.start + f.spec.trim
        out.append(
            Timex(
                id=f"t{len(out) + 1}",
                text=text[start : c.end],
                start=start,
                end=c.end,
                type=f.spec.type,
                value=f.value or "",
            )
        )
    return out


def _doc_text(doc: Doc) -> str:
    """The document's text: the article's own string when it is the one the doc was made from
    (``doc.text`` joins every token again, a large share of this stage's time)."""
    article = doc._.article
    if article is not None and len(doc) and len(article.text) == doc[-1].idx + len(doc[-1].text_with_ws):
        return article.text
    return doc.text


def annotate(doc: Doc) -> Doc:
    text = _doc_text(doc)
    view = DocView(doc, text, SentenceIndex(doc, text))
    found = find_expressions(view)
    dct = document_dct(view, found)
    resolve_all(view, found, dct)
    found = [f for f in found if not in_page_furniture(doc, text, f.candidate.start, f.candidate.end)]
    timexes = link_ranges(text, to_timexes(view, found))
    doc._.timexes = timexes
    if doc._.wc_state is None:
        doc._.wc_state = {}
    placed = place_timexes(doc, timexes, view.sentences)
    offsets = anchored_offsets(doc, timexes, text)
    doc._.wc_state[OFFSETS_KEY] = offsets
    doc._.wc_state[STATE_KEY] = TimeResolver(placed, view.sentences, doc._.dct, offsets)
    return doc


class TimeComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    @guarded("time")
    def __call__(self, doc: Doc) -> Doc:
        return annotate(doc)


@Language.factory("wirecoder_time")
def make_time(nlp: Language, name: str) -> TimeComponent:
    return TimeComponent(nlp, name)
