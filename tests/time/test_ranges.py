"""Ranges: both ends carry the values the range begins and ends at (DCT Thursday 2021-03-18)."""

from __future__ import annotations

import pytest

RANGES = [
    ("He served from 2015 to 2018.", ("2015", "2018")),
    ("He served between May and July.", ("2020-05", "2020-07")),
    ("The fair ran from March 1 until March 5.", ("2021-03-01", "2021-03-05")),
    ("The fair ran from March 1 through March 5.", ("2021-03-01", "2021-03-05")),
    ("He chaired the board between 1990 and 1994.", ("1990", "1994")),
]


@pytest.mark.parametrize(("sentence", "bounds"), RANGES, ids=[c[0][:40] for c in RANGES])
def test_range(annotate_text, sentence, bounds):
    timexes = annotate_text(sentence)._.timexes
    assert len(timexes) == 2
    assert [(t.range_begin, t.range_end) for t in timexes] == [bounds, bounds]
    assert (timexes[0].value, timexes[1].value) == bounds  # each end keeps its own value


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices rose in 2015 and 2018.",  # two dates, no range
        "Rates fell from 5% in 2015 to 3% in 2018.",  # the range is of rates, not of time
        "Nothing changed from 2018 to 2015.",  # backwards
        "Sales rose from 2015. To 2018 investors paid more.",
    ],
)
def test_not_a_range(annotate_text, sentence):
    assert all(t.range_begin is None and t.range_end is None for t in annotate_text(sentence)._.timexes)
