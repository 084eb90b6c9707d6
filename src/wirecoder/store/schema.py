"""The store's tables, their indexes, and the schema version with its migration path.

The column lists here are the single source of truth: ``CREATE TABLE`` statements and the
``INSERT`` statements of the ingest are both generated from them.

Schema versions
---------------
``meta.schema_version`` names the layout of the tables.  Opening a store for writing runs
:func:`migrate`: a new file gets the current layout; a file at an older version is upgraded
step by step by the functions in :data:`MIGRATIONS` (inside one transaction); a file with a
version this wirecoder does not know (written by a newer release, or not a wirecoder store)
is refused with a one-line message and left untouched.  Read-only opens never migrate: they
refuse any version other than the current one and say how to upgrade.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from wirecoder.store.errors import StoreError

#: Bump when a table or column changes, and add the step from the previous version to MIGRATIONS.
SCHEMA_VERSION = 2

# Dates are kept twice: the value as extracted (``2019-03``) and the span of days it covers,
# so filters and the dedup can compare values of different precision.
TABLES: dict[str, list[tuple[str, str]]] = {
    "meta": [("key", "VARCHAR PRIMARY KEY"), ("value", "VARCHAR")],
    "documents": [
        ("id", "VARCHAR PRIMARY KEY"),
        ("title", "VARCHAR"),
        ("url", "VARCHAR"),
        ("source", "VARCHAR"),
        ("dct", "VARCHAR"),
        ("dct_date", "DATE"),
        ("dct_source", "VARCHAR"),
        ("chars", "INTEGER"),
        ("origin", "VARCHAR"),
        ("text", "VARCHAR"),
        ("result_json", "VARCHAR"),
        ("ingested_at", "TIMESTAMP"),
    ],
    "actors": [
        ("doc_id", "VARCHAR"),
        ("actor_id", "VARCHAR"),
        ("actor_key", "VARCHAR"),
        ("name", "VARCHAR"),
        ("name_norm", "VARCHAR"),
        ("kind", "VARCHAR"),
        ("country", "VARCHAR"),
        ("sector", "VARCHAR"),
        ("code", "VARCHAR"),
        ("role", "VARCHAR"),
        ("mentions", "INTEGER"),
    ],
    "mentions": [
        ("doc_id", "VARCHAR"),
        ("actor_id", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("text", "VARCHAR"),
    ],
    "timexes": [
        ("doc_id", "VARCHAR"),
        ("timex_id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("type", "VARCHAR"),
        ("value", "VARCHAR"),
        ("date_start", "DATE"),
        ("date_end", "DATE"),
    ],
    "quotes": [
        ("doc_id", "VARCHAR"),
        ("quote_id", "VARCHAR"),
        ("text", "VARCHAR"),
        ("start_char", "INTEGER"),
        ("end_char", "INTEGER"),
        ("kind", "VARCHAR"),
        ("speaker_id", "VARCHAR"),
        ("speaker_key", "VARCHAR"),
        ("speaker_name", "VARCHAR"),
        ("speaker_country", "VARCHAR"),
        ("speaker_sector", "VARCHAR"),
        ("speaker_text", "VARCHAR"),
        ("speaker_start", "INTEGER"),
        ("speaker_end", "INTEGER"),
        ("cue", "VARCHAR"),
        ("timex_id", "VARCHAR"),
        ("date", "VARCHAR"),
        ("date_start", "DATE"),
        ("date_end", "DATE"),
        # schema 2: what the cue reports and whether the act is negated (appended: ALTER TABLE adds at the end)
        ("cue_type", "VARCHAR"),
        ("negated", "BOOLEAN"),
    ],
    "events": [
        ("doc_id", "VARCHAR"),
        ("event_id", "VARCHAR"),
        ("type", "VARCHAR"),
        ("mode", "VARCHAR"),
        ("contexts", "VARCHAR[]"),
        ("quad_class", "TINYINT"),
        ("quad", "VARCHAR"),
        ("score", "DOUBLE"),
        ("status", "VARCHAR"),
        ("date", "VARCHAR"),
        ("date_start", "DATE"),
        ("date_end", "DATE"),
        ("date_precision", "VARCHAR"),
        ("date_source", "VARCHAR"),
        ("source_ids", "VARCHAR[]"),
        ("source_names", "VARCHAR[]"),
        ("source_codes", "VARCHAR[]"),
        ("source_keys", "VARCHAR[]"),
        ("source_countries", "VARCHAR[]"),
        ("source_sectors", "VARCHAR[]"),
        ("target_ids", "VARCHAR[]"),
        ("target_names", "VARCHAR[]"),
        ("target_codes", "VARCHAR[]"),
        ("target_keys", "VARCHAR[]"),
        ("target_countries", "VARCHAR[]"),
        ("target_sectors", "VARCHAR[]"),
        ("location_name", "VARCHAR"),
        ("location_country", "VARCHAR"),
        ("trigger_text", "VARCHAR"),
        ("trigger_start", "INTEGER"),
        ("trigger_end", "INTEGER"),
        ("sentence_start", "INTEGER"),
        ("sentence_end", "INTEGER"),
        ("sentence_text", "VARCHAR"),
        ("cameo", "VARCHAR"),
        ("confidence", "DOUBLE"),
    ],
    # One row per (event, participant): the join table the actor and dyad filters use.
    "event_actors": [
        ("doc_id", "VARCHAR"),
        ("event_id", "VARCHAR"),
        ("role", "VARCHAR"),
        ("actor_id", "VARCHAR"),
        ("actor_key", "VARCHAR"),
    ],
    "failures": [
        ("key", "VARCHAR PRIMARY KEY"),
        ("doc_id", "VARCHAR"),
        ("origin", "VARCHAR"),
        ("reason", "VARCHAR"),
        ("failed_at", "TIMESTAMP"),
    ],
}

INDEXES: tuple[tuple[str, str, str], ...] = (
    ("documents_dct", "documents", "dct_date"),
    ("actors_doc", "actors", "doc_id"),
    ("actors_key", "actors", "actor_key"),
    ("actors_country", "actors", "country"),
    ("quotes_doc", "quotes", "doc_id"),
    ("quotes_speaker", "quotes", "speaker_key"),
    ("quotes_date", "quotes", "date_start"),
    ("events_doc", "events", "doc_id"),
    ("events_type", "events", "type"),
    ("events_date", "events", "date_start"),
    ("event_actors_key", "event_actors", "actor_key"),
    ("event_actors_event", "event_actors", "doc_id, event_id"),
    ("timexes_doc", "timexes", "doc_id"),
    ("mentions_doc", "mentions", "doc_id"),
)

#: Tables that hold one document's rows (written together in the document's transaction).
DOCUMENT_TABLES = ("documents", "actors", "mentions", "timexes", "quotes", "events", "event_actors")


def columns(table: str) -> list[str]:
    return [name for name, _ in TABLES[table]]


def insert_sql(table: str) -> str:
    """An INSERT taking one list parameter per column (rows are passed column-wise).

    Passing columns as lists and unnesting them side by side is about twenty times faster than
    ``executemany`` with one statement per row.
    """
    names = columns(table)
    sources = ", ".join(f"unnest(?::{kind.removesuffix(' PRIMARY KEY')}[])" for _, kind in TABLES[table])
    return f"INSERT INTO {table} ({', '.join(names)}) SELECT {sources}"


def create_all(con: duckdb.DuckDBPyConnection) -> None:
    for table, cols in TABLES.items():
        body = ", ".join(f"{name} {kind}" for name, kind in cols)
        con.execute(f"CREATE TABLE IF NOT EXISTS {table} ({body})")
    for name, table, cols in INDEXES:
        con.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({cols})")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('contract', 'wirecoder/1')", [str(SCHEMA_VERSION)])


#: version -> function that upgrades a store at that version to version + 1, in place.
#: Example for a future schema 2:  ``MIGRATIONS[1] = _add_events_language`` where the function runs
#: ``ALTER TABLE events ADD COLUMN language VARCHAR``.  Each step runs inside the caller's transaction.
MIGRATIONS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {}


def _add_quote_cue_type_and_negated(con: duckdb.DuckDBPyConnection) -> None:
    """Schema 1 -> 2: quotes get ``cue_type`` and ``negated``, filled from each document's stored
    result (``documents.result_json``), so an upgraded store answers like a re-ingested one."""
    indexes = [(name, cols) for name, table, cols in INDEXES if table == "quotes"]
    for name, _ in indexes:  # DuckDB alters no table an index depends on
        con.execute(f"DROP INDEX IF EXISTS {name}")
    con.execute("ALTER TABLE quotes ADD COLUMN cue_type VARCHAR")
    con.execute("ALTER TABLE quotes ADD COLUMN negated BOOLEAN")
    con.execute(
        """
        UPDATE quotes SET cue_type = src.cue_type, negated = src.negated
        FROM (
            SELECT d.id AS doc_id, q ->> 'id' AS quote_id, q ->> 'cue_type' AS cue_type,
                   coalesce(TRY_CAST(q ->> 'negated' AS BOOLEAN), false) AS negated
            FROM documents d, unnest(CAST(json_extract(d.result_json, '$.quotes') AS JSON[])) AS t(q)
            WHERE d.result_json IS NOT NULL
        ) AS src
        WHERE quotes.doc_id = src.doc_id AND quotes.quote_id = src.quote_id
        """
    )
    for name, cols in indexes:
        con.execute(f"CREATE INDEX IF NOT EXISTS {name} ON quotes ({cols})")


MIGRATIONS[1] = _add_quote_cue_type_and_negated


def stored_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version recorded in the file; None for an empty file."""
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not tables:
        return None
    if "meta" not in tables:
        raise StoreError("this DuckDB file is not a wirecoder store (it has no 'meta' table)")
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    if row is None or not str(row[0]).isdigit():
        raise StoreError("this DuckDB file has no valid wirecoder schema_version in its 'meta' table")
    return int(row[0])


