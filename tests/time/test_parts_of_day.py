"""Times of day named without a clock, and weekdays with a part of day (DCT Thursday 2021-03-18)."""

from __future__ import annotations

import pytest

CASES = [
    # a moment of the day takes the day its sentence names, else the DCT
    ("Troops moved in a pre-dawn raid on Sunday.", ("pre-dawn", "TIME", "2021-03-14TMO")),
    ("Troops moved in a predawn raid.", ("predawn", "TIME", "2021-03-18TMO")),
    ("The convoy left at dawn on Monday.", ("dawn", "TIME", "2021-03-15TMO")),
    ("The convoy left at daybreak.", ("daybreak", "TIME", "2021-03-18TMO")),
    ("Shelling resumed at dusk.", ("dusk", "TIME", "2021-03-18TEV")),
    ("Shelling resumed at nightfall on Tuesday.", ("nightfall", "TIME", "2021-03-16TEV")),
    ("The march began in the early evening.", ("early evening", "TIME", "2021-03-18TEV")),
    ("The march began in the late afternoon.", ("late afternoon", "TIME", "2021-03-18TAF")),
    ("The march began in the late afternoon on Monday.", ("late afternoon on Monday", "DATE", "2021-03-15TAF")),
    # a clock time after its weekday takes that weekday's date
    ("The blast went off on Sunday at 3 p.m.", ("3 p.m.", "TIME", "2021-03-14T15:00")),
    # TIMEX3 types a weekday with a part of day as a DATE (the part of day narrows the value)
    ("The envoy spoke on Monday morning.", ("Monday morning", "DATE", "2021-03-15TMO")),
    ("Protesters gathered Tuesday night.", ("Tuesday night", "DATE", "2021-03-16TNI")),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_part_of_day(timexes, sentence, expected):
    assert expected in timexes(sentence), timexes(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Dawn Smith chairs the board.",  # a name
        "It was the dawn of a new era for the club.",  # a figure of speech
        "Sales rose early in the quarter.",
    ],
)
def test_not_a_time_of_day(timexes, sentence):
    assert not [t for t in timexes(sentence) if t[1] == "TIME"], timexes(sentence)
