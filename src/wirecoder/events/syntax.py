"""Small, local questions about a spaCy dependency parse (ClearNLP labels, as en_core_web_*).

Each helper looks only at a token's children or a short chain of heads, so the coder stays
linear in sentence length.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "advmod", "npadvmod", "nummod", "poss"})
PREMODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "quantmod", "case", "punct"})
PARTICLE_WORDS = frozenset({"up", "out", "off", "down", "back", "over", "aside", "on", "in", "away", "for"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
#: Tags of relative pronouns ("who", "which", "that" heading a relative clause).
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
VERB_POS = frozenset({"VERB", "AUX"})


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def pos_codes(token: Token) -> tuple[str, ...]:
    """Lexicon POS codes a token can be looked up under (V, N, A)."""
    if token.pos_ == "VERB":
        return ("V",)
    if token.pos_ == "NOUN":
        return ("N",)
    if token.pos_ == "PROPN" and not token.ent_type_:
        # Sentence-initial or headline capitals ("Talks resumed") get tagged PROPN.
        return ("N",)
    if token.pos_ == "ADJ":
        # Participles the tagger calls adjectives ("shelled", "opposed") can still be verbs.
        return ("A", "V") if token.tag_ == "VBN" else ("A",)
    return ()


def is_passive(token: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in token.children)


def to_clause(token: Token) -> bool:
    """An infinitive clause ("to demand reforms")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def first_child(token: Token, deps: frozenset[str] | set[str]) -> Token | None:
    for c in token.children:
        if c.dep_ in deps:
            return c
    return None


def conjuncts(token: Token) -> list[Token]:
    """The token and the tokens coordinated with it ("Jordan and Britain")."""
    return [token, *token.conjuncts]


def prep_objects(token: Token, preps: frozenset[str] | set[str] | None = None) -> Iterator[tuple[str, Token]]:
    """(preposition lemma, its object) for prepositions attached to ``token``.

    The passive agent ("by X") comes through as ("by", X).  Complex prepositions like
    "in response to" are not followed.
    """
    for c in token.children:
        if c.dep_ not in ("prep", "agent", "dative"):
            continue
        word = lemma(c)
        if c.dep_ == "dative" and c.pos_ in NOUN_POS | {"PRON"}:
            if preps is None or "to" in preps:
                yield "to", c
            continue
        if preps is not None and word not in preps:
            continue
        for obj in c.children:
            if obj.dep_ in ("pobj", "pcomp"):
                yield word, obj


def particles(token: Token) -> set[str]:
    """Verb particles ("blow up", "cut off"), including ones parsed as adverbs or prepositions
    without an object."""
    found = set()
    for c in token.children:
        if c.dep_ == "prt" or (c.dep_ in ("advmod", "prep") and c.lower_ in PARTICLE_WORDS and not list(c.children)):
            found.add(c.lower_)
        elif c.dep_ in ("advmod", "prep") and c.lower_ == "out" and any(g.lower_ == "of" for g in c.children):
            found.add("out")  # "forced the agency out of the country"
    return found


def direct_object(token: Token, quantity_nouns: frozenset[str]) -> Token | None:
    """The thing acted on: the direct object, or the passive subject of a passive verb.

    Quantity heads are looked through: in "imposed a new set of sanctions" the object is
    "sanctions".  A noun trigger's object is the object of its "of" ("launch of a missile").
    """
    obj: Token | None
    if token.pos_ in NOUN_POS:
        obj = next((o for p, o in prep_objects(token, frozenset({"of"}))), None)
    else:
        obj = first_child(token, OBJECT_DEPS)
        if obj is None and is_passive(token):
            obj = first_child(token, PASSIVE_SUBJECT_DEPS)
        if obj is None:
            obj = shifted_object(token) or raised_object(token)
    if obj is not None:
        obj = antecedent(obj)
    if obj is not None and lemma(obj) in quantity_nouns:
        inner = next((o for p, o in prep_objects(obj, frozenset({"of"}))), None)
        if inner is not None:
            return inner
    return obj


def antecedent(token: Token) -> Token:
    """The noun a relative pronoun stands for: in "the measures, which the government dropped"
    the object of "dropped" is "measures"; in "the court, which rejected ..." the subject of
    "rejected" is "court".  Any other token is returned as it is."""
    if token.tag_ not in RELATIVE_TAGS:
        return token
    clause = token.head
    if clause.dep_ == "relcl" and clause.head.pos_ in NOUN_POS | {"PRON"}:
        return clause.head
    return token


def subjunctive(clause: Token) -> bool:
    """A that-clause in the bare (mandative) form: "insisted [that Uganda withdraw]", as against
    "insisted [that the vote was fair]"."""
    return (
        clause.tag_ == "VB"
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
        and any(c.dep_ in SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS for c in clause.children)
    )


