"""Settings of the web app, and the loopback rule for binding without a token."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path

from wirecoder.config import Settings

#: Host names that only ever mean this machine.
_LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


@dataclass(frozen=True)
class WebConfig:
    #: The DuckDB corpus store that ``wirecoder ingest`` writes (None: corpus views say so).
    db: Path | None = None
    #: Bearer token required on every page and API call (None: no auth, loopback only).
    token: str | None = None
    #: Largest request body accepted, in bytes (413 above it).
    max_body: int = 2 * 1024 * 1024
    #: Seconds one extraction may take, waiting included (504 after it).
    timeout: float = 30.0
    #: Extractions running or waiting at once; one more gets 503 with Retry-After.
    max_concurrent: int = 4
    #: Threads that run the pipeline.  spaCy work is CPU-bound, so more threads rarely help.
    extract_threads: int = 1
    #: Seconds to keep retrying a store that an ingest has locked before answering 503.
    store_retry: float = 3.0
    #: Load the spaCy model at startup instead of on the first extraction.
    preload: bool = False
    settings: Settings = field(default_factory=Settings.from_env)


def is_loopback(host: str) -> bool:
    """True when ``host`` can only be reached from this machine."""
    name = host.strip().strip("[]").lower()
    if name in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False
