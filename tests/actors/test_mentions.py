"""Repairs of the tagger's entity spans, each shown by a short sentence of our own."""

from __future__ import annotations

from tests.actors.conftest import actor_of_text, by_name, names
from wirecoder.actors.api import place_at
from wirecoder.model import ArticleResult


def spans(doc, actor) -> list[str]:
    return [m.text for m in actor.mentions]


def test_possessives_leave_the_span_curly_and_straight(parse):
    doc = parse("Russia’s navy and Germany's army held drills near Norway.")
    assert by_name(doc, "Russia").mentions[0].text == "Russia"
    assert by_name(doc, "Germany").mentions[0].text == "Germany"


def test_possessive_leaves_a_person_name(parse):
    doc = parse("Prime Minister Ingrid Solberg’s plan was rejected by the Storting on Monday.")
    actor = by_name(doc, "Ingrid Solberg")
    assert spans(doc, actor)[0] == "Ingrid Solberg"


def test_every_span_indexes_the_input(parse):
    text = "“We will talk,” said Søren Ålund, Denmark’s envoy. Ålund’s aides agreed."
    doc = parse(text)
    for actor in doc._.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text
    for ref in doc._.actor_mentions:
        assert 0 <= ref.start < ref.end <= len(text)


def test_hashtag_is_looked_up_without_the_hash(parse):
    doc = parse("Activists posted photos tagged #SouthKorea and called for calm.")
    actor = actor_of_text(doc, "SouthKorea")
    assert actor is not None and actor.country == "KOR" and actor.kind == "country"


def test_unknown_hashtag_is_not_a_person(parse):
    doc = parse("Fans flooded the site with #GoTeamBlue messages on Sunday.")
    assert all(a.kind != "person" for a in doc._.actors)


def test_handle_joins_the_person_it_names(parse):
    doc = parse("Senator Dana Whitlock thanked voters. — Dana Whitlock (@SenWhitlock) March 3")
    actor = by_name(doc, "Dana Whitlock")
    assert "@SenWhitlock" in spans(doc, actor)


def test_tagger_span_inside_a_title_is_dropped(parse):
    doc = parse("Secretary of State Laura Quinn flew to Cairo on Monday.")
    assert "State" not in names(doc)
    assert by_name(doc, "Laura Quinn").role == "Secretary of State"


def test_research_centre_is_an_organisation(parse):
    doc = parse("Mia Jensen, a fellow at the Centre for Arctic Policy Studies in Oslo, said the deal was weak.")
    centre = by_name(doc, "Centre for Arctic Policy Studies")
    assert (centre.kind, centre.sector, centre.country) == ("organization", "EDU", "NOR")


def test_acronym_explained_in_lower_case_is_a_term_not_an_organisation(parse):
    doc = parse("The allies want FFVD – final, fully verified disarmament – before any deal, he said.")
    assert "FFVD" not in names(doc)


def test_hyphenated_given_names_are_kept_whole(parse):
    doc = parse("South Korean President Moon Jae-in met Chinese leader Xi Jinping in Beijing.")
    assert "Moon Jae-in" in names(doc)
    assert by_name(doc, "Moon Jae-in").country == "KOR"


def test_all_caps_dateline_is_a_place_and_the_agency_is_no_actor(parse):
    text = "SEOUL, June 3 (Reuters) - Officials in Seoul said talks would resume."
    doc = parse(text)
    assert place_at(doc, 0, 5) == ("SEOUL", "KOR")
    # The dateline's agency is a credit (zones, issue #14): the document's source, not an actor.
    assert "Reuters" not in names(doc) and doc._.agency == "Reuters"
    assert by_name(parse("Officials told Reuters that talks would resume."), "Reuters").sector == "JRN"
    assert all(a.name.upper() != "SEOUL" for a in doc._.actors)


def test_vehicle_after_aboard_is_not_an_actor(parse):
    doc = parse("Speaking aboard Marine One, President Carla Ruiz said she was confident.")
    assert "Marine One" not in names(doc)


def test_caption_word_and_bracket_are_cut_from_names(parse):
    doc = parse("The World Food Programme (WFP) warned of famine. Image: Paul Tran.")
    assert "World Food Programme" in names(doc)


def test_gazetteer_finds_bodies_the_tagger_missed(parse):
    doc = parse("Inspectors from the IAEA visited the site, and the Security Council will meet.")
    assert by_name(doc, "IAEA").country == "UNO"


def test_same_name_is_one_actor_with_ids_in_order(parse):
    doc = parse("Maria Okafor won the vote. Okafor thanked Peru. Later Okafor left.")
    okafor = by_name(doc, "Maria Okafor")
    assert okafor.id == "a1"
    assert [m.text for m in okafor.mentions if m.text[0].isupper()] == ["Maria Okafor", "Okafor", "Okafor"]
    assert [a.id for a in doc._.actors] == [f"a{i}" for i in range(1, len(doc._.actors) + 1)]


def test_result_validates_as_contract(parse):
    doc = parse("UN envoy Omar Haddad met Syrian officials in Damascus.")
    assert ArticleResult.model_validate({"doc": {"id": "x", "chars": 10}, "actors": doc._.actors})
