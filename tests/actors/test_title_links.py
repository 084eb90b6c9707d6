"""Titles joined to the names they introduce or follow; long and short forms of one name;
roles the text states beat the people tables."""

from __future__ import annotations

from tests.actors.conftest import actor_of_text, by_name


def test_a_lede_title_joins_the_person_named_next(parse):
    text = (
        "The French president said talks between his foreign minister and a senior Iranian envoy went well.\n\n"
        "French Foreign Minister Jean Dupont and Iranian Deputy Minister Ali Karimi met in Geneva."
    )
    doc = parse(text)
    assert actor_of_text(doc, "foreign minister").name == "Jean Dupont"
    assert actor_of_text(doc, "senior Iranian envoy").name == "Ali Karimi"


def test_an_anonymous_official_outside_the_lede_stays_anonymous(parse):
    text = (
        "Talks resumed in Geneva on Monday.\n\n"
        "A senior French official told reporters the talks were slow. French Minister Jean Dupont agreed."
    )
    doc = parse(text)
    assert actor_of_text(doc, "senior French official").name != "Jean Dupont"


def test_a_definite_title_joins_the_office_holder_named_before(parse):
    text = "Boris Johnson visited Kyiv on Monday. Later the prime minister said he would resign."
    doc = parse(text, date="2022-07-07")
    assert actor_of_text(doc, "prime minister").name == "Boris Johnson"


def test_a_long_name_cut_in_two_by_the_tagger_is_one_person(parse):
    doc = parse("President Nana Addi Dankwa Akufo-Addo said on Monday that Akufo-Addo would not resign.")
    actor = by_name(doc, "Nana Addi Dankwa Akufo-Addo")
    assert actor.kind == "person"
    assert actor_of_text(doc, "Akufo-Addo", occurrence=1).id == actor.id


def test_a_title_before_a_name_tagged_as_organisation_makes_it_a_person(parse):
    doc = parse("Opposition leader Morgan Tsvangirai said the election was rigged.", date="2010-05-01")
    actor = by_name(doc, "Morgan Tsvangirai")
    assert (actor.kind, actor.sector) == ("person", "OPP")


def test_the_text_role_beats_a_dated_dictionary_role(parse):
    doc = parse("Morgan Tsvangirai, the opposition leader, said the election was rigged.", date="2011-01-10")
    assert by_name(doc, "Morgan Tsvangirai").sector == "OPP"


def test_role_words_before_the_title_decide_its_sector(parse):
    doc = parse("The union leader said the strike would go on. The rebel commander said his men would withdraw.")
    assert actor_of_text(doc, "union leader").sector == "LAB"
    assert actor_of_text(doc, "rebel commander").sector == "REB"
    doc = parse("The miners' representatives said the company had refused to talk.")
    representatives = actor_of_text(doc, "representatives")
    assert (representatives.sector, representatives.role) == ("LAB", "miners representatives")


def test_a_lede_title_does_not_join_a_holder_of_another_office(parse):
    text = (
        "A Thai party nominated a princess for prime minister on Friday.\n\n"
        "King Maha Vajiralongkorn of Thailand said the nomination was inappropriate."
    )
    doc = parse(text)
    assert actor_of_text(doc, "prime minister") is None or actor_of_text(doc, "prime minister").name != (
        "Maha Vajiralongkorn"
    )


def test_a_possessed_title_outside_the_lede_joins_the_person_named_next(parse):
    text = (
        "Talks resumed in Oslo on Monday. Norway hosted both delegations at a hotel.\n\n"
        "On Tuesday, President Emmanuel Macron sent his top diplomat to the talks. "
        "Foreign Minister Jean Lavel arrived in the evening."
    )
    doc = parse(text, date="2020-06-01")
    lavel = actor_of_text(doc, "top diplomat")
    assert lavel.name == "Jean Lavel"
    assert (lavel.country, lavel.sector) == ("FRA", "GOV")  # the possessor's country, not the host's


def test_a_possessed_title_does_not_join_a_person_of_another_office(parse):
    text = (
        "Talks resumed in Oslo on Monday.\n\n"
        "On Tuesday, President Emmanuel Macron sent his top diplomat to the talks. "
        "Police chief Lars Berg said the hotel was safe."
    )
    doc = parse(text, date="2020-06-01")
    assert actor_of_text(doc, "top diplomat").name != "Lars Berg"


def test_a_head_of_state_introduced_by_title_is_the_untitled_person_named_next(parse):
    doc = parse("Argentina's president addressed the nation. Javier Milo promised cuts.", date="2020-12-08")
    milo = actor_of_text(doc, "president")
    assert milo.name == "Javier Milo"
    assert (milo.country, milo.sector) == ("ARG", "GOV")


def test_a_person_with_a_role_of_their_own_is_not_the_head_introduced_before(parse):
    doc = parse("Argentina's president addressed the nation. Maria Lopez, a teacher, said she was unhappy.")
    assert actor_of_text(doc, "president").name != "Maria Lopez"