def check_readable(version: int | None) -> None:
    """Refuse, for reading, any layout other than the current one."""
    if version is None:
        raise StoreError("the store is empty (run 'wirecoder ingest' first)")
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {version}, newer than this wirecoder reads ({SCHEMA_VERSION}); "
            "upgrade wirecoder"
        )
    if version < SCHEMA_VERSION:
        raise StoreError(
            f"the store has schema version {version}; this wirecoder reads {SCHEMA_VERSION}: "
            "run 'wirecoder migrate --db FILE' to upgrade it"
        )


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the store to :data:`SCHEMA_VERSION`; returns the version it was at (0 for a new file).

    Runs in one transaction: a migration that fails leaves the file as it was.
    """
    version = stored_version(con)
    if version == SCHEMA_VERSION:
        return version
    if version is not None and version > SCHEMA_VERSION:
        check_readable(version)  # raises with the "newer than this wirecoder" message
    steps = [] if version is None else list(range(version, SCHEMA_VERSION))
    missing = [v for v in steps if v not in MIGRATIONS]
    if missing:
        raise StoreError(
            f"no migration from schema version {missing[0]} to {missing[0] + 1}; re-ingest into a new store file"
        )
    con.execute("BEGIN TRANSACTION")
    try:
        if version is None:
            create_all(con)
        for step in steps:
            MIGRATIONS[step](con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(step + 1)])
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return version or 0
