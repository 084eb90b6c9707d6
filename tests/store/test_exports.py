"""Exports: tables to Parquet/CSV/JSONL, events as PLOVER JSON and GDELT-style CSV."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest

from wirecoder.store import QueryError
from wirecoder.store.exports import GDELT_COLUMNS, export


def test_parquet_table_round_trips(built_store, tmp_path):
    out = tmp_path / "events.parquet"
    assert export(built_store, "parquet", out) == 7
    rows = duckdb.sql(f"SELECT type, source_names FROM read_parquet('{out}') ORDER BY doc_id, event_id").fetchall()
    assert rows[0] == ("CONSULT", ["Donald Trump"]) and len(rows) == 7


def test_parquet_all_tables_into_a_folder(built_store, tmp_path):
    out = tmp_path / "dump"
    export(built_store, "parquet", out, table="all")
    names = sorted(p.name for p in out.iterdir())
    assert "documents.parquet" in names and "failures.parquet" in names and "meta.parquet" not in names
    count = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out / 'documents.parquet'}')").fetchall()[0]
    assert count == (5,)


def test_csv_joins_lists(built_store, tmp_path):
    out = tmp_path / "quotes.csv"
    assert export(built_store, "csv", out, table="quotes") == 2
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["speaker_name"] == "Donald Trump"
    events = tmp_path / "events.csv"
    export(built_store, "csv", events)
    by_id = {(r["doc_id"], r["event_id"]): r for r in csv.DictReader(events.open(encoding="utf-8"))}
    assert by_id[("w2", "e2")]["source_names"] == "North Korea"


def test_jsonl_results_are_the_contract(built_store, tmp_path):
    out = tmp_path / "results.jsonl"
    assert export(built_store, "jsonl", out) == 5
    first = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert first["schema"] == "wirecoder/1" and first["doc"]["id"] == "w1" and "text" not in first["doc"]
    rows = tmp_path / "actors.jsonl"
    export(built_store, "jsonl", rows, table="actors")
    assert json.loads(rows.read_text(encoding="utf-8").splitlines()[0])["doc_id"] == "w1"


def test_polecat_records_follow_plover_json(built_store, tmp_path):
    out = tmp_path / "events.polecat.jsonl"
    assert export(built_store, "polecat", out) == 7
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    accuse = next(r for r in records if r["event"] == ["ACCUSE"])
    assert accuse["id"] == "w2#e2" and accuse["date"] == "2019-02-28" and accuse["quad_code"] == 3
    assert accuse["actor"] == [{"code": "PRK", "sector": None, "entity_text": "North Korea", "identifier_text": "PRK"}]
    assert accuse["recipient"][0]["code"] == "USA"
    assert accuse["event_text"] == ["accused"] and accuse["cite_info"]["url"] == "https://two.example/w2"
    month = next(r for r in records if r["id"] == "w3#e1")
    assert (month["date"], month["date_resolution"], month["date_text"]) == ("2019-02-01", "month", "2019-02")


def test_gdelt_rows_are_story_events(built_store, tmp_path):
    out = tmp_path / "events.gdelt.csv"
    # Five stories, less the negated assault and the planned aid.
    assert export(built_store, "gdelt", out) == 3
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert tuple(rows[0]) == GDELT_COLUMNS
    summit = rows[0]
    assert (summit["SQLDATE"], summit["Actor1Code"], summit["Actor2Code"]) == ("20190227", "USAGOV", "PRKGOV")
    assert (summit["EventRootCode"], summit["QuadClass"], summit["GoldsteinScale"]) == ("04", "1", "4.0")
    assert (summit["NumMentions"], summit["NumArticles"], summit["NumSources"]) == ("3", "3", "3")
    assert summit["SOURCEURL"] == "https://one.example/w1"
    assert [r["PloverType"] for r in rows] == ["CONSULT", "ACCUSE", "PROTEST"]


@pytest.mark.parametrize(
    ("fmt", "table", "message"),
    [
        ("xml", None, "--format must be one of"),
        ("csv", "nope", "--table must be one of"),
        ("jsonl", "all", "--table must be one of"),
    ],
)
def test_bad_export_options(built_store, tmp_path, fmt, table, message):
    with pytest.raises(QueryError, match=message):
        export(built_store, fmt, tmp_path / "x", table)


def test_export_into_missing_folder_is_refused(built_store, tmp_path):
    with pytest.raises(QueryError, match="no such folder"):
        export(built_store, "csv", tmp_path / "missing" / "x.csv")


def test_gdelt_story_without_source_leaves_side_one_empty():
    # Regression: the target of a source-less story was written as Actor1.
    from wirecoder.store.exports import gdelt_row

    story = {
        "date_start": "2019-09-27",
        "source": [],
        "target": [{"name": "doctor", "country": None, "sector": "MED"}],
        "cameo": None,
        "type": "CONCEDE",
        "quad_class": 1,
        "score": 4.5,
        "mentions": 1,
        "sources": 1,
        "documents": 1,
        "urls": [],
        "mode": None,
        "status": "asserted",
        "story_id": "s1",
    }
    row = dict(zip(GDELT_COLUMNS, gdelt_row(1, story, "", ("", "")), strict=True))
    assert (row["Actor1Code"], row["Actor1Name"]) == ("", "")
    assert (row["Actor2Code"], row["Actor2Name"], row["Actor2Type1Code"]) == ("MED", "DOCTOR", "MED")
    reciprocal = {**story, "source": [{"name": "A", "country": "USA"}, {"name": "B", "country": "CHN"}], "target": []}
    row = dict(zip(GDELT_COLUMNS, gdelt_row(1, reciprocal, "", ("", "")), strict=True))
    assert (row["Actor1Code"], row["Actor2Code"]) == ("USA", "CHN")
