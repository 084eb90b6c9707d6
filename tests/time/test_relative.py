"""Anaphoric and relative expressions, counted from the last time named or from an event's date."""

from __future__ import annotations

import pytest

from wirecoder.time.api import offsets_from_anchors, shift_point

CASES = [
    # counted from the last time the text named (not from the DCT, Thursday 2021-03-18)
    ("The vote was held on March 3. The day before, troops deployed.", ("The day before", "DATE", "2021-03-02")),
    ("The vote was held on March 3. Troops left the day after.", ("the day after", "DATE", "2021-03-04")),
    ("The vote was held on March 3. The next day, protests began.", ("The next day", "DATE", "2021-03-04")),
    ("The vote was held in 2019. The year before, troops deployed.", ("The year before", "DATE", "2018")),
    ("The vote was held on March 3. The week after, talks resumed.", ("The week after", "DATE", "2021-W10")),
    ("The vote was held in May 2019. The month before, troops deployed.", ("The month before", "DATE", "2019-04")),
    ("The vote was held on March 3. The next morning, crowds gathered.", ("The next morning", "TIME", "2021-03-04TMO")),
    ("The vote was held on March 3. The following day, protests began.", ("The following day", "DATE", "2021-03-04")),
    ("The vote was held on March 3. The previous day, troops deployed.", ("The previous day", "DATE", "2021-03-02")),
    ("The vote was held on March 3. The following week, talks resumed.", ("The following week", "DATE", "2021-W10")),
    ("The vote was held in 2019. A year earlier, troops deployed.", ("A year earlier", "DATE", "2018")),
    ("The vote was held on March 3. Two weeks later, talks resumed.", ("Two weeks later", "DATE", "2021-03-17")),
    # with no time named before, the DCT is the anchor
    ("The next day, protests began.", ("The next day", "DATE", "2021-03-19")),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][-40:] for c in CASES])
def test_relative_to_the_last_time(timexes, sentence, expected):
    assert expected in timexes(sentence), timexes(sentence)


@pytest.mark.parametrize(
    "sentence", ["Troops deployed the day before the vote.", "Talks began the week after the vote."]
)
def test_before_a_noun_is_not_anaphoric(timexes, sentence):
    """ "the day before the vote" counts from the vote: the events stage's to date."""
    assert not [t for t in timexes(sentence) if t[0].startswith("the ")]


def test_offsets_from_an_event(annotate_text):
    text = "The vote was held on March 3. Two days after the vote, protests began."
    doc = annotate_text(text)
    offsets = offsets_from_anchors(doc)
    assert len(offsets) == 1
    offset = offsets[0]
    assert text[offset.anchor_start : offset.anchor_end] == "the vote"
    # the vote is not dated in its own phrase: the last time named before it is the base
    assert (offset.amount, offset.sign, offset.value, offset.base_in_anchor) == ("P2D", 1, "2021-03-05", False)
    # TimeML: the amount stays a DURATION; the date comes from the anchor's date
    assert ("Two days", "DURATION", "P2D") in [(t.text, t.type, t.value) for t in doc._.timexes]
    assert shift_point("2021-03-03", offset.amount, offset.sign) == "2021-03-05"


def test_offset_from_a_date_is_resolved(annotate_text):
    text = "Talks collapsed three weeks before the March 25 deadline."
    offsets = offsets_from_anchors(annotate_text(text))
    assert [(o.amount, o.sign, o.value) for o in offsets] == [("P3W", -1, "2021-03-04")]
    assert text[offsets[0].anchor_start : offsets[0].anchor_end] == "the March 25 deadline"


def test_no_offset_without_a_signal(annotate_text):
    assert offsets_from_anchors(annotate_text("The siege lasted two days.")) == []


@pytest.mark.parametrize(
    ("value", "amount", "sign", "expected"),
    [
        ("2021-03-03", "P2D", 1, "2021-03-05"),
        ("2021-03-03", "P1W", -1, "2021-02-24"),
        ("2021-03-03T10:00", "P1D", 1, "2021-03-04"),
        ("2021-01", "P2M", 1, "2021-03"),
        ("2019", "P1Y", -1, "2018"),
        ("2021-01", "P3D", 1, None),  # a month moved by days is no day
        ("2021-03-03", "PXD", 1, None),  # a vague amount moves nothing
    ],
)
def test_shift_point(value, amount, sign, expected):
    assert shift_point(value, amount, sign) == expected
