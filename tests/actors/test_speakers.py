"""Institutional speakers (actors.api.speaker_actor): "the ministry said" gets an actor with
the story's country, for the quotes stage."""

from __future__ import annotations

from wirecoder.actors.api import actor_by_id, speaker_actor, story_country


def speaker(doc, phrase, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(phrase, start + 1)
    actor_id = speaker_actor(doc, start, start + len(phrase))
    return actor_by_id(doc, actor_id) if actor_id else None


def test_the_ministry_is_an_actor_of_the_story_country(parse):
    doc = parse("NAIROBI, Kenya — Talks on the budget failed on Monday, the ministry said.")
    assert story_country(doc) == "KEN"
    actor = speaker(doc, "the ministry")
    assert (actor.kind, actor.country, actor.sector) == ("organization", "KEN", "GOV")
    assert doc.text[actor.mentions[0].start : actor.mentions[0].end] == "ministry"


def test_the_same_phrase_twice_is_one_speaker(parse):
    doc = parse("Flooding hit Kenya on Monday, the ministry said. Roads were closed, the ministry added.")
    assert speaker(doc, "the ministry").id == speaker(doc, "the ministry", occurrence=1).id


def test_state_media_of_a_named_country(parse):
    doc = parse("Protests spread in Kenya, Iranian state media reported on Monday.")
    actor = speaker(doc, "Iranian state media")
    assert (actor.country, actor.sector) == ("IRN", "JRN")


def test_a_statement_speaks_for_the_body_named_before(parse):
    doc = parse("The World Health Organization met in Geneva. The statement said cases had fallen.")
    assert speaker(doc, "The statement").name == "World Health Organization"


def test_a_named_actor_wins(parse):
    doc = parse("Kenya's Foreign Ministry said on Monday that talks had failed.")
    actor = speaker(doc, "Foreign Ministry")
    assert actor.country == "KEN" and actor.role != "institutional speaker"


def test_no_speaker_for_an_ordinary_phrase(parse):
    doc = parse("The weather was fine in Kenya, the farmer said.")
    assert speaker(doc, "The weather") is None
