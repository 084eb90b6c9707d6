"""One short sentence per grammar rule; the DCT is Thursday 18 March 2021 unless stated."""

from __future__ import annotations

import pytest

CASES = [
    # calendar dates with a year
    ("The treaty was signed on March 3, 2019, in Oslo.", ("March 3, 2019", "DATE", "2019-03-03")),
    ("The plant opened on 4 July 1998 after delays.", ("4 July 1998", "DATE", "1998-07-04")),
    ("The filing is dated 2020-11-05 in the register.", ("2020-11-05", "DATE", "2020-11-05")),
    ("The form was stamped 11/05/2020 by the clerk.", ("11/05/2020", "DATE", "2020-11-05")),
    ("Prices peaked in May 2016 and fell.", ("May 2016", "DATE", "2016-05")),
    ("The club was founded in 1994 by miners.", ("1994", "DATE", "1994")),
    ("Sales in fiscal 1989 were flat.", ("fiscal 1989", "DATE", "1989")),
    ("The idea dates from the 1990s at least.", ("the 1990s", "DATE", "199")),
    ("Rents soared in the early 1980s in the city.", ("the early 1980s", "DATE", "198")),
    ("It was the worst flood of the 20th century there.", ("the 20th century", "DATE", "19")),
    ("In nineteen ninety-six the bridge fell.", ("nineteen ninety-six", "DATE", "1996")),
    ("They hoped to finish by the year two thousand.", ("the year two thousand", "DATE", "2000")),
    # month-day and month without a year, anchored by tense
    ("The council imposed the fine on December 22.", ("December 22", "DATE", "2020-12-22")),
    ("The summit will take place on June 12.", ("June 12", "DATE", "2021-06-12")),
    ("The strike ended on March 2 after talks.", ("March 2", "DATE", "2021-03-02")),
    ("The court ruled on March 5: the appeal failed.", ("March 5", "DATE", "2021-03-05")),  # a colon, not a clock
    ("The firm has set April 1 as the deadline.", ("April 1", "DATE", "2021-04-01")),
    ("The rebels declared in November that they had won.", ("November", "DATE", "2020-11")),
    ("Voters will go to the polls in November.", ("November", "DATE", "2021-11")),
    ("The storm hit in late February.", ("late February", "DATE", "2021-02")),
    ("He joined the board last June.", ("last June", "DATE", "2020-06")),
    ("She left in June last year.", ("June last year", "DATE", "2020-06")),
    # weekdays and parts of day
    ("The minister said on Tuesday that talks went well.", ("Tuesday", "DATE", "2021-03-16")),
    ("The minister will visit Rome on Tuesday.", ("Tuesday", "DATE", "2021-03-23")),
    ("The envoy is expected to travel to Paris on Friday.", ("Friday", "DATE", "2021-03-19")),
    ("The mayor said Thursday morning that roads were open.", ("Thursday morning", "DATE", "2021-03-18TMO")),
    ("Crowds gathered on Wednesday evening outside.", ("Wednesday evening", "DATE", "2021-03-17TEV")),
    ("Police made arrests last Friday.", ("last Friday", "DATE", "2021-03-12")),
    ("The vote is set for next Monday.", ("next Monday", "DATE", "2021-03-22")),
    ("Officials met yesterday in Geneva.", ("yesterday", "DATE", "2021-03-17")),
    ("The results come out tomorrow.", ("tomorrow", "DATE", "2021-03-19")),
    ("The court ruled today on the case.", ("today", "DATE", "2021-03-18")),
    ("The president speaks tonight.", ("tonight", "TIME", "2021-03-18TNI")),
    ("Shots were heard last night near the port.", ("last night", "TIME", "2021-03-17TNI")),
    ("Traffic stopped this morning on the bridge.", ("this morning", "TIME", "2021-03-18TMO")),
    ("Fans celebrated over the weekend in town.", ("the weekend", "DATE", "2021-W10-WE")),
    # this / last / next units
    ("The talks collapsed last week in Vienna.", ("last week", "DATE", "2021-W10")),
    ("Both sides meet again next week.", ("next week", "DATE", "2021-W12")),
    ("Imports fell last month by a tenth.", ("last month", "DATE", "2021-02")),
    ("The mill closed earlier this month.", ("earlier this month", "DATE", "2021-03")),
    ("The party lost seats last year.", ("last year", "DATE", "2020")),
    ("A census is planned for early next year.", ("early next year", "DATE", "2022")),
    ("Costs will rise by the end of the year.", ("the end of the year", "DATE", "2021")),
    ("The firm lost money last quarter.", ("last quarter", "DATE", "2020-Q4")),
    ("Profit rose in the third quarter.", ("the third quarter", "DATE", "2020-Q3")),
    ("The firm expects third-quarter profit to rise.", ("third-quarter", "DATE", "2021-Q3")),
    ("Output grew in the first half of 2020.", ("the first half of 2020", "DATE", "2020-H1")),
    ("Rain is expected this summer.", ("this summer", "DATE", "2021-SU")),
    ("The dam burst last fall.", ("last fall", "DATE", "2020-FA")),
    ("Shops were busy before Christmas.", ("Christmas", "DATE", "2020-12-25")),
    # offsets from the DCT
    ("The ship sank two days ago.", ("two days ago", "DATE", "2021-03-16")),
    ("The mine shut three years ago.", ("three years ago", "DATE", "2018")),
    ("She moved here two months ago.", ("two months ago", "DATE", "2021-01")),
    ("Several years ago the road was built.", ("Several years ago", "DATE", "PAST_REF")),
    # durations
    ("Fighting has raged for the past three years.", ("the past three years", "DURATION", "P3Y")),
    ("The reactor will be shut for six months.", ("six months", "DURATION", "P6M")),
    ("He signed a 10-year contract.", ("10-year", "DURATION", "P10Y")),
    ("The match lasted 2 1/2 hours.", ("2 1/2 hours", "DURATION", "PT2H30M")),
    ("Talks ran for nearly two weeks.", ("nearly two weeks", "DURATION", "P2W")),
    ("The siege lasted a few days.", ("a few days", "DURATION", "PXD")),
    ("He had waited for years for news.", ("years", "DURATION", "PXY")),
    ("The first nine months brought losses.", ("The first nine months", "DURATION", "P9M")),
    ("The 30-day window closes soon.", ("30-day", "DURATION", "P30D")),
    # sets
    ("The market opens every Tuesday.", ("every Tuesday", "SET", "XXXX-WXX-2")),
    ("The paper is printed daily.", ("daily", "SET", "P1D")),
    ("The ferry sails twice a week.", ("twice a week", "SET", "P1W")),
    ("Members meet each month.", ("each month", "SET", "P1M")),
    ("The fee is $40 a year.", ("a year", "SET", "P1Y")),
    # references
    ("The country is now at peace.", ("now", "DATE", "PRESENT_REF")),
    ("The road was recently repaired.", ("recently", "DATE", "PAST_REF")),
    ("Nobody knows what the future holds.", ("the future", "DATE", "FUTURE_REF")),
    ("The plan is currently on hold.", ("currently", "DATE", "PRESENT_REF")),
    # clock times
    ("The blast happened at 10:30 a.m. near the station.", ("10:30 a.m.", "TIME", "2021-03-18T10:30")),
    ("The polls closed at 8 p.m. Tuesday.", ("8 p.m. Tuesday", "TIME", "2021-03-16T20:00")),
    ("The polls close at 8 p.m. Tuesday.", ("8 p.m. Tuesday", "TIME", "2021-03-23T20:00")),
    ("Parliament meets at noon Friday.", ("noon Friday", "TIME", "2021-03-19T12:00")),
    ("The deadline passed at 5 p.m. on March 16.", ("5 p.m. on March 16", "TIME", "2021-03-16T17:00")),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[1][0] for c in CASES])