def secondary_predicates(token: Token) -> list[Token]:
    """What a verb says its object is or becomes: "called the sanctions [absurd]", "selected
    Biden [as his running mate]", "tapped Jones [to be its nominee]"."""
    out = [c for c in token.children if c.dep_ in ("oprd", "acomp")]
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "as":  # "as illegal" may come as an amod of "as"
            out.extend(o for o in c.children if o.dep_ in ("pobj", "amod", "acomp"))
        elif c.dep_ in ("xcomp", "ccomp") and lemma(c) == "be" and to_clause(c):
            out.extend(o for o in c.children if o.dep_ in ("attr", "acomp"))
    return out


def raised_object(token: Token) -> Token | None:
    """The object of "allowed X to participate" / "urged X to leave" when the parser makes X the
    subject of the to-clause."""
    for c in token.children:
        if c.dep_ == "ccomp" and to_clause(c):
            subj = first_child(c, SUBJECT_DEPS)
            if subj is not None:
                return subj
    return None


def shifted_object(token: Token) -> Token | None:
    """The object of "denounced as an ugly crime Serbia's suppression of ...": a heavy object
    moved after the "as" phrase is parsed as an apposition of the "as" object."""
    objects = [pobj for _, pobj in prep_objects(token, frozenset({"as"}))]
    if len(objects) > 1:
        return objects[-1]  # or as a second object of "as"
    for pobj in objects:
        for c in pobj.children:
            if c.dep_ == "appos":
                return c
    return None


def modifiers(token: Token) -> Iterator[Token]:
    """Modifiers of a trigger, and for a noun also those of its "of" object: in "the deployment
    of peacekeeping troops" and "the test launch of a missile" both describe the event."""
    heads = [token]
    if token.pos_ in NOUN_POS:
        heads.extend(o for _, o in prep_objects(token, frozenset({"of"})))
    for head in heads:
        for c in head.children:
            if c.dep_ in MODIFIER_DEPS:
                yield c
                # "nuclear weapons test": the compound's own modifiers describe the trigger too.
                for g in c.children:
                    if g.dep_ in ("compound", "amod"):
                        yield g


def grammatical_subject(token: Token) -> Token | None:
    """The active subject of a verb-like trigger, following control and coordination.

    "X refused to meet Y": the subject of "meet" is X; "urged X to withdraw": it is X (the
    object of the governing verb); in "demonstrators protesting ..." it is the noun modified.
    """
    current = token
    for _ in range(4):  # control chains are short; bound the climb
        subj = first_child(current, SUBJECT_DEPS)
        if subj is not None:
            return antecedent(subj)
        if first_child(current, PASSIVE_SUBJECT_DEPS) is not None:
            return None  # passive with no agent known here
        dep = current.dep_
        head = current.head
        if head == current:
            return None
        if dep == "xcomp":
            obj = first_child(head, OBJECT_DEPS)
            if obj is not None:
                return obj
            raised = first_child(head, PASSIVE_SUBJECT_DEPS)
            if raised is not None:
                return raised  # "X is expected to travel": X travels
            current = head
        elif dep == "conj" and head.pos_ in VERB_POS | {"ADJ"}:
            # "has been indicted ... and will resign": coordinated verbs share the subject,
            # even when the first verb is passive.
            shared = first_child(head, SUBJECT_DEPS | PASSIVE_SUBJECT_DEPS)
            if shared is not None:
                return shared
            current = head
        elif dep == "advcl" and head.pos_ in VERB_POS | {"ADJ"}:
            current = head
        elif dep in ("acl", "relcl") and head.pos_ in NOUN_POS | {"PRON"}:
            return head
        elif dep == "acomp":
            current = head
        elif dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in VERB_POS:
            current = head.head  # "resorted to throwing stones": the subject of "resorted"
        else:
            return None
    return None


def passive_agent(token: Token) -> Token | None:
    for word, obj in prep_objects(token, frozenset({"by"})):
        if word == "by":
            return obj
    return None


def clause_head(token: Token) -> Token:
    """The verb whose clause contains the token (the token itself when it is a verb)."""
    current = token
    for _ in range(12):
        if current.pos_ in VERB_POS or current.head == current:
            return current
        current = current.head
    return current


def ancestors_within(token: Token, limit: int = 12) -> Iterator[Token]:
    current = token
    for _ in range(limit):
        if current.head == current:
            return
        current = current.head
        yield current


def np_range(token: Token) -> tuple[int, int]:
    """Character range of a noun phrase's head and the modifiers before it."""
    start = token.idx
    for c in token.lefts:
        if c.dep_ in PREMODIFIER_DEPS:
            start = min(start, c.left_edge.idx)
    return start, token.idx + len(token.text)
