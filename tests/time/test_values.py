"""Value rules of issue 18: reference quarters, anaphoric weekdays, "one day", deadlines, page furniture."""

from __future__ import annotations

import pytest

# The DCT of the time-stage fixture is Thursday 2021-03-18 unless a case gives its own.
CASES = [
    # a quarter named in a future clause is a forecast: the text still reports on the third quarter
    (
        "Third-quarter profit rose 11%. The storm will cause a fourth-quarter charge. "
        "Profit fell in the latest quarter, compared with a year ago.",
        "2021-11-02",
        [("the latest quarter", "DATE", "2021-Q3"), ("a year ago", "DATE", "2020-Q3")],
    ),
    # a fiscal fourth quarter reported in a past clause is the text's quarter
    (
        "The firm reported lower fourth-quarter sales. Sales in the latest period fell.",
        "2021-11-02",
        [("the latest period", "DATE", "2021-Q4")],
    ),
    # "the following Monday", "the previous Tuesday" count from the time the text just named
    (
        "The vote was held on March 3. The following Monday, the court met.",
        None,
        [("The following Monday", "DATE", "2021-03-08")],
    ),
    (
        "The vote was held on Saturday, March 6. Police had raided the office the previous Tuesday.",
        None,
        [("the previous Tuesday", "DATE", "2021-03-02")],
    ),
    # with no time named nearby they count from the DCT, like "last Friday"
    ("Prices fell 4% from the previous Friday.", None, [("the previous Friday", "DATE", "2021-03-12")]),
    # "will one day be": an indefinite future, not a day's length
    ("Islam will one day be the second largest religion there.", None, [("one day", "DATE", "FUTURE_REF")]),
    ("The strike lasted one day.", None, [("one day", "DURATION", "P1D")]),
    # "by the Tuesday deadline": "by" governs the noun; the past clause decides
    ("Holders tendered 99% of the shares by the Tuesday deadline.", None, [("Tuesday", "DATE", "2021-03-16")]),
    ("Holders must tender their shares by Tuesday.", None, [("Tuesday", "DATE", "2021-03-23")]),
    # a weekday and its date are one expression; they stay apart when they disagree
    (
        "The Times said in an editorial on Saturday, March 13: the court erred.",
        None,
        [("Saturday, March 13", "DATE", "2021-03-13")],
    ),
    ("The talks on Monday morning, March 15, failed.", None, [("Monday morning, March 15", "DATE", "2021-03-15TMO")]),
    ("He left on Friday, March 5, 2021.", None, [("Friday, March 5, 2021", "DATE", "2021-03-05")]),
    ("Money seeped out Friday Oct. 13 alone.", None, [("Oct. 13", "DATE", "2020-10-13")]),
    # "almost", like "nearly", is part of the expression (TIMEX3 mod APPROX)
    ("The war ended almost four years ago.", None, [("almost four years ago", "DATE", "2017")]),
    ("It has ruled for almost a hundred years.", None, [("almost a hundred years", "DURATION", "P100Y")]),
]


