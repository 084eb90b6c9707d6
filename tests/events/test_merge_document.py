"""One event per happening: mentions of one happening across a document merge (issue 16)."""

from __future__ import annotations

CA_MX = {"Canada": "CAN", "Mexico": "MEX", "the Canadian minister": "CAN", "his Mexican counterpart": "MEX"}


def test_repeated_mentions_of_one_meeting_become_one_event_with_every_mention(code):
    text = (
        "Canada met Mexico in Ottawa on Monday. "
        "The meeting between Canada and Mexico lasted three hours. "
        "Reporters were not allowed into the meeting."
    )
    out = code(text, CA_MX, times={"Monday": "2018-05-28"}, dct="2018-05-28")
    event = out.one("CONSULT")
    assert [m.text for m in event.mentions][:2] == ["met", "meeting"]
    assert out.src(event) == {"CAN", "MEX"}


def test_same_countries_under_other_names_are_one_happening(code):
    text = "Canada met Mexico on Monday. The talks between the Canadian minister and his Mexican counterpart went well."
    out = code(text, CA_MX, times={"Monday": "2018-05-28"}, dct="2018-05-28")
    assert len(out.of_type("CONSULT")) == 1


def test_different_dates_stay_two_happenings(code):
    text = "Canada met Mexico on Monday. Canada met Mexico again on Friday."
    out = code(text, CA_MX, times={"Monday": "2018-05-28", "Friday": "2018-06-01"}, dct="2018-05-28")
    assert len(out.of_type("CONSULT")) == 2


def test_reversed_roles_stay_two_happenings(code):
    text = "Canada accused Mexico of fraud. Mexico accused Canada of lying."
    out = code(text, CA_MX)
    assert len(out.of_type("ACCUSE")) == 2


def test_a_planned_and_an_asserted_meeting_stay_apart(code):
    text = "Canada met Mexico on Monday. Canada will meet Mexico on Monday."
    out = code(text, CA_MX, times={"Monday": "2018-05-28"}, dct="2018-05-28")
    assert len(out.events) == 2


def test_a_repeated_headline_gives_one_event(code):
    headline = "Canada imposes sanctions on Mexico\n\n"
    text = headline + headline + "Canada imposed sanctions on Mexico."
    out = code(text, CA_MX)
    event = out.one("SANCTION")
    assert len(event.mentions) == 3


def test_a_planned_and_a_hedged_mention_of_one_dated_future_meeting_are_one(code):
    text = (
        "A meeting between Canada and Mexico is scheduled for June 12. "
        "Canada said the June 12 meeting with Mexico might still take place."
    )
    out = code(text, CA_MX, times={"June 12": "2018-06-12"}, dct="2018-05-31")
    event = out.one("CONSULT")
    assert event.status == "planned" and len(event.mentions) == 2, out.summary()


def test_undated_planned_and_hypothetical_meetings_stay_apart(code):
    text = "A meeting between Canada and Mexico is scheduled. Canada said the meeting with Mexico might take place."
    out = code(text, CA_MX, dct="2018-05-31")
    assert sorted(e.status for e in out.of_type("CONSULT")) == ["hypothetical", "planned"], out.summary()


def test_merged_joint_meeting_drops_a_host_country_a_party_stands_for(code):
    actors = {"Canada": "CAN", "Juan Perez": "MEX", "Anne Roy": "CAN"}
    text = (
        "Juan Perez arrived in Canada on Monday for a visit. "
        "On Monday, the talks between Juan Perez and Anne Roy went well."
    )
    out = code(text, actors, times={"Monday": "2018-05-28"}, dct="2018-05-28", people={"Juan Perez", "Anne Roy"})
    consult = out.of_type("CONSULT")
    assert len(consult) == 1, out.summary()
    assert out.src(consult[0]) == {"CAN", "MEX"} and consult[0].target == [], out.summary()


def test_a_meeting_told_as_fact_and_through_officials_is_one_asserted_event(code):
    text = (
        "Canada met Mexico in Ottawa on Monday. "
        "Officials said the meeting between Canada and Mexico on Monday went well."
    )
    out = code(text, CA_MX, times={"Monday": "2018-05-28"}, dct="2018-05-29")
    event = out.one("CONSULT")
    assert event.status == "asserted" and len(event.mentions) == 2, out.summary()


def test_also_adds_a_happening_instead_of_retelling_one(code):
    text = "Canada sanctioned Mexico on Monday. Canada also sanctioned the Mexican minister on Monday."
    actors = {"Canada": "CAN", "Mexico": "MEX", "the Mexican minister": "MEX"}
    out = code(text, actors, times={"Monday": "2018-05-28"}, dct="2018-05-28")
    assert len(out.of_type("SANCTION")) == 2
    merged = "Canada sanctioned Mexico on Monday. Canada sanctioned the Mexican minister on Monday."
    assert len(code(merged, actors, times={"Monday": "2018-05-28"}, dct="2018-05-28").of_type("SANCTION")) == 1
