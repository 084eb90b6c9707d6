"""Server-side SVG charts and the dashboard's use of the store's timeline rows."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from wirecoder.web.charts import Series, nice_ticks, stacked_bars
from wirecoder.web.dashboard import (
    axis_for,
    continuous_periods,
    corpus_window,
    dyad_options,
    quad_series,
    span_in_months,
)

SVG = "{http://www.w3.org/2000/svg}"


def test_nice_ticks_cover_the_maximum_with_round_steps():
    assert nice_ticks(7) == [0, 2, 4, 6, 8]
    assert nice_ticks(100) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(1) == [0, 1]
    assert nice_ticks(0) == [0, 1]


def test_stacked_bars_draw_one_segment_per_non_zero_value():
    svg = str(stacked_bars(["2024-01", "2024-02"], [Series("vcoop", "V", (1, 0)), Series("mconf", "M", (2, 3))], "t"))
    root = ET.fromstring(svg)  # well-formed XML
    bars = [r for r in root.iter(f"{SVG}rect") if "bar" in r.get("class", "")]
    assert len(bars) == 3
    heights = {(b.get("class"), b.find(f"{SVG}title").text): float(b.get("height")) for b in bars}
    # Same scale for every bar: 3 events are three times as tall as 1.
    assert (
        abs(heights[("bar series-mconf", "2024-02 · M: 3")] - 3 * heights[("bar series-vcoop", "2024-01 · V: 1")]) < 0.2
    )


def test_chart_labels_are_escaped_and_empty_data_gives_a_note():
    svg = str(stacked_bars(["<x>"], [Series("vcoop", "A&B", (1,))], "title <&>"))
    ET.fromstring(svg)
    assert "<x>" not in svg and "A&amp;B" in svg
    assert "No events" in str(stacked_bars([], [], "t"))
    assert "No events" in str(stacked_bars(["2024"], [Series("vcoop", "V", (0,))], "t"))


def test_months_without_events_become_gaps():
    assert continuous_periods({"2023-11", "2024-02"}, "month") == ["2023-11", "2023-12", "2024-01", "2024-02"]
    assert continuous_periods({"2019", "2021"}, "year") == ["2019", "2020", "2021"]
    assert continuous_periods({"2024-W03", "2024-W01"}, "week") == ["2024-W01", "2024-W03"]
    assert span_in_months([{"period": "2020-01"}, {"period": "2024-12"}]) == 60


def test_quad_series_from_timeline_rows():
    rows = [
        {"period": "2024-01", "quad_class": 1, "quad": "verbal cooperation", "count": 2},
        {"period": "2024-03", "quad_class": 4, "quad": "material conflict", "count": 5},
    ]
    periods, series = quad_series(rows)
    assert periods == ["2024-01", "2024-02", "2024-03"]
    by_key = {s.key: s.values for s in series}
    assert by_key["vcoop"] == (2, 0, 0) and by_key["mconf"] == (0, 0, 5) and by_key["mcoop"] == (0, 0, 0)


def test_dyad_options_use_keys_joined_by_a_comma():
    rows = [
        {
            "source_key": "kim-jong-un:PRK:GOV",
            "source_name": "Kim",
            "target_key": "USA",
            "target_name": "US",
            "events": 3,
        }
    ]
    (option,) = dyad_options(rows)
    assert option.value == "kim-jong-un:PRK:GOV,USA" and option.label == "Kim → US" and option.events == 3


def test_charts_of_a_selection_share_the_corpus_time_axis():
    rows = [{"period": "2024-02", "quad_class": 3, "count": 1}]
    periods, _ = quad_series(rows, "month", axis=("2024-01", "2024-04"))
    assert periods == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert quad_series([], "month", axis=("2024-01", "2024-04"))[0] == []  # nothing to draw stays empty


def test_corpus_window_is_the_months_of_the_articles():
    assert corpus_window({"date_from": "2019-01-04", "date_to": "2019-06-20"}) == ("2019-01", "2019-06")
    assert corpus_window({"date_from": None, "date_to": None}) == (None, None)
    assert axis_for("2019-01", "2021-06", "year") == ("2019", "2021")
    assert axis_for("2019-01", "2021-06", "month") == ("2019-01", "2021-06")
    assert axis_for(None, None, "month") is None
