"""The :class:`Store`: one DuckDB file holding a processed corpus.

The store keeps no connection open between calls (see ``connection.py``): every query opens
a read-only connection and closes it, every ingest batch opens the write connection and
closes it.  So a web app can answer queries while ``wirecoder ingest`` is filling the file.
``with store.session():`` keeps one read-only connection for a burst of queries.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from wirecoder.config import Settings
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.store import dedup as dedup_mod
from wirecoder.store import queries, timelines
from wirecoder.store.connection import connect_sandboxed, first_line, opened
from wirecoder.store.dates import parse_user_date, parse_user_until
from wirecoder.store.errors import QueryError, StoreError
from wirecoder.store.filters import split_dyad
from wirecoder.store.ingest import IngestReport, batches, run_ingest, write_batch
from wirecoder.store.schema import check_readable, migrate, stored_version

DateLike = str | date | None


class Store:
    """A corpus store.  ``read_only=True`` never writes (and never creates the file)."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._local = threading.local()
        self._checked = False
        if read_only:
            if not self.path.is_file():
                raise StoreError(
                    f"{self.path}: no such store (create it with 'wirecoder ingest FILES --db {self.path}')"
                )
        else:
            if self.path.exists() and not self.path.is_file():
                raise StoreError(f"{self.path}: not a file")
            with opened(self.path, read_only=False) as con:
                migrate(con)
            self._checked = True

    # -- connections -----------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        con = getattr(self._local, "con", None)
        if con is not None:
            con.close()
            self._local.con = None

    @contextmanager
    def session(self) -> Iterator[Store]:
        """Keep one read-only connection for the queries inside the block (writers wait meanwhile)."""
        if getattr(self._local, "con", None) is not None:
            yield self
            return
        with opened(self.path, read_only=True) as con:
            self._check(con)
            self._local.con = con
            try:
                yield self
            finally:
                self._local.con = None

    @contextmanager
    def _read(self) -> Iterator[duckdb.DuckDBPyConnection]:
        con = getattr(self._local, "con", None)
        if con is not None:
            yield con
            return
        with opened(self.path, read_only=True) as con:
            self._check(con)
            yield con

    def _check(self, con: duckdb.DuckDBPyConnection) -> None:
        if not self._checked:
            check_readable(stored_version(con))
            self._checked = True

    # -- writing ---------------------------------------------------------------------------

    def ingest(
        self,
        items: Iterable[Article | Failure],
        settings: Settings | None = None,
        workers: int | None = 1,
        progress: Callable[[int], None] | None = None,
        on_plan: Callable[[int, int], None] | None = None,
        batch_size: int | None = None,
        engine: str = "local",
        address: str | None = None,
        strict: bool = False,
    ) -> IngestReport:
        """Process and store the items not stored yet.

        ``progress(n)`` is called after each processed document with the number processed so
        far in this run; ``on_plan(to_process, skipped)`` once, before processing starts.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; cannot ingest")
        settings = settings or Settings.from_env()
        return run_ingest(
            self.path,
            items,
            self.document_ids(),
            settings,
            workers=workers,
            progress=progress,
            on_plan=on_plan,
            batch_size=batch_size,
            engine=engine,
            address=address,
            strict=strict,
        )

    def add_results(
        self, pairs: Iterable[tuple[Article | Failure, ArticleResult | Failure]], batch_size: int = 64
    ) -> IngestReport:
        """Store results that were already computed (each with the article it came from, for the
        text and origin).  Same rules as :meth:`ingest`: stored ids are skipped, failures recorded."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only; cannot write")
        started = time.monotonic()
        report = IngestReport()
        for batch in batches(pairs, batch_size, seconds=float("inf")):
            write_batch(self.path, batch, report)
        report.seconds = time.monotonic() - started
        return report

    # -- reading ---------------------------------------------------------------------------

    def document_ids(self) -> set[str]:
        with self._read() as con:
            return {row[0] for row in con.execute("SELECT id FROM documents").fetchall()}

    def stats(self) -> dict[str, Any]:
        with self._read() as con:
            return queries.stats(con)

    def events(
        self,
        actor: str | None = None,
        dyad: str | None = None,
        type: str | None = None,
        status: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        limit: int | None = 100,
        offset: int = 0,
        dedup: bool = False,
        dedup_days: int = 0,
    ) -> list[dict[str, Any]]:
        """Event rows (or, with ``dedup``, story-level events), oldest first.

        ``dedup_days`` lets the dedup join reports whose dates differ by up to that many days."""
        where = queries.event_where(actor, dyad, type, status, _since(since), _until(until))
        with self._read() as con:
            if not dedup:
                return queries.events(con, where, limit, offset)
            rows = queries.events(con, where, None, 0)
        stories = dedup_mod.cluster(rows, dedup_days)
        return stories[offset : None if limit is None else offset + limit]

    def quotes(
        self,
        speaker: str | None = None,
        actor_country: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        with self._read() as con:
            return queries.quotes(con, speaker, actor_country, _since(since), _until(until), limit, offset)

    def actors(
        self, limit: int | None = 100, offset: int = 0, country: str | None = None, sector: str | None = None
    ) -> list[dict[str, Any]]:
        with self._read() as con:
            return queries.actors(con, limit, offset, country, sector)

    def actor(self, actor_key: str) -> dict[str, Any] | None:
        with self._read() as con:
            return queries.actor(con, actor_key)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        with self._read() as con:
            return queries.document(con, doc_id)

    def failures(self, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        with self._read() as con:
            return queries.failures(con, limit, offset)

    def top_dyads(self, limit: int = 10) -> list[dict[str, Any]]:
        with self._read() as con:
            return queries.top_dyads(con, limit)

    def top_speakers(self, limit: int = 10) -> list[dict[str, Any]]:
        with self._read() as con:
            return queries.top_speakers(con, limit)

    def timeline(
        self,
        actor: str | None = None,
        dyad: str | None = None,
        by: str = "month",
        dedup: bool = False,
        group: str = "quad",
        type: str | None = None,
        status: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
        dedup_days: int = 0,
    ) -> list[dict[str, Any]]:
        """Event counts per period, per PLOVER quad class (``group="quad"``), type (``"type"``) or
        status (``"status"``).

        Rows: ``{"period", "quad_class", "quad", "count"}`` (plus ``"type"`` when grouped by type;
        ``{"period", "status", "count"}`` by status), ordered by period.  An event counts in the
        period of the first day its date covers.
        """
        timelines.check(by, group)
        if dedup:
            stories = self.events(
                actor, dyad, type, status, since, until, limit=None, dedup=True, dedup_days=dedup_days
            )
            dated = [(date.fromisoformat(s["date_start"]), s["type"], s["status"]) for s in stories if s["date_start"]]
        else:
            where = queries.event_where(actor, dyad, type, status, _since(since), _until(until))
            with self._read() as con:
                dated = queries.event_dates(con, where)
        return timelines.bucket(dated, by, group)

    def dyad_timeline(
        self,
        dyad: str,
        by: str = "month",
        type: str | None = None,
        status: str | None = None,
        since: DateLike = None,
        until: DateLike = None,
    ) -> list[dict[str, Any]]:
        """One dyad's events per period, each direction apart: ``{"period", "direction"
        ("USA → PRK"), "quad_class", "quad", "count"}``.  The direction is who acted (the source)."""
        timelines.check(by)
        sides = split_dyad(dyad)
        where = queries.event_where(None, dyad, type, status, _since(since), _until(until))
        with self._read() as con:
            dated = queries.dyad_directions(con, where, sides)
        return timelines.bucket_directions(dated, by, sides)

    def sql(self, query: str) -> tuple[list[str], list[tuple]]:
        """Run one read-only SELECT; the connection can neither write nor read other files."""
        check_select(query)
        con = connect_sandboxed(self.path)
        try:
            self._check(con)
            cursor = con.execute(query)
            names = [d[0] for d in cursor.description] if cursor.description else []
            return names, cursor.fetchall()
        except duckdb.Error as exc:
            raise QueryError(f"query failed: {first_line(exc)}") from None
        finally:
            con.close()


def check_select(query: str) -> None:
    """Accept exactly one SELECT (or EXPLAIN of one); anything else is refused before it runs."""
    try:
        statements = duckdb.extract_statements(query)
    except duckdb.Error as exc:
        raise QueryError(f"query failed: {first_line(exc)}") from None
    if len(statements) != 1:
        raise QueryError(f"give exactly one SELECT statement (got {len(statements)})")
    kind = statements[0].type
    if kind not in (duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN):
        raise QueryError(
            f"only SELECT queries are allowed (this is a {kind.name} statement); the store is read-only here"
        )


def _since(value: DateLike) -> date | None:
    return value if isinstance(value, date) or value is None else parse_user_date(value, "--since")


def _until(value: DateLike) -> date | None:
    return value if isinstance(value, date) or value is None else parse_user_until(value, "--until")


__all__ = ["DateLike", "Store", "check_select"]
