"""Step 4b, the narrative: dates an event can only take from the story around it, in one pass
over the document's events (text order, before the mentions of one happening merge).

* An undated event told in the simple past takes the day of the last event its paragraph dates
  by a time expression, else the day the story's lede is about (:func:`dating.story_time`).
* An event counted from another ("two days after the arrest") is counted from that event's date.
* :meth:`NarrativeDates.definite_deed` notes an accusation over "the arrests", for the merge step.

API: :meth:`NarrativeDates.note_date` (while building each event), :meth:`NarrativeDates.date_from_story`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Token

from wirecoder.events import dating
from wirecoder.events.syntax import VERB_POS, direct_object, lemma
from wirecoder.events.timing import DateAndStatus
from wirecoder.model import Event
from wirecoder.time.api import AnchoredOffset, offsets_from_anchors, shift_point

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_CLAUSE_SIGNAL = re.compile(r"[ \t]+(after|before)\b", re.IGNORECASE)
_UNIT_OFFSET = re.compile(r"\b(the|a|one)[ \t]+(day|week|month|year)[ \t]+(before|after)[ \t]+", re.IGNORECASE)
_UNITS = {"day": "D", "week": "W", "month": "M", "year": "Y"}
DEFINITE = frozenset({"the", "this", "these", "that", "those"})


@dataclass(frozen=True)
class DateNote:
    """What the document pass needs to know of an event's date: where it is, whether its clause
    is in the simple past, the timex that dated it, its trigger's lemma and its clause's verb."""

    paragraph: int
    past: bool
    timex_id: str | None
    word: str
    verb: int | None
    #: the lemma of a definite event noun the event is about ("condemned the arrests"), when the
    #: sentence names no one behind it
    about: str | None = None


def clause_verb(token: Token) -> Token | None:
    """The verb of the clause a token is in (itself when it is one)."""
    current = token
    for _ in range(6):
        if current.pos_ in VERB_POS:
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def same_word(one: str, other: str) -> bool:
    """The same word, or a noun made from the verb ("met" ... "the meeting", "elected" ... "the
    election"): one lemma starts the other, four letters at least."""
    short, long = sorted((one, other), key=len)
    return len(short) >= 4 and long.startswith(short)


class NarrativeDates(DateAndStatus):
    """Remembers how each event was dated, then dates by the narrative."""

    def paragraph_of(self, char: int) -> int:
        breaks = getattr(self, "_paragraph_breaks", None)
        if breaks is None:
            breaks = self._paragraph_breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(self.text)]
        return bisect.bisect_right(breaks, char)

    def note_date(self, event: Event, date_token: Token, trigger: Token, timex_id: str | None) -> None:
        """Remember how ``event`` was dated, for :meth:`date_from_story`."""
        notes = self.__dict__.setdefault("_date_notes", {})
        verb = clause_verb(date_token)
        notes[id(event)] = DateNote(
            paragraph=self.paragraph_of(trigger.idx),
            past=verb is not None and dating.simple_past(verb),
            timex_id=timex_id,
            word=lemma(trigger),
            verb=verb.i if verb is not None else None,
            about=self.definite_deed(event, trigger),
        )

    def definite_deed(self, event: Event, trigger: Token) -> str | None:
        """ "Odinga condemned the arrests": an accusation without a target over a deed named by a
        definite noun, which refers back to a deed the text told before."""
        if event.type != "ACCUSE" or event.target or trigger.pos_ not in VERB_POS:
            return None
        obj = direct_object(trigger, self.quantity)
        if obj is None or obj.pos_ != "NOUN" or not any(c.lower_ in DEFINITE for c in obj.children):
            return None
        return lemma(obj)

    def date_from_story(self, events: list[Event]) -> None:
        """Dates the text gives only through its narrative, in text order:

        * an undated event told in the simple past takes the day of the last event dated by its
          own time expression in the same paragraph ("Police arrested 20 people on Saturday.
          Officers clashed with them."), else the day the story's lede is about
          (:func:`dating.story_time`): ``date_source`` ``narrative``;
        * an event counted from another ("two days after the vote") is recounted from that
          event's own date where the text gives one (``date_source`` ``timex``); an event in the
          anchor of a present-tense clause ("This comes a week after he attended a summit") is
          dated back from the story's day.
        """
        notes: dict[int, DateNote] = self.__dict__.get("_date_notes", {})
        story = dating.story_time(self.doc, self.text)
        last_dated: dict[int, str] = {}
        for event in events:
            note = notes.get(id(event))
            if note is None or not note.past:
                continue
            if event.date_source == "dct":
                found = last_dated.get(note.paragraph, story)
                if found is not None:
                    event.date, event.date_source = found, "narrative"
            elif (
                event.date_source == "timex"
                and len(event.date or "") == 10
                and not dating.is_after(event.date, self.dct)
            ):
                last_dated[note.paragraph] = event.date or ""
        for offset in [*offsets_from_anchors(self.doc), *self.clause_offsets(), *self.unit_offsets()]:
            if not self.count_back(offset, events, story or self.dct):
                self.recount(offset, events, notes)

    def clause_offsets(self) -> list[AnchoredOffset]:
        """ "a week after he attended a summit": a duration counted from a clause (the time stage
        counts from noun phrases only), the clause's characters as the anchor."""
        found: list[AnchoredOffset] = []
        for timex in self.doc._.timexes or []:
            if timex.type != "DURATION":
                continue
            m = _CLAUSE_SIGNAL.match(self.text, timex.end)
            span = self.doc.char_span(m.start(1), m.end(1)) if m else None
            if span is None or len(span) != 1 or span[0].dep_ != "mark" or span[0].head.pos_ not in VERB_POS:
                continue
            words = [t for t in span[0].head.subtree if t.i > span[0].i]
            if words:
                end = words[-1].idx + len(words[-1].text)
                sign = 1 if m.group(1).lower() == "after" else -1
                found.append(AnchoredOffset(timex.id, timex.value, sign, words[0].idx, end))
        return found

    def unit_offsets(self) -> list[AnchoredOffset]:
        """ "the day before the rally", "a week after the vote": one unit counted from an event,
        which the time stage does not tag as a duration; the phrase after the signal is the anchor."""
        found: list[AnchoredOffset] = []
        timexes = self.doc._.timexes or []
        for m in _UNIT_OFFSET.finditer(self.text):
            if any(t.start < m.end() and m.start() < t.end for t in timexes):
                continue  # the time stage read it already
            signal = self.doc.char_span(m.start(3), m.end(3))
            objects = [c for c in signal[0].children if c.dep_ == "pobj"] if signal is not None else []
            words = list(objects[0].subtree) if objects else []
            if words:
                amount, sign = f"P1{_UNITS[m.group(2).lower()]}", 1 if m.group(3).lower() == "after" else -1
                found.append(AnchoredOffset("", amount, sign, words[0].idx, words[-1].idx + len(words[-1].text)))
        return found

    def count_back(self, offset: AnchoredOffset, events: list[Event], now: str | None) -> bool:
        """ "This comes a week after he attended a summit": a present-tense clause counted from an
        event is the news itself (the story's day), so the event in the anchor is dated back from
        it, unless it has a time of its own."""
        span = self.doc.char_span(offset.anchor_start, offset.anchor_end, alignment_mode="expand")
        counted_verb = clause_verb(span.root.head) if span is not None else None
        if now is None or counted_verb is None or counted_verb.tag_ not in ("VBZ", "VBP"):
            return False
        inside = [e for e in events if offset.anchor_start <= e.trigger.start < offset.anchor_end]
        value = shift_point(now, offset.amount, -offset.sign)
        if value is None or not inside:
            return False
        for event in inside:
            if event.date_source != "timex":
                event.date, event.date_source = value, "timex"
        return True

    def recount(self, offset: AnchoredOffset, events: list[Event], notes: dict[int, DateNote]) -> None:
        """ "Protests began two days after the vote": the vote's own date moved by two days."""
        base = self.anchor_event(offset, events, notes)
        if base is None or not base.date:
            return
        value = shift_point(base.date, offset.amount, offset.sign)
        if value is None:
            return
        span = self.doc.char_span(offset.anchor_start, offset.anchor_end, alignment_mode="expand")
        counted_verb = clause_verb(span.root.head) if span is not None else None
        for event in events:
            note = notes.get(id(event))
            if event is base or note is None:
                continue
            if offset.anchor_start <= event.trigger.start < offset.anchor_end:
                continue  # the anchor itself
            same_clause = counted_verb is not None and note.verb == counted_verb.i
            if note.timex_id == offset.timex_id or same_clause:
                event.date, event.date_source = value, "timex"

    def anchor_event(self, offset: AnchoredOffset, events: list[Event], notes: dict[int, DateNote]) -> Event | None:
        """The event the anchor phrase names: one whose trigger is inside it, else the last
        earlier event of the same word ("the country voted on Monday ... two days after the
        vote"), dated by its own time expression or the narrative, not by the article date."""
        dated = [
            e
            for e in events
            if e.date_source != "dct" and (n := notes.get(id(e))) is not None and n.timex_id != offset.timex_id
        ]
        inside = [e for e in dated if offset.anchor_start <= e.trigger.start < offset.anchor_end]
        if inside:
            return inside[0]
        span = self.doc.char_span(offset.anchor_start, offset.anchor_end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        word = lemma(span.root)
        earlier = [
            e
            for e in dated
            if e.trigger.start < offset.anchor_start and (n := notes.get(id(e))) and same_word(n.word, word)
        ]
        return earlier[-1] if earlier else None
