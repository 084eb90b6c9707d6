"""Step 4, date and status: the event's own date, its status and future typing, and confidence.

API: :meth:`DateAndStatus.date_token`, :meth:`DateAndStatus.future_type`, :meth:`DateAndStatus.confidence`,
:meth:`DateAndStatus.note_date` and :meth:`DateAndStatus.date_from_story` (the document pass that
gives undated past events the time of their narrative and recounts "two days after the vote").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from spacy.tokens import Token

from wirecoder.actors.api import actor_by_id
from wirecoder.events import dating, status
from wirecoder.events.arguments import Arguments
from wirecoder.events.candidates import Candidate
from wirecoder.events.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    direct_object,
    grammatical_subject,
    lemma,
)
from wirecoder.model import Event
from wirecoder.time.api import AnchoredOffset, offsets_from_anchors, shift_point

#: Status factors for the confidence: a reported or conditional event is less certain.
STATUS_FACTOR = {"asserted": 1.0, "reported": 0.95, "planned": 0.9, "hypothetical": 0.85, "negated": 0.9}


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
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


class DateAndStatus(Arguments):
    """Dates an event and decides its status."""

    def negation_kind(self, anchor: Token, cand: Candidate) -> bool:
        """ "has not yet agreed", "still has not met": not (yet) happened, but no refusal."""
        words = self.data.cue("not_yet_words")
        return status.yet_to(anchor) or any(c.lower_ in words for h in (anchor, cand.token) for c in h.children)

    @staticmethod
    def date_token(cand: Candidate, anchor: Token) -> Token:
        """Whose time the event takes: the anchor verb; for a nominal that is the subject of a
        verb ("Negotiations ... are in good hands", "the attack killed 5 on Monday") that verb,
        unless the nominal carries its own date ("the June 12 summit")."""
        if anchor.pos_ in VERB_POS:
            return anchor
        token = cand.token
        has_own_date = any(c.ent_type_ in ("DATE", "TIME") for c in token.children)
        if token.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS and token.head.pos_ in VERB_POS and not has_own_date:
            return token.head
        return token

    def event_date(self, cand: Candidate, date_token: Token) -> tuple[str | None, str, str | None]:
        """(date, date_source, timex id): the time of ``date_token``; a presupposed nominal
        ("following the resignation") has only the time named inside it ("after the June 3
        vote"), as the clause's own time ("tomorrow") is after it."""
        date, source, timex_id = dating.dated_by(self.doc, date_token)
        token = cand.token
        if date_token == token and status.presupposed(token) and not self.timex_inside(token, timex_id):
            return self.dct, "dct", None
        return date, source, timex_id

    def timex_inside(self, token: Token, timex_id: str | None) -> bool:
        timex = next((t for t in self.doc._.timexes or [] if t.id == timex_id), None) if timex_id else None
        if timex is None:
            return False
        words = list(token.subtree)
        return words[0].idx <= timex.start and timex.end <= words[-1].idx + len(words[-1].text)

    def speaks_of_future(self, cand: Candidate, anchor: Token) -> bool:
        """Future/conditional typing applies to the actor's own announced act: a trigger verb
        or a light verb with the trigger as its object, not to someone else's expectation."""
        if cand.converted or cand.has("keepfuture"):
            return False
        if cand.is_noun and (anchor == cand.token or cand.token.dep_ in ("nsubj", "nsubjpass")):
            return False
        if self.someone_elses_expectation(cand, anchor):
            return False
        return anchor.pos_ in VERB_POS or cand.pos == "A"

    def someone_elses_expectation(self, cand: Candidate, anchor: Token) -> bool:
        """ "Analysts believe China could attack Taiwan": under a verb of belief, the future is
        the speaker's guess, not the doer's announcement; it stays the act itself
        (hypothetical), not a threat.  Only when the speaker is named and is none of the doers,
        nor of their country ("Iran said it could attack", "Portugal will support X, its
        president believes" stay the doer's own)."""
        verb = status.reporting_verb_over(anchor, self.data)
        if verb is None or verb.pos_ not in VERB_POS or self.word(verb) not in self.data.cue("belief_verbs"):
            return False  # "X will do Y, sources said": a reported announcement
        speaker = grammatical_subject(verb)
        if speaker is None or speaker.pos_ == "PRON":
            return False
        doers = self.parties(cand)[0]
        if not doers:
            return False
        speakers = self.np_actors(speaker)
        return not set(doers) & set(speakers) and not self.countries_of(doers) & self.countries_of(speakers)

    def countries_of(self, actors: list[str]) -> set[str]:
        found = set()
        for actor_id in actors:
            actor = actor_by_id(self.doc, actor_id)
            if actor is not None and actor.country:
                found.add(actor.country)
        return found

    def future_type(self, etype: str, mode: str | None, mod: status.Modality) -> tuple[str, str | None]:
        column = None
        if mod.future or mod.conditional_modal == "would":
            column = "will"
        elif mod.conditional_modal is not None:
            column = "maybe"
        if column is None:
            return etype, mode
        new_type = self.data.future[etype][column]
        if new_type == etype:
            return etype, mode
        return new_type, self.embedded_mode(new_type, etype, mode)

    @staticmethod
    def confidence(weight: float, source: list[str], target: list[str], requires_target: bool, st: str) -> float:
        both = bool(source) and bool(target)
        factor = 1.0 if both else (0.75 if requires_target and not target else 0.85)
        value = weight * factor * STATUS_FACTOR.get(st, 1.0)
        return round(min(0.99, max(0.05, value)), 3)

    @staticmethod
    def refusal(mod: status.Modality) -> status.Modality:
        """ "will not recognise", "would not accept": the refusal is made now, so the modal
        that carried the negation says nothing about the refusal's own time."""
        return replace(mod, future=False, conditional_modal=None)

    def announced(
        self, cand: Candidate, mod: status.Modality, reported: bool, date: str | None, date_source: str
    ) -> status.Modality:
        """Planned action: "plans to send troops" (an intent word of planning), and the "would"
        of reported speech with a time of its own that is not past ("said he would meet the
        minister on Tuesday"), which is the future of the past, not a condition."""
        if cand.converted and self.word(cand.token) in self.data.cue("planned_governors"):
            return replace(mod, planned=True)
        if (
            mod.conditional_modal == "would"
            and reported
            and not mod.conditional_clause
            and date_source == "timex"
            and not dating.is_after(self.dct, date)
        ):
            return replace(mod, conditional_modal=None, future=True)
        return mod

    # ------------------------------------------------------------------ across the document

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
          event's own date where the text gives one (``date_source`` ``timex``).
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
        for offset in offsets_from_anchors(self.doc):
            self.recount(offset, events, notes)

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
            e for e in dated if e.trigger.start < offset.anchor_start and (n := notes.get(id(e))) and n.word == word
        ]
        return earlier[-1] if earlier else None
