"""Readings decided by a trigger's arguments and complement, not by the word alone (issue 16);
short sentences written for these tests."""

from __future__ import annotations

CN_JP = {"China": "CHN", "Japan": "JPN", "Japanese ambassador": "JPN"}


def test_conceding_that_something_is_so_is_no_concession(code):
    out = code("Iraq conceded that forming a government could drag on for months.", {"Iraq": "IRQ"})
    assert not out.of_type("CONCEDE")


def test_conceding_without_a_clause_is_still_a_concession(code):
    out = code("Iraq conceded defeat to Iran.", {"Iraq": "IRQ", "Iran": "IRN"})
    assert out.of_type("CONCEDE")


def test_ceasefire_talks_are_talks_not_a_retreat(code):
    out = code("Russia and Ukraine held ceasefire talks in Minsk.", {"Russia": "RUS", "Ukraine": "UKR"})
    assert [e.type for e in out.events] == ["CONSULT"]


def test_diplomatic_protest_lodged_with_an_envoy_is_an_accusation(code):
    out = code("China lodged a protest with the Japanese ambassador.", CN_JP)
    event = out.one("ACCUSE")
    assert (out.src(event), out.tgt(event)) == ({"CHN"}, {"JPN"})
    assert not out.of_type("PROTEST")


def test_street_protest_stays_a_protest(code):
    out = code("Students in China staged a protest against Japan.", CN_JP)
    assert out.of_type("PROTEST") and not out.of_type("ACCUSE")


def test_will_not_recognise_is_a_rejection_made_now(code):
    out = code("Germany will not recognise the election result in Belarus.", {"Germany": "DEU", "Belarus": "BLR"})
    event = out.one("REJECT")
    assert out.src(event) == {"DEU"} and event.status == "asserted"
    assert not out.of_type("SUPPORT")


def test_condemning_an_attack_accuses_its_authors_not_its_victims(code):
    actors = {"Pakistan": "PAK", "Taliban": "AFG", "India": "IND"}
    out = code("Pakistan condemned the Taliban attack on the embassy of India.", actors)
    event = out.one("ACCUSE")
    assert (out.src(event), out.tgt(event)) == ({"PAK"}, {"AFG"})


def test_by_agent_of_an_attack_hanging_on_its_object_is_its_author(code):
    actors = {"Pakistan": "PAK", "Taliban": "AFG", "India": "IND"}
    out = code("Pakistan condemned the attack on the Indian embassy by the Taliban.", actors)
    event = out.one("ACCUSE")
    assert out.tgt(event) == {"AFG"}


def test_calling_sanctions_absurd_is_an_accusation(code):
    out = code("Venezuela called the sanctions absurd and hostile.", {"Venezuela": "VEN"})
    event = out.one("ACCUSE")
    assert out.src(event) == {"VEN"} and event.trigger.text == "called"
    assert not out.of_type("SANCTION")  # the sanctions are what is condemned, not a new event


def test_calling_someone_by_a_name_is_no_accusation(code):
    out = code("Venezuela called the meeting a success.", {"Venezuela": "VEN"})
    assert not out.of_type("ACCUSE")


def test_court_dismissing_a_petition_rejects_it(code):
    out = code(
        "The Supreme Court of Kenya dismissed the petition of Raila Odinga.", {"Kenya": "KEN", "Raila Odinga": "KEN"}
    )
    assert out.of_type("REJECT")


def test_vote_against_is_a_rejection(code):
    out = code("Canada voted against the resolution of Mexico.", {"Canada": "CAN", "Mexico": "MEX"})
    assert out.of_type("REJECT")


def test_aid_convoy_entering_a_place_is_aid_to_it(code):
    out = code("Aid trucks entered Gaza on Sunday.", {"Gaza": "PSE"})
    event = out.one("AID")
    assert out.tgt(event) == {"PSE"}


def test_ceasefire_between_two_sides_lists_both(code):
    out = code("A ceasefire between Armenia and Azerbaijan took effect.", {"Armenia": "ARM", "Azerbaijan": "AZE"})
    event = out.one("RETREAT")
    assert event.mode == "ceasefire" and out.src(event) == {"ARM", "AZE"}


def test_events_dated_by_the_narrative_before_the_article_date(run):
    text = (
        "Police in Belarus arrested dozens of protesters in Minsk on Tuesday. "
        "Riot police clashed with protesters outside the election commission."
    )
    result = run(text, date="2020-08-14")
    clash = next(e for e in result.events if e.trigger.text == "clashed")
    assert clash.date == "2020-08-11" and clash.date_source == "narrative"


def test_speaking_with_a_counterpart_by_phone_is_a_phone_consultation(code):
    out = code("Canada spoke with Mexico by phone on Wednesday.", {"Canada": "CAN", "Mexico": "MEX"})
    event = out.one("CONSULT")
    assert event.mode == "phone" and out.src(event) == {"CAN", "MEX"}


def test_speaking_with_someone_is_a_consultation_but_to_reporters_is_not(code):
    out = code("Canada spoke with Mexico on Wednesday.", {"Canada": "CAN", "Mexico": "MEX"})
    assert out.one("CONSULT")
    assert code("Canada spoke to reporters on Wednesday.", {"Canada": "CAN"}).events == []


