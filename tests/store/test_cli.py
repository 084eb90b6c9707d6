"""The store commands: output formats, plots, exports, and one-line errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from wirecoder.cli import main


@pytest.fixture
def db(built_store):
    return str(built_store.path)


def run(capsys, *args):
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_stats_json_is_one_object(capsys, db):
    code, out, _ = run(capsys, "stats", "--db", db, "--format", "json")
    data = json.loads(out)
    assert code == 0 and {"documents", "events", "quotes", "actors", "failures"} <= set(data)
    assert data["events"] == 7


def test_events_json_rows(capsys, db):
    code, out, _ = run(capsys, "events", "--db", db, "--actor", "PRK", "--type", "ACCUSE", "--format", "json")
    (row,) = json.loads(out)
    assert code == 0
    for key in ("doc_id", "type", "mode", "date", "status", "source", "target", "start", "end", "sentence"):
        assert key in row
    assert row["source"][0] == {
        "id": "a3",
        "name": "North Korea",
        "code": "PRK",
        "actor_key": "PRK",
        "country": "PRK",
        "sector": None,
    }


def test_events_dedup_and_table(capsys, db):
    code, out, _ = run(capsys, "events", "--db", db, "--dyad", "USA-PRK", "--dedup", "--format", "jsonl")
    stories = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [s["mentions"] for s in stories] == [3, 1]
    code, out, _ = run(capsys, "events", "--db", db, "--dedup")
    assert code == 0 and "Story events (5)" in out


def test_events_csv_flattens_parties(capsys, db):
    code, out, _ = run(capsys, "events", "--db", db, "--status", "negated", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and row["source"] == "Police" and row["source_codes"] == "KORCOP" and row["target"] == "protesters"


def test_quotes_and_actors(capsys, db):
    code, out, _ = run(capsys, "quotes", "--db", db, "--speaker", "Donald Trump", "--format", "json")
    assert code == 0 and [q["doc_id"] for q in json.loads(out)] == ["w1"]
    code, out, _ = run(capsys, "quotes", "--db", db, "--actor-country", "KOR", "--since", "2019-03-01")
    assert code == 0 and "Moon Jae-in" in out
    code, out, _ = run(capsys, "actors", "--db", db, "--country", "PRK", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["actor_key"] for r in rows} == {"PRK", "kim-jong-un:PRK:GOV"}
    code, out, _ = run(capsys, "actors", "--db", db, "--limit", "0")
    assert code == 0 and "Actors (8)" in out


def test_timeline_with_plots(capsys, db, tmp_path):
    pytest.importorskip("matplotlib")
    png, page = tmp_path / "t.png", tmp_path / "t.html"
    code, out, err = run(
        capsys, "timeline", "--db", db, "--actor", "PRK", "--by", "month", "--plot", str(png), "--format", "json"
    )
    assert code == 0 and png.read_bytes()[:4] == b"\x89PNG" and "chart written" in err
    assert {(r["period"], r["quad"]) for r in json.loads(out)} == {
        ("2019-02", "verbal cooperation"),
        ("2019-02", "verbal conflict"),
        ("2019-03", "material cooperation"),
    }
    code, _, _ = run(
        capsys, "timeline", "--db", db, "--dyad", "USA-PRK", "--by", "day", "--group", "type", "--plot", str(page)
    )
    assert code == 0 and "<svg" in page.read_text(encoding="utf-8")


def test_sql(capsys, db):
    code, out, _ = run(capsys, "sql", "SELECT id FROM documents ORDER BY id", "--db", db, "--format", "json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["w1", "w2", "w3", "w4", "w5"]
    code, _, err = run(capsys, "sql", "DROP TABLE events", "--db", db)
    assert code == 2 and "only SELECT queries are allowed" in err and len(err.strip().splitlines()) == 1


def test_export_command(capsys, db, tmp_path):
    out_file = tmp_path / "e.gdelt.csv"
    code, _, err = run(capsys, "export", "--db", db, "--format", "gdelt", str(out_file))
    assert code == 0 and "3 records written" in err and out_file.read_text().startswith("GLOBALEVENTID,")
    code, _, err = run(capsys, "export", "--db", db, "--format", "gdelt", "--table", "events", str(out_file))
    assert code == 2 and "--table does not apply" in err


def test_migrate_command(capsys, tmp_path, db):
    code, _, err = run(capsys, "migrate", "--db", str(tmp_path / "none.duckdb"))
    assert code == 2 and "no such store" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["stats", "--db", "{missing}"], "no such store"),
        (["events", "--db", "{db}", "--since", "yesterday"], "--since must be a date"),
        (["events", "--db", "{db}", "--dyad", "USA"], "--dyad must name two actors"),
        (["events", "--db", "{db}", "--type", "WAVE"], "unknown event type 'WAVE'"),
        (["timeline", "--db", "{db}", "--by", "hour"], "--by must be one of"),
        (["timeline", "--db", "{db}", "--plot", "{tmp}/x.gif"], "--plot must end in"),
        (["export", "--db", "{db}", "--format", "csv", "--table", "nope", "{tmp}/x.csv"], "--table must be one of"),
        (["sql", "SELECT * FROM nowhere", "--db", "{db}"], "query failed"),
        (["stats", "--db", "{notdb}"], "cannot open the store"),
    ],
)
def test_user_errors_are_one_line(capsys, db, tmp_path, args, message):
    notdb = tmp_path / "notes.txt"
    notdb.write_text("plain text, not a database\n" * 50)
    filled = [a.format(db=db, missing=tmp_path / "missing.duckdb", tmp=tmp_path, notdb=notdb) for a in args]
    code, _, err = run(capsys, *filled)
    assert code == 2, err
    assert message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_failures_lists_failed_documents_with_reasons(capsys, db):
    code, out, _ = run(capsys, "failures", "--db", db, "--format", "json")
    (row,) = json.loads(out)
    assert code == 0 and row["key"] == "bad1" and row["origin"] == "feed.jsonl:7" and "not JSON" in row["reason"]
    code, out, _ = run(capsys, "failures", "--db", db)
    assert code == 0 and "Failures (1)" in out and "not JSON" in out


def _csv_header(capsys, *args) -> list[str]:
    code, out, err = run(capsys, *args, "--format", "csv")
    assert code == 0, err
    return next(csv.reader(io.StringIO(out)))


@pytest.mark.parametrize(
    ("command", "nothing"),
    [
        (["events"], ["--actor", "nobody"]),
        (["events", "--dedup"], ["--actor", "nobody"]),
        (["quotes"], ["--speaker", "nobody"]),
        (["actors"], ["--country", "XXX"]),
        (["timeline"], ["--actor", "nobody"]),
        (["timeline", "--group", "type"], ["--actor", "nobody"]),
        (["timeline", "--group", "status"], ["--actor", "nobody"]),
        (["failures"], ["--offset", "5"]),
        (["sql", "SELECT doc_id, type FROM events"], []),
    ],
)
def test_csv_of_no_rows_has_the_same_header(capsys, db, command, nothing):
    full = _csv_header(capsys, *command, "--db", db)
    if command[0] == "sql":
        command = ["sql", "SELECT doc_id, type FROM events WHERE false"]
    code, out, _ = run(capsys, *command, "--db", db, *nothing, "--format", "csv")
    assert code == 0 and out.splitlines() == [",".join(full)], out


def test_dedup_days_merges_neighbouring_days(capsys, db):
    code, out, _ = run(capsys, "events", "--db", db, "--dedup", "--dedup-days", "1", "--format", "json")
    stories = json.loads(out)
    _, out, _ = run(capsys, "events", "--db", db, "--dedup", "--format", "json")
    assert code == 0 and len(stories) <= len(json.loads(out))
    code, _, err = run(capsys, "events", "--db", db, "--dedup", "--dedup-days", "-1")
    assert code == 2 and "--dedup-days" in err
