"""Step 5, merge: one event per happening (same-type events linked in a clause, duplicates,
then the mentions of one happening across the document).

API: :meth:`Merging.merge_linked`, :meth:`Merging.deduplicate`, :meth:`Merging.merge_document`.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.actors.api import actor_by_id
from wirecoder.events import dating
from wirecoder.events.narrative import DateNote, NarrativeDates
from wirecoder.events.parties import merge
from wirecoder.model import Event


def add_mentions(host: Event, event: Event) -> None:
    """``host`` now stands for ``event`` too: its mentions list both, in text order."""
    mentions = (host.mentions or [host.trigger]) + (event.mentions or [event.trigger])
    host.mentions = sorted({(m.start, m.end): m for m in mentions}.values(), key=lambda m: m.start)


#: Statuses of a happening still to come: a planned and a hedged mention of one future happening
#: dated by its own time expression ("a meeting on June 12" ... "the June 12 summit might still
#: take place") are one happening; the schedule stands, so it stays planned.
FUTURE_STATUSES = frozenset({"planned", "hypothetical"})
#: A happening the text tells as a fact and also through someone's words ("Canada met Mexico on
#: Monday. The meeting went well, officials said.") is one happening, told as a fact.
FACT_STATUSES = frozenset({"asserted", "reported"})

#: Adverbs that add a happening to one told before ("Police arrested X. Officers also detained
#: his deputy."): a mention carrying one is never folded into an earlier event.
ADDITIVE_ADVERBS = frozenset({"also", "too", "again"})

MERGE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "prep", "pobj", "pcomp", "acl", "relcl", "dobj"})


class Merging(NarrativeDates):
    """Folds mentions of one happening together."""

    @staticmethod
    def linked(upper: Token, lower: Token) -> bool:
        """``lower`` hangs under ``upper`` through clause or phrase links, within three steps."""
        current = lower
        for _ in range(3):
            if current.dep_ not in MERGE_DEPS or current.head == current:
                return False
            current = current.head
            if current == upper:
                return True
        return False

    def merge_linked(self, built: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
        """Fold an event into a same-type event it hangs under when their sources agree."""
        kept: list[tuple[Token, Event]] = []
        for token, event in built:
            host = next(
                (
                    (t, e)
                    for t, e in kept
                    if e.type == event.type
                    and e.status == event.status
                    and (self.linked(t, token) or self.linked(token, t))
                    and (not event.source or not e.source or set(event.source) <= set(e.source))
                ),
                None,
            )
            if host is None:
                kept.append((token, event))
                continue
            other = host[1]
            add_mentions(other, event)
            other.source = merge(other.source, event.source)
            if other.target or event.target:
                other.target = [a for a in merge(other.target, event.target) if a not in other.source]
        return kept

    @staticmethod
    def deduplicate(built: list[tuple[Token, Event]]) -> list[Event]:
        events: list[Event] = []
        seen: dict[tuple, Event] = {}
        for _, event in built:
            key = (event.type, event.status, tuple(sorted(event.source)), tuple(sorted(event.target)))
            if key in seen:
                add_mentions(seen[key], event)
            else:
                seen[key] = event
                events.append(event)
        return events

    # ------------------------------------------------------------------ across the document

    def countries(self, actors: list[str]) -> frozenset[str] | None:
        """The countries of a party list, or None when one of them has none."""
        found = set()
        for actor_id in actors:
            actor = actor_by_id(self.doc, actor_id)
            if actor is None or not actor.country:
                return None
            found.add(actor.country)
        return frozenset(found)

    def same_side(self, one: list[str], other: list[str]) -> bool | None:
        """True when two party lists name the same side (a shared actor, or the same countries:
        "his top diplomat and a North Korean envoy" / "Pompeo and Kim Yong-chol"), False when
        they differ, None when either is empty."""
        if not one or not other:
            return None
        if set(one) & set(other):
            return True
        countries = self.countries(one)
        return countries is not None and countries == self.countries(other)

    def statuses_agree(self, host: Event, event: Event) -> bool:
        if host.status == event.status or {host.status, event.status} == FACT_STATUSES:
            return True
        return (
            {host.status, event.status} <= FUTURE_STATUSES
            and host.date_source == event.date_source == "timex"
            and dating.is_after(host.date, self.dct)
        )

    @staticmethod
    def reciprocal(event: Event) -> bool:
        """A joint act told with every party in the source ("meetings between X and Y")."""
        return len(event.source) > 1 and not event.target

    def adds_a_happening(self, event: Event) -> bool:
        """The trigger's clause says "also", "too" or "again": another happening, not a retelling."""
        span = self.doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        if span is None:
            return False
        root = span.root
        return any(child.dep_ == "advmod" and child.lower_ in ADDITIVE_ADVERBS for child in root.children)

    def same_happening(self, host: Event, event: Event) -> bool:
        """Same type and date, agreeing statuses, compatible mode, and parties that agree
        without reversing roles: mentions of one happening."""
        if (host.type, host.date) != (event.type, event.date) or not self.statuses_agree(host, event):
            return False
        if self.adds_a_happening(event):
            return False
        if host.mode and event.mode and host.mode != event.mode:
            return False
        if set(host.source) & set(event.target) or set(host.target) & set(event.source):
            return False  # "A attacked B" and "B attacked A" are two happenings
        sides = [self.same_side(host.source, event.source), self.same_side(host.target, event.target)]
        return False not in sides and True in sides

    def not_represented(self, target: list[str], source: list[str]) -> list[str]:
        """The target without the countries (as states) that a source actor already stands for."""
        countries = {a.country for a in map(lambda i: actor_by_id(self.doc, i), source) if a and a.country}
        kept = []
        for actor_id in target:
            actor = actor_by_id(self.doc, actor_id)
            if actor is None or actor.kind != "country" or actor.country not in countries:
                kept.append(actor_id)
        return kept

    def accuse_known_doers(self, events: list[Event], notes: dict[int, DateNote]) -> None:
        """Condemning a deed is an ACCUSE of its doers (PLOVER): "Police arrested 40 people. ...
        Odinga condemned the arrests" is aimed at the police, the doers of the last earlier event
        named by the same word."""
        for n, event in enumerate(events):
            note = notes.get(id(event))
            if note is None or note.about is None:
                continue
            earlier = [e for e in events[:n] if (m := notes.get(id(e))) is not None and m.word == note.about]
            if earlier:
                event.target = [a for a in earlier[-1].source if a not in event.source]

    def merge_document(self, events: list[Event]) -> list[Event]:
        """Fold later mentions of a happening into its first event; its ``mentions`` list the
        trigger of every one."""
        self.accuse_known_doers(events, self.__dict__.get("_date_notes", {}))
        kept: list[Event] = []
        for event in events:
            event.mentions = event.mentions or [event.trigger]
            host = next((k for k in kept if self.same_happening(k, event)), None)
            if host is None:
                kept.append(event)
                continue
            add_mentions(host, event)
            joint = self.reciprocal(host) or self.reciprocal(event)
            host.source = merge(host.source, event.source)
            host.target = [a for a in merge(host.target, event.target) if a not in host.source]
            if joint:  # "Kim arrived in the US for meetings with Pompeo": the US is there in Pompeo
                host.target = self.not_represented(host.target, host.source)
            if host.status != event.status:
                host.status = "asserted" if {host.status, event.status} == FACT_STATUSES else "planned"
            host.mode = host.mode or event.mode
            host.contexts = merge(host.contexts, event.contexts)
            host.location = host.location or event.location
            host.confidence = max(host.confidence, event.confidence)
            if host.date_source == "dct" and event.date_source != "dct":
                host.date_source = event.date_source
        return kept
