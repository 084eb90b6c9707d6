"""Opening the DuckDB file so that an ingest and many readers can share it.

DuckDB lets one process write a database file, or any number of processes read it, but not
both at once: the writer takes an exclusive file lock and a read-only connection takes a
shared one (https://duckdb.org/docs/current/connect/concurrency).  So the store never keeps a
connection open between operations:

* a reader (query, web request) opens a read-only connection, runs its query, closes it;
* the ingest opens the read-write connection once per batch, writes the batch in one
  transaction, commits and closes it; the slow part (the NLP) runs with the file unlocked.

Whoever finds the file locked waits and retries with a growing pause, up to a limit
(``WIRECODER_DB_TIMEOUT`` seconds, default 60), then gives up with :class:`StoreBusy`.
Inside one process, DuckDB refuses a second connection with a different configuration
(read-only next to read-write) while the first is open; that is retried the same way.
"""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from wirecoder.store.errors import StoreBusy, StoreError

DEFAULT_TIMEOUT = 60.0
_FIRST_PAUSE = 0.02
_MAX_PAUSE = 0.5

#: Substrings of DuckDB errors that mean "someone else has the file; try again".
_BUSY_MARKERS = ("could not set lock", "conflicting lock", "different configuration")


def wait_limit() -> float:
    raw = os.environ.get("WIRECODER_DB_TIMEOUT")
    try:
        return float(raw) if raw else DEFAULT_TIMEOUT
    except ValueError:
        return DEFAULT_TIMEOUT


def is_busy(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(marker in text for marker in _BUSY_MARKERS)


def connect(
    path: Path, read_only: bool, timeout: float | None = None, config: dict | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting while another process holds a conflicting lock."""
    return _retrying(path, timeout, lambda: duckdb.connect(str(path), read_only=read_only, config=config or {}))


def connect_sandboxed(path: Path, timeout: float | None = None) -> duckdb.DuckDBPyConnection:
    """A connection for queries users write: the store attached read-only to a private in-memory
    database whose file access is then switched off (no reading, writing or attaching other files).

    A private instance, unlike ``duckdb.connect(path, config=...)``, does not clash with the
    process's other connections to the same file, so it also works inside ``Store.session()``.
    """

    def attach() -> duckdb.DuckDBPyConnection:
        con = duckdb.connect()
        try:
            con.execute(f"ATTACH {sql_string(str(path))} AS store (READ_ONLY)")
            con.execute("USE store")
            con.execute("SET enable_external_access = false")
        except BaseException:
            con.close()
            raise
        return con

    return _retrying(path, timeout, attach)


def sql_string(text: str) -> str:
    """An SQL string literal (for the few places DuckDB takes no parameter, like file names)."""
    return "'" + text.replace("'", "''") + "'"


def _retrying(
    path: Path, timeout: float | None, open_it: Callable[[], duckdb.DuckDBPyConnection]
) -> duckdb.DuckDBPyConnection:
    limit = wait_limit() if timeout is None else timeout
    deadline = time.monotonic() + limit
    pause = _FIRST_PAUSE
    while True:
        try:
            return open_it()
        except duckdb.Error as exc:
            if not is_busy(exc):
                raise StoreError(f"{path}: cannot open the store ({first_line(exc)})") from None
            if time.monotonic() >= deadline:
                raise StoreBusy(
                    f"{path}: the store stayed locked by another process for {limit:.0f} s; try again later"
                ) from None
        # Jitter keeps a reader and the writer from retrying in lockstep.
        time.sleep(pause * (0.5 + random.random()))
        pause = min(pause * 2, _MAX_PAUSE)


@contextmanager
def opened(
    path: Path, read_only: bool, timeout: float | None = None, config: dict | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(path, read_only, timeout, config)
    try:
        yield con
    finally:
        con.close()


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