def test_protesters_suspending_their_protests_concede(code):
    out = code("The opposition of Somalia suspended its protests for two weeks.", {"Somalia": "SOM"})
    assert [e.type for e in out.events] == ["CONCEDE"]


def test_police_ending_a_protest_is_no_concession(code):
    out = code("Police in Somalia ended the protest.", {"Somalia": "SOM"})
    assert not out.of_type("CONCEDE")


def test_ending_a_state_of_emergency_eases_it(code):
    out = code("Chile ended the state of emergency.", {"Chile": "CHL"})
    assert out.one("CONCEDE")


def test_a_curfew_lifted_in_a_city_concedes_to_its_country(run):
    result = run("The curfew in Zaria was lifted on Monday.", date="2020-03-13")
    countries = {a.id: a.country for a in result.actors}
    event = next(e for e in result.events if e.type == "CONCEDE")
    assert {countries[a] for a in event.target} == {"NGA"}


def test_refusing_support_by_negation_is_a_rejection(code):
    out = code("Canada does not support the plan of Mexico.", {"Canada": "CAN", "Mexico": "MEX"})
    assert [e.type for e in out.events] == ["REJECT"]


def test_not_yet_ratified_is_a_negated_support_not_a_rejection(code):
    out = code("Canada has not yet ratified the treaty with Mexico.", {"Canada": "CAN", "Mexico": "MEX"})
    assert [(e.type, e.status) for e in out.events] == [("SUPPORT", "negated")]


def test_sending_warships_mobilizes_weapons_and_sending_troops_troops(code):
    out = code("China sent warships to the coast of Vietnam.", {"China": "CHN", "Vietnam": "VNM"})
    assert out.one("MOBILIZE").mode == "weapons"
    out = code("China sent troops to the border with Vietnam.", {"China": "CHN", "Vietnam": "VNM"})
    assert out.one("MOBILIZE").mode == "troops"


KE_UG = {"Kenya": "KEN", "Uganda": "UGA"}


def test_insisting_that_something_is_so_is_no_demand(code):
    out = code("The minister of Kenya insisted that the election had been fair.", KE_UG)
    assert not out.events


def test_insisting_that_someone_act_is_a_demand(code):
    out = code("Kenya insisted that Uganda withdraw its troops.", KE_UG)
    event = out.one("REQUEST")
    assert (out.src(event), out.tgt(event)) == ({"KEN"}, {"UGA"})


def test_denying_that_something_is_so_is_no_rejection(code):
    out = code("Kenya denied that its economy was in trouble.", KE_UG)
    assert not out.events


def test_denying_someone_entry_is_still_a_rejection(code):
    out = code("Kenya denied the envoy of Uganda entry.", KE_UG)
    assert out.of_type("REJECT")


def test_describing_sanctions_as_illegal_is_an_accusation(code):
    out = code("Kenya described the sanctions of Uganda as illegal.", KE_UG)
    event = out.one("ACCUSE")
    assert out.src(event) == {"KEN"} and not out.of_type("SANCTION") and not out.of_type("COERCE")


def test_mentioning_aid_is_not_promising_it(code):
    # PETRARCH2 lists "mention" among the verbs of its intent block ("mention aid" as 033)
    out = code("Kenya mentioned the aid of Uganda in its report.", KE_UG)
    assert not out.of_type("AGREE")


def test_an_allegation_with_no_doer_reports_the_act(code):
    out = code("Aides of Kenya alleged that the envoy of Uganda was poisoned.", KE_UG)
    event = out.one("ASSAULT")
    assert out.tgt(event) == {"UGA"}
    assert not out.of_type("ACCUSE")


def test_an_allegation_naming_the_doer_stays_an_accusation(code):
    out = code("Kenya alleged that its envoy was attacked by Uganda.", KE_UG)
    event = out.one("ACCUSE")
    assert (out.src(event), out.tgt(event)) == ({"KEN"}, {"UGA"})


def test_blasting_a_policy_is_criticism(code):
    out = code("Kenya blasted the policy of Uganda.", KE_UG)
    assert out.one("ACCUSE").mode == "disapprove"


def test_tear_gas_is_crowd_control(code):
    out = code("Police of Kenya fired tear gas at protesters.", {"Police of Kenya": "KEN"})
    assert out.one("ASSAULT").mode == "crowd-control"


def test_a_plural_crowd_that_protests_demonstrates(code):
    out = code("Kenyans protested in Nairobi for a fourth night.", {"Kenyans": "KEN"})
    assert out.one("PROTEST").mode == "demo" and not out.of_type("ACCUSE")


def test_a_government_that_protests_to_an_envoy_accuses(code):
    out = code("Kenya protested to the ambassador of Uganda.", KE_UG)
    assert out.of_type("ACCUSE") and not out.of_type("PROTEST")


def test_a_government_that_protests_a_decision_accuses(code):
    out = code("Kenya protested the decision of Uganda.", KE_UG)
    assert out.of_type("ACCUSE") and not out.of_type("PROTEST")


def test_will_not_tolerate_is_a_threat(code):
    out = code("Kenya will not tolerate attacks by Uganda.", KE_UG)
    event = out.one("THREATEN")
    assert out.src(event) == {"KEN"} and not out.of_type("CONCEDE")


def test_warning_that_police_will_not_tolerate_rallies_is_a_threat(code):
    out = code("Kenya warned that police will no longer tolerate rallies by Uganda.", KE_UG)
    assert out.of_type("THREATEN")