def test_rule(timexes, sentence, expected):
    assert expected in timexes(sentence)


NOT_TIME = [
    ("A 45-year-old man was arrested.", "year"),
    ("May I ask a question?", "May"),
    ("Prices may fall further.", "may"),
    ("Three-quarters of the staff agreed.", "quarters"),
    ("A quarter of the shares were sold.", "quarter"),
    ("Shares could fall further.", "fall"),
    ("The firm raised its quarterly dividend.", "quarterly"),
    ("He will try a second time.", "second"),
    ("Sales reached 1990 units.", "1990"),
]


@pytest.mark.parametrize(("sentence", "word"), NOT_TIME, ids=[c[1] for c in NOT_TIME])
def test_not_a_time_expression(timexes, sentence, word):
    assert not [t for t in timexes(sentence) if word.lower() in t[0].lower()]


def test_ids_are_in_text_order(annotate_text):
    doc = annotate_text("On Monday the mayor said that on Friday the bridge would reopen after two weeks.")
    assert [t.id for t in doc._.timexes] == ["t1", "t2", "t3"]
    assert [t.start for t in doc._.timexes] == sorted(t.start for t in doc._.timexes)


def test_adjectival_duration_leaves_the_article_out(timexes):
    assert ("14-day", "DURATION", "P14D") in timexes("The court gave the 14-day notice.")


def test_possessive_weekday_keeps_past_reading(timexes):
    # regression: "would look for ways around Wednesday's ruling" read Wednesday as next week
    found = timexes("Lawyers said they would look for ways around Wednesday's ruling.")
    assert ("Wednesday", "DATE", "2021-03-17") in found


def test_possessive_today_is_found(timexes):
    # regression: the key scan split "today's" badly and skipped the rule
    assert ("today", "DATE", "2021-03-18") in timexes("The offer appeared in today's paper.")


def test_dateline_date_is_a_timex(timexes):
    found = timexes("LONDON, March 17 (Reuters) - The bank kept rates on hold.")
    assert ("March 17", "DATE", "2021-03-17") in found


def test_that_year_follows_the_narrative(timexes):
    found = timexes("The firm was founded in 2015. Later that year it hired a new chief.")
    assert ("Later that year", "DATE", "2015") in found


def test_year_earlier_in_quarterly_results(timexes):
    found = timexes("Profit rose in the third quarter. A year earlier the firm lost money.")
    assert ("A year earlier", "DATE", "2019-Q3") in found


def test_the_year_ended_is_a_duration(timexes):
    found = timexes("For the year ended June 30, the company earned $4 million.")
    assert ("the year", "DURATION", "P1Y") in found


def test_quarter_ended_takes_the_calendar_quarter_of_its_end(timexes):
    found = timexes("For the quarter ended Sept. 30, the bank earned $4 million.")
    assert ("the quarter", "DATE", "2020-Q3") in found


def test_last_half_of_a_year(timexes):
    assert ("the last half of 2019", "DATE", "2019-H2") in timexes("Sales fell in the last half of 2019.")


def test_clock_time_takes_the_day_of_the_previous_sentence(timexes):
    found = timexes("The doctor was attacked on March 2. He was shot at 10 p.m. in his kitchen.")
    assert ("10 p.m.", "TIME", "2021-03-02T22:00") in found


def test_quarter_years_do_not_drift_with_the_story(timexes):
    # regression: a quarter of next year named once made every later "third quarter" next year's
    text = "Growth should resume in the first quarter of 2022. Third-quarter sales fell 5%."
    assert ("Third-quarter", "DATE", "2020-Q3") in timexes(text)
