"""Unnamed groups that act become actors with the story's country and a sector; role words in
a title's own phrase decide its sector."""

from __future__ import annotations

import pytest

from tests.actors.conftest import actor_of_text


@pytest.mark.parametrize(
    ("sentence", "group", "sector"),
    [
        ("Gunmen attacked a village in Nigeria on Monday.", "Gunmen", "UAF"),
        ("In Nigeria, security forces fired on the crowd.", "security forces", "COP"),
        ("The unions called a strike across Nigeria.", "unions", "LAB"),
        ("Protesters blocked roads in Lagos, Nigeria.", "Protesters", "CVL"),
    ],
)
def test_acting_groups_are_actors_with_the_story_country(parse, sentence, group, sector):
    actor = actor_of_text(parse(sentence), group)
    assert actor is not None and (actor.kind, actor.country, actor.sector) == ("group", "NGA", sector)


def test_a_strike_leader_is_labour_not_government(parse):
    doc = parse("Striking miners met the managers on Tuesday. Their strike leader said talks had failed.")
    assert actor_of_text(doc, "strike leader").sector == "LAB"


def test_an_armed_group_named_group_is_not_a_business(parse):
    doc = parse("The Wagner Group said it had taken the town.")
    assert actor_of_text(doc, "Wagner Group").sector != "BUS"


def test_supporters_who_act_are_a_group_of_the_scene_country(parse):
    doc = parse("In Brazil, supporters of the president blocked the avenue.")
    actor = actor_of_text(doc, "supporters")
    assert (actor.country, actor.sector) == ("BRA", "CVL")


def test_journalists_take_the_country_the_scene_names(parse):
    doc = parse("In Serbia, a number of journalists were attacked on Sunday.")
    assert actor_of_text(doc, "journalists").country == "SRB"


def test_hospital_officials_are_medical(parse):
    doc = parse("Hospital officials said the patient was stable.")
    assert actor_of_text(doc, "Hospital officials").sector == "MED"


def test_a_candidate_is_a_party_actor(parse):
    doc = parse("Candidate Mary Stone said she would win the vote.")
    assert actor_of_text(doc, "Mary Stone").sector == "PTY"


def test_a_family_and_relatives_are_civilian_groups(parse):
    doc = parse(
        "Russian opposition leader Alexei Petrov fell ill on a flight. His family said he was poisoned. "
        "Relatives of the victims demanded answers."
    )
    family = actor_of_text(doc, "family")
    assert (family.kind, family.country, family.sector) == ("group", "RUS", "CVL")  # not his OPP
    assert actor_of_text(doc, "Relatives").sector == "CVL"


def test_the_opposition_crowds_witnesses_and_parties_are_groups(parse):
    doc = parse(
        "The opposition boycotted the vote in Minsk. A crowd gathered outside the building, witnesses said. "
        "Opposition parties rejected the result."
    )
    assert (actor_of_text(doc, "opposition").country, actor_of_text(doc, "opposition").sector) == ("BLR", "OPP")
    assert actor_of_text(doc, "crowd").sector == "CVL"
    assert actor_of_text(doc, "witnesses").sector == "CVL"
    assert actor_of_text(doc, "Opposition parties").sector == "OPP"


def test_unnamed_groups_are_civil_society_unless_armed_or_rebel(parse):
    doc = parse(
        "Several conservative groups gathered in Washington on Saturday. Armed groups attacked a village in Mali. "
        "Rebel groups withdrew from the town."
    )
    assert actor_of_text(doc, "Several conservative groups").sector == "SOC"
    assert (actor_of_text(doc, "Armed groups").country, actor_of_text(doc, "Armed groups").sector) == ("MLI", "UAF")
    assert actor_of_text(doc, "Rebel groups").sector == "REB"


def test_counted_people_are_a_crowd_and_uncounted_people_no_actor(parse):
    doc = parse(
        "Violence broke out when several thousand people rallied in Washington. "
        "Many people believe the vote was fair. Thousands of people marched in Chicago."
    )
    crowd = actor_of_text(doc, "several thousand people")
    assert (crowd.kind, crowd.country, crowd.sector) == ("group", "USA", "CVL")
    assert actor_of_text(doc, "people", occurrence=1) is None
    assert actor_of_text(doc, "people", occurrence=2).sector == "CVL"


def test_peacekeepers_are_military_of_their_modifier(parse):
    doc = parse("UN peacekeepers urged restraint in southern Lebanon. Malian peacekeepers were attacked.")
    un = actor_of_text(doc, "UN peacekeepers")
    assert (un.country, un.sector) == ("UNO", "MIL")
    malian = actor_of_text(doc, "Malian peacekeepers")  # "Malian" is left untagged by the model
    assert (malian.country, malian.sector) == ("MLI", "MIL")
