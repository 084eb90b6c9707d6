"""wirecoder.open(): DataFrames for analysis, imported lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import wirecoder
from wirecoder.errors import WirecoderError


def test_open_returns_dataframes(built_store):
    corpus = wirecoder.open(built_store.path)
    events = corpus.events(actor="PRK")
    assert list(events["doc_id"]) == ["w3", "w1", "w2", "w2", "w3"]  # oldest first: w3 has a 2019-02 event
    assert events.loc[events["type"] == "ACCUSE", "source"].iloc[0] == ["North Korea"]
    assert events.loc[events["type"] == "ACCUSE", "source_codes"].iloc[0] == ["PRK"]
    assert len(corpus.events(dedup=True)) == 5
    quotes = corpus.quotes(speaker="Moon")
    assert quotes["speaker"].tolist() == ["Moon Jae-in"]
    timeline = corpus.timeline(by="month")
    assert set(timeline.columns) >= {"period", "quad_class", "quad", "count"} and timeline["count"].sum() == 7
    assert corpus.sql("SELECT count(*) AS n FROM events")["n"].iloc[0] == 7
    assert corpus.stats()["documents"] == 5


def test_clear_error_without_pandas(built_store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(WirecoderError, match="pandas is needed"):
        wirecoder.open(built_store.path).events()


def test_import_wirecoder_stays_light():
    code = "import sys, wirecoder; print('duckdb' in sys.modules, 'pandas' in sys.modules, callable(wirecoder.open))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "True"]


def test_unknown_attribute_still_raises():
    with pytest.raises(AttributeError):
        wirecoder.no_such_thing  # noqa: B018


def test_python_api_reference_is_current():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, str(root / "tools" / "api_reference.py"), "--check"], capture_output=True)
    assert proc.returncode == 0, proc.stderr.decode()


def test_documented_frame_columns_are_the_real_ones(built_store):
    from wirecoder.api import frame_columns

    corpus = wirecoder.open(built_store.path)
    real = {
        "events": corpus.events(),
        "events(dedup=True)": corpus.events(dedup=True),
        "quotes": corpus.quotes(),
        "actors": corpus.actors(),
        "timeline": corpus.timeline(),
        'timeline(group="type")': corpus.timeline(group="type"),
        'timeline(group="status")': corpus.timeline(group="status"),
        "dyad_timeline": corpus.dyad_timeline("USA-PRK"),
        "speakers": corpus.speakers(),
    }
    documented = frame_columns()
    assert set(real) == set(documented)
    for name, frame in real.items():
        assert len(frame) and list(frame.columns) == documented[name], name


def test_extract_text():
    result = wirecoder.extract_text("Japan and South Korea agreed on Monday to resume talks.", date="2021-03-02")
    assert [(e.type, e.date) for e in result.events] == [("AGREE", "2021-03-01")]
    with pytest.raises(WirecoderError, match="empty text"):
        wirecoder.extract_text("   ")
