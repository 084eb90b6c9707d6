"""How later stages (quotes, events) ask the actors stage about a stretch of text.

Later stages never re-find names in the text: they ask which actor a token or a character
range refers to, and get an ``actors[].id`` back.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.model import Actor


@dataclass(frozen=True, order=True)
class MentionRef:
    """One mention of an actor: character offsets and the actor's id.

    ``kind`` says how the mention names the actor: ``name``, ``title`` ("the president"),
    ``pronoun``, ``nominal`` ("the country") or ``metonym`` ("Pyongyang said").
    """

    start: int
    end: int
    actor_id: str
    kind: str = "name"


def _mentions(doc: Doc) -> list[MentionRef]:
    return doc._.actor_mentions or []


def actor_at(doc: Doc, start: int, end: int) -> str | None:
    """Id of the actor with a mention inside ``[start, end)``, or overlapping it.

    A mention contained in the range wins over one that merely overlaps; among equals the
    longest mention wins, then the earliest.
    """
    mentions = _mentions(doc)
    if not mentions:
        return None
    starts = [m.start for m in mentions]
    lo = bisect.bisect_left(starts, start - 200)  # mentions are short; bound the scan
    best: tuple[int, int, int] | None = None
    best_id: str | None = None
    for m in mentions[lo:]:
        if m.start >= end:
            break
        if m.end <= start:
            continue
        contained = int(m.start >= start and m.end <= end)
        key = (contained, m.end - m.start, -m.start)
        if best is None or key > best:
            best, best_id = key, m.actor_id
    return best_id


def actor_for_token(doc: Doc, token: Token) -> str | None:
    """Id of the actor that this token is part of a mention of (None when none)."""
    return actor_at(doc, token.idx, token.idx + len(token.text))


def actor_by_id(doc: Doc, actor_id: str) -> Actor | None:
    for actor in doc._.actors or []:
        if actor.id == actor_id:
            return actor
    return None
