"""Ingest through the real pipeline: idempotence, failures, duplicates, CLI options."""

from __future__ import annotations

import json

import pytest

from tests.store.conftest import ARTICLES, table_contents, write_articles
from wirecoder.cli import main
from wirecoder.config import Settings
from wirecoder.readers import read_paths
from wirecoder.store import Store

BAD_LINES = ["{not json", json.dumps({"id": "empty", "text": "   "})]


@pytest.fixture(scope="module")
def ingested(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ingest")
    source = write_articles(folder / "news.jsonl", extra_lines=BAD_LINES)
    store = Store(folder / "news.duckdb")
    report = store.ingest(read_paths([str(source)]), Settings(), batch_size=2)
    return store, source, report


def test_first_ingest_adds_everything_and_records_failures(ingested):
    store, source, report = ingested
    assert (report.added, report.skipped, report.failed) == (4, 0, 2)
    assert store.document_ids() == {a[0] for a in ARTICLES}
    failures = {f["key"]: f for f in store.failures()}
    assert set(failures) == {f"{source}:5", "empty"}
    assert "not JSON" in failures[f"{source}:5"]["reason"]
    assert failures["empty"]["origin"] == f"{source}:6"


def test_stored_rows_match_the_contract(ingested):
    store, _, _ = ingested
    for doc_id, date, text in ARTICLES:
        doc = store.document(doc_id)
        assert doc["text"] == text and doc["doc"]["dct"] == date
        assert doc["result"]["doc"]["id"] == doc_id
        for event in doc["result"]["events"]:
            assert text[event["trigger"]["start"] : event["trigger"]["end"]] == event["trigger"]["text"]
    stats = store.stats()
    total_events = sum(len(store.document(a[0])["result"]["events"]) for a in ARTICLES)
    assert stats["events"] == total_events and stats["documents"] == 4
    for row in store.events(limit=None):
        assert store.document(row["doc_id"])["text"][row["start"] : row["end"]] == row["trigger"]


def test_second_ingest_changes_nothing(ingested):
    store, source, _ = ingested
    before = table_contents(store.path)
    progress: list[int] = []
    report = store.ingest(read_paths([str(source)]), Settings(), progress=progress.append)
    assert (report.added, report.skipped, report.failed) == (0, 4, 2)
    assert progress == [1, 2]  # only the two failed lines were tried again
    assert table_contents(store.path) == before


def test_a_fixed_document_leaves_the_failures_table(tmp_path):
    source = tmp_path / "feed.jsonl"
    source.write_text("{broken\n", encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    assert store.ingest(read_paths([str(source)]), Settings()).failed == 1
    assert [f["key"] for f in store.failures()] == [f"{source}:1"]
    source.write_text(json.dumps({"id": "fixed", "text": ARTICLES[0][2]}) + "\n", encoding="utf-8")
    report = store.ingest(read_paths([str(source)]), Settings())
    assert (report.added, report.failed) == (1, 0)
    assert store.failures() == [] and store.document_ids() == {"fixed"}


def test_repeated_ids_in_one_input_are_stored_once(tmp_path):
    source = tmp_path / "dup.jsonl"
    line = json.dumps({"id": "same", "text": ARTICLES[2][2]})
    source.write_text(f"{line}\n{line}\n", encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    report = store.ingest(read_paths([str(source)]), Settings())
    assert (report.added, report.skipped) == (1, 1)


def test_articles_without_id_are_keyed_by_content(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLES[1][2], encoding="utf-8")
    store = Store(tmp_path / "s.duckdb")
    store.ingest(read_paths([str(tmp_path / "a.txt")]), Settings())
    (doc_id,) = store.document_ids()
    assert doc_id.startswith("sha1:")
    assert store.ingest(read_paths([str(tmp_path / "a.txt")]), Settings()).skipped == 1


def test_cli_ingest_with_table_columns_and_dct(tmp_path, capsys):
    source = tmp_path / "feed.csv"
    rows = ["key,body,published,headline"] + [
        f'{doc_id},"{text}",{date or ""},Title {doc_id}' for doc_id, date, text in ARTICLES
    ]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    db = tmp_path / "cli.duckdb"
    code = main(
        [
            "ingest",
            str(source),
            "--db",
            str(db),
            "--text-col",
            "body",
            "--date-col",
            "published",
            "--id-col",
            "key",
            "--title-col",
            "headline",
            "--dct",
            "2020-02-02",
            "--format",
            "json",
        ]
    )
    captured = capsys.readouterr()
    assert code == 0, captured.err
    report = json.loads(captured.out)
    assert (report["added"], report["documents"]) == (4, 4)
    assert "4 added, 0 skipped, 0 failed" in captured.err
    store = Store(db, read_only=True)
    assert store.document("n4")["doc"]["dct"] == "2020-02-02"  # no date in the row: --dct fills it
    assert store.document("n1")["doc"]["dct"] == "2020-01-06"
    assert store.document("n1")["doc"]["title"] == "Title n1"


def test_cli_ingest_reports_failures_with_exit_code_1(tmp_path, capsys):
    source = write_articles(tmp_path / "f.jsonl", extra_lines=["{nope"])
    code = main(["ingest", str(source), "--db", str(tmp_path / "f.duckdb")])
    captured = capsys.readouterr()
    assert code == 1
    assert "f.jsonl:5: not JSON" in captured.err and "Traceback" not in captured.err


def test_cli_ingest_bad_input_is_one_line(tmp_path, capsys):
    code = main(["ingest", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "x.duckdb")])
    captured = capsys.readouterr()
    assert code == 2 and "no such file or directory" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert not (tmp_path / "x.duckdb").exists()  # nothing is created for an input that cannot be read


def test_db_defaults_to_the_environment(tmp_path, monkeypatch, capsys):
    source = write_articles(tmp_path / "a.jsonl")
    monkeypatch.setenv("WIRECODER_DB", str(tmp_path / "env.duckdb"))
    assert main(["ingest", str(source)]) == 0
    capsys.readouterr()
    assert main(["stats", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["documents"] == 4


@pytest.mark.slow
def test_workers_give_the_same_store(ingested, tmp_path):
    store, source, _ = ingested
    other = Store(tmp_path / "w2.duckdb")
    other.ingest(read_paths([str(source)]), Settings(), workers=2, batch_size=2)
    ours, theirs = table_contents(store.path), table_contents(other.path)
    for table in ours:
        assert theirs[table] == ours[table], table
