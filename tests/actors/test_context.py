"""Country from the context: generic institutions and state office holders take the country
their phrase, sentence or story names, not a fixed default."""

from __future__ import annotations

import pytest

from tests.actors.conftest import actor_of_text


def coding(actor):
    return (actor.country, actor.sector)


def test_a_bare_senate_takes_the_country_of_its_sentence(parse):
    doc = parse("The Senate passed the bill on Tuesday, Australian Prime Minister Scott Morrison said.")
    assert coding(actor_of_text(doc, "Senate")) == ("AUS", "LEG")


def test_generic_institutions_take_the_dateline_country(parse):
    doc = parse("BOGOTA, Colombia (AP) — The Senate voted against the reform on Tuesday.\n\nCongress will meet again.")
    assert coding(actor_of_text(doc, "Senate")) == ("COL", "LEG")
    assert coding(actor_of_text(doc, "Congress")) == ("COL", "LEG")


def test_congress_in_an_american_story_is_american(parse):
    doc = parse("Congress rejected the budget in Washington, the White House said on Friday.")
    assert coding(actor_of_text(doc, "Congress")) == ("USA", "LEG")


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [("election commission", "GOV"), ("foreign ministry", "GOV"), ("army", "MIL"), ("Supreme Court", "JUD")],
)
def test_lower_case_institutions_are_actors_of_the_story_country(parse, phrase, sector):
    doc = parse(f"Voting was calm across Ghana on Monday. The {phrase} said on Tuesday that the count was fair.")
    assert coding(actor_of_text(doc, phrase)) == ("GHA", sector)


def test_a_possessor_country_gives_the_institution_its_country(parse):
    doc = parse("Kenya's parliament voted on Monday, while observers from Uganda watched.")
    assert coding(actor_of_text(doc, "parliament")) == ("KEN", "LEG")


def test_an_office_holder_without_a_country_takes_the_story_country(parse):
    text = "Fighting continued in Afghanistan on Sunday. A spokesperson, Abdul Rahman, said the road was closed."
    doc = parse(text)
    assert actor_of_text(doc, "Abdul Rahman").country == "AFG"


def test_the_people_table_beats_the_story_country(parse):
    doc = parse("Flights to Iran stopped on Monday. Secretary of State Mike Pompeo said so.", date="2019-01-20")
    assert actor_of_text(doc, "Mike Pompeo").country == "USA"


def test_a_demonym_keeps_troops_abroad_their_nationality(parse):
    doc = parse("UK troops in Somalia trained local soldiers on Monday.")
    assert coding(actor_of_text(doc, "UK troops")) == ("GBR", "MIL")


def test_a_person_without_a_country_takes_the_story_country(parse):
    text = "Voters in Australia went to the polls on Saturday. Candidate Craig Wilson said he expected to win."
    doc = parse(text)
    assert actor_of_text(doc, "Craig Wilson").country == "AUS"


def test_an_organisation_no_table_knows_takes_the_story_country(parse):
    text = "Thousands marched in Kenya on Monday. The Nairobi Freedom Forum said the march was peaceful."
    doc = parse(text)
    assert actor_of_text(doc, "Nairobi Freedom Forum").country == "KEN"


def test_an_international_body_keeps_its_own_code(parse):
    doc = parse("Thousands marched in Kenya on Monday. The United Nations said the march was peaceful.")
    assert actor_of_text(doc, "United Nations").country == "UNO"


def test_a_country_after_of_gives_a_person_its_country(parse):
    text = "Prime Minister Jan Novak of the Slovak Republic met President Emmanuel Macron in Paris and in Lyon, France."
    assert actor_of_text(parse(text), "Jan Novak").country == "SVK"


def test_the_story_country_counts_every_name(parse):
    text = (
        "Candidate Mary Stone of the Libertarian Party spoke to voters in Ohio. "
        "She said the United States needed change, and that Syrian refugees were welcome. "
        "Stone said the U.S. economy and Donald Trump had failed. Her aide Tom Ward agreed."
    )
    assert actor_of_text(parse(text), "Tom Ward").country == "USA"


def test_a_word_that_is_also_a_town_does_not_give_a_party_a_country(parse):
    doc = parse("Voters in Queensland, Australia went to the polls. The Liberal National Party said it would win.")
    assert actor_of_text(doc, "Liberal National Party").country == "AUS"


def test_the_government_is_the_story_country_s(parse):
    doc = parse("Protests spread across Serbia on Sunday. The government said the curfew would stay.")
    actor = actor_of_text(doc, "government")
    assert actor is not None and (actor.country, actor.sector) == ("SRB", "GOV")


def test_church_authorities_are_not_the_government(parse):
    doc = parse("Abuse in Poland must be reported to the higher church authorities, the bishops said.")
    actor = actor_of_text(doc, "authorities")
    assert actor is None or actor.sector != "GOV"


