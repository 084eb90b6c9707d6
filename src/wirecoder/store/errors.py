"""Store errors: each carries one line for the user (the CLI prints it without a traceback)."""

from wirecoder.errors import InputError, WirecoderError


class StoreError(WirecoderError):
    """The database file cannot be used: missing, not a wirecoder store, or an unknown schema."""


class StoreBusy(StoreError):
    """Another process held the database lock for longer than the wait limit."""


class QueryError(InputError):
    """A query the user wrote (``wirecoder sql``) or a filter value that cannot be used."""
