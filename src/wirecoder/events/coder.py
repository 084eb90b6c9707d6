"""Find and code PLOVER events in a parsed document: the events stage's pipeline.

Per sentence, five steps, each a module whose class adds its methods to the one before:

1. **Candidates** (:mod:`~wirecoder.events.candidates`).  Every token is looked up by (lemma,
   POS) in the trigger lexicon; the first entry whose conditions hold (object, particle,
   preposition, modifier, subject) is kept.  Triggers flagged ``sports`` are dropped in sporting
   sentences.  A reporting verb whose content clause carries "must"/"should" is a REQUEST.
2. **Readings** (:mod:`~wirecoder.events.readings`).  A trigger that takes a complement
   ("refused to meet", "demanded the withdrawal of") absorbs the trigger it governs, borrows its
   target and often its mode; an intent word ("offered to") takes its type from it through
   future.tsv; a causative verb ("ordered X to suspend ...") hands its subject to it.
3. **Arguments** (:mod:`~wirecoder.events.arguments`).  Source and target actor ids from the
   dependency structure (subject, object, passive agent, prepositional objects, possessors,
   coordination) through the actors API.  Reciprocal events put every party in the source.
4. **Date and status** (:mod:`~wirecoder.events.timing`, :mod:`~wirecoder.events.status`).
   Negation, will/would/could, conditional clauses, planning verbs, quotes and reporting verbs
   give the status; future cooperation becomes AGREE and future coercion THREATEN (PLOVER's
   rule); "would not accept" becomes REJECT.  The date comes from the event's anchor verb;
   undated past events then take the narrative's day (:mod:`~wirecoder.events.narrative`).
5. **Merge** (:mod:`~wirecoder.events.merging`).  Same-type events linked in one clause ("killed
   23 when they blew themselves up") are merged, then repeated mentions of one happening in the
   document.

This module builds one event from a candidate (place, CAMEO, confidence) and runs the steps.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from wirecoder.actors.api import actor_by_id
from wirecoder.events import dating, places, status
from wirecoder.events.candidates import Candidate
from wirecoder.events.lexicon import EventData, cameo_code
from wirecoder.events.merging import Merging
from wirecoder.events.parties import merge
from wirecoder.events.syntax import (
    SUBJECT_DEPS,
    first_child,
    is_passive,
    lemma,
)
from wirecoder.model import CharRange, Event
from wirecoder.model import Span as SpanRecord
from wirecoder.stage import check_budget

AGENT_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


class DocumentCoder(Merging):
    """Codes the events of one document: the five steps, sentence by sentence."""

    def code_sentence(self, sent: Span) -> list[Event]:
        if sent.text.rstrip().rstrip("\"'”’)»").endswith("?"):
            return []  # a question reports no event ("What actions do you support?")
        cands = self.find_candidates(sent)
        if not cands:
            return []
        self.resolve_governance(cands)
        built: list[tuple[Token, Event]] = []
        for cand in sorted(cands.values(), key=lambda c: c.token.i):
            if cand.absorbed or cand.type is None or (cand.has("needs_embedded") and cand.embedded is None):
                continue
            if cand.has("needs_source") and not self.parties(cand)[0]:
                continue
            event = self.build_event(cand, sent)
            if event is not None:
                built.append((cand.token, event))
        return self.deduplicate(self.merge_linked(built))

    def not_an_event(self, cand: Candidate, anchor: Token) -> bool:
        """Statements that use an event word without reporting an event: a habit ("G7 meetings
        usually center on ..."), an open question ("whom they would support"), or a deed of
        something that is not an actor ("the typhoon killed", "warm water is attacking")."""
        habitual = self.data.cue("habitual_adverbs")
        if any(c.dep_ == "advmod" and c.lower_ in habitual for h in (cand.token, anchor) for c in h.children):
            return True
        wh = self.data.cue("wh_words")
        # a relative pronoun ("the court, which rejected ...") asks no question
        relative = cand.token.dep_ == "relcl"
        if (
            not cand.is_noun
            and not relative
            and any(c.lower_ in wh and c.i < cand.token.i for c in cand.token.children)
        ):
            return True
        if cand.is_noun:
            return self.role_description(cand.token)
        if cand.pos == "A" or is_passive(cand.token) or cand.source_from is not None or cand.subject_named:
            return False
        subj = first_child(cand.token, SUBJECT_DEPS)
        if subj is not None and subj.pos_ == "PRON" and cand.token.dep_ == "relcl":
            subj = cand.token.head  # "a bill that would have allowed ...": the bill
        if subj is None or subj.pos_ == "PRON" or self.np_actors(subj):
            return False
        word = lemma(subj)
        if word in self.data.cue("non_agents"):
            return True
        if self.instrument(subj):
            return False  # "a car bomb killed ...": the doer is unknown, the deed is not
        # A named doer that the actors stage does not know as an actor ("the cnidarian",
        # "the directive provides ..."): not an event between political actors.
        return word not in self.group_nouns and subj.ent_type_ not in AGENT_ENTITY_LABELS

    def role_description(self, token: Token) -> bool:
        """ "the special envoy for Ukraine negotiations": the nominal names a job, not an event."""
        head = token.head
        return token.dep_ in ("pobj", "compound") and (
            (head.lower_ == "for" and lemma(head.head) in self.group_nouns) or lemma(head) in self.group_nouns
        )

    def private(self, actor_id: str) -> bool:
        """A person the actors stage could tie to no country, office or organisation."""
        actor = actor_by_id(self.doc, actor_id)
        return actor is not None and actor.kind == "person" and not (actor.country or actor.sector or actor.role)

    def build_event(self, cand: Candidate, sent: Span) -> Event | None:
        anchor = self.anchor_of(cand)
        if cand.is_noun and status.presupposed(cand.token):
            anchor = cand.token  # "following the resignation": a happening of its own, not the clause's
        if self.not_an_event(cand, anchor):
            return None
        source, target = self.parties(cand)
        if not source and not target:
            return None
        if all(self.private(a) for a in (*source, *target)):
            return None  # "Baker met bassist Jack Bruce": no political actor takes part
        mod = status.modality(anchor, cand.token, self.data)
        if self.cancelled(cand):
            mod = replace(mod, negated=True)
        etype, mode = cand.type or "", cand.mode
        negated = mod.negated
        if negated and cand.neg_type and not self.negation_kind(anchor, cand):
            etype, mode, negated = cand.neg_type, None, False  # "would not meet demands" is a refusal
            mod = self.refusal(mod)
        elif not negated and self.speaks_of_future(cand, anchor):
            etype, mode = self.future_type(etype, mode, mod)
        date_token = self.date_token(cand, anchor)
        date, date_source, timex_id = self.event_date(cand, date_token)
        future_date = cand.is_noun and date_source == "timex" and dating.is_after(date, self.dct)
        # "expressed its support for X": the quote stage may take the noun phrase as the content
        # of "expressed", but the event is that expression itself, so its governing verb decides
        quoted_at = anchor.idx if cand.is_noun and anchor.i < cand.token.i else cand.token.idx
        reported = status.inside_quote(self.doc, quoted_at) or status.reporting_verb_over(anchor, self.data)
        reported = reported or (cand.is_noun and status.hearsay(cand.token, self.data))
        mod = self.announced(cand, mod, bool(reported), date, date_source)
        event_status = status.status_of(replace(mod, negated=negated), bool(reported), future_date)
        contexts = merge(cand.contexts, self.cue_contexts(cand, anchor))
        mode = mode or self.cue_mode(etype, cand, anchor)
        if mode is not None and mode not in self.data.modes.get(etype, frozenset()):
            mode = None
        place = places.location_of(self.doc, places.place_span_of(self.doc, self.place_holders(cand), self.place_preps))
        source, target = self.settle_parties(etype, mode, source, target, place)
        if not source and not target:
            return None
        event = Event(
            id="",
            type=etype,  # type: ignore[arg-type]
            mode=mode,
            contexts=contexts,
            source=source,
            target=target,
            date=date,
            date_source=date_source,
            status=event_status,  # type: ignore[arg-type]
            location=place,
            trigger=self.trigger_span(cand),
            sentence=CharRange(start=sent.start_char, end=sent.end_char),
            cameo=cameo_code(self.data, etype, mode, contexts),
            confidence=self.confidence(
                cand.weight, source, target, self.data.types[etype].requires_target, event_status
            ),
        )
        self.note_date(event, date_token, cand.token, timex_id)
        return event

    def clause_tokens(self, cand: Candidate, anchor: Token) -> list[Token]:
        tokens = list(cand.token.subtree)
        if anchor != cand.token:
            tokens.extend(t for t in anchor.children if t.dep_ in ("nsubj", "dobj", "prep"))
        return tokens

    def cue_contexts(self, cand: Candidate, anchor: Token) -> list[str]:
        found: list[str] = []
        previous = ""
        for t in self.clause_tokens(cand, anchor):
            word = lemma(t)
            ctx = self.data.context_pairs.get((previous, word)) or self.data.context_cues.get(word)
            if ctx and ctx not in found:
                found.append(ctx)
            previous = word
        return found

    def cue_mode(self, etype: str, cand: Candidate, anchor: Token) -> str | None:
        cues = self.data.mode_cues.get(etype)
        if not cues:
            return None
        words = {lemma(t) for t in self.clause_tokens(cand, anchor)}
        for cue, mode in cues:
            if cue in words:
                return mode
        return None

    def trigger_span(self, cand: Candidate) -> SpanRecord:
        token = end_token = cand.token
        if token.i + 1 < len(token.doc):
            nxt = token.doc[token.i + 1]
            if nxt.head == token and nxt.lower_ in cand.particles:
                end_token = nxt  # "blew up", "pulled out": the particle is part of the trigger
        start, end = token.idx, end_token.idx + len(end_token.text)
        return SpanRecord(start=start, end=end, text=self.text[start:end])

    def code(self, keep: Callable[[list[Event]], list[Event]] | None = None) -> list[Event]:
        """Every sentence's events; ``keep`` (the zones filter) runs before the mentions of one
        happening are merged, so that a byline or a restated headline never hosts body mentions."""
        events: list[Event] = []
        for sent in self.doc.sents:
            check_budget(self.doc)
            events.extend(self.code_sentence(sent))
        if keep is not None:
            events = keep(events)
        self.date_from_story(events)
        events = self.merge_document(events)
        for n, event in enumerate(events, start=1):
            event.id = f"e{n}"
        return events


def code_events(doc: Doc, data: EventData, keep: Callable[[list[Event]], list[Event]] | None = None) -> list[Event]:
    return DocumentCoder(doc, data).code(keep)