@pytest.mark.parametrize(("text", "dct", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_values(timexes, text, dct, expected):
    found = timexes(text, dct) if dct else timexes(text)
    for item in expected:
        assert item in found, found


def test_page_furniture_dates_are_not_story_timexes(run):
    """A byline's date, a "Published" stamp and a "Read more" link's date date the page, not the story."""
    text = (
        "Rebels seize town\nBy John Smith, March 4, 2021\nPublished 10:42 a.m. ET March 4, 2021\n\n"
        "Rebels seized the town on Wednesday, officials said.\n\nRead more: Talks stall (March 1, 2021)"
    )
    result = run(text)
    assert result.doc.dct == "2021-03-04"
    assert [(t.text, t.value) for t in result.timexes] == [("Wednesday", "2021-03-03")]


def test_wire_dateline_date_stays(run):
    """A wire dateline opens the story: TimeML corpora annotate its date."""
    text = "WASHINGTON, March 12 (Xinhua) --\n\nThe three countries joined NATO on Friday, officials said."
    result = run(text, date="2021-03-12")
    assert ("March 12", "2021-03-12") in [(t.text, t.value) for t in result.timexes]


@pytest.mark.parametrize(
    "text",
    [
        "He told USA Today that he would run.",
        "This is VOA Today.",
        'Baker said on ABC\'s "This Week" that the resolutions stand.',
        'He spoke on CBS\'s "60 Minutes."',
    ],
)
def test_time_words_inside_a_name_are_no_timexes(timexes, text):
    assert timexes(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Today is a sad day," he said.', ("Today", "DATE", "2021-03-18")),
        ("Shares fell on Wednesday. Yesterday they closed higher.", ("Yesterday", "DATE", "2021-03-17")),
        ("The talks lasted 60 minutes.", ("60 minutes", "DURATION", "PT60M")),
        ("He arrived on Thanksgiving Day.", ("Thanksgiving Day", "DATE", "2020-11-26")),
    ],
)
def test_capitalised_time_words_at_a_sentence_start_stay(timexes, text, expected):
    assert expected in timexes(text)


def test_now_that_is_the_present(timexes):
    """TimeML tags the "now" of "now that" (the situation holds at the present)."""
    assert ("now", "DATE", "PRESENT_REF") in timexes("Aqaba is the only outlet now that the noose has tightened.")


def test_election_day_is_the_tuesday_after_the_first_monday_of_november(timexes):
    assert ("Election Day", "DATE", "2020-11-03") in timexes("Voters go to the polls on Election Day.", "2020-10-01")
    assert ("Election Day", "DATE", "2021-11-02") in timexes("Voters will go to the polls on Election Day.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polls close at 2000 GMT.", ("2000 GMT", "TIME", "2021-03-18T20:00")),
        ("The strike began at 0600 GMT Tuesday.", ("0600 GMT Tuesday", "TIME", "2021-03-16T06:00")),
    ],
)
def test_wire_clock_times(timexes, text, expected):
    """Four-digit clock times before a zone ("0600 GMT") are times of day, not years."""
    assert expected in timexes(text)


def test_a_bracketed_wire_time_glosses_the_local_time(timexes):
    found = timexes("The blast occurred at 10:35 a.m. (0735 GMT) and shook the city.")
    assert [t[0] for t in found] == ["10:35 a.m."]
    assert ("1800", "DATE", "1800") in timexes("Napoleon ruled France in 1800.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the year-earlier third quarter, the bank earned $2.8 million.", "2020-Q3"),
        ("In the year-ago third quarter, the bank lost money.", "2020-Q3"),
        ("The prior-year fourth quarter was weak.", "2020-Q4"),
    ],
)
def test_year_earlier_quarter_is_one_expression(timexes, text, expected):
    found = timexes(text, "2021-10-27")
    assert len(found) == 1 and found[0][2] == expected, found


def test_quarter_ended_on_a_day_becomes_the_reference(timexes):
    text = (
        "For the quarter ended Sept. 30, the airline earned $133 million, up from $100 million "
        "a year earlier. During the quarter, it issued shares."
    )
    found = timexes(text, "2021-10-26")
    assert ("a year earlier", "DATE", "2020-Q3") in found
    assert ("the quarter", "DATE", "2021-Q3") in found


def test_quarter_ended_on_a_day_restates_a_fiscal_quarter(timexes):
    """ "the fiscal first quarter ... for the quarter ended Sept. 30": one quarter, named by its fiscal label."""
    text = (
        "Earnings soared in the fiscal first quarter. For the quarter ended Sept. 30, the airline earned "
        "$133 million, up from $100 million a year earlier. During the quarter, it issued shares."
    )
    found = timexes(text, "2021-10-26")
    assert ("a year earlier", "DATE", "2020-Q1") in found
    assert found[-1] == ("the quarter", "DATE", "2021-Q1")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Women's Day is this coming Sunday, March twenty-first.",
            ("this coming Sunday, March twenty-first", "DATE", "2021-03-21"),
        ),
        ("The parade is on the fourth of July.", ("the fourth of July", "DATE", "2021-07-04")),
        ("He was born on January the first.", ("January the first", "DATE", "2021-01-01")),
    ],
)
def test_spelled_days_of_the_month(timexes, text, expected):
    assert expected in timexes(text)


