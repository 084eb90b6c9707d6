"""Nominal cues: a noun of saying or holding with its content clause.

* "his claim that the vote was rigged", "a warning from the ministry that the storm would
  hit": the noun's ``that`` clause is the content; "her plan to raise taxes", "his vow to
  appeal": the noun's infinitive is;
* "the party's position is that the tax must go", "the view of the ministry is that ...":
  the noun is the subject of "be" and the clause after it is the content.

The speaker is the noun's possessor ("his", "the party's"), its "of"/"by"/"from" phrase, or
the subject of the verb the noun is the object of ("The ministry issued a warning that ...").
A noun with no speaker ("the claim that vaccines cause autism is false") is no attribution.
"""

from __future__ import annotations

from spacy.tokens import Token

_SOURCE_PREPS = frozenset({"of", "by", "from"})
_SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON"})
# What a content clause has after its verb that a relative clause ("the claim that he made")
# lacks: the relative clause's object is the noun itself.
_CLAUSE_TAIL_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "prep", "advmod", "oprd", "npadvmod"})


def nominal_content(noun: Token) -> tuple[Token, tuple[int, int]] | None:
    """(clause root, token range) of the noun's content clause, or None."""
    for child in noun.rights:
        if child.dep_ in ("acl", "ccomp") and _content_clause(child, after_noun=True):
            return child, (child.left_edge.i, child.right_edge.i + 1)
        if child.dep_ == "acl" and child.i == noun.i + 2 and noun.doc[noun.i + 1].lower_ == "to":
            return child, (child.left_edge.i, child.right_edge.i + 1)  # "his plan to cut taxes"
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be" and head.i > noun.i:
        for child in head.rights:
            if child.dep_ in ("ccomp", "attr") and _content_clause(child, after_noun=False):
                return child, (child.left_edge.i, child.right_edge.i + 1)
    return None


def _content_clause(clause: Token, after_noun: bool) -> bool:
    if clause.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return False
    if not after_noun:
        return True  # "the position is that ...": no relative clause can stand there
    passive = any(c.dep_ == "auxpass" for c in clause.children)
    return passive or any(c.dep_ in _CLAUSE_TAIL_DEPS for c in clause.rights)


def nominal_speaker(noun: Token) -> Token | None:
    """Whose claim, warning or position the noun is."""
    possessor = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in _SPEAKER_POS), None)
    if possessor is not None and possessor.pos_ != "PRON":
        return possessor
    subject = _subject_of_verb(noun)
    if possessor is not None:
        # "Trump repeated his claim": the subject names whom the pronoun stands for
        return subject if subject is not None and subject.pos_ != "PRON" else possessor
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in _SOURCE_PREPS:
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ in _SPEAKER_POS:
                    return grand
    return subject


def _subject_of_verb(noun: Token) -> Token | None:
    """The subject of the verb the noun is the object of ("The ministry issued a warning")."""
    head = noun.head
    if noun.dep_ != "dobj" or head.pos_ != "VERB":
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    return subject if subject is not None and subject.pos_ in _SPEAKER_POS else None
