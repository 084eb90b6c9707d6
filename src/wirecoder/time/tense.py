"""Which way a clause points in time: its governing verb's tense, aspect and modality.

``direction(span)`` is ``"future"`` (will travel, is expected to travel, is due, might take
place), ``"past"`` (said, has said, was held) or None (present, unknown).  Later-stage code
reuses :func:`governing_verb` to attach expressions to clauses.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from wirecoder.time.lexicon import load_cues, load_lexicon

_VERBAL = ("VERB", "AUX")
_MAX_CLIMB = 40  # dependency chains are short; the bound guards against malformed trees


def governing_verb(token: Token) -> Token | None:
    """The nearest verb (or future adjective such as "due") at or above ``token``."""
    future_adjectives = load_cues()["future_adjectives"]
    current = token
    for _ in range(_MAX_CLIMB):
        if current.pos_ in _VERBAL and current.dep_ not in ("amod", "compound"):
            return current
        if current.pos_ == "ADJ" and current.lemma_.lower() in future_adjectives:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def direction(span: Span, text: str) -> str | None:
    """The clause's direction; a cue right before the expression ("as soon as", "since") wins.
    ``text`` is ``span.doc.text`` (passed in: building it is linear in the document)."""
    cue = prefix_direction(text, span.start_char)
    if cue in ("future", "past"):
        return cue
    root = span.root
    if root.dep_ == "poss" or (span.end < len(span.doc) and span.doc[span.end].tag_ == "POS"):
        return None  # "Wednesday's ruling" names an event already known: no tense to follow
    if root.dep_ == "compound" and cue == "deadline":
        cue = None  # "by the Tuesday deadline": "by" governs the noun, the clause's tense decides
    verb = governing_verb(root)
    if verb is None:
        return "future" if cue == "deadline" else None
    found = verb_direction(verb, depth=0)
    if found == "past" and _plans_ahead(verb, span):
        return "future"
    if cue == "deadline" and not _is_past_perfect(verb):
        return "future"  # "has until Friday", "postponed until Tuesday" ("had not ... until" is past)
    return found


@lru_cache(maxsize=1)
def _prefix_patterns() -> dict[str, re.Pattern[str]]:
    cues = load_cues()

    def compile_(words: frozenset[str]) -> re.Pattern[str]:
        alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))
        return re.compile(rf"\b(?:{alternation})\s+(?:the\s+)?$", re.IGNORECASE)

    return {
        "future": compile_(cues["future_prefixes"]),
        "past": compile_(cues["past_prefixes"]),
        "deadline": compile_(cues["deadline_prefixes"]),
    }


def prefix_direction(text: str, start: int) -> str | None:
    """The direction a cue right before the expression gives: "future" or "past" for a strong one
    ("as soon as", "since"), "deadline" for until/by."""
    before = text[max(0, start - 24) : start]
    for name, pattern in _prefix_patterns().items():
        if pattern.search(before):
            return name
    return None


def _plans_ahead(verb: Token, span: Span) -> bool:
    """A plan made in the past for a day named after the verb: "protesters planned a rally on
    Saturday", "the board scheduled a vote for Tuesday" (news reports the plan while the planned
    event is still ahead; once held, the event itself would be reported).  "On Saturday they
    planned ..." dates the planning, and "had planned" a plan overtaken by events."""
    lemma = verb.lemma_.lower()
    return (
        verb.tag_ == "VBD"
        and any(t.lower_ in load_lexicon().weekdays for t in span)  # a weekday: within the week either way
        and lemma in load_cues()["plan_verbs"]
        and lemma != "set"
        and span.root.i > verb.i
        and not _aux_children(verb)
    )


def _is_past_perfect(verb: Token) -> bool:
    return any(a.lower_ in ("had", "'d") for a in _aux_children(verb))


def _aux_children(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def verb_direction(verb: Token, depth: int) -> str | None:
    cues = load_cues()
    lemma = verb.lemma_.lower()
    if verb.pos_ == "ADJ":
        return "future" if lemma in cues["future_adjectives"] else None
    auxes = _aux_children(verb)
    words = {a.lower_ for a in auxes}
    perfect = any(a.lemma_.lower() == "have" for a in auxes)
    if words & cues["future_aux"]:
        return "past" if perfect and "would" in words else "future"
    if _is_past_perfect(verb):
        return "past"  # "the talks had been scheduled for Friday": a plan made before a past time
    if lemma in cues["plan_verbs"] and lemma != "set" and verb.tag_ != "VBD":
        return "future"  # "plans a rally on Saturday", "has scheduled a news conference Thursday"
    if words & cues["conditional_aux"]:
        return "past" if perfect else None  # "could be located Wednesday" is as likely past as future
    if perfect:
        return "past"
    if "to" in words and verb.tag_ == "VB":
        return _infinitive_direction(verb, depth)
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "is meeting Friday": the progressive of plans
    if verb.tag_ in ("VBZ", "VBP") and not auxes:
        if lemma in cues["reporting_verbs"]:
            return None
        if lemma in cues["stative_verbs"]:
            return "future" if _names_a_schedule(verb) else None
        return "future"  # "the summit begins Friday": the present of schedules
    if verb.tag_ == "VBN" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return None if lemma not in cues["future_governors"] else "future"
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl", "relcl"):
        return "past"  # "the terms, announced Friday": a passive participle reports a done event
    if verb.tag_ == "VBG" and not auxes and verb.dep_ in ("acl", "advcl", "relcl", "xcomp") and depth < 3:
        # an active participle ("flights departing Thursday") takes the time of its clause
        governor = governing_verb(verb.head) if verb.head.i != verb.i else None
        if governor is not None and governor.i != verb.i:
            return verb_direction(governor, depth + 1)
    return None


def _names_a_schedule(verb: Token) -> bool:
    """A present "be" or "have" that states an arrangement, not a state: "the vote is (on) Sunday",
    "the vote is to take place Sunday", "there is a meeting on Monday", "we have a meeting on
    Monday"; "the shares are worth less" (a predicate adjective) is a state."""
    lemma = verb.lemma_.lower()
    deps = {c.dep_ for c in verb.children}
    if lemma == "have":
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children)
    if lemma != "be" or "acomp" in deps:
        return False
    infinitive = any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children)
    # "the vote is Sunday", "the deadline is midnight Sunday": the predicate names the time
    return infinitive or bool(deps & {"expl", "prep", "attr", "npadvmod"})


def _infinitive_direction(verb: Token, depth: int) -> str | None:
    """An infinitive ("to travel") looks forward under expect/plan/schedule..., else follows its governor."""
    cues = load_cues()
    head = verb.head
    if head.i == verb.i or depth > 3:
        return "future"  # a headline infinitive: "Talks to resume Friday"
    if head.lemma_.lower() in cues["future_governors"] or head.pos_ in ("NOUN", "PROPN"):
        # "expected to travel", "an agreement to buy": ahead of the governing event, unless the
        # expectation itself lies in the past of the past ("the offer had been due to expire Friday")
        holder = head if head.pos_ in _VERBAL or head.head.i == head.i else head.head
        return "past" if _is_past_perfect(holder) else "future"
    governor = governing_verb(head) if head.pos_ not in _VERBAL else head
    if governor is None:
        return "future"  # "Talks to resume Monday": an infinitive under a bare noun
    if governor.i == verb.i:
        return None
    return verb_direction(governor, depth + 1)
