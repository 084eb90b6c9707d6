"""Queries over a store built from hand-made results: filters, actors, timeline, documents, sql."""

from __future__ import annotations

import pytest

from wirecoder.store import SCHEMA_VERSION, QueryError, Store, StoreError


def ids(rows):
    return sorted(f"{r['doc_id']}#{r['event_id']}" for r in rows)


def test_stats_counts_everything(built_store):
    stats = built_store.stats()
    assert stats["documents"] == 5
    assert stats["events"] == 7
    assert stats["quotes"] == 2
    assert stats["failures"] == 1
    # Trump, Kim, North Korea, United States, South Korea, Protesters/protesters (same key), Moon, Police
    assert stats["actors"] == 8
    assert (stats["date_from"], stats["date_to"]) == ("2019-02-27", "2019-03-12")
    assert stats["schema_version"] == SCHEMA_VERSION


def test_event_rows_carry_parties_offsets_and_evidence(built_store):
    row = built_store.events(type="ACCUSE")[0]
    assert row["doc_id"] == "w2" and row["type"] == "ACCUSE" and row["date"] == "2019-02-28"
    assert row["source"][0]["name"] == "North Korea" and row["source"][0]["code"] == "PRK"
    assert row["target"][0]["actor_key"] == "USA"
    text = built_store.document("w2")["text"]
    assert text[row["start"] : row["end"]] == "accused" == row["trigger"]
    assert row["sentence"] == "North Korea accused the United States of bad faith."
    assert row["quad_class"] == 3 and row["quad"] == "verbal conflict" and row["score"] == -3


def test_events_are_ordered_by_date(built_store):
    dates = [r["date_start"] for r in built_store.events()]
    assert dates == sorted(dates)


@pytest.mark.parametrize(
    ("actor", "expected"),
    [
        ("PRK", ["w1#e1", "w2#e1", "w2#e2", "w3#e1", "w3#e2"]),  # a country code matches every PRK actor
        ("kim jong-un", ["w1#e1", "w2#e1", "w3#e1"]),  # a name, any case and punctuation
        ("Trump", ["w1#e1", "w2#e1", "w3#e1"]),  # a word of the name
        ("USAGOV", ["w1#e1", "w2#e1", "w3#e1"]),  # an actor code
        ("protesters:KOR:CVL", ["w4#e1", "w5#e1"]),  # an actor key
        ("Nobody", []),
    ],
)
def test_actor_filter(built_store, actor, expected):
    assert ids(built_store.events(actor=actor)) == expected


def test_actor_filter_does_not_match_inside_words(built_store):
    # "Korea" is a word of "North Korea"; "Kore" is only the start of one.
    assert ids(built_store.events(actor="Kore")) == []
    assert ids(built_store.events(actor="korea")) == ["w2#e2", "w3#e2"]


def test_dyad_matches_either_direction(built_store):
    forward = ids(built_store.events(dyad="USA-PRK"))
    assert forward == ids(built_store.events(dyad="PRK-USA"))
    assert forward == ["w1#e1", "w2#e1", "w2#e2", "w3#e1"]
    assert ids(built_store.events(dyad="Kim Jong-un,Donald Trump")) == ["w1#e1", "w2#e1", "w3#e1"]


def test_dyad_needs_two_different_participants(built_store):
    # Both Trump and Kim are GOV actors, but KOR has no event against KOR in a different role except w5.
    assert ids(built_store.events(dyad="KOR-KOR")) == ["w5#e1"]
    assert ids(built_store.events(dyad="USA-KOR")) == []


def test_type_status_and_dates(built_store):
    assert ids(built_store.events(type="aid,protest")) == ["w3#e2", "w4#e1"]
    assert ids(built_store.events(status="negated")) == ["w5#e1"]
    # The month-precision event (2019-02) overlaps the day 2019-02-15; the day events do not.
    assert ids(built_store.events(since="2019-02-15", until="2019-02-15")) == ["w3#e1"]
    assert ids(built_store.events(since="2019-03-11")) == ["w3#e2", "w5#e1"]  # w3#e2 is dated 2019-03
    assert ids(built_store.events(until="2019-02")) == ["w1#e1", "w2#e1", "w2#e2", "w3#e1"]


def test_limit_and_offset(built_store):
    everything = built_store.events(limit=None)
    assert built_store.events(limit=2, offset=1) == everything[1:3]
    assert len(built_store.events(limit=0)) == 0


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"type": "HUG"}, "unknown event type 'HUG'"),
        ({"status": "maybe"}, "unknown status 'maybe'"),
        ({"since": "last week"}, "--since must be a date"),
        ({"dyad": "USA"}, "--dyad must name two actors"),
        ({"dyad": "A-B-C"}, "--dyad must name two actors"),
        ({"limit": -1}, "must not be negative"),
    ],
)
def test_bad_filters_raise_one_line_errors(built_store, kwargs, message):
    with pytest.raises(QueryError, match=message):
        built_store.events(**kwargs)


def test_filter_values_are_parameters_not_sql(built_store):
    assert built_store.events(actor="x' OR 1=1 --") == []
    assert built_store.quotes(speaker="'; DROP TABLE quotes; --") == []
    assert built_store.stats()["quotes"] == 2


