"""The functions quotes and events use: actor_at, actor_for_token, actor_by_id, place_at."""

from __future__ import annotations

from tests.actors.conftest import by_name
from wirecoder.actors.api import MentionRef, actor_at, actor_by_id, actor_for_token, place_at

TEXT = "Foreign Minister Lina Haas arrived in Vienna. Haas said Austria would help."


def test_mentions_are_sorted_and_typed(parse):
    doc = parse(TEXT)
    refs = doc._.actor_mentions
    assert refs == sorted(refs)
    assert all(isinstance(r, MentionRef) for r in refs)
    assert {r.kind for r in refs} <= {"name", "title", "pronoun", "nominal", "metonym", "demonym"}


def test_actor_at_prefers_a_contained_mention(parse):
    doc = parse(TEXT)
    haas = by_name(doc, "Lina Haas")
    start = TEXT.index("Lina")
    assert actor_at(doc, start, start + len("Lina Haas")) == haas.id
    # a wider range that holds the name: the contained mention wins
    assert actor_at(doc, 0, TEXT.index(" arrived")) == haas.id
    # part of a mention overlaps it
    assert actor_at(doc, start + 1, start + 3) == haas.id
    assert actor_at(doc, TEXT.index("arrived"), TEXT.index("arrived") + 7) is None


def test_actor_for_token_and_by_id(parse):
    doc = parse(TEXT)
    token = next(t for t in doc if t.text == "Austria")
    actor_id = actor_for_token(doc, token)
    assert actor_by_id(doc, actor_id).name == "Austria"
    assert actor_by_id(doc, "a999") is None
    assert actor_by_id(doc, "nonsense") is None


def test_every_mention_of_an_actor_is_listed_with_exact_offsets(parse):
    doc = parse(TEXT)
    for actor in doc._.actors:
        listed = {(m.start, m.end) for m in actor.mentions}
        refs = {(r.start, r.end) for r in doc._.actor_mentions if r.actor_id == actor.id}
        assert listed == refs
        for m in actor.mentions:
            assert TEXT[m.start : m.end] == m.text


def test_place_at(parse):
    doc = parse(TEXT)
    start = TEXT.index("Vienna")
    assert place_at(doc, start, start + 6) == ("Vienna", "AUT")
    assert place_at(doc, 0, 10) is None


def test_lookups_without_actors(parse):
    doc = parse("It rained all day.")
    assert doc._.actors == [] and actor_at(doc, 0, 5) is None and place_at(doc, 0, 5) is None
