"""Anchoring by tense, modality, cue words and narrative time (DCT Thursday 2021-03-18)."""

from __future__ import annotations

import pytest

CASES = [
    # the governing verb's tense and modality
    ("The foreign minister is expected to fly to Madrid on Friday to deliver a letter.", "Friday", "2021-03-19"),
    ("The spokesman then said on Friday that contacts continued.", "Friday", "2021-03-12"),
    ("The envoy will meet the king on Monday.", "Monday", "2021-03-22"),
    ("The envoy met the king on Monday.", "Monday", "2021-03-15"),
    ("The envoy has met the king on Monday.", "Monday", "2021-03-15"),
    ("The envoy is meeting the king on Monday.", "Monday", "2021-03-22"),
    ("The envoy is scheduled to meet the king on Monday.", "Monday", "2021-03-22"),
    ("The envoy plans to meet the king on Monday.", "Monday", "2021-03-22"),
    ("Talks to resume Monday.", "Monday", "2021-03-22"),
    ("The envoy could not be reached on Monday.", "Monday", "2021-03-15"),
    ("The ruling is due on Monday.", "Monday", "2021-03-22"),
    # cue words before the expression
    ("The group could leave as soon as Tuesday.", "Tuesday", "2021-03-23"),
    ("The company has until Tuesday to answer.", "Tuesday", "2021-03-23"),
    ("Until Tuesday, they had not named a suspect.", "Tuesday", "2021-03-16"),
    ("The agency has given the family until Tuesday to reply.", "Tuesday", "2021-03-23"),
    ("Prices have doubled since Tuesday.", "Tuesday", "2021-03-16"),
    # the same weekday as the DCT is today, whatever the tense
    ("The court said Thursday it would rule soon.", "Thursday", "2021-03-18"),
    # month-days: the tense decides unless the other reading is far closer
    ("In reply to the May 3 test launch, the council imposed sanctions.", "May 3", "2020-05-03"),
    ("The firm said it will pay the dividend on May 3.", "May 3", "2021-05-03"),
    ("The bank has set March 25 as the deadline.", "March 25", "2021-03-25"),
    ("The aid had arrived by March 10.", "March 10", "2021-03-10"),
    ("The talks planned for April 9 might still take place.", "April 9", "2021-04-09"),
    # a participle takes the time of the clause it hangs on
    ("Two flights will leave on Monday, with a third departing on April 6.", "April 6", "2021-04-06"),
    # the present of arrangements: "is to", "is on", "there is", "have a meeting" point ahead
    ("The vote is to take place on Saturday.", "Saturday", "2021-03-20"),
    ("The hearing is on Monday.", "Monday", "2021-03-22"),
    ("There is a rally on Saturday.", "Saturday", "2021-03-20"),
    ("The unions have a meeting on Monday.", "Monday", "2021-03-22"),
    ("The unions had a meeting on Monday.", "Monday", "2021-03-15"),
    # a plan in the past perfect was made before a past time: its day is past too
    ("The offer had been due to expire on Friday.", "Friday", "2021-03-12"),
    ("The talks had been scheduled for Friday.", "Friday", "2021-03-12"),
    ("The talks had been expected to resume on Friday.", "Friday", "2021-03-12"),
    ("The offer is due to expire on Friday.", "Friday", "2021-03-19"),
    # a predicate adjective is a state, not an arrangement: the default (past) reading stays
    ("The shares are worth less than in October.", "October", "2020-10"),
]

# (DCT, sentence, expression, value): the weekday of the DCT matters here
ARRANGEMENTS = [
    ("2021-03-19", "The final is slated for this Sunday.", "this Sunday", "2021-03-21"),  # a Friday
    ("2021-03-19", "The final is scheduled for Sunday.", "Sunday", "2021-03-21"),
    ("2021-03-19", "The final was played on Sunday.", "Sunday", "2021-03-14"),
    ("2021-03-21", "We have a meeting on Monday.", "Monday", "2021-03-22"),  # a Sunday
    ("2021-03-21", "The team will play next Monday.", "next Monday", "2021-03-22"),
    ("2021-03-21", "The team lost on Monday.", "Monday", "2021-03-15"),
]


@pytest.mark.parametrize(
    ("dct", "sentence", "expression", "value"), ARRANGEMENTS, ids=[c[1][:40] for c in ARRANGEMENTS]
)
def test_arrangements_point_ahead(timexes, dct, sentence, expression, value):
    found = {text: v for text, _, v in timexes(sentence, dct=dct)}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(("sentence", "expression", "value"), CASES, ids=[c[0][:40] for c in CASES])
def test_direction(timexes, sentence, expression, value):
    found = {text: v for text, _, v in timexes(sentence)}
    assert found.get(expression) == value, found


def test_seed_like_story(timexes):
    """A story in the shape of the seed article, in other words and other dates."""
    text = (
        "The prime minister said Thursday morning that talks in Geneva with a senior envoy were going well.\n\n"
        "The talks are meant to prepare a summit on April 20.\n\n"
        "The envoy is expected to travel to London on Friday to hand over a letter, officials added.\n\n"
        "The country tested several rockets last year. On December 12, the council imposed new sanctions "
        "in response to the November 30 test.\n\n"
        "The envoy arrived in Geneva on Wednesday from Rome. The ministry, which said in October that the "
        "programme was complete, declined to comment.\n\n"
        "The summit looked doubtful last week. The prime minister then said on Friday that it might go ahead.\n\n"
        "A spokeswoman said on Tuesday that preparations continued."
    )
    found = [(t, v) for t, _, v in timexes(text)]
    expected = [
        ("Thursday morning", "2021-03-18TMO"),
        ("April 20", "2021-04-20"),
        ("Friday", "2021-03-19"),
        ("last year", "2020"),
        ("December 12", "2020-12-12"),
        ("November 30", "2020-11-30"),
        ("Wednesday", "2021-03-17"),
        ("October", "2020-10"),
        ("last week", "2021-W10"),
        ("Friday", "2021-03-12"),
        ("Tuesday", "2021-03-16"),
    ]
    assert found == expected


def test_weekday_without_dct_is_a_placeholder(timexes):
    assert ("Friday", "DATE", "XXXX-WXX-5") in timexes("The envoy left on Friday.", dct=None)


def test_narrative_year_from_the_previous_sentence(timexes):
    text = "The country tested rockets last year. On March 3, the council imposed sanctions."
    assert ("March 3", "DATE", "2020-03-03") in timexes(text)
    # without the story year the same date is this year's
    assert ("March 3", "DATE", "2021-03-03") in timexes("On March 3, the council imposed sanctions.")


def test_a_year_merely_mentioned_does_not_move_the_story(timexes):
    text = "Profits have doubled since 1980. In September, it announced a merger."
    assert ("September", "DATE", "2020-09") in timexes(text)