def test_a_demonym_on_the_noun_in_apposition_gives_the_country(parse):
    # regression (make demo): the meeting's place, not the demonym, gave the visitor his country
    doc = parse("Kenya's foreign minister met his Ugandan counterpart John Okello in Geneva on Monday.")
    assert actor_of_text(doc, "John Okello").country == "UGA"


def test_a_word_inside_a_name_is_no_role_word(parse):
    # regression (make demo): "Union" of "African Union" made an official a trade unionist
    doc = parse("A senior African Union official said the talks would resume in May.")
    assert actor_of_text(doc, "senior African Union official").sector != "LAB"
    doc = parse("The union leader said the strike would go on.")
    assert actor_of_text(doc, "union leader").sector == "LAB"


def test_the_story_country_is_a_vote_not_the_dateline(parse):
    # a summit in a third country: the dateline is where the reporter is, the story is Iran's
    doc = parse(
        "GENEVA (Reuters) — Iran's foreign minister met European envoys on Monday.\n\n"
        "Iranian officials said Tehran would answer soon. The parliament in Iran must vote on it."
        " The Senate will meet on Friday."
    )
    assert coding(actor_of_text(doc, "Senate")) == ("IRN", "LEG")


def test_the_dateline_still_decides_when_nothing_else_is_named(parse):
    doc = parse("LIMA, Peru (AP) — The Senate voted against the reform on Tuesday.")
    assert coding(actor_of_text(doc, "Senate")) == ("PER", "LEG")


def test_unnamed_groups_take_the_story_country(parse):
    doc = parse(
        "Kenyan police said on Monday that the vote was calm. President Uhuru Kenyatta thanked voters."
        "\n\nIn the evening, gunmen attacked a bus near the border with Somalia."
    )
    assert actor_of_text(doc, "gunmen").country == "KEN"


def test_the_ministry_refers_back_to_the_ministry_named_before(parse):
    doc = parse("The Egyptian foreign ministry condemned the attack on Monday. The ministry said it would respond.")
    ministry = actor_of_text(doc, "ministry", occurrence=1)
    assert ministry is not None and ministry.name == "foreign ministry"
    assert coding(ministry) == ("EGY", "GOV")
    assert actor_of_text(doc, "Egyptian") is None  # the demonym only modifies the ministry


def test_reporters_told_something_are_no_actor(parse):
    doc = parse("Officials in Kabul told reporters that the army would withdraw. Reporters were told to leave.")
    assert actor_of_text(doc, "reporters") is None
    assert actor_of_text(doc, "Reporters") is None


def test_reporters_who_act_are_an_actor(parse):
    doc = parse("Reporters protested outside the ministry in Kabul on Monday.")
    assert actor_of_text(doc, "Reporters") is not None


def test_a_possessed_title_takes_the_possessors_country(parse):
    doc = parse(
        "The Kremlin said on Friday that Russian President Vladimir Putin had spoken to Belarusian leader "
        "Alexander Lukashenko. Lukashenko's spokeswoman Natalya Eismont confirmed the call."
    )
    assert actor_of_text(doc, "Natalya Eismont").country == "BLR"


def test_a_country_in_apposition_to_a_place_sets_the_scene_for_groups(parse):
    doc = parse("Gunmen abducted 20 students in Zamfara state, Nigeria, on Monday.")
    assert actor_of_text(doc, "Gunmen").country == "NGA"


def test_party_members_named_by_the_party_are_the_story_countrys(parse):
    doc = parse(
        "The House voted in Washington on Wednesday. Democrats said the president had abused his power. "
        "Republicans opposed the articles."
    )
    assert coding(actor_of_text(doc, "Democrats")) == ("USA", "PTY")
    assert coding(actor_of_text(doc, "Republicans")) == ("USA", "PTY")


def test_other_named_groups_keep_no_story_country(parse):
    doc = parse("The House voted in Washington on Wednesday. Kurds protested the vote.")
    assert actor_of_text(doc, "Kurds").country is None


def test_an_institution_named_after_its_members_is_the_body(parse):
    doc = parse(
        "BUENOS AIRES — The Chamber of Deputies approved the bill on Friday. "
        "The House of Representatives in Washington did not."
    )
    chamber = actor_of_text(doc, "Chamber of Deputies")
    assert (chamber.kind, chamber.country, chamber.sector) == ("organization", "ARG", "LEG")
    house = actor_of_text(doc, "House of Representatives")
    assert (house.kind, house.country, house.sector) == ("organization", "USA", "LEG")


def test_a_possessed_office_is_the_government_of_its_holder(parse):
    doc = parse(
        "Protesters rallied in Washington on Saturday. According to the mayor's office, twenty people were "
        "arrested. She left the office at noon."
    )
    assert coding(actor_of_text(doc, "office")) == ("USA", "GOV")
    assert actor_of_text(doc, "office", occurrence=1) is None  # a room


def test_a_leaders_office_takes_the_leaders_country(parse):
    doc = parse("Slovakia's Prime Minister Igor Matovic tested positive. Matovic's office said he would isolate.")
    assert coding(actor_of_text(doc, "office")) == ("SVK", "GOV")
