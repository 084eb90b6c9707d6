"""Capitals as governments (metonyms) or as places; place_at."""

from __future__ import annotations

from tests.actors.conftest import actor_of_text, names
from wirecoder.actors.api import place_at


def mention_kinds(doc, actor) -> set[str]:
    return {r.kind for r in doc._.actor_mentions if r.actor_id == actor.id}


def test_capital_as_subject_is_the_government(parse):
    doc = parse("Tehran rejected the offer on Sunday.")
    actor = actor_of_text(doc, "Tehran")
    assert (actor.kind, actor.country, actor.sector) == ("country", "IRN", "GOV")
    assert mention_kinds(doc, actor) == {"metonym"}


def test_capital_as_possessor_of_an_action_is_the_government(parse):
    doc = parse("Analysts studied Moscow's response to the sanctions.")
    actor = actor_of_text(doc, "Moscow")
    assert actor is not None and (actor.country, actor.sector) == ("RUS", "GOV")


def test_capital_after_a_locative_preposition_is_a_place(parse):
    text = "The delegation arrived in Tokyo on Monday."
    doc = parse(text)
    assert "Tokyo" not in names(doc)
    start = text.index("Tokyo")
    assert place_at(doc, start, start + 5) == ("Tokyo", "JPN")


def test_capital_possessing_a_place_noun_stays_a_place(parse):
    doc = parse("Cairo's streets were empty after the storm.")
    assert actor_of_text(doc, "Cairo") is None


def test_capital_as_object_of_a_travel_verb_is_a_place(parse):
    doc = parse("The minister visited Ankara last week.")
    assert actor_of_text(doc, "Ankara") is None


def test_coordinated_capitals_share_the_reading(parse):
    doc = parse("Seoul and Tokyo agreed to share intelligence.")
    assert actor_of_text(doc, "Seoul").country == "KOR"
    assert actor_of_text(doc, "Tokyo").country == "JPN"


def test_metonyms_of_one_capital_are_one_actor(parse):
    doc = parse("Ottawa protested on Monday. Two days later Ottawa's decision angered farmers.")
    first, second = actor_of_text(doc, "Ottawa", 0), actor_of_text(doc, "Ottawa", 1)
    assert first is not None and first.id == second.id


def test_country_only_as_location_is_a_place_not_an_actor(parse):
    # Issue #15: a place that only says where something happens cannot act or speak. The
    # place keeps its country (place_at), so events can still imply the country's actor.
    text = "Troops remain in Poland despite the protests."
    doc = parse(text)
    start = text.index("Poland")
    assert actor_of_text(doc, "Poland") is None
    assert place_at(doc, start, start + 6) == ("Poland", "POL")


def test_country_that_also_acts_is_an_actor(parse):
    text = "Troops remain in Poland. Poland protested on Monday."
    doc = parse(text)
    assert actor_of_text(doc, "Poland", occurrence=1).country == "POL"


def test_place_at_outside_any_place(parse):
    text = "The minister spoke briefly."
    doc = parse(text)
    assert place_at(doc, 0, len(text)) is None


def test_government_building_names_stand_for_the_government(parse):
    doc = parse("Downing Street said the prime minister would travel to Brussels.")
    actor = actor_of_text(doc, "Downing Street")
    assert (actor.country, actor.sector) == ("GBR", "GOV")


def test_unknown_political_unit_acting_is_an_actor(parse):
    doc = parse("Catalonia declared a holiday on Friday.")
    actor = actor_of_text(doc, "Catalonia")
    assert actor is not None and actor.kind == "country"


def test_earth_is_never_an_actor(parse):
    doc = parse("Earth has warmed faster than expected, scientists said.")
    assert actor_of_text(doc, "Earth") is None
