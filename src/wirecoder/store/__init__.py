"""The corpus store: processed articles in one DuckDB file, with queries, dedup and exports.

``Store(path)`` is the entry point; see ``docs/analysis.md`` for the tables and the CLI.
"""

from wirecoder.store.errors import QueryError, StoreBusy, StoreError
from wirecoder.store.ingest import IngestReport
from wirecoder.store.schema import SCHEMA_VERSION, migrate
from wirecoder.store.store import Store

__all__ = ["SCHEMA_VERSION", "IngestReport", "QueryError", "Store", "StoreBusy", "StoreError", "migrate"]
