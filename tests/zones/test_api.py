"""The zones API the other stages call (a blank tokenizer and zones set by hand)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import spacy

from wirecoder.extensions import init_doc
from wirecoder.model import Article, CharRange, Event, Span, Zone
from wirecoder.zones.api import (
    dates_article,
    excluded,
    excluded_tokens,
    keep,
    keep_actor_mentions,
    keep_events,
    mention_excluded,
    zone_at,
)

TEXT = "Chad and Niger agree deal\nBy Jo Lee\nCamera Icon\nChad and Niger agreed a deal on Monday."


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.fixture
def doc(blank):
    doc = init_doc(blank.make_doc(TEXT), Article(text=TEXT))
    starts = [0, TEXT.index("By Jo"), TEXT.index("Camera"), TEXT.index("Chad and Niger agreed")]
    ends = [TEXT.index("\nBy"), TEXT.index("\nCamera"), TEXT.index("\nChad and Niger agreed"), len(TEXT)]
    kinds = ["headline", "byline", "furniture", "body"]
    doc._.zones = [Zone(kind=k, start=s, end=e) for k, s, e in zip(kinds, starts, ends, strict=True)]
    return doc


@dataclass
class Item:
    start: int
    end: int
    text: str


def test_zone_at_and_excluded(doc):
    assert zone_at(doc, 0) == "headline"
    assert zone_at(doc, TEXT.index("Jo Lee")) == "byline"
    assert zone_at(doc, TEXT.index("\nBy")) is None  # between zones
    jo = TEXT.index("Jo Lee")
    assert excluded(doc, jo, jo + 6)
    assert not excluded(doc, 0, 4)
    assert excluded(doc, TEXT.index("Icon"), TEXT.index("agreed a"))  # starts in furniture
    token = next(t for t in doc if t.text == "Jo")
    assert excluded_tokens(doc, token.i, token.i + 2)
    assert dates_article(doc, jo, jo + 2) and not dates_article(doc, 0, 4)


def test_no_zones_excludes_nothing(blank):
    doc = init_doc(blank.make_doc("By Jo Lee"), Article(text="By Jo Lee"))
    assert not excluded(doc, 0, 9)
    assert keep(doc, [Item(0, 9, "x")], lambda i: (i.start, i.end)) == [Item(0, 9, "x")]


def test_a_dateline_holds_places_only(blank):
    text = "GENEVA, May 3 GMT - Talks began."
    doc = init_doc(blank.make_doc(text), Article(text=text))
    doc._.zones = [Zone(kind="dateline", start=0, end=17), Zone(kind="body", start=20, end=len(text))]
    assert not mention_excluded(doc, 0, 1, "place")
    gmt = next(t.i for t in doc if t.text == "GMT")
    assert mention_excluded(doc, gmt, gmt + 1, "organization")
    talks = next(t.i for t in doc if t.text == "Talks")
    assert not mention_excluded(doc, talks, talks + 1, "organization")


def test_keep_drops_excluded_and_restating_items(doc):
    head = Item(0, 14, "Chad and Niger")
    byline = Item(TEXT.index("Jo"), TEXT.index("Jo") + 6, "Jo Lee")
    body_start = TEXT.index("Chad and Niger agreed")
    body = Item(body_start, len(TEXT), TEXT[body_start:])
    own = Item(15, 25, "agree deal")  # a headline item the body does not repeat
    items = [head, own, byline, body]
    kept = keep(doc, items, lambda i: (i.start, i.end), lambda i: i.text)
    assert kept == [own, body]
    assert keep(doc, items, lambda i: (i.start, i.end)) == [head, own, body]  # no key: nothing is a repeat


def event(n: int, start: int, end: int, parties: list[str]) -> Event:
    return Event(
        id=f"e{n}",
        type="AGREE",
        source=parties,
        trigger=Span(start=start, end=end, text=TEXT[start:end]),
        sentence=CharRange(start=start, end=end),
    )


def test_keep_events_renumbers(doc):
    head = event(1, 15, 20, ["a1", "a2"])
    body_at = TEXT.index("agreed a")
    body = event(2, body_at, body_at + 6, ["a1", "a2", "a3"])
    other = event(3, body_at, body_at + 6, ["a4"])
    kept = keep_events(doc, [head, body, other])
    assert [(e.id, e.source) for e in kept] == [("e1", ["a1", "a2", "a3"]), ("e2", ["a4"])]


def test_keep_actor_mentions_drops_excluded_mentions_and_renumbers(doc):
    from wirecoder.actors.api import MentionRef
    from wirecoder.model import Actor

    jo = TEXT.index("Jo Lee")
    body = TEXT.index("Chad and Niger agreed")
    byline_only = Actor(id="a1", name="Jo Lee", kind="person", mentions=[Span(start=jo, end=jo + 6, text="Jo Lee")])
    chad = Actor(id="a2", name="Chad", kind="country", mentions=[Span(start=0, end=4, text="Chad")])
    chad.mentions.append(Span(start=body, end=body + 4, text="Chad"))
    implied = Actor(id="a3", name="Mali", kind="country", mentions=[])
    refs = [MentionRef(0, 4, "a2"), MentionRef(jo, jo + 6, "a1"), MentionRef(body, body + 4, "a2")]
    actors, refs = keep_actor_mentions(doc, [byline_only, chad, implied], refs)
    assert [(a.id, a.name, len(a.mentions)) for a in actors] == [("a1", "Chad", 2), ("a2", "Mali", 0)]
    assert [(r.start, r.actor_id) for r in refs] == [(0, "a1"), (body, "a1")]
