"""A killed driver leaves no worker behind: SIGKILL an ingest mid-run, its pool must follow."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.store.test_resume import stored_documents
from wirecoder.engines import lifeline

ROOT = Path(__file__).resolve().parents[2]

#: Seconds a worker may outlive its driver (the issue's bound).
GRACE = 10.0

_SENTENCES = (
    "Police arrested twelve protesters in Lyon on Tuesday, the interior ministry said. "
    "Japan and South Korea agreed on Wednesday to resume talks about trade. "
)


def _python(code: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=_env())


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def test_lifeline_ends_a_process_whose_driver_died():
    driver = subprocess.Popen(["sleep", "60"])
    try:
        pid, started = lifeline.identity(driver.pid)
        watched = _python(
            f"from wirecoder.engines import lifeline; import time; "
            f"lifeline.watch(({pid}, {started!r}), interval=0.1); time.sleep(60)"
        )
        try:
            with pytest.raises(subprocess.TimeoutExpired):
                watched.wait(timeout=1.0)  # the driver lives: so does the worker
            driver.kill()  # not reaped yet: a zombie driver counts as dead
            assert watched.wait(timeout=5) == lifeline.ORPHANED_EXIT_CODE
        finally:
            watched.kill()
            watched.wait()
    finally:
        driver.kill()
        driver.wait()


def test_a_recycled_pid_is_not_the_driver():
    pid, started = lifeline.identity()
    assert lifeline.is_alive((pid, started))
    if started is not None:
        assert not lifeline.is_alive((pid, str(int(started) + 1)))


def _running(pids: dict[int, lifeline.Identity]) -> set[int]:
    return {pid for pid, ident in pids.items() if lifeline.is_alive(ident)}


def _feed(path: Path, count: int = 60) -> Path:
    # ~4,000 characters each: enough text for the engine to start both workers
    lines = [
        json.dumps({"id": f"o{i}", "date": "2020-01-07", "text": _SENTENCES * 25 + f"Report {i}."})
        for i in range(count)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc").is_dir(), reason="watches processes through /proc")
@pytest.mark.parametrize("engine", ["local", pytest.param("ray", marks=pytest.mark.ray)])
def test_kill_9_of_an_ingest_leaves_no_worker_running(tmp_path, engine):
    """The local pool (fork server, workers, resource tracker), or a private Ray (its servers,
    agents and actors, and the watcher that reaps them), all gone within GRACE seconds."""
    if engine == "ray":
        pytest.importorskip("ray")
    source, db = _feed(tmp_path / "feed.jsonl"), tmp_path / "store.duckdb"
    command = [sys.executable, "-m", "wirecoder", "ingest", str(source), "--db", str(db), "--workers", "2"]
    command += ["--engine", engine]
    driver = subprocess.Popen(
        command, cwd=ROOT, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    seen: dict[int, lifeline.Identity] = {}
    try:
        deadline = time.monotonic() + 300
        # Mid-run: the pool is up (fork server + 2 workers + resource tracker) and a batch is committed.
        while driver.poll() is None and time.monotonic() < deadline:
            for pid, ident in lifeline.descendants(driver.pid).items():
                seen.setdefault(pid, ident)
            if len(seen) >= 4 and stored_documents(db) > 0:
                break
            time.sleep(0.05)
        assert driver.poll() is None, "the ingest ended before it could be killed mid-run"
        assert len(seen) >= 4, f"expected a fork server and two workers, saw {len(seen)} processes"
        os.kill(driver.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        driver.wait(timeout=10)
        while _running(seen) and time.monotonic() - killed_at < GRACE:
            time.sleep(0.1)
        left = _running(seen)
        assert not left, f"{len(left)} processes outlived the driver by {GRACE:.0f} s"
        assert stored_documents(db) < 60  # the kill did land mid-run
    finally:
        for pid in _running(seen):  # never leave them behind, even when the test fails
            os.kill(pid, signal.SIGKILL)
        if driver.poll() is None:
            driver.kill()
            driver.wait()
