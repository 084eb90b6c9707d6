"""Reporting frames that report nothing said: questions, negated acts, refusals.

A quote is what its speaker said, wrote or holds.  Some shapes of text look like reports but
are not (the issue's real-news errors, shown on sentences of our own in tests/quotes):

* a subject that names no one: "No group has claimed the attack", "Nobody said ...";
* a question put to the subject: "When asked whether the commission set a date, he said ..."
  and "He was asked whether ..." (the subject was asked; the question is someone else's);
* a reporter's question in a Q&A: "“Will you resign?” a reporter asked";
* an act inside such a question or a condition ("whether the commission hinted", "if he
  says ..."): it did not take place;
* a negated or refused act whose content is a question: "The minister did not say if talks
  would resume", "Police have not said what caused the blast", "declined to say whether ...":
  nothing was said.

Other negated or refused acts ("did not mention the senator", "refused to speak to
reporters", "doesn't think the plan will work") are kept, flagged ``negated``: PolNeAR and
readers count them as attributions, and a negated belief still states a view held.
"""

from __future__ import annotations

from spacy.tokens import Token

#: Verbs whose infinitive complement is an act left undone: "declined to say", "refused to comment".
UNDOING_VERBS = frozenset({"decline", "refuse", "fail", "avoid", "hesitate", "neglect"})
#: Subjects that say there is no speaker: "no one said", "none has claimed".
_NOBODY = frozenset({"nobody", "noone", "none", "neither", "nothing"})
_NO_DETERMINERS = frozenset({"no", "neither"})
_QUESTION_MARKERS = frozenset({"whether", "if", "unless"})
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})


def is_negated(verb: Token) -> bool:
    """ "did not say", "has never said", "won't confirm": a negation on the verb itself."""
    return any(c.dep_ == "neg" for c in verb.children)


def names_nobody(speaker: Token | None) -> bool:
    """The subject says no one spoke: "Nobody said", "No group has claimed"."""
    if speaker is None:
        return False
    if speaker.lower_ in _NOBODY:
        return True
    if speaker.lower_ == "one" and any(c.lower_ == "no" for c in speaker.lefts):
        return True  # "no one"
    return any(c.dep_ == "det" and c.lower_ in _NO_DETERMINERS for c in speaker.children)


def asked_of_subject(verb: Token) -> bool:
    """ "When asked whether ...", "He was asked about ...": the question was put to the subject."""
    if verb.lemma_.lower() != "ask":
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    # a bare participle clause ("When asked ..., he said") has no subject of its own
    return verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubj" for c in verb.children)


def open_question(verb: Token) -> bool:
    """The verb is inside a question or a condition: "asked whether the board had said ...",
    "if the minister says ...": an act asked about or supposed, not one that took place."""
    return any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKERS for c in verb.children)


def reporters_question(verb: Token, speaker: Token | None, questioners: frozenset[str]) -> bool:
    """ "“Will you resign?” a reporter asked": the questions of a Q&A are the reporters', not quotes."""
    return speaker is not None and verb.lemma_.lower() == "ask" and speaker.lemma_.lower() in questioners


def generic_you(speaker: Token | None) -> bool:
    """ "if you want it to be", "you know the rules": outside a quotation, "you" is anyone."""
    return speaker is not None and speaker.lower_ == "you"


def reports_nothing_said(verb: Token, speaker: Token | None, questioners: frozenset[str] = frozenset()) -> bool:
    """True when the frame of ``verb`` is no quote whatever its content."""
    return (
        names_nobody(speaker)
        or generic_you(speaker)
        or asked_of_subject(verb)
        or (verb.dep_ == "xcomp" and asked_of_subject(verb.head))  # "Asked to describe the device, ..."
        or open_question(verb)
        or reporters_question(verb, speaker, questioners)
    )


def negated_act(verb: Token) -> bool:
    """ "did not say", "declined to say", "would not say", "refused to speak"."""
    if is_negated(verb):
        return True
    head = verb.head
    if verb.dep_ == "xcomp" and head.i != verb.i:
        return head.lemma_.lower() in UNDOING_VERBS or is_negated(head)
    return verb.lemma_.lower() in UNDOING_VERBS


def asks_question(roots: tuple[Token, ...]) -> bool:
    """The content is a question: "if talks would resume", "what caused it", "to say whether ..."."""
    for root in roots:
        if _is_question(root):
            return True
        if root.dep_ == "xcomp" and any(c.dep_ == "ccomp" and _is_question(c) for c in root.children):
            return True  # "declined to say whether ..."
    return False


def _is_question(clause: Token) -> bool:
    if any(c.dep_ == "mark" and c.lower_ in _QUESTION_MARKERS for c in clause.children):
        return True
    first = clause.left_edge
    return first.tag_ in _WH_TAGS and first.lower_ != "that"


_SOMEONE = frozenset({"PERSON", "ORG", "NORP"})


def aimed_at_someone(roots: tuple[Token, ...]) -> bool:
    """The object is a person, group or organisation (or a pronoun), or a reason follows it."""
    for root in roots:
        if root.dep_ == "dobj" and (root.ent_type_ in _SOMEONE or root.pos_ == "PRON"):
            return True
        if root.dep_ == "prep" and root.lower_ in ("for", "over", "as"):
            return True
    return False
