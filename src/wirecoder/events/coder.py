"""Find and code PLOVER events in a parsed document.

Per sentence:

1. **Triggers.**  Every token is looked up by (lemma, POS) in the trigger lexicon; the first
   entry whose conditions hold (object, particle, preposition, modifier, subject) is kept.
   Triggers flagged ``sports`` are dropped in sporting sentences.  A reporting verb whose
   content clause carries "must"/"should" ("said that Sudan must return ...") is a REQUEST.
2. **Governance.**  A trigger that takes a complement ("refused to meet", "threatened to
   shell", "demanded the withdrawal of") absorbs the trigger it governs, borrows its target and
   often its mode; an intent word ("offered to", "is willing to") takes its type from it through
   future.tsv; a causative verb ("ordered X to suspend ...") hands its subject to it.  A trigger
   verb also absorbs a trigger noun that is its object ("imposed sanctions"), and a protest
   absorbs the demand it is made for.
3. **Parties.**  Source and target actor ids come from the dependency structure (subject,
   object, passive agent, prepositional objects, possessors, coordination) through the actors
   API.  Reciprocal events put every party in the source.  No event without a known party.
4. **Modality.**  Negation, will/would/could, conditional clauses, planning verbs, quotes and
   reporting verbs give the status; future cooperation becomes AGREE and future coercion
   THREATEN (PLOVER's rule); "would not accept" becomes REJECT.
5. **Date, place, confidence, CAMEO**, then same-type events linked in one clause ("killed 23
   when they blew themselves up in Tel Aviv") are merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from wirecoder.actors.api import actor_at, actor_by_id, actor_for_token
from wirecoder.events import dating, places, status
from wirecoder.events.lexicon import ACTOR_VALUE, NONE_VALUE, Condition, EventData, TriggerEntry, TypeInfo, cameo_code
from wirecoder.events.parties import actor_of_np, actors_of, implied, merge, resolve_implied
from wirecoder.events.syntax import (
    COMPLEMENT_DEPS,
    OBJECT_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    conjuncts,
    direct_object,
    first_child,
    grammatical_subject,
    is_passive,
    lemma,
    modifiers,
    particles,
    passive_agent,
    pos_codes,
    prep_objects,
    to_clause,
)
from wirecoder.model import CharRange, Event, Location
from wirecoder.model import Span as SpanRecord
from wirecoder.stage import check_budget

GOVERNING_FLAGS = frozenset({"complement", "intent", "causative"})
#: Sports words a document needs (at least two different ones) to read as a sports report.
SPORTS_REPORT_MIN = 4
RECIPROCAL_PREPS = frozenset({"with", "between", "among", "amongst"})
#: Prepositions inside an object noun phrase that name who it concerns ("sanctions on X",
#: "calls by X", "the computers of X"); "in" is tried last, as it usually names a place.
INNER_PREPS = frozenset({"of", "by", "from", "on", "against", "to", "for", "among", "between", "with", "into", "over"})
LAST_RESORT_PREPS = frozenset({"in"})
#: Status factors for the confidence: a reported or conditional event is less certain.
STATUS_FACTOR = {"asserted": 1.0, "reported": 0.95, "planned": 0.9, "hypothetical": 0.85, "negated": 0.9}
#: How far apart (in dependency steps) two same-type triggers may be and still be merged.
AGENT_ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Actor "countries" that are no state: nothing can be domestic to them.
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "ISM"})
MERGE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "prep", "pobj", "pcomp", "acl", "relcl", "dobj"})


@dataclass
class Candidate:
    """A trigger found in a sentence, before its arguments are read."""

    token: Token
    type: str | None
    mode: str | None
    contexts: list[str]
    weight: float
    flags: frozenset[str]
    neg_type: str | None = None
    pos: str = "V"
    embedded: Candidate | None = None
    absorbed: bool = False
    converted: bool = False  # type already set by an intent word
    source_from: Token | None = None  # causative governor whose subject is the source
    target_token: Token | None = None  # obligation rule: the clause subject is the target
    particles: frozenset[str] = frozenset()  # particles the entry asked for ("blow up")
    parties_cache: tuple[list[str], list[str]] | None = field(default=None, repr=False)

    @property
    def is_noun(self) -> bool:
        return self.pos == "N"

    def has(self, flag: str) -> bool:
        return flag in self.flags


def _from_entry(token: Token, entry: TriggerEntry) -> Candidate:
    particles = frozenset(v for c in entry.conditions if c.key == "prt" and not c.negate for v in c.values)
    return Candidate(
        token=token,
        type=entry.type,
        mode=entry.mode,
        contexts=list(entry.contexts),
        weight=entry.weight,
        flags=entry.flags,
        neg_type=entry.neg_type,
        pos=entry.pos,
        particles=particles,
    )


class DocumentCoder:
    """Codes the events of one document; holds the per-document caches."""

    def __init__(self, doc: Doc, data: EventData) -> None:
        self.doc = doc
        # Doc.text is rebuilt from the tokens on every access; the article holds the same string.
        self.text = doc._.article.text if doc._.article is not None else doc.text
        self.data = data
        self.quantity = data.cue("quantity_nouns")
        self.group_nouns = data.cue("group_nouns")
        self.place_preps = data.cue("place_prepositions")
        self.light_verbs = data.cue("light_verbs")
        self.complement_preps = data.cue("complement_prepositions")
        self.dct = dating.day_or_coarser(doc._.dct)
        self._sports_report: bool | None = None  # decided on first need

    def word(self, token: Token) -> str:
        """The token's lemma, with the tagger's known lemma slips repaired ("staged" -> "stag")."""
        found = lemma(token)
        return self.data.lemma_fixes.get(found, found)

    # ------------------------------------------------------------------ triggers

    def object_matches(self, obj: Token, values: frozenset[str]) -> bool:
        # "halt mediation efforts": a compound in front of the object head counts too.
        words = {lemma(obj), obj.lower_, *(lemma(c) for c in obj.children if c.dep_ == "compound")}
        if words & values:
            return True
        # A pronoun object ("released them") may stand for things as well as people: it does not
        # make the object an actor for the choice of trigger.
        return ACTOR_VALUE in values and obj.pos_ != "PRON" and actor_of_np(self.doc, obj, self.group_nouns) is not None

    def condition_holds(self, cond: Condition, token: Token) -> bool:
        if cond.key == "obj":
            obj = direct_object(token, self.quantity)
            if obj is None:
                return NONE_VALUE in cond.values
            return self.object_matches(obj, cond.values)
        if cond.key == "objmod":
            obj = direct_object(token, self.quantity)
            return obj is not None and any(lemma(m) in cond.values for m in modifiers(obj))
        if cond.key == "prt":
            return bool(particles(token) & cond.values)
        if cond.key == "prep":
            return any(c.dep_ in ("prep", "agent") and lemma(c) in cond.values for c in token.children)
        if cond.key == "mod":
            return any(lemma(m) in cond.values for m in modifiers(token))
        if cond.key == "gov":
            gov = self.noun_governor(token)
            return gov is not None and self.word(gov) in cond.values
        if cond.key == "comp":
            clauses = [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]
            if "*" in cond.values:
                return any(c.dep_ == "xcomp" for c in clauses)
            return any(self.word(c) in cond.values for c in clauses)
        if cond.key == "subj":
            subj = grammatical_subject(token)
            if subj is None:
                return False
            if lemma(subj) in cond.values:
                return True
            return ACTOR_VALUE in cond.values and actor_of_np(self.doc, subj, self.group_nouns) is not None
        return False

    def entry_for(self, token: Token) -> TriggerEntry | None:
        word = self.word(token)
        for code in pos_codes(token):
            if code == "V" and (token.dep_ == "amod" or any(c.dep_ == "det" for c in token.children)):
                continue  # a participle used as adjective or noun ("alleged crimes", "the accused") is no act
            for entry in self.data.entries(word, code):
                if all(self.condition_holds(c, token) != c.negate for c in entry.conditions):
                    return entry
        return None

    def sports_words(self, tokens: Span | Doc) -> list[str]:
        cues = self.data.sports_cues
        return [w for t in tokens if t.pos_ in ("NOUN", "PROPN", "ADJ") and (w := lemma(t)) in cues]

    def sporting(self, sent: Span) -> bool:
        """A sporting sentence, or a sentence of a sports report ("They beat us well.")."""
        if self.sports_words(sent):
            return True
        if self._sports_report is None:
            found = self.sports_words(self.doc)
            self._sports_report = len(found) >= SPORTS_REPORT_MIN and len(set(found)) >= 2
        return self._sports_report

    def obligation(self, token: Token) -> Candidate | None:
        """ "X said (that) Y must do Z" is X's demand on Y."""
        if token.pos_ != "VERB" or lemma(token) not in self.data.cue("obligation_verbs"):
            return None
        modals = self.data.cue("obligation_modals")
        for clause in token.children:
            if clause.dep_ != "ccomp":
                continue
            if any(c.dep_ == "aux" and lemma(c) in modals for c in clause.children):
                subj = first_child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
                if subj is None or subj.pos_ == "PRON":
                    continue  # "it must be related to ...": a guess, not a demand on someone
                cand = Candidate(
                    token=token,
                    type=self.data.obligation_type,
                    mode=None,
                    contexts=[],
                    weight=self.data.obligation_weight,
                    flags=frozenset({"complement"}),
                )
                cand.target_token = subj
                return cand
        return None

    def find_candidates(self, sent: Span) -> dict[int, Candidate]:
        found: dict[int, Candidate] = {}
        sports: bool | None = None
        for token in sent:
            entry = self.entry_for(token)
            if entry is not None and entry.weight > 0 and (entry.type or entry.flags & GOVERNING_FLAGS):
                if entry.has("sports"):
                    if sports is None:
                        sports = self.sporting(sent)
                    if sports:
                        continue
                found[token.i] = _from_entry(token, entry)
                continue
            cand = self.obligation(token)
            if cand is not None:
                found[token.i] = cand
        return found

    # ------------------------------------------------------------------ governance

    def light_governor(self, token: Token) -> Token | None:
        gov = self.noun_governor(token)
        return gov if gov is not None and self.word(gov) in self.light_verbs else None

    def complement_clauses(self, cand: Candidate) -> list[Token]:
        """Clauses a governing trigger takes: "refused [to meet]", "demand [that X leave]"."""
        token = cand.token
        deps = COMPLEMENT_DEPS | ({"acl", "relcl"} if cand.is_noun else set())
        clauses = [c for c in token.children if c.dep_ in deps]
        if cand.is_noun:  # "reiterated its demand [that ...]": the clause hangs on the light verb
            gov = self.light_governor(token)
            if gov is not None:
                clauses.extend(c for c in gov.children if c.dep_ in COMPLEMENT_DEPS)
        if cand.target_token is not None:
            clauses.append(cand.target_token.head)
        out: list[Token] = []
        for clause in clauses:
            out.extend(conjuncts(clause))
        return out

    def clause_contents(self, clause: Token) -> list[Token]:
        """The clause verb, its object and the objects of its (non-temporal) prepositions."""
        out = [clause]
        obj = direct_object(clause, self.quantity)
        if obj is not None:
            out.extend(conjuncts(obj))
        for _, pobj in prep_objects(clause, self.complement_preps):
            out.extend(conjuncts(pobj))
        return out

    def purpose_clauses(self, cand: Candidate) -> list[Token]:
        """ "staged demonstrations [to demand reforms]", "demonstrated ... [calling for X]"."""
        return [c for h in self.event_heads(cand) for c in h.children if c.dep_ in ("advcl", "xcomp", "acl")]

    def event_heads(self, cand: Candidate) -> list[Token]:
        anchor = self.anchor_of(cand)
        return [cand.token] if anchor == cand.token else [cand.token, anchor]

    def protest_frames(self, cand: Candidate) -> list[Token]:
        """ "in protest of X", "in defiance of X": the noun naming what a protest is against."""
        frames = self.data.cue("protest_frames")
        return [
            pobj
            for h in self.event_heads(cand)
            for word, pobj in prep_objects(h, frozenset({"in"}))
            if lemma(pobj) in frames and pobj != cand.token
        ]

    def condition_clauses(self, cand: Candidate) -> list[Token]:
        """ "threatened to strike [unless Israel rescinded ...]": the condition of a threat, on the
        trigger or on the act threatened."""
        marks = self.data.cue("conditional_marks")
        heads = [cand.token, *self.complement_clauses(cand)]
        return [
            c
            for h in heads
            for c in h.children
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
        ]

    def governed_tokens(self, cand: Candidate) -> list[Token]:
        """Tokens a trigger governs: its object; for complement-takers also their clauses and
        what those clauses act on, and their prepositional objects."""
        token = cand.token
        out: list[Token] = []
        obj = direct_object(token, self.quantity) if not cand.is_noun else None
        if obj is not None:
            out.extend(conjuncts(obj))
        if cand.has("purpose"):
            out.extend(self.purpose_clauses(cand))
            out.extend(self.protest_frames(cand))
        if cand.has("causative"):  # "ordered [patrols]", "ordered X [to suspend ...]"
            return out + [c for clause in self.complement_clauses(cand) for c in conjuncts(clause)]
        if not cand.flags & GOVERNING_FLAGS and cand.target_token is None:
            return out
        for clause in self.complement_clauses(cand):
            out.extend(self.clause_contents(clause))
        if cand.type == "THREATEN":
            out.extend(self.condition_clauses(cand))
        if cand.is_noun:
            out.extend(c for c in token.children if c.dep_ in OBJECT_DEPS)
        for _, pobj in prep_objects(token, self.complement_preps):
            out.extend(conjuncts(pobj))
        return out

    def embedded_mode(self, governing: str, inner_type: str | None, inner_mode: str | None) -> str | None:
        table = self.data.embedded_modes
        return table.get((governing, inner_type or "", inner_mode or "")) or table.get(
            (governing, inner_type or "", "*")
        )

    def resolve_governance(self, cands: dict[int, Candidate]) -> None:
        # Deeper triggers first, so an inner governor is settled before an outer one reads it.
        order = sorted(cands.values(), key=lambda c: -sum(1 for _ in c.token.ancestors))
        for cand in order:
            for token in self.governed_tokens(cand):
                inner = cands.get(token.i)
                if inner is None or inner is cand or inner.absorbed:
                    continue
                if cand.has("causative"):
                    inner.source_from = cand.token
                    cand.absorbed = True  # the causative verb is not an event of its own
                    continue
                if (
                    cand.has("purpose")
                    and inner.type not in ("REQUEST", "PROTEST")
                    and token not in self.object_tokens(cand)
                ):
                    continue  # a protest absorbs only the demand it is made for
                inner.absorbed = True
                if cand.embedded is None:
                    cand.embedded = inner
                    self.take_from_embedded(cand, inner)

    def object_tokens(self, cand: Candidate) -> list[Token]:
        obj = direct_object(cand.token, self.quantity) if not cand.is_noun else None
        return conjuncts(obj) if obj is not None else []

    def take_from_embedded(self, cand: Candidate, inner: Candidate) -> None:
        if cand.has("intent") and inner.type:
            cand.type = self.data.future[inner.type]["intent"]
            cand.converted = True
            cand.mode = inner.mode if cand.type == inner.type else self.embedded_mode(cand.type, inner.type, inner.mode)
        elif cand.type and cand.mode is None and cand.flags & GOVERNING_FLAGS:
            cand.mode = self.embedded_mode(cand.type, inner.type, inner.mode)
        cand.contexts = merge(cand.contexts, inner.contexts)

    # ------------------------------------------------------------------ anchors

    def anchor_of(self, cand: Candidate) -> Token:
        """The verb whose auxiliaries, negation and time govern the event."""
        token = cand.token
        if cand.is_noun:
            gov = self.light_governor(token)
            if gov is not None:
                return gov
            if token.dep_ in ("nsubj", "nsubjpass") and lemma(token.head) in self.data.cue("event_verbs"):
                return token.head
            return token
        if cand.pos == "A" and token.dep_ == "acomp":
            return token.head
        return token

    @staticmethod
    def noun_governor(token: Token) -> Token | None:
        """The verb a nominal trigger is the object of ("held talks", "went on strike")."""
        if token.dep_ in OBJECT_DEPS and token.head.pos_ in VERB_POS:
            return token.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in VERB_POS:
            return token.head.head
        return None

    def cancelled(self, cand: Candidate) -> bool:
        """ "postponed the summit", "thwarted an attack": the event did not (yet) take place."""
        if not cand.is_noun:
            return False
        gov = self.noun_governor(cand.token)
        return gov is not None and self.word(gov) in self.data.cue("cancelling_verbs")

    # ------------------------------------------------------------------ parties

    def reporter_of(self, token: Token) -> list[str]:
        """Actors of the reporting verb's subject ("Iraq said it would ..."): the usual referent
        of an unresolved pronoun subject of the reported clause."""
        verb = status.reporting_verb_over(token, self.data)
        if verb is None or verb.pos_ not in VERB_POS:
            return []
        return actors_of(self.doc, grammatical_subject(verb), self.group_nouns)

    def np_actors(self, token: Token | None) -> list[str]:
        return actors_of(self.doc, token, self.group_nouns)

    def inner_actors(self, head: Token, preps: frozenset[str] = INNER_PREPS, places_too: bool = True) -> list[str]:
        """Actors inside a noun phrase: "rejected calls by Annan", "sanctions on X"; with
        ``places_too``, "in X" as a last resort ("imposed a curfew in Turkey")."""
        heads = [head]
        if head.dep_ == "pobj" and head.head.lower_ == "of" and lemma(head.head.head) in self.quantity:
            heads.append(head.head.head)  # "a set of sanctions on X": the PP may hang on "set"
        for wanted in (preps, LAST_RESORT_PREPS) if places_too else (preps,):
            found: list[str] = []
            for h in heads:
                for _, pobj in prep_objects(h, wanted):
                    found = merge(found, self.np_actors(pobj))
            if found:
                return found
        return []

    def prep_actors(
        self, token: Token, preps: frozenset[str], deep: bool = True, places_too: bool = False
    ) -> list[str]:
        """Actors of the token's prepositional objects; when an object is not an actor itself,
        the actors inside it ("for a war against Iraq"; with ``places_too`` also "fired at
        targets in Jericho")."""
        found: list[str] = []
        for _, pobj in prep_objects(token, preps):
            direct = self.np_actors(pobj)
            if not direct and deep:
                direct = self.inner_actors(pobj, places_too=places_too)
            found = merge(found, direct)
        return found

    def object_actors(self, obj: Token | None, places_too: bool = True) -> list[str]:
        if obj is None:
            return []
        return self.np_actors(obj) or self.inner_actors(obj, places_too=places_too)

    def place_holders(self, cand: Candidate) -> list[Token]:
        """Tokens whose "in X" phrase gives the event's place: the trigger, its anchor, and the
        object ("blocked streets in Hong Kong")."""
        heads = self.event_heads(cand)
        obj = direct_object(cand.token, self.quantity) if not cand.is_noun else None
        return heads + ([obj] if obj is not None else [])

    def place_actor(self, tokens: list[Token]) -> list[str]:
        span = places.place_span_of(self.doc, tokens, self.place_preps)
        if span is None:
            return []
        found = actor_at(self.doc, span.start_char, span.end_char)
        return [found] if found else []

    def parties(self, cand: Candidate) -> tuple[list[str], list[str]]:
        if cand.parties_cache is None:
            source, target = self.noun_parties(cand) if cand.is_noun else self.verb_parties(cand)
            cand.parties_cache = self.finish(cand, source, target)
        return cand.parties_cache

    def _agent_or_subject(self, token: Token, adjective: bool = False) -> Token | None:
        if adjective:  # "Israel is opposed to ...": the copula's subject, whatever its label
            return first_child(token, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS) or grammatical_subject(token)
        if is_passive(token):
            for _, obj in prep_objects(token, frozenset({"by"})):
                return obj
            return None
        return grammatical_subject(token)

    def subject_side(self, cand: Candidate) -> list[str]:
        if cand.source_from is not None:
            return self.np_actors(self._agent_or_subject(cand.source_from))
        token = cand.token
        stative = cand.pos == "A" or (cand.has("stative") and passive_agent(token) is None)
        subj = self._agent_or_subject(token, adjective=stative)
        found = self.np_actors(subj)
        passive_without_agent = not stative and is_passive(token) and subj is None
        if not found and not passive_without_agent and subj is not None and subj.pos_ == "PRON":
            found = self.reporter_of(token)  # "Iraq said it would ...": the unresolved "it"
        return found

    def verb_parties(self, cand: Candidate) -> tuple[list[str], list[str]]:
        token = cand.token
        info = self.type_info(cand)
        source = self.subject_side(cand)
        target: list[str] = []  # filled from the most specific clue to the least
        if cand.target_token is not None:
            target = self.np_actors(cand.target_token)
        obj = direct_object(token, self.quantity)
        if obj is not None and cand.pos != "A" and not (cand.has("stative") and is_passive(token)):
            if info.object_role == "target":
                target = merge(target, self.object_actors(obj, places_too=info.place_role == "target"))
            else:  # "provided aid for X", "sent troops to X": the object is what is sent
                target = merge(target, self.inner_actors(obj, info.target_preps, places_too=False))
        preps = info.target_preps - RECIPROCAL_PREPS if cand.has("recip") else info.target_preps
        target = merge(target, self.prep_actors(token, preps, places_too=info.place_role in ("target", "both")))
        if cand.has("recip"):
            source = merge(source, self.party_actors(token))
        if cand.mode == "visit" and not target:
            target = self.place_actor([token])
        if not target:
            target = self.fallback_target(cand, source)
        return source, target

    def noun_parties(self, cand: Candidate) -> tuple[list[str], list[str]]:
        token = cand.token
        info = self.type_info(cand)
        if cand.source_from is not None:  # "ordered patrols by police": the one who ordered
            source = self.np_actors(self._agent_or_subject(cand.source_from))
        else:
            source = self.noun_source(cand, info)
        target: list[str] = []
        gov = self.noun_governor(token)
        if gov is not None and token.dep_ == "pobj" and token.head.lower_ == "under":
            # "was put under investigation", "came under attack": the subject is on the receiving end
            target = self.np_actors(first_child(gov, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS))
        elif not source and gov is not None and self.word(gov) in self.light_verbs:
            source = self.np_actors(self._agent_or_subject(gov))  # "held talks", "went on strike"
        if self.possessor_is_target(cand):
            target = merge(target, self.np_actors(first_child(token, frozenset({"poss"}))))
        preps = info.target_preps - RECIPROCAL_PREPS if cand.has("recip") else info.target_preps
        target = merge(target, self.prep_actors(token, preps, places_too=info.place_role in ("target", "both")))
        of_objects = [o for _, o in prep_objects(token, frozenset({"of"}))]
        if info.of_role == "target":
            target = merge(target, self.prep_actors(token, frozenset({"of"})))
        else:  # "the withdrawal of forces from Panama": the PP may hang on the "of" object
            for obj in of_objects:
                target = merge(target, self.prep_actors(obj, preps - {"of"}, deep=False))
        light = self.light_governor(token)
        if light is not None and not target:  # "gave a warm welcome to X", "issued a reminder to X"
            target = self.prep_actors(light, preps | {"to"}, deep=False)
        if not target:
            target = self.fallback_target(cand, source)
        return source, target

    def noun_source(self, cand: Candidate, info: TypeInfo) -> list[str]:
        token = cand.token
        source: list[str] = []
        if not self.possessor_is_target(cand):
            own = actor_of_np(self.doc, token, self.group_nouns)  # "Pyongyang's launch", "US attacks"
            if own:
                source.append(own)
        source = merge(source, self.prep_actors(token, frozenset({"by"}), deep=False))
        if info.of_role == "source":
            source = merge(source, self.prep_actors(token, frozenset({"of"}), deep=False))
        if cand.has("recip"):
            source = merge(source, self.party_actors(token))
            verb = self.clause_verb_outside_subject(token)
            if verb is not None and any(w == "with" for w, _ in prep_objects(token, RECIPROCAL_PREPS)):
                # "arrived (on a flight) for meetings with Pompeo": the one who arrived is the other party
                source = merge(self.np_actors(self._agent_or_subject(verb)), source)
        return source

    @staticmethod
    def clause_verb_outside_subject(token: Token) -> Token | None:
        """The verb of the noun's clause, unless the noun sits inside that verb's subject."""
        current = token
        for _ in range(5):
            if current.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS or current.head == current:
                return None
            current = current.head
            if current.pos_ in VERB_POS:
                return current
        return None

    @staticmethod
    def possessor_is_target(cand: Candidate) -> bool:
        """ "her murder", "his arrest": the possessor undergoes the event (unless an "of" object
        names who does: "Israel's arrest of 12 men")."""
        token = cand.token
        if not cand.has("poss_target") or first_child(token, frozenset({"poss"})) is None:
            return False
        return not any(True for _ in prep_objects(token, frozenset({"of"})))

    def party_actors(self, token: Token) -> list[str]:
        """Every actor named in "with X", "between X and Y", "among X, Y and Z" — for
        "between" and "among" all the actors in the phrase, as coordination is often misparsed."""
        found: list[str] = []
        for word, pobj in prep_objects(token, RECIPROCAL_PREPS):
            found = merge(found, self.np_actors(pobj))
            if word in ("between", "among", "amongst"):
                for t in pobj.subtree:
                    if t.i - pobj.i > 40:
                        break
                    if t.dep_ in ("poss", "case") or t.pos_ == "PRON":
                        continue  # "his top diplomat": the possessor is not a party
                    actor = actor_for_token(self.doc, t)
                    if actor and actor not in found:
                        found.append(actor)
        return found

    def fallback_target(self, cand: Candidate, source: list[str]) -> list[str]:
        """When the trigger itself names no recipient: the one of the event it governs, the
        party its complement clause is about, the causee, or the object of its purpose."""
        clauses = self.complement_clauses(cand) if cand.flags & GOVERNING_FLAGS else []
        for clause in clauses:  # "demanded that the United States match ...": the one asked
            subj = first_child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            found = [a for a in self.np_actors(subj) if a not in source]
            if found:
                return found
        if cand.type == "THREATEN":  # the one who must comply: "unless Israel rescinds ..."
            for clause in self.condition_clauses(cand):
                subj = first_child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
                found = [a for a in self.np_actors(subj) if a not in source]
                if found:
                    return found
        if cand.embedded is not None:
            inner_source, inner_target = self.parties(cand.embedded)
            others = [a for a in inner_source if a not in source]
            found = (others or inner_target) if cand.type in ("REQUEST", "ACCUSE") else (inner_target or others)
            if found:
                return found
        for clause in clauses:
            found = self.clause_parties(clause, source)
            if found:
                return found
        for frame in self.protest_frames(cand) if cand.has("purpose") else []:
            # "to show their disapproval for X": "their" is the source, so look inside too
            found = [a for a in self.np_actors(frame) if a not in source]
            found = found or [a for a in self.inner_actors(frame, places_too=False) if a not in source]
            if found:
                return found
        if cand.source_from is not None:
            causee = [a for a in self.np_actors(first_child(cand.source_from, OBJECT_DEPS)) if a not in source]
            if causee:
                return causee
        for clause in self.purpose_clauses(cand):
            if clause.dep_ in ("advcl", "xcomp") and to_clause(clause):
                # "opened fire to disperse X", "send material to help defend X"
                for verb in [clause, *(c for c in clause.children if c.dep_ == "xcomp")]:
                    obj = direct_object(verb, self.quantity)
                    found = [a for a in self.object_actors(obj, places_too=False) if a not in source]
                    if not found and obj is not None:  # "to show their anger at X": "their" is the source
                        found = [a for a in self.inner_actors(obj, places_too=False) if a not in source]
                    if found:
                        return found
        return []

    def clause_parties(self, clause: Token, source: list[str]) -> list[str]:
        """Who a complement clause is about: its own subject ("demanded that X leave"), else
        what it acts on ("threatened to resume attacks in Israel")."""
        subj = first_child(clause, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
        found = [a for a in self.np_actors(subj) if a not in source]
        if found:
            return found
        found = [a for a in self.object_actors(direct_object(clause, self.quantity)) if a not in source]
        if found:
            return found
        return [a for a in self.prep_actors(clause, INNER_PREPS | LAST_RESORT_PREPS) if a not in source]

    def type_info(self, cand: Candidate) -> TypeInfo:
        return self.data.types[cand.type or "CONSULT"]

    def finish(self, cand: Candidate, source: list[str], target: list[str]) -> tuple[list[str], list[str]]:
        info = self.type_info(cand)
        where = self.place_holders(cand)
        place_used = False
        if info.place_role in ("target", "both") and not target:
            target = self.place_actor(where)
            place_used = bool(target)
        if info.place_role in ("source", "both") and not source and not place_used:
            # "ethnic Albanians demonstrated in Serbia" has a target already; a place that is
            # already the target ("an attack on oil sites in Saudi Arabia") is not also the doer.
            source = self.place_actor(where)
        if cand.has("swap"):
            source, target = target, source
        if cand.has("recip"):
            return merge(source, target), []
        return source, [a for a in target if a not in source]

    # ------------------------------------------------------------------ events

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
            other.source = merge(other.source, event.source)
            if other.target or event.target:
                other.target = [a for a in merge(other.target, event.target) if a not in other.source]
        return kept

    @staticmethod
    def deduplicate(built: list[tuple[Token, Event]]) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple] = set()
        for _, event in built:
            key = (event.type, event.status, tuple(sorted(event.source)), tuple(sorted(event.target)))
            if key not in seen:
                seen.add(key)
                events.append(event)
        return events

    def not_an_event(self, cand: Candidate, anchor: Token) -> bool:
        """Statements that use an event word without reporting an event: a habit ("G7 meetings
        usually center on ..."), an open question ("whom they would support"), or a deed of
        something that is not an actor ("the typhoon killed", "warm water is attacking")."""
        habitual = self.data.cue("habitual_adverbs")
        if any(c.dep_ == "advmod" and c.lower_ in habitual for h in (cand.token, anchor) for c in h.children):
            return True
        wh = self.data.cue("wh_words")
        if not cand.is_noun and any(c.lower_ in wh and c.i < cand.token.i for c in cand.token.children):
            return True
        if cand.is_noun:
            return self.role_description(cand.token)
        if cand.pos == "A" or is_passive(cand.token) or cand.source_from is not None:
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

    def instrument(self, token: Token) -> bool:
        """A weapon or an attack named as the doer ("the explosion killed", "shelling wounded")."""
        word = self.word(token)
        if any(cue == word for cue, _ in self.data.mode_cues.get("ASSAULT", [])):
            return True
        return any(e.type == "ASSAULT" for e in self.data.entries(word, "N"))

    def negation_kind(self, anchor: Token, cand: Candidate) -> bool:
        """ "has not yet agreed", "still has not met": not (yet) happened, but no refusal."""
        words = self.data.cue("not_yet_words")
        return any(c.lower_ in words for h in (anchor, cand.token) for c in h.children)

    def build_event(self, cand: Candidate, sent: Span) -> Event | None:
        anchor = self.anchor_of(cand)
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
        elif not negated and self.speaks_of_future(cand, anchor):
            etype, mode = self.future_type(etype, mode, mod)
        date_token = self.date_token(cand, anchor)
        date, date_source = dating.date_of(self.doc, date_token)
        future_date = cand.is_noun and date_source == "timex" and dating.is_after(date, self.dct)
        reported = status.inside_quote(self.doc, cand.token.idx) or status.reporting_verb_over(anchor, self.data)
        event_status = status.status_of(replace(mod, negated=negated), bool(reported), future_date)
        contexts = merge(cand.contexts, self.cue_contexts(cand, anchor))
        mode = mode or self.cue_mode(etype, cand, anchor)
        if mode is not None and mode not in self.data.modes.get(etype, frozenset()):
            mode = None
        place = places.location_of(self.doc, places.place_span_of(self.doc, self.place_holders(cand), self.place_preps))
        source, target = self.settle_parties(etype, mode, source, target, place)
        if not source and not target:
            return None
        return Event(
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

    def settle_parties(
        self, etype: str, mode: str | None, source: list[str], target: list[str], place: Location | None
    ) -> tuple[list[str], list[str]]:
        """Turn implied countries into actors, and give a domestic event without a named
        target the country it happens in ("protested in Algiers" is aimed at Algeria)."""
        source = resolve_implied(self.doc, source, [])
        target = resolve_implied(self.doc, target, source)
        if target or not source or etype not in self.data.cue("domestic_types"):
            return source, target
        country = place.country if place is not None else None
        own_country = self.data.cue("own_country_types")
        if country is None and (etype in own_country or f"{etype}/{mode}" in own_country):
            country = self.own_country(source)  # "Egyptian demonstrators rioted": at home
        if country is None or len(country) != 3 or not country.isalpha():
            return source, target
        return source, resolve_implied(self.doc, [implied(country)], source)

    def own_country(self, source: list[str]) -> str | None:
        """The one country all source actors belong to (international bodies have none)."""
        countries = {actor.country if (actor := actor_by_id(self.doc, a)) is not None else None for a in source}
        if len(countries) != 1:
            return None
        country = countries.pop()
        return country if country and country not in NON_STATE_CODES else None

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

    def speaks_of_future(self, cand: Candidate, anchor: Token) -> bool:
        """Future/conditional typing applies to the actor's own announced act: a trigger verb
        or a light verb with the trigger as its object, not to someone else's expectation."""
        if cand.converted or cand.has("keepfuture"):
            return False
        if cand.is_noun and (anchor == cand.token or cand.token.dep_ in ("nsubj", "nsubjpass")):
            return False
        return anchor.pos_ in VERB_POS or cand.pos == "A"

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

    @staticmethod
    def confidence(weight: float, source: list[str], target: list[str], requires_target: bool, st: str) -> float:
        both = bool(source) and bool(target)
        factor = 1.0 if both else (0.75 if requires_target and not target else 0.85)
        value = weight * factor * STATUS_FACTOR.get(st, 1.0)
        return round(min(0.99, max(0.05, value)), 3)

    def code(self) -> list[Event]:
        events: list[Event] = []
        for sent in self.doc.sents:
            check_budget(self.doc)
            events.extend(self.code_sentence(sent))
        for n, event in enumerate(events, start=1):
            event.id = f"e{n}"
        return events


def code_events(doc: Doc, data: EventData) -> list[Event]:
    return DocumentCoder(doc, data).code()
