"""Step 1, candidates: trigger words looked up by (lemma, POS) in the lexicon, with their conditions.

API: :meth:`CandidateFinder.find_candidates` (sentence -> {token index: Candidate}).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from wirecoder.actors.api import actor_for_token
from wirecoder.events.base import CoderBase
from wirecoder.events.lexicon import ACTOR_VALUE, NONE_VALUE, Condition, TriggerEntry
from wirecoder.events.parties import actor_of_np
from wirecoder.events.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
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
    secondary_predicates,
    subjunctive,
    to_clause,
)

#: subj=@plural: the subject is a plural noun ("Serbians protested").
PLURAL_VALUE = "@plural"
GOVERNING_FLAGS = frozenset({"complement", "intent", "causative"})
#: Sports words a document needs (at least two different ones) to read as a sports report.
SPORTS_REPORT_MIN = 4


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
    subject_named: bool = False  # the entry named the subject's word ("aid trucks entered")
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
        subject_named=any(c.key == "subj" and not c.negate and ACTOR_VALUE not in c.values for c in entry.conditions),
    )


class CandidateFinder(CoderBase):
    """Finds the trigger candidates of a sentence."""

    def object_of(self, token: Token) -> tuple[Token | None, frozenset[str]]:
        """The token's direct object and its words, once per token: a verb with many object
        patterns (generated from PETRARCH2) tests them all against the same object."""
        cache = self._objects
        found = cache.get(token.i)
        if found is None:
            obj = direct_object(token, self.quantity)
            if obj is None and token.pos_ == "VERB" and is_passive(token):
                # "police were deployed": the passive subject is the verb's underlying object
                obj = first_child(token, PASSIVE_SUBJECT_DEPS)
            # "halt mediation efforts": a compound in front of the object head counts too.
            words = (
                frozenset({lemma(obj), obj.lower_, *(lemma(c) for c in obj.children if c.dep_ == "compound")})
                if obj is not None
                else frozenset()
            )
            found = cache[token.i] = (obj, words)
        return found

    def object_matches(self, obj: Token, values: frozenset[str], words: frozenset[str] | None = None) -> bool:
        if words is None:
            words = frozenset({lemma(obj), obj.lower_, *(lemma(c) for c in obj.children if c.dep_ == "compound")})
        if words & values:
            return True
        # A pronoun object ("released them") may stand for things as well as people: it does not
        # make the object an actor for the choice of trigger.
        return ACTOR_VALUE in values and obj.pos_ != "PRON" and self.actor_object(obj)

    def actor_object(self, obj: Token) -> bool:
        """The object is an actor: "received the envoy", "Chinese officials"; but "received the
        party's nomination", "welcomed Iran's decision" act on a thing an actor owns."""
        if actor_of_np(self.doc, obj, self.group_nouns) is None:
            return False
        owned = any(c.dep_ == "poss" for c in obj.children) and lemma(obj) not in self.group_nouns
        return not owned or actor_for_token(self.doc, obj) is not None

    def condition_holds(self, cond: Condition, token: Token) -> bool:
        if cond.key == "obj":
            obj, words = self.object_of(token)
            if obj is None:
                return NONE_VALUE in cond.values
            return self.object_matches(obj, cond.values, words)
        if cond.key == "objmod":
            obj = direct_object(token, self.quantity)
            return obj is not None and any(lemma(m) in cond.values for m in modifiers(obj))
        if cond.key == "prt":
            return bool(particles(token) & cond.values)
        if cond.key == "prep":
            return any(c.dep_ in ("prep", "agent") and lemma(c) in cond.values for c in token.children)
        if cond.key == "pp":  # "rushed police to the border": pp=to:border
            return any(
                f"{lemma(c)}:{w}" in cond.values
                for c in token.children
                if c.dep_ in ("prep", "agent")
                for o in c.children
                if o.dep_ == "pobj"
                for w in (lemma(o), o.lower_)
            )
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
        if cond.key == "pred":  # "called the sanctions [absurd and hostile]": what the object is called
            return any(lemma(p) in cond.values for c in secondary_predicates(token) for p in conjuncts(c))
        if cond.key == "clause":  # "conceded [that ...]": the kind of clause the verb takes
            if "subjunctive" in cond.values and any(c.dep_ == "ccomp" and subjunctive(c) for c in token.children):
                return True
            return any(c.dep_ in cond.values for c in token.children)
        if cond.key == "subj":
            subj = grammatical_subject(token)
            if subj is None and is_passive(token):
                subj = passive_agent(token)  # "Chile was congratulated by Peru": the doer
            if subj is None:
                return False
            if PLURAL_VALUE in cond.values and (subj.tag_ in ("NNS", "NNPS") or lemma(subj) in self.quantity):
                return True
            # "aid trucks entered": a compound in front of the subject head counts too
            if {lemma(subj), *(lemma(c) for c in subj.children if c.dep_ == "compound")} & cond.values:
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

    def possibility_only(self, token: Token) -> bool:
        """ "no evidence to support the claims", "the right to protest": a to-clause that says
        what a modal noun (evidence, right, power, chance) makes possible reports no event."""
        return token.dep_ == "acl" and to_clause(token) and lemma(token.head) in self.data.cue("modal_nouns")

    def find_candidates(self, sent: Span) -> dict[int, Candidate]:
        found: dict[int, Candidate] = {}
        sports: bool | None = None
        for token in sent:
            if token.pos_ == "VERB" and self.possibility_only(token):
                continue
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
