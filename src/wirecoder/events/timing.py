"""Step 4, date and status: the event's own date, its status and future typing, and confidence.

API: :meth:`DateAndStatus.date_token`, :meth:`DateAndStatus.event_date`, :meth:`DateAndStatus.future_type`,
:meth:`DateAndStatus.confidence`.  The document pass that dates events by their narrative is
:mod:`~wirecoder.events.narrative`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from wirecoder.actors.api import actor_by_id
from wirecoder.events import dating, status
from wirecoder.events.arguments import Arguments
from wirecoder.events.candidates import Candidate
from wirecoder.events.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    grammatical_subject,
)

#: Status factors for the confidence: a reported or conditional event is less certain.
STATUS_FACTOR = {"asserted": 1.0, "reported": 0.95, "planned": 0.9, "hypothetical": 0.85, "negated": 0.9}


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
