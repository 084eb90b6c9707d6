"""The Ray engine and the local engine build identical stores; --strict stops an ingest early."""

from __future__ import annotations

import json

import pytest

from tests.store.conftest import run_cli, table_contents, write_articles


@pytest.mark.slow
@pytest.mark.ray
def test_ray_ingest_builds_the_same_store_as_the_local_engine(tmp_path):
    pytest.importorskip("ray")
    source = write_articles(tmp_path / "feed.jsonl", count=8, extra_lines=["{broken"])
    local, ray = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    done_local = run_cli("ingest", str(source), "--db", str(local), "--workers", "2")
    done_ray = run_cli("ingest", str(source), "--db", str(ray), "--engine", "ray", "--workers", "2", timeout=600)
    assert done_local.returncode == 1 and done_ray.returncode == 1, done_ray.stderr  # 1: the broken line
    want, got = table_contents(local), table_contents(ray)
    assert len(want["documents"]) == 8
    for table in want:
        assert got[table] == want[table], f"table {table} differs between the engines"
    again = run_cli("ingest", str(source), "--db", str(ray), "--engine", "ray", "--workers", "2", "--format", "json")
    assert json.loads(again.stdout)["skipped"] == 8  # resume and idempotence behave the same


def test_strict_ingest_stops_after_the_first_failing_batch(tmp_path):
    source = write_articles(tmp_path / "feed.jsonl", count=6, extra_lines=[])
    lines = source.read_text().splitlines()
    source.write_text("\n".join([lines[0], "{broken", *lines[1:]]) + "\n")
    db = tmp_path / "s.duckdb"
    proc = run_cli(
        "ingest", str(source), "--db", str(db), "--batch-size", "2", "--workers", "1", "--strict", "--format", "json"
    )
    report = json.loads(proc.stdout)
    assert proc.returncode == 1 and report["failed"] == 1
    assert report["added"] < 6  # stopped early; a rerun without --strict finishes
    rest = json.loads(run_cli("ingest", str(source), "--db", str(db), "--format", "json").stdout)
    assert rest["added"] + report["added"] == 6


def test_unknown_engine_and_address_without_ray_are_one_line_errors(tmp_path):
    source = write_articles(tmp_path / "feed.jsonl", count=1)
    proc = run_cli("ingest", str(source), "--db", str(tmp_path / "x.duckdb"), "--engine", "spark")
    assert proc.returncode == 2 and "unknown engine 'spark'" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_cli("extract", str(source), "--address", "ray://head:10001")
    assert proc.returncode == 2 and "--address is for --engine ray" in proc.stderr
