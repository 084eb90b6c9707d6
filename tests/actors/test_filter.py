"""Step filter: what cannot act or speak is no actor; actors carry a confidence."""

from __future__ import annotations

from tests.actors.conftest import actor_of_text, names
from wirecoder.actors.api import place_at


def test_a_town_named_like_a_person_is_a_place(parse):
    text = "Rae Bareli was quiet on Sunday after the vote."
    doc = parse(text)
    assert "Rae Bareli" not in names(doc)


def test_a_name_after_a_locative_preposition_is_a_place(parse):
    text = "Villagers in Maidan Shahr said the attack began at night."
    doc = parse(text)
    assert "Maidan Shahr" not in names(doc)
    start = text.index("Maidan")
    assert place_at(doc, start, start + len("Maidan Shahr")) is not None


def test_a_person_sharing_a_name_with_a_town_stays_a_person(parse):
    doc = parse("Florence Nightingale said the wards were full.")
    assert "Florence Nightingale" in names(doc)


def test_a_ship_is_no_actor(parse):
    doc = parse("Sailors aboard the USS Cole said the HMS Belfast Sailed away.")
    assert not any(name.startswith(("USS", "HMS")) for name in names(doc))


def test_a_bill_is_no_person(parse):
    doc = parse("The Bill was passed by lawmakers on Monday.")
    assert "Bill" not in names(doc)


def test_a_law_or_bill_is_no_actor(parse):
    doc = parse("The Reproductive Health Act divided the country, said Senator Mike Lee.")
    assert "Reproductive Health Act" not in names(doc)
    assert "Mike Lee" in names(doc)
    assert "Climate Change Bill" not in names(parse("Lawmakers said the Climate Change Bill would be debated again."))


def test_a_person_whose_surname_is_a_document_word_stays(parse):
    doc = parse("Nathan Law said the students would keep protesting.")
    assert "Nathan Law" in names(doc)


def test_a_time_zone_is_no_actor(parse):
    doc = parse("Polls closed at 18:00 (UTC +04:00) on Sunday.")
    assert not any("UTC" in name for name in names(doc))


def test_every_actor_has_a_confidence_at_or_above_the_threshold(parse):
    doc = parse("Chancellor Angela Merkel met the Iraqi Kurds on Monday.")
    assert doc._.actors
    assert all(a.confidence is not None and a.confidence >= 0.5 for a in doc._.actors)
    assert actor_of_text(doc, "Angela Merkel").confidence > 0.8


def test_a_platform_as_the_medium_is_no_speaker(parse):
    doc = parse("The minister posted a message on Facebook on Friday.")
    assert "Facebook" not in names(doc)
    doc = parse("Facebook said on Friday that it had removed the posts.")
    assert "Facebook" in names(doc)


def test_flags_are_no_actors(parse):
    doc = parse("Supporters waved Trump flags outside the court on Saturday.")
    assert "Trump flags" not in names(doc)


def test_a_photo_credit_is_no_actor(parse):
    doc = parse("Jorgensen spoke to supporters in May.\n\nImage: Gage Skidmore.")
    assert "Gage Skidmore" not in names(doc)
    assert "Jorgensen" in names(doc)


def test_a_name_on_a_carried_object_is_no_mention_of_the_person(parse):
    text = "Donald Trump spoke on Saturday. Supporters waved Trump flags in the street."
    doc = parse(text)
    trump = actor_of_text(doc, "Donald Trump")
    assert trump is not None and len(trump.mentions) == 1
    assert actor_of_text(doc, "Trump flags") is None


def test_storms_and_other_events_are_no_actors(parse):
    assert names(parse("Hurricane Laura struck the coast.")) == []
    assert names(parse("The Kurdistan Referendum angered Baghdad.")) == ["Baghdad"]


def test_a_name_on_a_vehicle_is_no_actor(parse):
    assert names(parse("Two Eurofighter Typhoon jets were scrambled.")) == []


def test_a_platform_named_on_a_post_is_the_medium(parse):
    assert names(parse("She wrote in a Facebook post that she was leaving.")) == []
    assert "CNN" in names(parse("The minister told CNN that talks would resume."))


def test_a_storm_named_like_a_person_is_no_actor(parse):
    doc = parse("The governor declared an emergency, with Tropical Storm Barry approaching the coast.")
    assert names(doc) == ["governor"]


def test_a_ship_named_after_a_person_is_no_mention_of_the_person(parse):
    text = "Alan Kurdi drowned in 2015. The ship, MV Alan Kurdi, was previously MV Professor Albrecht Penck."
    doc = parse(text)
    child = actor_of_text(doc, "Alan Kurdi")
    assert child is not None and len(child.mentions) == 1
    assert "Albrecht Penck" not in names(doc)


def test_a_building_named_as_where_something_happens_is_a_place(parse):
    assert names(parse("The patient died at St Mary's Hospital on Monday.")) == []
    assert "Clemson University" in names(parse("Jorgensen is a professor at Clemson University."))
    assert "Clemson University" in names(parse("Clemson University said the event was cancelled."))


def test_a_name_in_apposition_to_a_work_or_site_is_no_actor(parse):
    assert names(parse("He owns the website Bill's List, which he founded.")) == []
    assert names(parse("She starred in the reality show Terrace House last year.")) == []
    assert "Kathimerini" in names(parse("The newspaper Kathimerini said Greece would respond."))


def test_a_named_operation_is_no_actor(parse):
    assert names(parse("Officials said Operation Protective Edge ended in August.")) == ["Officials"]
