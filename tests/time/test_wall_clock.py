"""Nothing in the time stage may depend on the wall clock."""

from __future__ import annotations

import datetime as real_dt
import re
import types
from pathlib import Path

import pytest

import wirecoder.time as time_pkg

TEXT = (
    "The minister said on Tuesday that talks would resume next week. Last year the talks failed; "
    "two days ago a deal looked close, and the summit is set for June 12. Profits rose in the third "
    "quarter. The mayor spoke tonight."
)
_CLOCK_CALL = re.compile(r"\b(?:date|datetime)\.(?:today|now|utcnow)\(|\btime\.(?:time|localtime|gmtime|ctime)\(")


def test_no_clock_calls_in_the_sources():
    package = Path(time_pkg.__file__).parent
    sources = [*package.glob("*.py"), package.parent / "eval" / "time.py"]
    offenders = [str(p) for p in sources if _CLOCK_CALL.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


class _NoToday(real_dt.date):
    @classmethod
    def today(cls):  # type: ignore[override]
        raise AssertionError("the time stage read the wall clock")


class _NoNow(real_dt.datetime):
    @classmethod
    def now(cls, tz=None):  # type: ignore[override]
        raise AssertionError("the time stage read the wall clock")

    @classmethod
    def utcnow(cls):  # type: ignore[override]
        raise AssertionError("the time stage read the wall clock")


@pytest.mark.parametrize("dct", ["2021-03-18", None])
def test_output_is_the_same_when_the_clock_is_unavailable(annotate_text, monkeypatch, dct):
    before = [t.model_dump() for t in annotate_text(TEXT, dct)._.timexes]
    fake = types.SimpleNamespace(date=_NoToday, datetime=_NoNow, timedelta=real_dt.timedelta)
    import wirecoder.time.calendar as calendar_mod
    import wirecoder.time.component as component_mod
    import wirecoder.time.dct as dct_mod
    import wirecoder.time.specs as specs_mod

    for module in (calendar_mod, component_mod, dct_mod, specs_mod):
        monkeypatch.setattr(module, "dt", fake)
    after = [t.model_dump() for t in annotate_text(TEXT, dct)._.timexes]
    assert after == before
    assert before, "the text has time expressions"


def test_relative_values_follow_the_dct_not_the_day_of_the_run(timexes):
    assert ("Last year", "DATE", "1990") in timexes("Last year the plant closed.", dct="1991-06-01")
    assert ("Last year", "DATE", "2030") in timexes("Last year the plant closed.", dct="2031-06-01")
