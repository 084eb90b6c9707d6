"""Schema creation, the recorded version, and the migration path."""

from __future__ import annotations

import duckdb
import pytest

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
