"""Step 3, arguments of nominal events: "sanctions imposed on X", "the talks between X and Y",
"Pyongyang's launch", "his arrest", "clashes erupted between X and Y".

Used through :meth:`wirecoder.events.arguments.Arguments.parties`; the helpers it calls
(``np_actors``, ``prep_actors``, ``fallback_target`` ...) live in :mod:`~wirecoder.events.arguments`.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.events import places
from wirecoder.events.candidates import Candidate
from wirecoder.events.lexicon import TypeInfo
from wirecoder.events.parties import actor_of_np, actors_of, implied, merge
from wirecoder.events.readings import Readings
from wirecoder.events.syntax import (
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    VERB_POS,
    first_child,
    grammatical_subject,
    passive_agent,
    prep_objects,
)

RECIPROCAL_PREPS = frozenset({"with", "between", "among", "amongst"})


class NominalArguments(Readings):
    """Source and target of an event named by a noun."""

    def participle_actors(self, token: Token, preps: frozenset[str]) -> list[str]:
        """ "sanctions [imposed on Venezuela]", "strikes [aimed at X]": the target named in a
        participle clause on the nominal."""
        found: list[str] = []
        for clause in token.children:
            if clause.dep_ == "acl" and clause.tag_ == "VBN":
                found = merge(found, self.prep_actors(clause, preps - {"by"}, deep=False))
                agent = passive_agent(clause)
                if agent is not None:  # "imposed by the EU on Russia": the parser hangs "on" on the agent
                    found = merge(found, self.prep_actors(agent, preps - {"by", "of"}, deep=False))
        return found

    def participle_agent(self, token: Token) -> list[str]:
        """ "a lawsuit [filed by Texas]", "an attack [carried out by rebels]", "the sanctions
        [imposed by the EU]": the by-agent of a past participle on the noun is its doer."""
        found: list[str] = []
        for clause in token.children:
            if clause.dep_ == "acl" and clause.tag_ == "VBN":
                found = merge(found, self.np_actors(passive_agent(clause)))
        return found

    def plural_owner(self, token: Token, source: list[str]) -> list[str]:
        """ "Turkey and Greece expressed their willingness": a plural possessive pronoun refers
        to the whole subject of its clause when that subject includes the pronoun's referent."""
        poss = first_child(token, frozenset({"poss"}))
        verb = self.noun_governor(token)
        if poss is None or poss.lower_ != "their" or verb is None:
            return source
        head = grammatical_subject(verb)
        subject = self.np_actors(head)
        # "the leaders of the two countries ... their": the referent may be the head noun's own actor
        named = set(subject) | set(actors_of(self.doc, head, self.group_nouns))
        return subject if len(subject) > 1 and set(source) <= named else source

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
            if not target:  # "the invasion of South Lebanon": a place undergoing the event is its country
                target = self.places_of(of_objects)
        else:  # "the withdrawal of forces from Panama": the PP may hang on the "of" object
            for obj in of_objects:
                target = merge(target, self.prep_actors(obj, preps - {"of"}, deep=False))
        if not target:
            target = self.participle_actors(token, preps | {"at"})
        light = self.light_governor(token)
        if light is not None and not target:  # "gave a warm welcome to X", "issued a reminder to X"
            target = self.prep_actors(light, preps | {"to"}, deep=False)
        occurring = self.occurrence_verb(cand)
        if occurring is not None:  # "clashes erupted between X and Y": the verb's phrases are the event's
            if cand.has("recip"):
                source = merge(source, self.party_actors(occurring))
            elif not target:
                target = self.prep_actors(occurring, preps, deep=False)
        if not target:
            target = self.fallback_target(cand, source)
        return source, target

    def occurrence_verb(self, cand: Candidate) -> Token | None:
        """The verb a nominal event is the subject of when that verb only says it happens
        ("talks began", "protests broke out", "clashes erupted")."""
        token = cand.token
        if token.dep_ in ("nsubj", "nsubjpass") and self.word(token.head) in self.data.cue("event_verbs"):
            return token.head
        return None

    def noun_source(self, cand: Candidate, info: TypeInfo) -> list[str]:
        token = cand.token
        source: list[str] = []
        if not self.possessor_is_target(cand):
            own = actor_of_np(self.doc, token, self.group_nouns)  # "Pyongyang's launch", "US attacks"
            if own:
                source.append(own)
            source = self.plural_owner(token, source)
        source = merge(source, self.prep_actors(token, frozenset({"by"}), deep=False))
        if not source:  # "the attack on the embassy by militants": the by-phrase often hangs one PP down
            for _, pobj in prep_objects(token, frozenset({"on", "against"})):
                # only on a named party or place ("the attack on the embassy by X"); "protests
                # against violations by X" is about X's own deed
                if self.np_actors(pobj):
                    source = merge(source, self.prep_actors(pobj, frozenset({"by"}), deep=False))
        if not source:
            source = self.participle_agent(token)
        if not source:
            source = self.misattached_agent(token)
        if info.of_role == "source":
            source = merge(source, self.prep_actors(token, frozenset({"of"}), deep=False))
        if cand.has("recip"):
            source = merge(source, self.party_actors(token))
            verb = self.clause_verb_outside_subject(token)
            if verb is not None and any(w == "with" for w, _ in prep_objects(token, RECIPROCAL_PREPS)):
                # "arrived (on a flight) for meetings with Pompeo": the one who arrived is the other party
                source = merge(self.np_actors(self._agent_or_subject(verb)), source)
        return source

    def places_of(self, objects: list[Token]) -> list[str]:
        found: list[str] = []
        for obj in objects:
            span = places.entity_span(self.doc, obj)
            if span is None or span.label_ not in ("GPE", "LOC"):
                continue
            located = places.location_of(self.doc, span)
            country = located.country if located is not None else None
            if country and len(country) == 3 and country.isalpha():
                found = merge(found, [implied(country)])
        return found

    def misattached_agent(self, token: Token) -> list[str]:
        """ "condemned the attack on Israel by Hamas": the parser hangs the by-phrase on the
        active verb, which cannot take an agent; it is the nominal object's doer."""
        verb = token.head
        if token.dep_ != "dobj" or verb.pos_ not in VERB_POS or first_child(verb, PASSIVE_SUBJECT_DEPS) is not None:
            return []
        if any(c.dep_ == "auxpass" for c in verb.children):
            return []
        return self.prep_actors(verb, frozenset({"by"}), deep=False)

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
