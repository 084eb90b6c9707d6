"""country_actor: the actor standing for a country, found among the actors or implied."""

from __future__ import annotations

from tests.actors.conftest import by_name
from wirecoder.actors.api import IMPLIED_ROLE, actor_by_id, country_actor


def test_an_existing_country_actor_is_returned(parse):
    doc = parse("Norway sent aid to Chile.")
    norway = by_name(doc, "Norway")
    count = len(doc._.actors)
    assert country_actor(doc, "NOR") == norway.id
    assert len(doc._.actors) == count


def test_a_missing_country_is_implied_with_the_next_id_and_no_mentions(parse):
    doc = parse("Norway sent aid to Chile.")
    count = len(doc._.actors)
    new_id = country_actor(doc, "PER")
    actor = actor_by_id(doc, new_id)
    assert new_id == f"a{count + 1}" and len(doc._.actors) == count + 1
    assert (actor.kind, actor.name, actor.country, actor.sector) == ("country", "Peru", "PER", None)
    assert actor.role == IMPLIED_ROLE and actor.mentions == []
    assert country_actor(doc, "PER") == new_id  # asked again: the same actor, no duplicate


def test_an_excluded_state_is_not_its_own_counterpart(parse):
    doc = parse("Norway sent aid to Chile.")
    norway = by_name(doc, "Norway")
    assert country_actor(doc, "NOR", exclude={norway.id}) is None


def test_an_unknown_code_gives_no_actor(parse):
    doc = parse("Norway sent aid to Chile.")
    assert country_actor(doc, "XYZ") is None
