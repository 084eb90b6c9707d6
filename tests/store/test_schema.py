"""Schema creation, the recorded version, and the migration path."""

from __future__ import annotations

import duckdb
import pytest

from wirecoder.model import Article
from wirecoder.store import SCHEMA_VERSION, Store, StoreError, schema
from wirecoder.store.schema import TABLES, migrate


def test_new_store_records_its_version_and_indexes(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert tables == set(TABLES)
    indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    assert {"events_type", "event_actors_key", "actors_key"} <= indexes
    con.close()


def test_reopening_changes_nothing(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    Store(path)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT count(*) FROM meta").fetchone() == (2,)
    con.close()


def set_version(path, version: str) -> None:
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    con.close()


def test_newer_schema_is_refused_for_reading_and_writing(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    set_version(path, "99")
    with pytest.raises(StoreError, match="newer than this wirecoder"):
        Store(path)
    with pytest.raises(StoreError, match="newer than this wirecoder"):
        Store(path, read_only=True).stats()


def test_older_schema_without_a_migration_is_refused(tmp_path):
    path = tmp_path / "s.duckdb"
    Store(path)
    set_version(path, "0")
    with pytest.raises(StoreError, match="no migration from schema version 0"):
        Store(path)
    with pytest.raises(StoreError, match="wirecoder migrate"):
        Store(path, read_only=True).stats()


def test_migration_steps_run_in_order(tmp_path, monkeypatch):
    path = tmp_path / "s.duckdb"
    Store(path)

    def add_language(con):
        con.execute("ALTER TABLE events ADD COLUMN language VARCHAR")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION, add_language)
    con = duckdb.connect(str(path))
    assert migrate(con) == SCHEMA_VERSION
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION + 1),)
    assert "language" in {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    con.close()


def test_failed_migration_leaves_the_file_as_it_was(tmp_path, monkeypatch):
    path = tmp_path / "s.duckdb"
    Store(path)

    def broken(con):
        con.execute("ALTER TABLE events ADD COLUMN language VARCHAR")
        raise RuntimeError("step failed")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION, broken)
    con = duckdb.connect(str(path))
    with pytest.raises(RuntimeError):
        migrate(con)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone() == (str(SCHEMA_VERSION),)
    assert "language" not in {r[0] for r in con.execute("DESCRIBE events").fetchall()}
    con.close()


def test_a_foreign_duckdb_file_is_refused(tmp_path):
    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE sales (x INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a wirecoder store"):
        Store(path)


def test_a_file_that_is_not_duckdb_is_refused(tmp_path):
    path = tmp_path / "notes.duckdb"
    path.write_text("hello, this is text\n" * 100)
    with pytest.raises(StoreError, match="cannot open the store"):
        Store(path)


def _store_with_a_negated_belief(path):
    from wirecoder.model import ArticleResult, DocInfo, Quote

    text = "The mayor does not think the bridge will open in May."
    content = "the bridge will open in May"
    at = text.index(content)
    quote = Quote(
        id="q1", text=content, start=at, end=at + len(content), kind="indirect", speaker_text="The mayor",
        cue="think", cue_type="belief", negated=True,
    )  # fmt: skip
    result = ArticleResult(doc=DocInfo(id="m1", chars=len(text)), quotes=[quote])
    store = Store(path)
    store.add_results([(Article(text=text, id="m1"), result)])
    return store


def test_quotes_keep_cue_type_and_negated(tmp_path):
    path = tmp_path / "s.duckdb"
    _store_with_a_negated_belief(path)
    row = Store(path, read_only=True).quotes()[0]
    assert (row["cue_type"], row["negated"]) == ("belief", True)


def test_schema_1_store_gets_cue_type_and_negated_from_its_results(tmp_path):
    path = tmp_path / "s.duckdb"
    _store_with_a_negated_belief(path)
    con = duckdb.connect(str(path))  # make it a schema-1 file: the columns did not exist then
    quote_indexes = [(name, cols) for name, table, cols in schema.INDEXES if table == "quotes"]
    for name, _ in quote_indexes:
        con.execute(f"DROP INDEX {name}")
    con.execute("ALTER TABLE quotes DROP COLUMN cue_type")
    con.execute("ALTER TABLE quotes DROP COLUMN negated")
    for name, cols in quote_indexes:
        con.execute(f"CREATE INDEX {name} ON quotes ({cols})")
    con.close()
    set_version(path, "1")
    with pytest.raises(StoreError, match="wirecoder migrate"):
        Store(path, read_only=True).stats()
    Store(path)  # a write open migrates
    row = Store(path, read_only=True).quotes()[0]
    assert (row["cue_type"], row["negated"]) == ("belief", True)
    assert Store(path, read_only=True).stats()["schema_version"] == SCHEMA_VERSION == 2
    con = duckdb.connect(str(path), read_only=True)
    indexes = {r[0] for r in con.execute("SELECT index_name FROM duckdb_indexes()").fetchall()}
    con.close()
    assert {name for name, _ in quote_indexes} <= indexes
