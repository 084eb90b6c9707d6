"""How the other stages ask the zones stage about a stretch of text.

* :func:`excluded` / :func:`excluded_tokens`: is this stretch in a byline, credit or furniture
  (where no actor, quote or event may come from)?
* :func:`mention_excluded`: the same for a name, which a dateline may hold only as a place;
* :func:`zone_at`: the kind of zone at a character offset;
* :func:`dates_article`: is this stretch in a zone that dates the article (a dateline, a date
  stamp, a byline or a feed line), for the DCT;
* :func:`keep_actor_mentions`: the actors stage's output without mentions in excluded zones
  (a surname or pronoun that coreference found in a "Read more" link);
* :func:`keep` / :func:`keep_events`: a stage's items without the excluded ones, and without
  those of a headline, standfirst or caption that only restate an item of the body.

Lookups bisect over the zones (cached per document), so a stage can ask for every item.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Callable, Hashable, Iterable
from typing import TypeVar

from spacy.tokens import Doc

from wirecoder.actors.api import MentionRef, actor_by_id
from wirecoder.model import Actor, Event, Zone
from wirecoder.zones.find import EXCLUDED_KINDS

T = TypeVar("T")

#: Zones whose items may repeat the body's: the repeat is dropped, the body's item kept.
RESTATING_KINDS = frozenset({"headline", "standfirst", "caption"})
#: Zones whose full dates date the article itself.
DATING_KINDS = frozenset({"dateline", "byline", "credit"})
_CACHE_KEY = "zones_api_index"
_WORDS = re.compile(r"\w+")
_NO_ACTOR = Actor(id="", name="", kind="group")


def zones_of(doc: Doc) -> list[Zone]:
    return doc._.zones or []


def _index(doc: Doc) -> tuple[list[Zone], list[int]]:
    zones = zones_of(doc)
    state = doc._.wc_state
    cached = state.get(_CACHE_KEY) if state is not None else None
    if cached is None or cached[0] is not zones:
        cached = (zones, [z.start for z in zones])
        if state is not None:
            state[_CACHE_KEY] = cached
    return cached


def zone_at(doc: Doc, i: int) -> str | None:
    """Kind of the zone holding character ``i`` (None between zones, or with no zones)."""
    zones, starts = _index(doc)
    k = bisect.bisect_right(starts, i) - 1
    if k >= 0 and zones[k].start <= i < zones[k].end:
        return zones[k].kind
    return None


def excluded(doc: Doc, start: int, end: int) -> bool:
    """Does ``[start, end)`` begin or end in a byline, credit or furniture zone?

    Both ends are asked, so a name the tagger ran across a zone edge ("Camera Icon Opposition
    leader") goes, while a quotation that merely spans a furniture line between its paragraphs
    stays.
    """
    if not zones_of(doc):
        return False
    return zone_at(doc, start) in EXCLUDED_KINDS or zone_at(doc, max(start, end - 1)) in EXCLUDED_KINDS


def excluded_tokens(doc: Doc, start: int, end: int) -> bool:
    """:func:`excluded` for the tokens ``doc[start:end]``."""
    if not zones_of(doc) or start >= end:
        return False
    last = doc[end - 1]
    return excluded(doc, doc[start].idx, last.idx + len(last.text))


def mention_excluded(doc: Doc, start: int, end: int, etype: str) -> bool:
    """For the actors stage, tokens ``doc[start:end]`` of a name of type ``etype``: excluded, or
    in a dateline and not a place (a dateline names a place and a date; "GMT" in a date stamp
    or an agency is no actor)."""
    if not zones_of(doc) or start >= end:
        return False
    if excluded_tokens(doc, start, end):
        return True
    return etype != "place" and zone_at(doc, doc[start].idx) == "dateline"


def dates_article(doc: Doc, start: int, end: int) -> bool:
    return zone_at(doc, start) in DATING_KINDS


def _restates(key: object, body_keys: list) -> bool:
    if isinstance(key, str):
        return any(key in other for other in body_keys)
    if isinstance(key, frozenset):
        return any(key <= other for other in body_keys)
    return key in body_keys


def normalise(text: str) -> str:
    """Words only, in lower case, so marks and spacing do not hide a repeat."""
    return " ".join(_WORDS.findall(text.lower()))


def keep(
    doc: Doc,
    items: Iterable[T],
    span: Callable[[T], tuple[int, int]],
    key: Callable[[T], Hashable] | None = None,
) -> list[T]:
    """``items`` without those in excluded zones, nor restating ones (``key`` given).

    An item of a headline, standfirst or caption restates the body when its key is one of a
    body item's: a string key (a quotation's text) contained in a body item's, a frozenset
    (an event's type and parties) a subset of one, any other key equal.
    """
    items = list(items)
    if not zones_of(doc):
        return items
    kept = [item for item in items if not excluded(doc, *span(item))]
    if key is None:
        return kept

    def prepared(item: T) -> Hashable:
        k = key(item)
        return normalise(k) if isinstance(k, str) else k

    restating = [zone_at(doc, span(item)[0]) in RESTATING_KINDS for item in kept]
    body_keys = [prepared(item) for item, r in zip(kept, restating, strict=True) if not r]
    return [item for item, r in zip(kept, restating, strict=True) if not r or not _restates(prepared(item), body_keys)]


def event_key(doc: Doc, event: Event) -> frozenset[str]:
    """The type and the parties' names (two mentions of "rebels" can be two group actors)."""
    names = {(actor_by_id(doc, i) or _NO_ACTOR).name.lower() or i for i in (*event.source, *event.target)}
    return frozenset({event.type, *names})


def keep_events(doc: Doc, events: list[Event]) -> list[Event]:
    """:func:`keep` for events (by trigger; key: type and parties), renumbered e1, e2, ..."""
    kept = keep(doc, events, lambda e: (e.trigger.start, e.trigger.end), lambda e: event_key(doc, e))
    if len(kept) != len(events):
        for n, event in enumerate(kept, start=1):
            event.id = f"e{n}"
    return kept


def keep_actor_mentions(doc: Doc, actors: list[Actor], refs: list[MentionRef]) -> tuple[list[Actor], list[MentionRef]]:
    """Actors and mention refs without the mentions in excluded zones.

    An actor left with no mention goes (ids renumbered, refs follow); one that never had a
    mention (implied by a place) stays.
    """
    if not any(z.kind in EXCLUDED_KINDS for z in zones_of(doc)):
        return actors, refs
    refs = [r for r in refs if not excluded(doc, r.start, r.end)]
    kept: list[Actor] = []
    for actor in actors:
        mentions = [m for m in actor.mentions if not excluded(doc, m.start, m.end)]
        if mentions or not actor.mentions:
            actor.mentions = mentions
            kept.append(actor)
    if len(kept) != len(actors):
        ids = {a.id: f"a{n}" for n, a in enumerate(kept, start=1)}
        for actor in kept:
            actor.id = ids[actor.id]
        refs = [dataclasses.replace(r, actor_id=ids[r.actor_id]) for r in refs if r.actor_id in ids]
    return kept, refs
