"""Read access to the corpus store for web requests.

Each request opens the store read-only for the length of the request (one connection for all
its queries) and closes it after, so an ingest in another process gets the file between
requests.  The store itself waits and retries while an ingest holds its write lock (one batch
at a time); ``wirecoder serve`` keeps that wait short, and a request that still finds the file
locked gets 503 with Retry-After instead of hanging.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from wirecoder.store import QueryError, Store, StoreBusy, StoreError
from wirecoder.web import errors
from wirecoder.web.config import WebConfig


class StoreUnusable(errors.WebError):
    """The file exists but is not a store this wirecoder can read (wrong schema, damaged)."""

    status = 500


@contextmanager
def open_corpus(config: WebConfig) -> Iterator[Store]:
    """The store, read-only, for one request; store errors become web errors with one line."""
    if config.db is None:
        raise errors.NotFound(
            "no corpus store: start the server with --db FILE (a store written by 'wirecoder ingest')"
        )
    if not config.db.is_file():
        raise errors.NotFound(f"the corpus store {config.db} does not exist yet; fill it with 'wirecoder ingest'")
    try:
        with Store(config.db, read_only=True) as store, store.session():
            yield store
    except StoreBusy:
        raise errors.StoreBusy(
            "the corpus store is busy (an ingest is writing); retry shortly", retry_after=2
        ) from None
    except QueryError as exc:
        raise errors.BadRequest(str(exc)) from None
    except StoreError as exc:
        raise StoreUnusable(str(exc)) from None
