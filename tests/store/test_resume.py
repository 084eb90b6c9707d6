"""Kill -9 an ingest mid-run (twice), rerun it, and get exactly the store a clean run builds."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from tests.store.conftest import ROOT, WIRECODER, run_cli, table_contents, write_articles

TOTAL = 40


def stored_documents(db: Path) -> int:
    """Documents committed so far, or 0 when the file is missing or locked right now.

    A bare read-only connection that gives up at once (no retries, unlike Store) keeps the
    polling fast, so the kill lands while the ingest is still running.
    """
    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def ingest_until_killed(source: Path, db: Path, at_least: int) -> int:
    """Start an ingest, SIGKILL it once ``at_least`` documents are committed; return the count seen then."""
    proc = subprocess.Popen(
        [*WIRECODER, "ingest", str(source), "--db", str(db), "--batch-size", "1", "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and proc.poll() is None:
            seen = stored_documents(db)
            if seen >= at_least:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait()
                return seen
            time.sleep(0.01)
        pytest.fail(f"the ingest ended (rc={proc.poll()}) before {at_least} documents were stored; cannot test a kill")
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


@pytest.mark.slow
def test_resume_after_sigkill_matches_a_clean_run(tmp_path):
    source = write_articles(tmp_path / "feed.jsonl", count=TOTAL, extra_lines=["{broken"])
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"

    first = ingest_until_killed(source, resumed, at_least=6)
    second = ingest_until_killed(source, resumed, at_least=first + 4)
    assert first < second < TOTAL, "both kills must land mid-run"

    finish = run_cli("ingest", str(source), "--db", str(resumed), "--batch-size", "2", "--format", "json")
    assert finish.returncode == 1, finish.stderr  # 1: the broken line is a failure
    report = json.loads(finish.stdout)
    # Nothing committed before the kills is processed again, nothing is lost or counted twice.
    assert report["skipped"] >= second and report["added"] + report["skipped"] == TOTAL

    done = run_cli("ingest", str(source), "--db", str(clean), "--batch-size", "5")
    assert done.returncode == 1, done.stderr

    want, got = table_contents(clean), table_contents(resumed)
    assert len(want["documents"]) == TOTAL and len(want["failures"]) == 1
    for table in want:
        assert got[table] == want[table], f"table {table} differs after resume"


def ingest_killed_after(source: Path, db: Path, seconds: float) -> None:
    """Start an ingest and SIGKILL it after ``seconds``, wherever it is (start-up, NLP, a commit)."""
    proc = subprocess.Popen(
        [*WIRECODER, "ingest", str(source), "--db", str(db), "--batch-size", "3", "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        proc.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.mark.slow
def test_kills_at_random_moments_then_resume_match_a_clean_run(tmp_path):
    """Three SIGKILLs at seeded random moments (some land before the store exists, some in the
    middle of the NLP or of a commit); the resumed store must equal a clean one exactly."""
    import random

    rng = random.Random(20261128)
    source = write_articles(tmp_path / "feed.jsonl", count=TOTAL, extra_lines=["{broken"])
    clean, resumed = tmp_path / "clean.duckdb", tmp_path / "resumed.duckdb"
    for _ in range(3):
        ingest_killed_after(source, resumed, rng.uniform(1.0, 12.0))
    finish = run_cli("ingest", str(source), "--db", str(resumed), "--format", "json")
    assert finish.returncode == 1, finish.stderr  # the broken line
    assert run_cli("ingest", str(source), "--db", str(clean)).returncode == 1
    want, got = table_contents(clean), table_contents(resumed)
    for table in want:
        assert got[table] == want[table], f"table {table} differs after random kills"
