"""The word lists and rule table load, agree with each other, and the key scan misses nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from wirecoder.time import calendar as cal
from wirecoder.time.grammar import Candidate, compiled_rules, key_classes, raw_candidates, select
from wirecoder.time.interpret import READERS, duration_value
from wirecoder.time.lexicon import load_cues, load_lexicon, load_rules
from wirecoder.time.specs import Context, Offset

from .test_anchoring import CASES as ANCHOR_CASES
from .test_rules import CASES, NOT_TIME


def test_every_rule_compiles_has_a_reader_and_keys():
    rules = load_rules()
    assert len(rules) == len(compiled_rules())
    assert len({r.id for r in rules}) == len(rules), "rule ids are unique"
    classes = key_classes()
    for rule in rules:
        assert rule.kind in READERS, rule.id
        assert rule.keys, rule.id
        for key in rule.keys:
            assert key in classes or key in ("DIGIT", "YEAR") or key.islower(), (rule.id, key)


def test_cue_lists_load():
    cues = load_cues()
    assert "will" in cues["future_aux"] and "say" in cues["reporting_verbs"]


def _full_scan(text: str) -> set[tuple[int, int, str]]:
    found = set()
    for cr in compiled_rules():
        for m in cr.regex.finditer(text):
            if m.end() > m.start():
                found.add((m.start(), m.end(), cr.rule.id))
    return found


SENTENCES = (
    [s for s, _ in CASES]
    + [s for s, _ in NOT_TIME]
    + [c[0] for c in ANCHOR_CASES]
    + [
        "In today's paper and at tomorrow's vote, o'clock and mid-afternoon, 14:30 GMT, the '90s.",
    ]
)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_key_scan_finds_what_a_full_scan_finds(sentence):
    windowed = {(c.start, c.end, c.rule.id) for c in raw_candidates(sentence)}
    assert windowed == _full_scan(sentence)


def test_selection_is_leftmost_longest_then_rule_order():
    rules = load_rules()

    def cand(start, end, index):
        return Candidate(start, end, rules[index], index, {})

    chosen = select([cand(5, 9, 0), cand(0, 4, 3), cand(0, 6, 5), cand(5, 9, 1), cand(10, 12, 2)])
    assert [(c.start, c.end, c.rule_index) for c in chosen] == [(0, 6, 5), (10, 12, 2)]


@pytest.mark.parametrize(
    ("words", "value"),
    [("twenty-two", 22), ("2 1/2", 2.5), ("a couple of", 2), ("a dozen", 12), ("1,000", 1000), ("nine", 9)],
)
def test_numbers(words, value):
    assert load_lexicon().number(words) == value


@pytest.mark.parametrize(
    ("words", "year"),
    [
        ("nineteen ninety-six", 1996),
        ("nineteen oh five", 1905),
        ("two thousand", 2000),
        ("two thousand and one", 2001),
        ("nineteen hundred", 1900),
    ],
)
def test_spelled_years(words, year):
    assert load_lexicon().spelled_year(words) == year


@pytest.mark.parametrize(
    ("unit", "n", "value"),
    [
        ("Y", 3, "P3Y"),
        ("TH", 5.5, "PT5H30M"),
        ("Y", 2.5, "P2Y6M"),
        ("DE", 2, "P20Y"),
        ("W", None, "PXW"),
        ("TM", 1.5, "PT1M30S"),
        ("D", 1.5, "P1DT12H"),
    ],
)
def test_duration_values(unit, n, value):
    assert duration_value(unit, n) == value


def test_calendar_helpers():
    assert cal.easter_sunday(2024) == dt.date(2024, 3, 31)
    assert cal.easter_sunday(2019) == dt.date(2019, 4, 21)
    assert cal.nth_weekday(2021, 11, 4, 4) == dt.date(2021, 11, 25)  # Thanksgiving
    assert cal.nth_weekday(2021, 5, 1, -1) == dt.date(2021, 5, 31)  # Memorial Day
    assert cal.fmt_week(dt.date(2018, 5, 24)) == "2018-W21"
    assert cal.fmt_week(dt.date(2021, 1, 2)) == "2020-W53"
    assert cal.shift_date(dt.date(2020, 3, 31), "M", -1) == dt.date(2020, 2, 29)
    assert cal.season_of(dt.date(2020, 12, 10)) == (2021, "WI")


def test_nearest_prefers_the_clause_direction_unless_far():
    anchor = dt.date(2021, 3, 18)
    last_dec, next_dec = dt.date(2020, 12, 22), dt.date(2021, 12, 22)
    assert cal.nearest([last_dec, next_dec], anchor, "past") == last_dec
    assert cal.nearest([last_dec, next_dec], anchor, "future") == next_dec
    soon, year_ago = dt.date(2021, 3, 25), dt.date(2020, 3, 25)
    assert cal.nearest([year_ago, soon], anchor, "past") == soon  # a week ahead beats a year back


def test_offset_without_dct_is_a_placeholder():
    assert Offset(unit="M", n=2, sign=-1).resolve(Context(dct=None)) == "XXXX-XX"
    assert Offset(unit="D", n=2, sign=-1).resolve(Context(dct=dt.date(2021, 3, 18))) == "2021-03-16"
