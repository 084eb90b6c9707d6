"""The Wikinews 2019 corpus (shared data, skipped when absent): all articles stored, rerun is a no-op."""

from __future__ import annotations

import pytest

from tests.store.conftest import table_contents
from wirecoder.config import Settings
from wirecoder.readers import read_paths
from wirecoder.store import Store
from wirecoder.store.exports import export

pytestmark = [pytest.mark.slow, pytest.mark.shared]


def test_wikinews_2019_ingest_is_complete_and_idempotent(shared, tmp_path):
    source = shared("datasets", "corpora", "wikinews-2019-2020", "wikinews_2019.csv")
    store = Store(tmp_path / "wikinews.duckdb")
    report = store.ingest(read_paths([str(source)]), Settings())
    assert (report.added, report.failed) == (171, 0), report.failures[:3]
    before = table_contents(store.path)
    again = store.ingest(read_paths([str(source)]), Settings())
    assert (again.added, again.skipped, again.failed) == (0, 171, 0)
    assert table_contents(store.path) == before
    for fmt, name in (
        ("parquet", "e.parquet"),
        ("csv", "e.csv"),
        ("jsonl", "r.jsonl"),
        ("polecat", "p.jsonl"),
        ("gdelt", "g.csv"),
    ):
        assert export(store, fmt, tmp_path / name) >= (171 if fmt == "jsonl" else 0)