def test_quotes_and_their_filters(built_store):
    rows = built_store.quotes()
    assert [(r["doc_id"], r["speaker"], r["speaker_country"]) for r in rows] == [
        ("w1", "Donald Trump", "USA"),
        ("w4", "Moon Jae-in", "KOR"),
    ]
    assert rows[0]["text"] == "We had a good meeting," and rows[0]["date"] == "2019-02-27"
    assert [r["doc_id"] for r in built_store.quotes(speaker="moon")] == ["w4"]
    assert [r["doc_id"] for r in built_store.quotes(actor_country="usa")] == ["w1"]
    assert [r["doc_id"] for r in built_store.quotes(since="2019-03")] == ["w4"]


def test_actors_are_corpus_level(built_store):
    rows = {r["actor_key"]: r for r in built_store.actors(limit=None)}
    trump = rows["donald-trump:USA:GOV"]
    assert (trump["documents"], trump["events"], trump["quotes"], trump["code"]) == (3, 3, 1, "USAGOV")
    # "Protesters" and "protesters" are one actor across articles.
    assert rows["protesters:KOR:CVL"]["documents"] == 2
    assert [r["actor_key"] for r in built_store.actors(country="kor", sector="GOV")] == ["moon-jae-in:KOR:GOV"]


def test_actor_detail(built_store):
    info = built_store.actor("PRK")
    assert info["name"] == "North Korea" and info["documents"] == 2
    assert {(t["type"], t["role"]) for t in info["event_types"]} == {("ACCUSE", "source"), ("AID", "target")}
    assert {c["actor_key"] for c in info["counterparts"]} == {"USA", "KOR"}
    assert built_store.actor("no-such-actor") is None


def test_top_dyads_and_speakers(built_store):
    top = built_store.top_dyads(limit=1)[0]
    assert (top["source_name"], top["target_name"], top["events"]) == ("Donald Trump", "Kim Jong-un", 3)
    speakers = built_store.top_speakers()
    assert {s["name"] for s in speakers} == {"Donald Trump", "Moon Jae-in"}


def test_document_returns_text_and_contract(built_store):
    doc = built_store.document("w4")
    assert doc["text"].startswith("Protesters marched")
    assert doc["result"]["schema"] == "wirecoder/1"
    assert doc["result"]["events"][0]["type"] == "PROTEST"
    assert doc["doc"]["source"] == "Wire One" and doc["doc"]["origin"] == "test:w4"
    assert built_store.document("nope") is None


def test_failures_are_listed(built_store):
    rows = built_store.failures()
    assert [(r["key"], r["origin"]) for r in rows] == [("bad1", "feed.jsonl:7")]


def test_timeline_by_quad_class(built_store):
    rows = built_store.timeline(by="month")
    got = {(r["period"], r["quad"]): r["count"] for r in rows}
    assert got == {
        ("2019-02", "verbal cooperation"): 3,
        ("2019-02", "verbal conflict"): 1,
        ("2019-03", "material cooperation"): 1,
        ("2019-03", "material conflict"): 2,
    }


def test_timeline_by_type_day_and_actor(built_store):
    rows = built_store.timeline(actor="Kim Jong-un", by="day", group="type")
    assert [(r["period"], r["type"], r["count"]) for r in rows] == [
        ("2019-02-01", "CONSULT", 1),
        ("2019-02-27", "CONSULT", 2),
    ]
    weeks = built_store.timeline(dyad="KOR-PRK", by="week")
    assert [(r["period"], r["count"]) for r in weeks] == [("2019-W09", 1)]


def test_timeline_rejects_unknown_bucket(built_store):
    with pytest.raises(QueryError, match="--by must be one of"):
        built_store.timeline(by="fortnight")


def test_sql_is_read_only(built_store):
    names, rows = built_store.sql("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY type")
    assert names == ["type", "n"] and ("CONSULT", 3) in rows
    with pytest.raises(QueryError, match="only SELECT"):
        built_store.sql("DELETE FROM events")
    with pytest.raises(QueryError, match="exactly one SELECT"):
        built_store.sql("SELECT 1; DROP TABLE events")
    with pytest.raises(QueryError, match="query failed"):
        built_store.sql("SELECT * FROM read_csv('/etc/hostname')")
    with pytest.raises(QueryError, match="query failed"):
        built_store.sql("SELEC nonsense")
    assert built_store.stats()["events"] == 7


def test_sql_inside_a_session(built_store):
    # Regression: a differently configured connection to the same file clashed with the session's.
    with built_store.session():
        assert built_store.stats()["documents"] == 5
        assert built_store.sql("SELECT count(*) FROM documents")[1] == [(5,)]


def test_sql_cannot_reach_other_files(built_store, tmp_path):
    for query in (
        f"SELECT * FROM '{tmp_path}/x.csv'",
        "SELECT * FROM read_text('/etc/hostname')",
        f"SELECT * FROM read_parquet('{tmp_path}/x.parquet')",
    ):
        with pytest.raises(QueryError, match="query failed"):
            built_store.sql(query)


def test_session_reuses_one_connection(built_store):
    with built_store.session():
        assert built_store.stats()["documents"] == 5
        assert len(built_store.events(limit=None)) == 7


def test_read_only_store_must_exist(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_read_only_store_cannot_ingest(built_store):
    with pytest.raises(StoreError, match="read-only"):
        built_store.ingest([])
