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

    ``kind`` says how the mention names the actor: ``name``, ``title`` ("the president",
    or an apposition "a Korean expert at ..."), ``pronoun`` (also relative "which"/"who"),
    ``nominal`` ("the country"), ``metonym`` ("Pyongyang said") or ``demonym`` (a country's
    adjective on a thing: "North Korean missile tests").
    """

    start: int
    end: int
    actor_id: str
    kind: str = "name"


def _mentions(doc: Doc) -> list[MentionRef]:
    return doc._.actor_mentions or []


def _starts(doc: Doc, key: str, items: list) -> list[int]:
    """Start offsets of ``items``, cached per document so that lookups stay O(log n)."""
    state = doc._.wc_state
    if state is None:
        return [item.start for item in items]
    cached = state.get(key)
    if cached is None or cached[0] is not items or len(cached[1]) != len(items):
        cached = (items, [item.start for item in items])
        state[key] = cached
    return cached[1]


def actor_at(doc: Doc, start: int, end: int) -> str | None:
    """Id of the actor with a mention inside ``[start, end)``, or overlapping it.

    A mention contained in the range wins over one that merely overlaps; among equals the
    longest mention wins, then the earliest.
    """
    mentions = _mentions(doc)
    if not mentions:
        return None
    starts = _starts(doc, "actor_api_mention_starts", mentions)
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
    actors = doc._.actors or []
    # ids are a1, a2, ... in list order: try the direct position first
    if actor_id[1:].isdigit():
        position = int(actor_id[1:]) - 1
        if 0 <= position < len(actors) and actors[position].id == actor_id:
            return actors[position]
    for actor in actors:
        if actor.id == actor_id:
            return actor
    return None


@dataclass(frozen=True, order=True)
class PlaceRef:
    """A place named in the text: character offsets, the name as written, its country (ISO alpha-3)."""

    start: int
    end: int
    name: str
    country: str | None = None


#: Key in ``doc._.wc_state`` under which the actors stage stores ``list[PlaceRef]`` (sorted).
PLACES_KEY = "actor_places"
#: Key in ``doc._.wc_state``: country/organisation names used only as modifiers ("US" in
#: "US President"), as (start, end, type) tuples; not actors, but names for the entity evaluation.
MODIFIERS_KEY = "actor_modifiers"


def place_at(doc: Doc, start: int, end: int) -> tuple[str, str | None] | None:
    """(name, country) of a place named inside or overlapping ``[start, end)``, or None.

    Places are locations as the actors stage reads them: "in New York", "a flight from
    Beijing", datelines ("SEOUL, May 31"), and countries used as locations ("in South Korea",
    which are actors only where they act elsewhere in the text).  A capital used as its
    government ("Washington demands") is an actor, not a place.  ``country`` is None when the
    place is not in the gazetteer.  Among several places in the range the first wins.
    """
    places: list[PlaceRef] = (doc._.wc_state or {}).get(PLACES_KEY) or []
    if not places:
        return None
    lo = bisect.bisect_left(_starts(doc, "actor_api_place_starts", places), start - 200)
    for place in places[lo:]:
        if place.start >= end:
            break
        if place.end > start:
            return place.name, place.country
    return None


#: ``Actor.role`` of a country actor that no mention names: the event's place implies it.
IMPLIED_ROLE = "implied by the event's location"


def _is_state(actor: Actor, iso3: str) -> bool:
    return actor.kind == "country" and actor.country == iso3


def country_actor(doc: Doc, iso3: str, exclude: frozenset[str] | set[str] = frozenset()) -> str | None:
    """Id of the actor that stands for the country ``iso3``, created when the text names none.

    A protest in Algiers is directed at Algeria even when the sentence never says "Algeria":
    later stages ask here for that country's actor.  An existing country actor wins, the state
    itself (no sector) before its government (GOV); otherwise an implied actor without mentions
    is appended to ``doc._.actors`` with the next id.  Actors in ``exclude`` (the event's other
    side) are skipped; None when the only fitting actor is excluded, as an actor acting on
    itself is no event.
    """
    actors: list[Actor] = doc._.actors if doc._.actors is not None else []
    existing = [a for a in actors if _is_state(a, iso3) and a.sector in (None, "GOV")]
    existing.sort(key=lambda a: a.sector is not None)  # the state itself first
    for actor in existing:
        if actor.id not in exclude:
            return actor.id
    if any(a.sector is None for a in existing):
        return None
    from wirecoder.actors.gazetteer import load_gazetteer  # deferred: loaded by the actors stage anyway

    name = load_gazetteer().country_name(iso3)
    if name is None:
        return None  # not a code the gazetteer knows: no actor can be named for it
    numbers = [int(a.id[1:]) for a in actors if a.id[1:].isdigit()]
    actor = Actor(
        id=f"a{max(numbers, default=0) + 1}",
        name=name,
        kind="country",
        country=iso3,
        sector=None,
        role=IMPLIED_ROLE,
        mentions=[],
    )
    actors.append(actor)
    doc._.actors = actors
    return actor.id


# ------------------------------------------------------------------------------------------
# Institutional speakers ("the ministry said", "the statement said", "state media reported")
# ------------------------------------------------------------------------------------------

#: Key in ``doc._.wc_state``: ISO alpha-3 code of the country the article is about (its
#: dateline's, else the one its scene-setting names most often), or None.
STORY_COUNTRY_KEY = "actor_story_country"
#: ``Actor.role`` of an actor created for an institutional speaker phrase.
SPEAKER_ROLE = "institutional speaker"
_SPEAKER_DETS = ("the ", "a ", "an ", "its ", "their ", "his ", "her ")


def story_country(doc: Doc) -> str | None:
    """The country the article is about, as the actors stage read it (None when unknown)."""
    return (doc._.wc_state or {}).get(STORY_COUNTRY_KEY)


def speaker_actor(doc: Doc, start: int, end: int) -> str | None:
    """Id of the actor that a speaker phrase in ``[start, end)`` stands for.

    A named actor in the range wins (:func:`actor_at`).  Otherwise an institutional speaker
    phrase (``speakers.tsv``: "the ministry", "the foreign ministry", "state media", "police")
    becomes an actor with the country of a demonym or country in the phrase ("Iranian state
    media"), else the story's country, and the table's sector; one actor per phrase and country,
    so "the ministry said ... the ministry added" is one speaker.  A document ("the statement
    said") speaks for the organisation or government named last before it, else for the story
    country's government.  None when the phrase is no institutional speaker or no country is
    known.
    """
    found = actor_at(doc, start, end)
    found_actor = actor_by_id(doc, found) if found else None
    if found_actor is not None and not _only_a_modifier(doc, found, start, end):
        return found
    text = doc.text[start:end]
    phrase = _speaker_phrase(text)
    if phrase is None:
        return None
    from wirecoder.actors.gazetteer import load_gazetteer  # deferred: loaded by the actors stage anyway

    gaz = load_gazetteer()
    kind, sector = gaz.speakers[phrase[1]]
    country = found_actor.country if found_actor is not None else story_country(doc)
    if kind == "document":
        return _issuer_before(doc, start) or _government_of(doc, country, gaz)
    if not country:
        return None
    offset = start + phrase[0]
    return _institution_actor(doc, offset, end, sector, country)


def _only_a_modifier(doc: Doc, actor_id: str | None, start: int, end: int) -> bool:
    """The actor found in the range is only a modifier of the phrase's head ("Iranian state media",
    "Iran's foreign ministry"): its mentions there are demonyms or end before the last word."""
    mentions = [m for m in _mentions(doc) if m.actor_id == actor_id and m.start >= start and m.end <= end]
    return bool(mentions) and all(m.kind == "demonym" or m.end < end - 1 for m in mentions)


def _speaker_phrase(text: str) -> tuple[int, tuple[str, ...]] | None:
    """(offset of the phrase in ``text``, its table key) for the longest speakers.tsv phrase that
    ends the text ("Iran's foreign ministry" -> "foreign ministry")."""
    from wirecoder.actors.gazetteer import load_gazetteer, pieces

    speakers = load_gazetteer().speakers
    lowered = text.lower()
    best: tuple[int, tuple[str, ...]] | None = None
    for offset in [0] + [i + 1 for i, ch in enumerate(lowered) if ch in " -'’"]:
        key = pieces(lowered[offset:])
        if key in speakers:
            best = (offset, key)
            break
    if best is None:
        return None
    offset, key = best
    for det in _SPEAKER_DETS:
        if lowered[offset:].startswith(det):
            offset += len(det)
    return offset, key


def _issuer_before(doc: Doc, start: int) -> str | None:
    """The organisation or government mentioned last before ``start`` (what a statement speaks for)."""
    for ref in reversed([m for m in _mentions(doc) if m.end <= start]):
        actor = actor_by_id(doc, ref.actor_id)
        if actor is not None and (actor.kind == "organization" or (actor.kind == "country" and actor.sector == "GOV")):
            return actor.id
    return None


def _append_actor(doc: Doc, actor: Actor, mention: MentionRef | None) -> str:
    actors: list[Actor] = doc._.actors if doc._.actors is not None else []
    actors.append(actor)
    doc._.actors = actors
    if mention is not None:
        refs = list(_mentions(doc))
        bisect.insort(refs, mention)
        doc._.actor_mentions = refs
    return actor.id


def _next_id(doc: Doc) -> str:
    numbers = [int(a.id[1:]) for a in doc._.actors or [] if a.id[1:].isdigit()]
    return f"a{max(numbers, default=0) + 1}"


def _government_of(doc: Doc, country: str | None, gaz) -> str | None:
    if not country:
        return None
    for actor in doc._.actors or []:
        if actor.kind == "country" and actor.country == country and actor.sector == "GOV":
            return actor.id
    name = gaz.country_name(country) or country
    actor = Actor(
        id=_next_id(doc), name=f"government of {name}", kind="country", country=country, sector="GOV", role=SPEAKER_ROLE
    )
    return _append_actor(doc, actor, None)


def _institution_actor(doc: Doc, start: int, end: int, sector: str | None, country: str) -> str:
    from wirecoder.model import Span

    text = doc.text[start:end]
    name = " ".join(text.split())
    span = Span(start=start, end=end, text=text)
    for actor in doc._.actors or []:
        if actor.role == SPEAKER_ROLE and actor.name.lower() == name.lower() and actor.country == country:
            actor.mentions.append(span)
            refs = list(_mentions(doc))
            bisect.insort(refs, MentionRef(start, end, actor.id, "nominal"))
            doc._.actor_mentions = refs
            return actor.id
    actor = Actor(
        id=_next_id(doc), name=name, kind="organization", country=country, sector=sector, role=SPEAKER_ROLE,
        mentions=[span],
    )  # fmt: skip
    return _append_actor(doc, actor, MentionRef(start, end, actor.id, "nominal"))
