"""Read access to the corpus store for web requests.

Each request opens the store read-only for the length of the request (one connection for all
its queries) and closes it after, so an ingest in another process gets the file between
requests.  The store itself waits and retries while an ingest holds its write lock (one batch
at a time); ``wirecoder serve`` keeps that wait short, and a request that still finds the file
locked gets 503 with Retry-After instead of hanging.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from wirecoder.store import QueryError, Store, StoreBusy, StoreError
from wirecoder.web import errors
from wirecoder.web.config import WebConfig


class StoreUnusable(errors.WebError):
    """The file exists but is not a store this wirecoder can read (wrong schema, damaged)."""

    status = 500


_EMPTY: dict[str, Path] = {}
_EMPTY_LOCK = threading.Lock()


def empty_store_path() -> Path:
    """A store with the schema and no rows, made once per process in a private temporary folder.

    A store file that does not exist yet is shown as this empty corpus (200, empty lists, zero
    counts, and a hint on the dashboard), so a fresh ``wirecoder serve --db new.duckdb`` works
    before the first ``wirecoder ingest``.
    """
    with _EMPTY_LOCK:
        if "path" not in _EMPTY:
            folder = Path(tempfile.mkdtemp(prefix="wirecoder-empty-"))
            atexit.register(shutil.rmtree, folder, ignore_errors=True)
            path = folder / "empty.duckdb"
            Store(path).close()
            _EMPTY["path"] = path
        return _EMPTY["path"]


@contextmanager
def open_corpus(config: WebConfig) -> Iterator[Store]:
    """The store, read-only, for one request; store errors become web errors with one line."""
    if config.db is None:
        raise errors.NotFound(
            "no corpus store: start the server with --db FILE (a store written by 'wirecoder ingest')"
        )
    path = config.db if config.db.exists() else empty_store_path()
    try:
        with Store(path, read_only=True) as store, store.session():
            yield store
    except StoreBusy:
        raise errors.StoreBusy(
            "the corpus store is busy (an ingest is writing); retry shortly", retry_after=2
        ) from None
    except QueryError as exc:
        raise errors.BadRequest(str(exc)) from None
    except StoreError as exc:
        raise StoreUnusable(str(exc)) from None
