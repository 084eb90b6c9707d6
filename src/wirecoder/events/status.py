"""Is an event asserted, negated, hypothetical, planned, or reported from someone else?

Read from the anchor of the event (the trigger verb, or the verb carrying a nominal trigger):
its negation, modal auxiliaries, the clause it sits in, and the quotes found by the quotes stage.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.events.lexicon import EventData
from wirecoder.events.syntax import ancestors_within, lemma

ASSERTED, NEGATED, HYPOTHETICAL, PLANNED, REPORTED = "asserted", "negated", "hypothetical", "planned", "reported"


@dataclass(frozen=True)
class Modality:
    """What the auxiliaries and modifiers of an anchor say."""

    negated: bool = False
    future: bool = False  # will / shall
    conditional_modal: str | None = None  # would / could / might / may
    conditional_clause: bool = False  # inside "if ..." / "unless ..."
    planned: bool = False  # "is expected to", "the planned summit"
    hypothetical_modifier: bool = False  # "a possible attack"
    desired: bool = False  # "wants him to resign", "seeks to reimpose"


def is_negated(token: Token, data: EventData) -> bool:
    negation = data.cue("negation_words")
    for c in token.children:
        if c.dep_ == "neg":
            return True
        if c.dep_ in ("det", "advmod") and c.lower_ in negation and c.lower_ != "not":
            return True  # "no talks", "never met"
        if c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" for g in c.children):
            return True  # "neither the EU nor the US would endorse"
        if c.dep_ == "dobj" and c.lower_ in data.cue("negated_objects"):
            return True  # "they have conceded nothing"
    return False


def modal_of(token: Token) -> str | None:
    for c in token.children:
        if c.dep_ == "aux" and c.tag_ == "MD":
            return lemma(c)
    return None


def _going_to(token: Token) -> bool:
    # "is going to meet": meet is the xcomp of "going", which has a "be" auxiliary.
    head = token.head
    return token.dep_ == "xcomp" and lemma(head) == "go" and head.tag_ == "VBG"


def in_conditional_clause(token: Token, data: EventData) -> bool:
    marks = data.cue("conditional_marks")
    for node in [token, *ancestors_within(token, 6)]:
        if node.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            return True
        if node.dep_ == "ROOT":
            break
    return False


#: Prepositions whose object names a happening that has taken place ("following the
#: resignation of X", "since the coup", "after the talks"): the object is presupposed, not planned.
PRESUPPOSING_PREPS = frozenset({"after", "following", "since"})


def presupposed(token: Token) -> bool:
    """A nominal event that is the object of after / following / since (the parser may take
    "following" for a participle with a direct object)."""
    return (
        token.dep_ in ("pobj", "dobj") and token.head.lower_ in PRESUPPOSING_PREPS and token.pos_ in ("NOUN", "PROPN")
    )


def _be_to(token: Token) -> bool:
    """ "X is to visit Paris": "be" with a to-infinitive states an arrangement."""
    head = token.head
    return (
        lemma(head) == "be"
        and head.pos_ == "AUX"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        and not any(c.dep_ in ("attr", "acomp") for c in head.children)
    )


def planned_governor(token: Token, data: EventData) -> bool:
    """The anchor is the to-clause of an expectation or schedule ("is expected to travel", "is
    to travel")."""
    if token.dep_ != "xcomp":
        return False
    head = token.head
    if lemma(head) in data.cue("planned_governors") or _be_to(token):
        return True
    # "is due to", "is set to": the adjective/participle governs the to-clause.
    return head.lower_ in data.cue("planned_governors")


def scheduled_subject(anchor: Token, trigger: Token, data: EventData) -> bool:
    """ "A meeting is scheduled (for June 12)", "talks are planned": a nominal event that is the
    passive subject of a planning verb in the present or future (a past "was scheduled" says
    nothing of whether it then took place)."""
    verb = trigger.head
    if trigger.dep_ != "nsubjpass" or anchor not in (trigger, verb) or lemma(verb) not in data.cue("planned_governors"):
        return False
    return not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def governed_by(token: Token, words: frozenset[str]) -> bool:
    """The token is the to-clause (or object) of one of ``words``: "failed to reach",
    "is unable to negotiate", "wants him to resign", "preferred an investigation"."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head  # "seeks to retake control and reimpose ..."
    if token.dep_ in ("xcomp", "ccomp", "dobj") and lemma(token.head) in words:
        return True
    # "was unable to": the adjective is the copula's complement
    return token.dep_ == "xcomp" and token.head.lower_ in words


def yet_to(token: Token) -> bool:
    """ "has yet to concede", "is yet to respond": the act has not happened."""
    head = token.head
    return (
        token.dep_ == "xcomp"
        and lemma(head) in ("have", "be")
        and any(c.lower_ == "yet" for c in head.children if c.dep_ == "advmod")
    )


def modality(anchor: Token, trigger: Token, data: EventData) -> Modality:
    modal = modal_of(anchor)
    # The modal of a governing verb counts for a to-clause: "would like to meet".
    if modal is None and anchor.dep_ == "xcomp":
        modal = modal_of(anchor.head)
    planned_mods = data.cue("planned_modifiers")
    hypo_mods = data.cue("hypothetical_modifiers")
    noun_mods = [lemma(c) for c in trigger.children if c.dep_ in ("amod", "compound", "advmod")]
    failed = governed_by(anchor, data.cue("failure_governors")) or yet_to(anchor)
    return Modality(
        negated=failed or is_negated(anchor, data) or (trigger != anchor and is_negated(trigger, data)),
        future=modal in data.cue("future_modals") or _going_to(anchor),
        conditional_modal=modal if modal in data.cue("conditional_modals") else None,
        conditional_clause=in_conditional_clause(anchor, data),
        planned=planned_governor(anchor, data)
        or scheduled_subject(anchor, trigger, data)
        or any(m in planned_mods and m not in hypo_mods for m in noun_mods),
        hypothetical_modifier=any(m in hypo_mods for m in noun_mods),
        desired=governed_by(anchor, data.cue("desire_governors")),
    )


def inside_quote(doc: Doc, offset: int) -> bool:
    ranges = _quote_ranges(doc)
    if not ranges:
        return False
    i = bisect.bisect_right(ranges, (offset, float("inf"))) - 1
    # Quotes may nest or overlap a little; look back over a few.
    return any(start <= offset < end for start, end in ranges[max(0, i - 3) : i + 1])


def _quote_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Sorted (start, end) of the quotes, computed once per document."""
    state = doc._.wc_state if doc._.wc_state is not None else {}
    ranges = state.get("events_quote_ranges")
    if ranges is None:
        ranges = sorted((q.start, q.end) for q in doc._.quotes or [])
        state["events_quote_ranges"] = ranges
    return ranges


def reporting_verb_over(token: Token, data: EventData) -> Token | None:
    """The reporting verb whose content clause holds ``token`` ("..., officials said")."""
    reporting = data.cue("reporting_verbs")
    current = token
    for node in ancestors_within(token, 8):
        if current.dep_ in ("ccomp", "parataxis") and lemma(node) in reporting:
            return node
        if current.dep_ == "ROOT":
            break
        current = node
    # "X did Y, officials said": the reporting verb is the root and the event its ccomp;
    # "according to X" marks a reported claim too.
    for c in token.children:
        if c.dep_ == "prep" and c.lower_ == "according":
            return c
    return None


def hearsay(trigger: Token, data: EventData) -> bool:
    """ "the alleged attack", "a suspected strike": a nominal event the text only says others
    report, so it is ``reported`` whatever its clause asserts."""
    words = data.cue("hearsay_modifiers")
    return any(c.dep_ in ("amod", "compound") and c.lower_ in words for c in trigger.children)


def status_of(mod: Modality, reported: bool, future_date: bool) -> str:
    if mod.negated:
        return NEGATED
    if mod.conditional_clause or mod.hypothetical_modifier or mod.desired or mod.conditional_modal is not None:
        return HYPOTHETICAL
    if mod.future or mod.planned or future_date:
        return PLANNED
    if reported:
        return REPORTED
    return ASSERTED
