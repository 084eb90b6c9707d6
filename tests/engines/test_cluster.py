"""The Ray engine on a real cluster: two ``ray start`` nodes on this machine, joined with ``--address``.

The store an ingest builds through the cluster equals a local ingest's, and a worker process
killed in the middle of an ingest loses and repeats nothing: the run (or its rerun) ends with
exactly the clean store.  The cluster is this module's own (see ``ray_cluster.py``), and it is
stopped whatever happens; every wait has a bound.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.engines.ray_cluster import ROOT, Cluster, two_node_cluster
from tests.store.conftest import WIRECODER, run_cli, table_contents, write_articles
from tests.store.test_resume import stored_documents

pytestmark = [
    pytest.mark.ray,
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc").is_dir(), reason="manages its cluster through /proc"),
]

TOTAL = 40

#: Seconds an ingest through the cluster may take (the nodes are idle, the machine may not be).
INGEST_S = 300


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    pytest.importorskip("ray")
    with two_node_cluster(tmp_path_factory.mktemp("ray-logs")) as running:
        yield running
    assert not running.leftovers(), "processes of the test cluster outlived it"


@pytest.fixture(scope="module")
def feed(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("feed") / "feed.jsonl", count=TOTAL, extra_lines=["{broken"])


@pytest.fixture(scope="module")
def clean_store(feed, tmp_path_factory) -> dict[str, list[tuple]]:
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    done = run_cli("ingest", str(feed), "--db", str(db), "--workers", "1")
    assert done.returncode == 1, done.stderr  # 1: the broken line is a failure
    return table_contents(db)


def _command(feed: Path, db: Path, cluster: Cluster) -> list[str]:
    # --batch-size 2: many small tasks, so a kill lands while most are still to do
    return [*WIRECODER, "ingest", str(feed), "--db", str(db), "--engine", "ray", "--address", cluster.address,
            "--workers", "2", "--batch-size", "2", "--format", "json"]  # fmt: skip


def _ingest(feed: Path, db: Path, cluster: Cluster) -> subprocess.CompletedProcess:
    return subprocess.run(_command(feed, db, cluster), cwd=ROOT, env=cluster.env, capture_output=True, text=True,
                          timeout=INGEST_S)  # fmt: skip


def test_an_ingest_through_two_nodes_equals_a_local_one(cluster, feed, clean_store, tmp_path):
    db = tmp_path / "cluster.duckdb"
    assert cluster.started_nodes() == 2
    done = _ingest(feed, db, cluster)
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)
    assert (report["added"], report["failed"]) == (TOTAL, 1)
    got = table_contents(db)
    for table in clean_store:
        assert got[table] == clean_store[table], f"table {table} differs from the local ingest"


def test_a_worker_killed_mid_ingest_loses_and_repeats_nothing(cluster, feed, clean_store, tmp_path):
    db = tmp_path / "killed.duckdb"
    driver = subprocess.Popen(_command(feed, db, cluster), cwd=ROOT, env=cluster.env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        victim = _kill_an_actor_of_the_second_node(driver, db, cluster)
        out, err = driver.communicate(timeout=INGEST_S)
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()
    assert victim, "no actor ran on the second node"
    # Ray restarts the actor and runs its tasks again, so the run itself should finish; if it
    # stopped instead, it said so in one line, and the rerun below must finish the job.
    print(f"killed actor {victim}; the run ended with {driver.returncode}: {err.strip()}")
    assert "Traceback" not in err
    if out.strip():  # it finished
        first = json.loads(out)
        assert driver.returncode == 1 and first["failed"] == 1, err  # 1: the broken line
    else:  # it stopped, in one line
        first = {"added": 0}
        assert driver.returncode != 0 and len(err.strip().splitlines()) == 1, err
    rerun = _ingest(feed, db, cluster)
    assert rerun.returncode == 1, rerun.stderr
    report = json.loads(rerun.stdout)
    assert report["added"] + report["skipped"] == TOTAL and report["added"] + first["added"] <= TOTAL
    got = table_contents(db)
    for table in clean_store:
        assert got[table] == clean_store[table], f"table {table} differs after the killed worker"


def _kill_an_actor_of_the_second_node(driver: subprocess.Popen, db: Path, cluster: Cluster) -> int | None:
    """SIGKILL the pipeline actor on the second node once some, not all, documents are stored."""
    deadline = time.monotonic() + INGEST_S
    while driver.poll() is None and time.monotonic() < deadline:
        actors = cluster.processes("PipelineActor", node=1)
        stored = stored_documents(db)
        if actors and 1 <= stored < TOTAL:
            os.kill(actors[0], signal.SIGKILL)
            return actors[0]
        time.sleep(0.05)
    pytest.fail(f"the ingest ended (rc={driver.poll()}) before a worker could be killed mid-run")
