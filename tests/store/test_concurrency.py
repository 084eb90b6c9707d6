"""Readers keep working while an ingest runs in another process."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.store.conftest import ROOT, WIRECODER, write_articles
from wirecoder.store import Store
from wirecoder.store.connection import is_busy


@pytest.mark.slow
def test_queries_run_while_an_ingest_writes(tmp_path):
    total = 40
    source = write_articles(tmp_path / "feed.jsonl", count=total)
    db = tmp_path / "live.duckdb"
    proc = subprocess.Popen(
        [*WIRECODER, "ingest", str(source), "--db", str(db), "--batch-size", "1", "--workers", "1"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[int] = []
    try:
        deadline = time.monotonic() + 240
        while not db.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # let the ingest create the schema
        store = Store(db, read_only=True)
        rounds = 0
        while proc.poll() is None and time.monotonic() < deadline:
            # Every kind of read, over and over, while batches are being committed; the cheap
            # count every round, so a loaded machine still samples the ingest mid-way.
            count = store.stats()["documents"]
            if rounds % 4 == 0:
                events = store.events(limit=None)
                store.timeline(by="day")
                store.actors(limit=5)
                _, rows = store.sql("SELECT count(*) FROM documents")
                assert rows[0][0] >= count
                assert all(e["doc_id"] for e in events)
            seen.append(count)
            rounds += 1
        stderr = proc.communicate(timeout=240)[1]
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, stderr
    assert seen == sorted(seen), "a reader saw the store shrink"
    assert any(0 < n < total for n in seen), f"no read landed mid-ingest: {seen[:5]}...{seen[-5:]}"
    assert Store(db, read_only=True).stats()["documents"] == total


def test_lock_errors_are_recognised():
    assert is_busy(Exception('IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held'))
    assert is_busy(
        Exception("Connection Error: Can't open a connection to same database file with a different configuration")
    )
    assert not is_busy(Exception("Catalog Error: Table with name nope does not exist!"))


def test_a_held_write_lock_makes_readers_wait_then_give_up(tmp_path, monkeypatch):
    db = tmp_path / "held.duckdb"
    Store(db)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('held', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        monkeypatch.setenv("WIRECODER_DB_TIMEOUT", "0.5")
        started = time.monotonic()
        from wirecoder.store import StoreBusy

        with pytest.raises(StoreBusy, match="stayed locked by another process"):
            Store(db, read_only=True).stats()
        assert time.monotonic() - started >= 0.5
    finally:
        holder.kill()
        holder.wait()
    assert Store(db, read_only=True).stats()["documents"] == 0  # free again once the writer is gone
