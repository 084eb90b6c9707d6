"""Ingest: articles in, rows in the store; idempotent and safe to kill at any moment.

* A document is keyed by ``Article.doc_id()``.  Ids already stored are skipped *before* any
  processing, so a rerun only parses what is missing.
* Results are written in batches; each batch (every row of its documents, the failures it
  records and the failures it clears) is one transaction.  A process killed mid-batch leaves
  the last committed batch as the end of the store; the next run picks up from there and the
  store ends exactly as a clean run would have left it.
* The write connection is held only while a batch is written (see ``connection.py``), so
  readers get in between batches.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from wirecoder.config import Settings
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.store.connection import opened
from wirecoder.store.flatten import document_rows
from wirecoder.store.schema import DOCUMENT_TABLES, insert_sql

Item = Article | Failure
Result = ArticleResult | Failure

#: A batch is written when it holds this many documents or has waited this long, whichever comes first.
FLUSH_SECONDS = 5.0


@dataclass
class IngestReport:
    added: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    #: The failures of this run: (origin, reason), at most the first 100.
    failures: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["failures"] = [{"origin": o, "reason": r} for o, r in self.failures]
        return data


def failure_key(failure: Failure) -> str:
    """Failures are keyed by document id when the reader got that far, else by where they were read."""
    return failure.id or failure.origin


def item_key(item: Item) -> str:
    return item.doc_id() if isinstance(item, Article) else failure_key(item)


def select_pending(items: Iterable[Item], stored: set[str]) -> tuple[list[Item], int]:
    """The items still to process (in input order), and how many were skipped as already stored
    (or repeated within this input)."""
    pending: list[Item] = []
    seen: set[str] = set()
    skipped = 0
    for item in items:
        key = item_key(item)
        if key in stored or key in seen:
            skipped += 1
            continue
        seen.add(key)
        pending.append(item)
    return pending, skipped


def batches(
    pairs: Iterable[tuple[Item, Result]], size: int, seconds: float = FLUSH_SECONDS
) -> Iterator[list[tuple[Item, Result]]]:
    batch: list[tuple[Item, Result]] = []
    started = time.monotonic()
    for pair in pairs:
        if not batch:
            started = time.monotonic()
        batch.append(pair)
        if len(batch) >= size or time.monotonic() - started >= seconds:
            yield batch
            batch = []
    if batch:
        yield batch


def write_batch(path: Path, batch: list[tuple[Item, Result]], report: IngestReport) -> None:
    """Write one batch in one transaction (opening and closing the write connection around it)."""
    now = datetime.now(UTC).replace(tzinfo=None)
    with opened(path, read_only=False) as con:
        doc_ids = [r.doc.id for _, r in batch if isinstance(r, ArticleResult)]
        # Another ingest may have stored some of these since we looked: skip them, don't collide.
        present = {
            row[0]
            for row in con.execute(
                "SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))", [doc_ids]
            ).fetchall()
        }
        rows: dict[str, list[tuple]] = {table: [] for table in DOCUMENT_TABLES}
        cleared: list[str] = []
        failures: list[Failure] = []
        for item, result in batch:
            if isinstance(result, ArticleResult):
                if result.doc.id in present:
                    report.skipped += 1
                    continue
                present.add(result.doc.id)
                text = item.text if isinstance(item, Article) else ""
                origin = item.origin if isinstance(item, Article) else None
                for table, table_rows in document_rows(result, text, origin, now).items():
                    rows[table].extend(table_rows)
                cleared.extend([result.doc.id] + ([origin] if origin else []))
                report.added += 1
            elif result.id and result.id in present:
                report.skipped += 1
            else:
                failures.append(result)
                report.failed += 1
                if len(report.failures) < 100:
                    report.failures.append((result.origin, result.reason))
        _commit(con, rows, cleared, failures, now)


def _commit(
    con: duckdb.DuckDBPyConnection,
    rows: dict[str, list[tuple]],
    cleared: list[str],
    failures: list[Failure],
    now: datetime,
) -> None:
    con.execute("BEGIN TRANSACTION")
    try:
        for table in DOCUMENT_TABLES:
            if rows[table]:
                con.execute(insert_sql(table), [list(column) for column in zip(*rows[table], strict=True)])
        if cleared:
            # A document that now succeeds is no longer a failure (matched by its id or by where it was read).
            con.execute(
                "DELETE FROM failures WHERE key IN (SELECT unnest(?::VARCHAR[])) "
                "OR origin IN (SELECT unnest(?::VARCHAR[]))",
                [cleared, cleared],
            )
        for f in failures:
            # A failure seen again with the same reason is left as it was: a rerun changes nothing.
            con.execute(
                "INSERT INTO failures VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET "
                "doc_id = excluded.doc_id, origin = excluded.origin, reason = excluded.reason, "
                "failed_at = excluded.failed_at WHERE failures.reason IS DISTINCT FROM excluded.reason "
                "OR failures.origin IS DISTINCT FROM excluded.origin",
                [failure_key(f), f.id, f.origin, f.reason, now],
            )
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def run_ingest(
    path: Path,
    items: Iterable[Item],
    stored: set[str],
    settings: Settings,
    workers: int | None = 1,
    progress: Callable[[int], None] | None = None,
    on_plan: Callable[[int, int], None] | None = None,
    batch_size: int | None = None,
    engine: str = "local",
    address: str | None = None,
    strict: bool = False,
) -> IngestReport:
    from wirecoder.engines import run  # the NLP stack loads only when there is work to do

    started = time.monotonic()
    report = IngestReport()
    pending, report.skipped = select_pending(items, stored)
    if on_plan:
        on_plan(len(pending), report.skipped)
    if pending:
        if batch_size and batch_size < settings.batch_size:
            # A commit can only happen once the NLP batch holding its documents is done, so a
            # smaller commit batch means a smaller NLP batch (else commits come in bursts).
            settings = settings.with_(batch_size=batch_size)
        results = run(pending, settings, engine=engine, workers=workers, address=address)
        pairs = _counted(zip(pending, results, strict=True), progress)
        for batch in batches(pairs, batch_size or settings.batch_size):
            write_batch(path, batch, report)
            if strict and report.failed:
                break  # the committed batches stay; a rerun without --strict finishes the job
    report.seconds = time.monotonic() - started
    return report


def _counted(
    pairs: Iterator[tuple[Item, Result]], progress: Callable[[int], None] | None
) -> Iterator[tuple[Item, Result]]:
    for done, pair in enumerate(pairs, start=1):
        yield pair
        if progress:
            progress(done)
