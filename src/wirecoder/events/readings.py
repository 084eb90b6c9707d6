"""Step 2, readings: which trigger governs which ("refused [to meet]"), what a trigger reads
as given its complement, and the verb (anchor) whose modality and time the event takes.

API: :meth:`Readings.resolve_governance` (mutates the candidates), :meth:`Readings.anchor_of`.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.events.candidates import GOVERNING_FLAGS, Candidate, CandidateFinder
from wirecoder.events.parties import merge
from wirecoder.events.syntax import (
    COMPLEMENT_DEPS,
    OBJECT_DEPS,
    conjuncts,
    direct_object,
    is_passive,
    lemma,
    passive_agent,
    prep_objects,
)


class Readings(CandidateFinder):
    """Settles governance and the reading of each candidate."""

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
            # "provide 500 million euros [in aid]", "a package [of aid]": the nominal names the object
            out.extend(pobj for _, pobj in prep_objects(obj, frozenset({"in", "of"})))
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
        self.release_unaccused(cands)

    def release_unaccused(self, cands: dict[int, Candidate]) -> None:
        """ "alleged that Navalny was poisoned": an allegation whose act has no doer accuses no
        one; the act itself is what is reported (its status comes from the reporting verb)."""
        for cand in cands.values():
            inner = cand.embedded
            if (cand.type, cand.mode) != ("ACCUSE", "allege") or inner is None or inner.type is None or inner.is_noun:
                continue
            if is_passive(inner.token) and passive_agent(inner.token) is None:
                inner.absorbed = False
                cand.absorbed = True

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

    def cancelled(self, cand: Candidate) -> bool:
        """ "postponed the summit", "thwarted an attack": the event did not (yet) take place."""
        if not cand.is_noun:
            return False
        gov = self.noun_governor(cand.token)
        if gov is None and cand.token.dep_ == "nsubjpass":
            gov = cand.token.head  # "the visit ... was postponed"
        return gov is not None and self.word(gov) in self.data.cue("cancelling_verbs")
