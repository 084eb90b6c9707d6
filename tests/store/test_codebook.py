"""The PLOVER tables the store loads, and date spans."""

from __future__ import annotations

from datetime import date

import pytest

from wirecoder.model import PLOVER_TYPES
from wirecoder.store import codebook
from wirecoder.store.dates import day_span, period_of


def test_every_plover_type_has_a_quad_class_root_and_score():
    types = codebook.plover_types()
    assert set(types) == set(PLOVER_TYPES)
    quads = {q: sorted(t for t, info in types.items() if info.quad_class == q) for q in (1, 2, 3, 4)}
    assert quads == {
        1: ["AGREE", "CONCEDE", "CONSULT", "SUPPORT"],
        2: ["AID", "COOPERATE", "RETREAT"],
        3: ["ACCUSE", "REJECT", "REQUEST", "THREATEN"],
        4: ["ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"],
    }
    assert all(-10 <= info.score <= 10 for info in types.values())


def test_scores_refine_by_mode():
    assert codebook.score("CONSULT", None) == 2.5
    assert codebook.score("CONSULT", "Visit") == 4
    assert codebook.score("ASSAULT", "unknown-mode") == -9
    assert codebook.score("NOT_A_TYPE", None) is None
    assert all(mode == mode.lower() for _, mode in codebook.mode_scores())


def test_cameo_root_prefers_the_event_code():
    assert codebook.cameo_root("CONSULT", None) == "04"
    assert codebook.cameo_root("ASSAULT", "190") == "19"
    assert codebook.cameo_root("ASSAULT", "x") == "18"


@pytest.mark.parametrize(
    ("value", "start", "end", "precision"),
    [
        ("2019-03-14", date(2019, 3, 14), date(2019, 3, 14), "day"),
        ("2019-03-14TMO", date(2019, 3, 14), date(2019, 3, 14), "day"),
        ("2019-02", date(2019, 2, 1), date(2019, 2, 28), "month"),
        ("2020-W01", date(2019, 12, 30), date(2020, 1, 5), "week"),
        ("2019-Q2", date(2019, 4, 1), date(2019, 6, 30), "quarter"),
        ("2019", date(2019, 1, 1), date(2019, 12, 31), "year"),
    ],
)
def test_day_spans(value, start, end, precision):
    span = day_span(value)
    assert (span.start, span.end, span.precision) == (start, end, precision)


@pytest.mark.parametrize("value", [None, "", "P3D", "PRESENT_REF", "2019-02-30", "2019-13"])
def test_values_that_are_not_calendar_dates(value):
    assert day_span(value) is None


def test_periods():
    day = date(2019, 12, 31)
    assert [period_of(day, b) for b in ("day", "week", "month", "year")] == [
        "2019-12-31",
        "2020-W01",
        "2019-12",
        "2019",
    ]
