"""The benchmark's bookkeeping (without running a benchmark): best-of runs, ratios, the report."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

report = pytest.importorskip("report")
run = pytest.importorskip("run")
measure = pytest.importorskip("measure")


def _result(seconds: float, cpu: float, **extra) -> dict:
    return {"seconds": seconds, "cpu_s": cpu, "articles": 10, "workers": 1, **extra}


def test_the_fastest_run_counts_and_the_least_cpu_of_all_runs():
    best = run.fastest([_result(9.0, 5.0), _result(7.0, 6.0), {"error": "boom"}])
    assert best["seconds"] == 7.0 and best["cpu_s"] == 5.0 and best["runs_s"] == [9.0, 7.0]
    assert "error" in run.fastest([{"error": "boom"}])


def test_ratios_compare_configurations_and_flag_missed_targets():
    results = {
        "bare_1": _result(10.0, 10.0, tokens=1000),
        "local_1": _result(13.0, 11.0),
        "bare_n": _result(6.0, 11.0, workers=2),
        "ray_1": _result(30.0, 0, after_startup_s=20.0, after_startup_chars=1000, workers=1),
        "ray_n": _result(20.0, 0, after_startup_s=10.0, after_startup_chars=1000, workers=2),
    }
    rows = "\n".join(report.ratio_table(results, 2))
    assert "| 1 worker: end-to-end time / bare `nlp.pipe` time | 1.30 | <= 1.25 (goal 1.15) | **no** |" in rows
    assert "| Ray: 2-worker speed-up / 2 after start-up | 1.00 | >= 0.8 | yes |" in rows
    assert "| 2 workers: throughput / bare 2-process `nlp.pipe` throughput | n/a |" in rows  # local_n missing


def test_profile_areas_follow_the_file_and_builtins_count_for_their_caller():
    assert measure._area("thinc/backends/numpy_ops.pyx", "other") == "thinc + numpy (neural nets)"
    assert measure._area("/x/site-packages/wirecoder/events/coder.py", "other") == "wirecoder.events"
    assert measure._area("<built-in>", "wirecoder.time") == "wirecoder.time"
    assert measure._area("/usr/lib/python3.11/json/decoder.py", "other") == "stdlib json"


scale = pytest.importorskip("scale")


def _scale_row(engine: str, articles: int, rate: float, **extra) -> dict:
    row = {"engine": engine, "workers": 2, "articles": articles, "chars": articles * 2000, "longest_chars": 9000,
           "seconds": articles / rate, "first_result_s": 10.0, "articles_per_s": rate * 0.9,
           "after_startup_per_s": rate, "driver_peak_mb": 200.0, "worker_peak_mb": [400.0, 390.0],
           "fork_server_peak_mb": [250.0], "store_mb": 20.0, "load_before": "2.0 1 1",
           "load_after": "3.0 1 1"}  # fmt: skip
    return {**row, **extra}


def test_the_cost_curve_section_replaces_only_itself(tmp_path):
    out = tmp_path / "benchmarks.md"
    out.write_text("# Benchmarks\n\n## Ratios\n\nkept\n")
    meta = {"machine": {"date": "d", "commit": "c", "usable_cores": 2, "cpu": "x"}, "command": "cmd", "note": "",
            "available": 10, "started": 0.0}  # fmt: skip
    rows = [_scale_row("local", 100, 4.0), _scale_row("local", 1000, 5.0), _scale_row("ray", 1000, 4.6)]
    scale.write_section(out, scale.render(meta, rows[:1]))
    scale.write_section(out, scale.render(meta, rows))
    text = out.read_text()
    assert text.startswith("# Benchmarks\n\n## Ratios\n\nkept\n") and text.count(scale.START) == 1
    assert "Ray / local throughput after start-up, same 1,000 articles, same run: 0.92** (target >= 0.9: met)" in text
    # a fresh `make bench` report keeps the section
    kept = scale.keep_section(text, "# Benchmarks\n\nnew report\n")
    assert kept.startswith("# Benchmarks\n\nnew report\n") and scale.START in kept and "| 1,000 |" in kept