def test_spelled_day_is_not_an_ordinal_adjective(timexes):
    assert ("March", "DATE", "2021-03") in timexes("Results for March second-quarter sales fell.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The summit will be held on April 24 and 25.",
            [("April 24", "DATE", "2021-04-24"), ("25", "DATE", "2021-04-25")],
        ),
        (
            "Talks ran on March 3 and 4, officials said.",
            [("March 3", "DATE", "2021-03-03"), ("4", "DATE", "2021-03-04")],
        ),
    ],
)
def test_an_elided_second_day_is_a_date(timexes, text, expected):
    found = timexes(text)
    for item in expected:
        assert item in found, found


def test_a_count_after_a_date_is_no_day(timexes):
    assert [t[0] for t in timexes("On May 5 and 20 people died.")] == ["May 5"]


def test_an_earlier_quarter_named_later_is_a_comparison(timexes):
    text = (
        "The company posted a 20% gain in third-quarter net income, from $90 million a year ago. "
        "After a flat second quarter, it cut costs. Charges were taken in the year-earlier period."
    )
    found = timexes(text, "2021-11-01")
    assert ("a year ago", "DATE", "2020-Q3") in found
    assert ("the year-earlier period", "DATE", "2020-Q3") in found


def test_this_quarter_does_not_displace_the_reported_quarter(timexes):
    text = (
        "The firm lost $8 million for the third quarter ended Sept. 30. This quarter's loss includes charges. "
        "Sales for this year's third quarter fell. Sales for last year's quarter were $3 million."
    )
    assert ("last year's quarter", "DATE", "2020-Q3") in timexes(text, "2021-11-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plan reported in the past for a weekday named after it: the planned day is ahead
        ("Protesters planned a large rally in the capital on Saturday.", ("Saturday", "DATE", "2021-03-20")),
        ("The board scheduled a vote for Tuesday night.", ("Tuesday night", "DATE", "2021-03-23TNI")),
        # the weekday dates the planning, or the plan was overtaken
        ("On Tuesday, the board scheduled a vote.", ("Tuesday", "DATE", "2021-03-16")),
        ("They had planned a rally on Saturday, but it was banned.", ("Saturday", "DATE", "2021-03-13")),
    ],
)
def test_past_plans_for_a_weekday(timexes, text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote is Sunday.", ("Sunday", "DATE", "2021-03-21")),
        ("The deadline is midnight Sunday.", ("midnight Sunday", "TIME", "2021-03-21T24:00")),
        ("Today is Thursday.", ("Thursday", "DATE", "2021-03-18")),
    ],
)
def test_a_present_be_naming_its_time_is_a_schedule(timexes, text, expected):
    assert expected in timexes(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The March accession will let them join.", ["March"]),
        ("March's figures rose.", ["March"]),
        ("A May deadline looms.", ["May"]),
        ("They rallied at the annual March for Life.", []),
        ("May I ask a question?", []),
        ("It may rain.", []),
    ],
)
def test_may_and_march_by_their_neighbours(timexes, text, expected):
    assert [t[0] for t in timexes(text)] == expected


def test_a_half_or_quarter_of_the_year_is_one_expression(timexes):
    found = timexes("Prices rose in the first half of the year. The third quarter of the year was weak.", "2021-08-22")
    assert found == [
        ("the first half of the year", "DATE", "2021-H1"),
        ("The third quarter of the year", "DATE", "2021-Q3"),
    ]
