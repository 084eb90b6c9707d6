"""A real uvicorn server in a background thread, and Debian's Chromium under Playwright.

Shared by the browser tests and ``make_screenshots.py``.  Chromium is the system package
(/usr/bin/chromium); Playwright never downloads a browser here.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn
from fastapi import FastAPI

CHROMIUM = Path("/usr/bin/chromium")
#: Why the browser tests skip, and the command that makes them run.
SKIP_REASON = (
    f"needs Debian's Chromium at {CHROMIUM}: install it with 'sudo apt-get install chromium' "
    "(make test does it when run as root)"
)
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def artifacts_dir() -> Path:
    """Where screenshots go: $WIRECODER_ARTIFACTS, else /tmp/wirecoder-artifacts (never the repo)."""
    path = Path(os.environ.get("WIRECODER_ARTIFACTS", "/tmp/wirecoder-artifacts"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serve_in_thread(app: FastAPI, startup_timeout: float = 60.0) -> Iterator[str]:
    """Run ``app`` on 127.0.0.1 on a free port; yields the base URL; stops the server after."""
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), log_level="warning"))
    thread = threading.Thread(target=server.run, name="wirecoder-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(10)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
