"""Step 3, arguments: source and target actor ids from the dependency structure.

API: :meth:`Arguments.parties` (candidate -> (source, target)), :meth:`Arguments.settle_parties`.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.actors.api import actor_at, actor_by_id, actor_for_token
from wirecoder.events import places, status
from wirecoder.events.candidates import GOVERNING_FLAGS, Candidate
from wirecoder.events.lexicon import TypeInfo
from wirecoder.events.nominal_arguments import RECIPROCAL_PREPS, NominalArguments
from wirecoder.events.parties import (
    actors_of,
    capital_party,
    country_known,
    implied,
    merge,
    own_country,
    pair_reference,
    resolve_implied,
)
from wirecoder.events.syntax import (
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
    passive_agent,
    prep_objects,
    to_clause,
)
from wirecoder.model import Location

#: Prepositions inside an object noun phrase that name who it concerns ("sanctions on X",
#: "calls by X", "the computers of X"); "in" is tried last, as it usually names a place.
INNER_PREPS = frozenset({"of", "by", "from", "on", "against", "to", "for", "among", "between", "with", "into", "over"})
LAST_RESORT_PREPS = frozenset({"in"})
#: PLOVER's sector code for media and journalists.
MEDIA_SECTORS = frozenset({"JRN"})
#: Event types of speech and cooperation, where a medium is the channel, never a party.
MEDIA_FREE_TYPES = frozenset({"CONSULT", "REQUEST", "AGREE", "SUPPORT", "COOPERATE", "CONCEDE", "REJECT"})


class Arguments(NominalArguments):
    """Maps the parse around a candidate to its parties."""

    def reporter_of(self, token: Token) -> list[str]:
        """Actors of the reporting verb's subject ("Iraq said it would ..."): the usual referent
        of an unresolved pronoun subject of the reported clause."""
        verb = status.reporting_verb_over(token, self.data)
        if verb is None or verb.pos_ not in VERB_POS:
            return []
        return actors_of(self.doc, grammatical_subject(verb), self.group_nouns)

    def np_actors(self, token: Token | None) -> list[str]:
        found = actors_of(self.doc, token, self.group_nouns)
        if token is None or token.pos_ != "NOUN":
            return found
        # "the leaders of the two countries", "the two countries": the pair they refer back to
        for _, obj in prep_objects(token, frozenset({"of"})):
            pair = pair_reference(self.doc, obj)
            if pair:
                return pair
        if not any(country_known(self.doc, a) for a in found):
            return pair_reference(self.doc, token) or found
        return found

    def country_known(self, actor_id: str) -> bool:
        actor = actor_by_id(self.doc, actor_id)
        return actor is not None and bool(actor.country)

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
        # "rejected a lawsuit filed by Texas": the thing's maker is who the event concerns
        return self.participle_agent(head)

    def prep_actors(
        self, token: Token, preps: frozenset[str], deep: bool = True, places_too: bool = False
    ) -> list[str]:
        """Actors of the token's prepositional objects; when an object is not an actor itself,
        the actors inside it ("for a war against Iraq"; with ``places_too`` also "fired at
        targets in Jericho")."""
        found: list[str] = []
        for word, pobj in prep_objects(token, preps):
            direct = self.np_actors(pobj) or capital_party(self.doc, word, pobj, self.place_preps)
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
        # "killed by a device in Basra": the place phrase may hang on the passive agent
        agent = passive_agent(cand.token) if not cand.is_noun and is_passive(cand.token) else None
        # "an explosion near Samarra killed two": the place phrase may hang on a weapon as doer
        subj = grammatical_subject(cand.token) if not cand.is_noun and agent is None else None
        weapon = subj if subj is not None and self.instrument(subj) else None
        return heads + [t for t in (obj, agent, weapon) if t is not None]

    def place_actor(self, tokens: list[Token]) -> list[str]:
        span = places.place_span_of(self.doc, tokens, self.place_preps)
        if span is None:
            return []
        found = actor_at(self.doc, span.start_char, span.end_char)
        return [found] if found else []

    def agentless(self, cand: Candidate) -> bool:
        """No doer is named: a passive without agent, or a weapon as the doer ("killed by an
        explosive device", "a car bomb killed five")."""
        token = cand.token
        if cand.is_noun or cand.pos == "A":
            return False
        doer = passive_agent(token) if is_passive(token) else grammatical_subject(token)
        if doer is None:
            return is_passive(token)
        return self.instrument(doer)

    def implied_place_country(self, tokens: list[Token]) -> list[str]:
        """The country of the first locative phrase whose country is known ("at Freedom Plaza in
        Washington": the plaza's is not, the city's is)."""
        for span in places.place_spans_of(self.doc, tokens, self.place_preps):
            location = places.location_of(self.doc, span)
            country = location.country if location is not None else None
            if country and len(country) == 3 and country.isalpha():
                return [implied(country)]
        return []

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

    def instrument(self, token: Token) -> bool:
        """A weapon or an attack named as the doer ("the explosion killed", "shelling wounded")."""
        cues = {cue for cue, _ in self.data.mode_cues.get("ASSAULT", [])}
        word = self.word(token)
        if word in cues or any(e.type == "ASSAULT" for e in self.data.entries(word, "N")):
            return True
        # "an explosive device", "a roadside bomb": the modifier names the weapon
        return any(c.dep_ in ("amod", "compound") and self.word(c) in cues for c in token.children)

    def instrument_user(self, weapon: Token) -> list[str]:
        """Who used a weapon named as the doer: "a bomb [planted by militants]", "the
        militants' bomb", "a missile fired by Russia"."""
        found = self.np_actors(first_child(weapon, frozenset({"poss"})))
        for clause in weapon.children:
            if clause.dep_ == "acl" and not found:
                found = self.np_actors(passive_agent(clause)) or self.prep_actors(clause, frozenset({"by"}), deep=False)
        return found

    def subject_side(self, cand: Candidate) -> list[str]:
        if cand.source_from is not None:
            return self.np_actors(self._agent_or_subject(cand.source_from))
        token = cand.token
        stative = cand.pos == "A" or (cand.has("stative") and passive_agent(token) is None)
        subj = self._agent_or_subject(token, adjective=stative)
        found = self.np_actors(subj)
        if not found and subj is not None and self.instrument(subj):
            found = self.instrument_user(subj)  # "killed by a bomb planted by militants"
        if not found and subj is not None and token.dep_ == "acl" and subj == token.head and not is_passive(token):
            found = self.maker_of(subj)  # "experts signed a letter urging X": the letter's signers
        passive_without_agent = not stative and is_passive(token) and subj is None
        if not found and not passive_without_agent and subj is not None and subj.pos_ == "PRON":
            found = self.reporter_of(token)  # "Iraq said it would ...": the unresolved "it"
        return found

    def maker_of(self, thing: Token) -> list[str]:
        """Who stands behind a thing that acts in a participle ("a letter urging X", "a
        statement calling for Y", "a convoy carrying aid"): its possessor ("the ministry's
        statement"), else the subject of the verb it is the object of ("signed a letter")."""
        found = self.np_actors(first_child(thing, frozenset({"poss"})))
        if not found and thing.dep_ in OBJECT_DEPS and thing.head.pos_ in VERB_POS:
            found = self.np_actors(grammatical_subject(thing.head))
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
            elif self.np_actors(obj) and obj.pos_ == "PROPN":  # "aid convoys entered Gaza": the recipient
                target = merge(target, self.np_actors(obj))
            else:  # "provided aid for X", "sent troops to X": the object is what is sent
                target = merge(target, self.inner_actors(obj, info.target_preps, places_too=False))
        authors = self.authors_of_condemned(cand, obj)
        if authors is not None:
            target = [a for a in authors if a not in source]
        preps = info.target_preps - RECIPROCAL_PREPS if cand.has("recip") else info.target_preps
        target = merge(target, self.prep_actors(token, preps, places_too=info.place_role in ("target", "both")))
        if cand.has("recip"):
            source = merge(source, self.party_actors(token))
        if cand.mode == "visit" and not target:
            # "arrived in Kyiv for a visit": the host is the place's actor, else its country
            target = self.place_actor([token]) or self.implied_place_country([token])
        if not target:
            target = self.fallback_target(cand, source)
        return source, target

    def authors_of_condemned(self, cand: Candidate, obj: Token | None) -> list[str] | None:
        """ "condemned the attack on X by Y": an accusation over a deed is aimed at its doers
        (Y), not at its victims (X); None when the object is no event with a known doer."""
        inner = cand.embedded
        if cand.type != "ACCUSE" or inner is None or obj is None or inner.token not in conjuncts(obj):
            return None
        doers = self.parties(inner)[0]
        return doers or None

    def party_actors(self, token: Token) -> list[str]:
        """Every actor named in "with X", "between X and Y", "among X, Y and Z" — for
        "between" and "among" all the actors in the phrase, as coordination is often misparsed."""
        found: list[str] = []
        for word, pobj in prep_objects(token, RECIPROCAL_PREPS):
            found = merge(found, self.np_actors(pobj) or capital_party(self.doc, word, pobj, self.place_preps))
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
            if not target and info.place_role == "target":  # "aid trucks arrived in Idlib": for Syria
                target = self.implied_place_country(where)
            place_used = bool(target)
        if info.place_role in ("source", "both") and not source and not place_used:
            # "ethnic Albanians demonstrated in Serbia" has a target already; a place that is
            # already the target ("an attack on oil sites in Saudi Arabia") is not also the doer.
            source = self.place_actor(where)
        if not source and not target and self.agentless(cand) and self.unnamed_patient(cand):
            # "seventy people were arrested in Belgrade": the unnamed people are of the place's
            # country; the doer is not named, so none is given
            target = self.implied_place_country(where)
            place_used = bool(target)
        if (
            info.place_role in ("source", "both")
            and not source
            and not place_used
            and self.agentless(cand)
            and not self.unnamed_patient(cand, groups_too=True)
        ):
            # "the opposition leader was arrested in Minsk": no doer named, the place's country
            # stands for it (the CAMEO convention for unnamed doers of domestic events); unnamed
            # people ("seventy people were arrested") get no invented doer
            source = self.implied_place_country(where)
        if info.place_role == "both" and not source and self.unnamed_crowd(cand):
            # "several thousand people rallied in Washington": people of the place's country
            source = self.implied_place_country(where)
        if info.place_role == "both" and not source and not target and cand.is_noun:
            # "protests broke out in Minsk": no party is named, the place's country stands for
            # both (the CAMEO convention for unnamed doers of domestic events)
            source = self.implied_place_country(where)
        if cand.has("swap"):
            source, target = target, source
        if cand.type in MEDIA_FREE_TYPES:
            # News media and reporters are told of talks and demands; they are not parties to
            # them ("told Reuters").  A journalist attacked or arrested is still a target.
            kept_source, kept_target = self.without_media(source), self.without_media(target)
            if cand.type == "CONSULT" and self.interview(source, target, kept_source, kept_target):
                return [], []  # "With Wikinews, X discusses ...": an interview is no consultation
            source, target = kept_source, kept_target
        if cand.has("recip"):
            return merge(source, target), []
        return source, [a for a in target if a not in source]

    @staticmethod
    def interview(source: list[str], target: list[str], kept_source: list[str], kept_target: list[str]) -> bool:
        """A consultation whose only partner was a medium: one party left talks with no one."""
        dropped = len(source) + len(target) > len(kept_source) + len(kept_target)
        return dropped and len(merge(kept_source, kept_target)) < 2

    def unnamed_patient(self, cand: Candidate, groups_too: bool = False) -> bool:
        """The passive subject is a common noun no actor stands for ("seventy people were
        arrested", "dozens were detained"); with ``groups_too``, also one that only unnamed
        civilian groups stand for (the actors stage makes counted people a group)."""
        subj = first_child(cand.token, PASSIVE_SUBJECT_DEPS)
        if subj is None or subj.pos_ not in ("NOUN", "NUM"):
            return False
        actors = self.np_actors(subj)
        if not actors:
            return True
        return groups_too and all(self.civilian_group(a) for a in actors)

    def civilian_group(self, actor_id: str) -> bool:
        """An unnamed group of ordinary people ("seventy people"), not of soldiers or police."""
        actor = actor_by_id(self.doc, actor_id)
        return actor is not None and actor.kind == "group" and actor.sector in (None, "CVL")

    def unnamed_crowd(self, cand: Candidate) -> bool:
        """The doer is a common noun no actor stands for ("thousands of people", "residents",
        "demonstrators"), not a weapon, a pronoun or an unknown name."""
        if cand.is_noun or cand.pos == "A" or is_passive(cand.token):
            return False
        subj = grammatical_subject(cand.token)
        return subj is not None and subj.pos_ == "NOUN" and not self.np_actors(subj) and not self.instrument(subj)

    def without_media(self, actors: list[str]) -> list[str]:
        kept = []
        for actor_id in actors:
            actor = actor_by_id(self.doc, actor_id)
            if actor is None or actor.sector not in MEDIA_SECTORS:
                kept.append(actor_id)
        return kept

    def settle_parties(
        self, etype: str, mode: str | None, source: list[str], target: list[str], place: Location | None
    ) -> tuple[list[str], list[str]]:
        """Turn implied countries into actors, and give a domestic event without a named
        target the country it happens in ("protested in Algiers" is aimed at Algeria)."""
        source = resolve_implied(self.doc, source, [])
        target = [a for a in resolve_implied(self.doc, target, source) if a not in source]
        if target or not source or etype not in self.data.cue("domestic_types"):
            return source, target
        country = place.country if place is not None else None
        own_types = self.data.cue("own_country_types")
        if country is None and (etype in own_types or f"{etype}/{mode}" in own_types):
            country = own_country(self.doc, source)  # "Egyptian demonstrators rioted": at home
        if country is None or len(country) != 3 or not country.isalpha():
            return source, target
        return source, resolve_implied(self.doc, [implied(country)], source)
