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
