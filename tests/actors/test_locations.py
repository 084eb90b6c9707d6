"""Step filter, locations: names that only say where something happens are places (issue #15)."""

from __future__ import annotations

from tests.actors.conftest import actor_of_text, names
from wirecoder.actors.api import place_at


def test_a_country_after_a_static_preposition_is_a_place(parse):
    for text, name in [
        ("Hundreds of people died in Turkey after the earthquake.", "Turkey"),
        ("He spent nine years in Colombia teaching children.", "Colombia"),
        ("Criticism within Serbia has grown since the vote.", "Serbia"),
    ]:
        doc = parse(text)
        assert actor_of_text(doc, name) is None, text
        start = text.index(name)
        assert place_at(doc, start, start + len(name)) is not None, text


def test_a_country_that_acts_elsewhere_keeps_only_its_acting_mentions(parse):
    text = "Buildings fell in Turkey. Turkey asked for help on Monday."
    doc = parse(text)
    assert actor_of_text(doc, "Turkey", occurrence=0) is None
    acting = actor_of_text(doc, "Turkey", occurrence=1)
    assert acting is not None and acting.country == "TUR" and len(acting.mentions) == 1


def test_in_after_a_word_of_involvement_names_a_party(parse):
    doc = parse("Russia said the United States interfered in Venezuela.")
    assert actor_of_text(doc, "Venezuela") is not None


def test_a_country_that_receives_or_gives_is_still_a_party(parse):
    doc = parse("Greece sent aid to Turkey, and the plan drew anger from Russia.")
    assert actor_of_text(doc, "Turkey") is not None
    assert actor_of_text(doc, "Russia") is not None


def test_a_country_after_a_city_is_part_of_its_address(parse):
    for text in [
        "Buildings collapsed in the city of Izmir, Turkey.",
        "The patient was flown to Berlin, Germany, on Friday.",
    ]:
        assert names(parse(text)) == [], text


def test_a_country_listed_after_a_country_is_not_an_address(parse):
    doc = parse("The Prime Ministers of Belgium, Luxembourg and Spain self-isolated.")
    assert actor_of_text(doc, "Luxembourg") is not None


def test_a_name_governed_by_a_place_noun_is_a_place(parse):
    for text, name in [
        ("Police arrested three men in the town of Qara Bagh on Sunday.", "Qara Bagh"),
        ("Voters in the electoral district of Groom go to the polls on Saturday.", "Groom"),
    ]:
        doc = parse(text)
        assert name not in names(doc), text
        start = text.index(name)
        assert place_at(doc, start, start + len(name)) is not None, text


def test_a_demonym_on_a_place_noun_is_no_government(parse):
    doc = parse("Two people died on the Greek island of Samos.")
    # the victims may be a counted group; the demonym and the island are no actors
    assert actor_of_text(doc, "Greek") is None and actor_of_text(doc, "Samos") is None
    assert not any("Greece" in name or "Greek" in name for name in names(doc))


def test_a_demonym_on_an_actor_noun_still_codes_the_country(parse):
    doc = parse("Greek officials said the talks would resume.")
    assert actor_of_text(doc, "officials").country == "GRC"


def test_a_country_owning_a_place_noun_is_where_it_is(parse):
    doc = parse("The earthquake hit Turkey's west coast on Friday.")
    assert names(doc) == []


def test_a_city_as_subject_is_still_a_place(parse):
    doc = parse("Khan Younis came under fire on Tuesday.")
    assert names(doc) == []
    assert "Texas" in names(parse("Texas sued the federal government on Monday."))


def test_a_name_shown_to_be_a_place_is_a_place_in_the_whole_article(parse):
    text = "Voters in the electoral district of Groom go to the polls. Groom is located in Queensland."
    doc = parse(text)
    assert "Groom" not in names(doc)


def test_a_country_at_the_end_of_a_path_of_travel_is_a_place(parse):
    for text in [
        "He returned from Colombia last year.",
        "Navalny was airlifted to Germany for treatment.",
        "Thousands fled into Poland after the invasion.",
    ]:
        assert names(parse(text)) in ([], ["Navalny"]), text


def test_a_country_that_is_sent_something_is_still_a_party(parse):
    doc = parse("The United Nations deployed troops to Mali.")
    assert actor_of_text(doc, "Mali") is not None


def test_a_country_after_a_place_noun_and_of_is_a_place(parse):
    assert names(parse("Fighting continued in the north of Syria.")) == []
    assert names(parse("Pirates struck off the coast of Somalia.")) == []
    assert actor_of_text(parse("The State of Israel said it would respond."), "Israel") is not None


def test_a_surname_that_is_a_capital_is_the_person(parse):
    text = "The attacker, Sudesh Amman, was released last week. Amman was described as dangerous."
    doc = parse(text)
    person = actor_of_text(doc, "Amman", occurrence=1)
    assert person is not None and person.kind == "person" and person.name == "Sudesh Amman"


def test_a_capital_that_a_person_shares_stays_a_place_after_in(parse):
    text = "The attacker, Sudesh Amman, was released. Police in Amman said nothing."
    doc = parse(text)
    assert actor_of_text(doc, "Amman", occurrence=1) is None


def test_a_name_at_the_end_of_a_path_of_travel_is_a_place(parse):
    doc = parse("He said he was going to Krishnagar to see the protest.")
    assert "Krishnagar" not in names(doc)


def test_a_place_the_tagger_found_once_is_that_place_elsewhere(parse):
    # the tagger's types are set by hand: a GPE "Samos" after "the island of", then a PERSON "Samos"
    from wirecoder.actors.filter import filter_non_actors
    from wirecoder.actors.gazetteer import load_gazetteer
    from wirecoder.actors.mentions import DocView, Mention

    doc = parse("Two people died on the island of Samos. The quake damaged buildings on Samos.")
    view = DocView.build(doc, load_gazetteer())
    first, second = (t.i for t in doc if t.text == "Samos")
    kept = filter_non_actors(
        view, [Mention(first, first + 1, "place", label="GPE"), Mention(second, second + 1, "person", label="PERSON")]
    )
    assert [m.etype for m in kept] == ["place", "place"]
