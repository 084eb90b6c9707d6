"""Store fixtures: a store filled with hand-built results (built once per module), and a
small JSONL of short articles for the ingest tests that run the real pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.store.helpers import corpus
from wirecoder.model import Failure
from wirecoder.store import Store

ROOT = Path(__file__).resolve().parents[2]
WIRECODER = [sys.executable, "-m", "wirecoder"]


@pytest.fixture(scope="module")
def built_store(tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("store") / "corpus.duckdb"
    store = Store(path)
    pairs = list(corpus())
    failure = Failure(id="bad1", origin="feed.jsonl:7", reason="feed.jsonl:7: not JSON")
    pairs.append((failure, failure))
    report = store.add_results(pairs)
    assert (report.added, report.failed) == (5, 1)
    return Store(path, read_only=True)


#: Short articles written for these tests (id, date, text).
ARTICLES = [
    ("n1", "2020-01-06", "The German chancellor Angela Merkel visited Paris on Monday and met Emmanuel Macron."),
    ("n2", "2020-01-07", "Police arrested twelve protesters in Lyon on Tuesday, the interior ministry said."),
    ("n3", "2020-01-08", "Japan and South Korea agreed on Wednesday to resume talks about trade."),
    ("n4", None, "The United Nations asked both sides to stop the fighting near the border."),
]


def write_articles(path: Path, count: int | None = None, extra_lines: list[str] = ()) -> Path:  # type: ignore[assignment]
    """A JSONL of the short articles above; with ``count``, that many generated variants."""
    lines = []
    if count is None:
        for doc_id, date, text in ARTICLES:
            lines.append(json.dumps({"id": doc_id, "date": date, "text": text}))
    else:
        for i in range(count):
            doc_id, date, text = ARTICLES[i % len(ARTICLES)]
            lines.append(json.dumps({"id": f"{doc_id}-{i}", "date": date, "text": f"{text} Report number {i}."}))
    lines.extend(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_cli(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([*WIRECODER, *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


def table_contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, without the wall-clock columns (for run-vs-run comparison)."""
    import duckdb

    from wirecoder.store.schema import TABLES

    clock = {"ingested_at", "failed_at"}
    con = duckdb.connect(str(path), read_only=True)
    try:
        contents = {}
        for table, cols in TABLES.items():
            names = [n for n, _ in cols if n not in clock]
            rows = con.execute(f"SELECT {', '.join(names)} FROM {table}").fetchall()
            contents[table] = sorted(rows, key=repr)
        return contents
    finally:
        con.close()
