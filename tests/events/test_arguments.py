"""Argument roles (issue 16): participle clauses on nominals, passives, places, media."""

from __future__ import annotations


def test_sanctions_imposed_on_a_country_target_it(code):
    out = code(
        "New sanctions imposed on Venezuela by the United States hit oil.", {"Venezuela": "VEN", "United States": "USA"}
    )
    event = out.one("SANCTION")
    assert out.tgt(event) == {"VEN"}


def test_passive_victims_and_the_ambushers_keep_their_roles(code):
    actors = {"Afghan soldiers": "AFG", "Taliban militants": "AFG-REB"}
    out = code(
        "Four Afghan soldiers were killed after Taliban militants ambushed them.",
        actors,
        pronouns={"them": "Afghan soldiers"},
    )
    event = out.one("ASSAULT")
    assert out.src(event) == {"AFG-REB"} and out.tgt(event) == {"AFG"}


def test_a_place_of_a_clash_is_not_its_target(code):
    out = code("Police clashed with protesters in Kolkata.", {"Kolkata": "IND"})
    assert all("IND" not in out.tgt(e) for e in out.events)


def test_news_agency_told_is_never_a_party(run):
    result = run("Iran's foreign minister told Reuters that Iran would not negotiate with the United States.")
    media = {a.id for a in result.actors if a.sector == "JRN"}
    assert media, [(a.name, a.sector) for a in result.actors]
    assert all(not media & {*e.source, *e.target} for e in result.events)


def test_a_journalist_killed_is_still_the_target(run):
    result = run("A prominent Lebanese journalist was killed by gunmen in Beirut.")
    assert any(e.type == "ASSAULT" and e.target for e in result.events)


def test_by_phrase_on_an_event_noun_stays_with_that_event(code):
    actors = {"Palestinian youths": "PSE", "Israeli military": "ISR"}
    out = code("Palestinian youths staged demonstrations against violations by the Israeli military.", actors)
    event = out.one("PROTEST")
    assert out.src(event) == {"PSE"}


def test_phrases_of_an_occurrence_verb_belong_to_its_nominal_event(code):
    out = code("Clashes erupted between Armenia and Azerbaijan on Sunday.", {"Armenia": "ARM", "Azerbaijan": "AZE"})
    event = out.one("ASSAULT")
    assert out.src(event) == {"ARM", "AZE"}


def test_protests_breaking_out_in_a_city_are_coded_for_its_country(run):
    result = run("Protests broke out in Minsk on Tuesday.", date="2020-08-12")
    events = [e for e in result.events if e.type == "PROTEST"]
    assert len(events) == 1
    countries = {a.id: a.country for a in result.actors}
    assert {countries[a] for a in events[0].source} == {"BLR"}


def test_a_nominal_event_in_a_city_without_any_party_named_otherwise_is_not_invented(run):
    result = run("The museum in Paris showed films about protests.", date="2020-08-12")
    assert not result.events


def test_a_visit_to_a_city_is_a_visit_to_its_country(run):
    result = run("The German chancellor arrived in Kyiv on Monday for a two-day visit.", date="2022-06-16")
    countries = {a.id: a.country for a in result.actors}
    visit = next(e for e in result.events if e.type == "CONSULT")
    assert {countries[a] for a in visit.target} == {"UKR"}


def test_aid_arriving_in_a_city_is_aid_to_its_country(run):
    result = run("A convoy of aid trucks arrived in Idlib on Sunday.", date="2020-03-01")
    countries = {a.id: a.country for a in result.actors}
    aid = next(e for e in result.events if e.type == "AID")
    assert {countries[a] for a in aid.target} == {"SYR"}


def test_troops_arriving_are_a_deployment_and_peacekeepers_arriving_are_aid(code):
    out = code("Russian troops arrived in Kazakhstan.", {"Russian troops": "RUS", "Kazakhstan": "KAZ"})
    assert out.one("MOBILIZE").mode == "troops"
    out = code("Peacekeepers from Ghana arrived in Mali.", {"Ghana": "GHA", "Mali": "MLI"})
    assert out.one("AID").contexts == ["peacekeeping"] and not out.of_type("MOBILIZE")


def test_the_user_of_a_weapon_named_as_the_doer_is_the_source(code):
    actors = {"Afghan soldiers": "AFG", "Taliban militants": "AFG-REB"}
    out = code("Three Afghan soldiers were killed by a roadside bomb planted by Taliban militants.", actors)
    event = out.one("ASSAULT")
    assert out.src(event) == {"AFG-REB"} and out.tgt(event) == {"AFG"}


def test_an_agentless_arrest_in_a_city_is_by_its_country(run):
    result = run("The opposition leader was arrested in Minsk on Sunday.", date="2020-08-12")
    countries = {a.id: a.country for a in result.actors}
    event = next(e for e in result.events if e.type == "COERCE")
    assert {countries[a] for a in event.source} == {"BLR"}


def test_a_weapon_as_the_doer_leaves_the_place_country_as_source(run):
    result = run(
        "Three US soldiers were killed by an explosive device outside the Iraqi city of Basra.", date="2007-05-01"
    )
    countries = {a.id: a.country for a in result.actors}
    event = next(e for e in result.events if e.type == "ASSAULT")
    assert {countries[a] for a in event.source} == {"IRQ"} and {countries[a] for a in event.target} == {"USA"}


def test_aid_named_inside_the_object_is_the_same_event(code):
    out = code("Germany will provide 500 million euros in aid to Ukraine.", {"Germany": "DEU", "Ukraine": "UKR"})
    assert len(out.events) == 1
    event = out.events[0]
    assert (out.src(event), out.tgt(event), event.status) == ({"DEU"}, {"UKR"}, "planned")


def test_passive_subject_is_the_object_a_trigger_asks_for(code):
    out = code("Thousands of police officers were deployed by Canada.", {"Canada": "CAN"})
    assert out.one("MOBILIZE").mode == "police"


def test_unnamed_people_arrested_in_a_city_are_its_countrys_and_no_doer_is_invented(run):
    result = run("Seventy people were arrested in Belgrade on Friday.", date="2020-07-11")
    countries = {a.id: a.country for a in result.actors}
    event = next(e for e in result.events if e.type == "COERCE")
    assert event.source == [] and {countries[a] for a in event.target} == {"SRB"}


def test_an_interview_with_a_medium_is_no_consultation(run):
    for text in ("With Wikinews, Senator Smith discusses the election.", "Senator Smith spoke with Wikinews."):
        result = run(text, date="2020-07-11")
        assert not [e for e in result.events if e.type == "CONSULT"], text


def test_a_meeting_keeps_its_parties_when_a_reporter_is_dropped(run):
    result = run("Angela Merkel met Emmanuel Macron and a Reuters reporter on Monday.", date="2020-07-11")
    event = next(e for e in result.events if e.type == "CONSULT")
    assert len(event.source) + len(event.target) == 2


def test_an_alleged_attack_is_only_reported(run):
    result = run("The alleged attack by Kurdish rebels on the base took place on Monday.", date="2020-07-11")
    assert [e.status for e in result.events if e.type == "ASSAULT"] == ["reported"]


def test_expressing_support_is_the_event_itself_not_a_reported_one(run):
    result = run("Turkey expressed its support for Greece on Monday.", date="2020-07-11")
    assert [e.status for e in result.events if e.type == "SUPPORT"] == ["asserted"]


def test_expressed_support_inside_a_quote_stays_reported(run):
    result = run('"Turkey expressed its support for Greece," the minister said.', date="2020-07-11")
    assert [e.status for e in result.events if e.type == "SUPPORT"] == ["reported"]
