"""Planned status for scheduled or announced future action; hypothetical for conditions (issue 16)."""

from __future__ import annotations

CN_IN = {"China": "CHN", "India": "IND"}


def test_reported_would_with_its_own_time_is_planned(code):
    out = code(
        "China would meet India on June 4, officials said.", CN_IN, times={"June 4": "2018-06-04"}, dct="2018-05-31"
    )
    assert [e.status for e in out.events] == ["planned"]


def test_would_in_a_condition_stays_hypothetical(code):
    out = code("China would meet India if the border dispute ended.", CN_IN)
    assert [e.status for e in out.events] == ["hypothetical"]


def test_plans_to_is_planned(code):
    out = code("China plans to send aid to India.", CN_IN)
    assert [e.status for e in out.events] == ["planned"]


def test_is_expected_to_is_planned(code):
    out = code("China is expected to meet India on Tuesday.", CN_IN)
    assert [e.status for e in out.events] == ["planned"]


def test_said_it_will_summon_is_planned(code):
    out = code("China said it will summon the ambassador of India.", CN_IN, pronouns={"it": "China"})
    assert [e.status for e in out.events] == ["planned"]


def test_someone_elses_guess_about_a_future_attack_is_no_threat(code):
    actors = {"China": "CHN", "Taiwan": "TWN", "Japanese analysts": "JPN"}
    out = code("Japanese analysts believe China could attack Taiwan.", actors)
    assert [(e.type, e.status) for e in out.events] == [("ASSAULT", "hypothetical")]


def test_the_doers_own_announcement_of_an_attack_is_a_threat(code):
    out = code("China said it could attack Taiwan.", {"China": "CHN", "Taiwan": "TWN"}, pronouns={"it": "China"})
    assert [e.type for e in out.events] == ["THREATEN"]


def test_a_plan_reported_by_sources_stays_the_doers_announcement(code):
    out = code("Canada will meet Mexico next week, diplomatic sources said.", {"Canada": "CAN", "Mexico": "MEX"})
    assert [e.type for e in out.events] == ["AGREE"]


def test_has_yet_to_is_negated(code):
    out = code("Canada has yet to recognise Kosovo.", {"Canada": "CAN", "Kosovo": "XKX"})
    assert [e.status for e in out.events] == ["negated"]


def test_dismissing_a_claim_as_groundless_rejects_it(code):
    out = code("Russia dismissed the claim from Germany as groundless.", {"Russia": "RUS", "Germany": "DEU"})
    assert out.one("REJECT")


def test_be_to_infinitive_is_planned(code):
    out = code("China is to send aid to India.", CN_IN)
    assert [e.status for e in out.events] == ["planned"], out.summary()


def test_said_it_would_with_a_future_day_is_planned(code):
    out = code(
        "China said it would meet India next week.", CN_IN, pronouns={"it": "China"}, times={"next week": "2018-W23"}
    )
    assert [e.status for e in out.events] == ["planned"], out.summary()


def test_a_happening_after_following_is_presupposed_not_planned(code):
    out = code("Voters in China will go to the polls tomorrow following the resignation of India.", CN_IN)
    assert [(e.type, e.status) for e in out.events] == [("RETREAT", "asserted")], out.summary()


def test_talks_after_which_something_will_happen_took_place(code):
    out = code("India will hold elections next month after the talks with China.", CN_IN)
    assert [(e.type, e.status) for e in out.events] == [("CONSULT", "asserted")], out.summary()


def test_an_if_clause_stays_hypothetical(code):
    out = code("If China meets India, the border will open.", CN_IN)
    assert [e.status for e in out.events] == ["hypothetical"], out.summary()


def test_a_nominal_that_is_scheduled_is_planned(code):
    out = code("Talks between China and India are scheduled.", CN_IN)
    assert [(e.type, e.status) for e in out.events] == [("CONSULT", "planned")], out.summary()


def test_a_past_schedule_is_no_plan(code):
    out = code("Talks between China and India were scheduled in March.", CN_IN)
    assert [e.status for e in out.events] != ["planned"], out.summary()
