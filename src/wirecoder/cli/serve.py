"""``wirecoder serve``: the web app and HTTP API on uvicorn."""

from __future__ import annotations

import os
import socket
from pathlib import Path
from typing import Annotated

import typer

from wirecoder.cli.app import app
from wirecoder.cli.common import err
from wirecoder.config import Settings
from wirecoder.errors import InputError

#: Seconds a web request waits for an ingest's write lock before answering 503 (the store's
#: own default, for batch jobs, is a minute).
WEB_DB_WAIT = "5"


def default_db() -> Path:
    return Path(os.environ.get("WIRECODER_DB", "wirecoder.duckdb"))


def check_can_listen(host: str, port: int) -> None:
    """Fail with one line now, rather than a uvicorn log line later, when the port is taken."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise InputError(f"cannot resolve host '{host}' ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as exc:
            raise InputError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None


def prepare_store(path: Path) -> bool:
    """Make sure the store can be served: an existing file, or a new empty store created now
    (so a path that cannot be created fails here, in one line).  True when it was created."""
    from wirecoder.store import Store, StoreError

    if path.exists():
        if not path.is_file():
            raise InputError(f"--db {path}: not a file")
        return False
    if not path.parent.is_dir():
        raise InputError(f"--db {path}: cannot create the store, no such folder '{path.parent}'")
    if not os.access(path.parent, os.W_OK):
        raise InputError(f"--db {path}: cannot create the store, folder '{path.parent}' is not writable")
    try:
        Store(path).close()
    except (StoreError, OSError) as exc:
        raise InputError(f"--db {path}: cannot create the store ({str(exc).splitlines()[0]})") from None
    return True


@app.command()
def serve(
    db: Annotated[
        Path | None, typer.Option(help="Corpus store to browse (default: $WIRECODER_DB or ./wirecoder.duckdb).")
    ] = None,
    host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback needs --token.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="WIRECODER_TOKEN", help="Bearer token required on every page and API call."),
    ] = None,
    max_body: Annotated[int, typer.Option(min=1024, help="Largest request body in bytes (413 above).")] = 2
    * 1024
    * 1024,
    timeout: Annotated[float, typer.Option(min=1.0, help="Seconds one extraction may take (504 after).")] = 30.0,
    max_concurrent: Annotated[
        int, typer.Option(min=1, help="Extractions running or queued at once (503 + Retry-After above).")
    ] = 4,
    log_level: Annotated[str, typer.Option(help="uvicorn log level: critical, error, warning, info, debug.")] = "info",
) -> None:
    """Serve the web app (annotate articles, browse the corpus) and the HTTP API (docs at /docs)."""
    import uvicorn

    from wirecoder.web import WebConfig, create_app
    from wirecoder.web.config import is_loopback

    token = token.strip() if token else None
    if not is_loopback(host) and not token:
        raise InputError(
            f"refusing to listen on {host} without --token: anyone who can reach it could use it "
            "(set --token or WIRECODER_TOKEN, or use --host 127.0.0.1)"
        )
    if log_level not in ("critical", "error", "warning", "info", "debug"):
        raise InputError(f"--log-level must be critical, error, warning, info or debug, got '{log_level}'")
    check_can_listen(host, port)
    os.environ.setdefault("WIRECODER_DB_TIMEOUT", WEB_DB_WAIT)
    store = db or default_db()
    if prepare_store(store):
        err.print(f"wirecoder: created an empty store {store}; fill it with 'wirecoder ingest FILES --db {store}'")
    config = WebConfig(
        db=store,
        token=token,
        max_body=max_body,
        timeout=timeout,
        max_concurrent=max_concurrent,
        preload=True,
        settings=Settings.from_env(),
    )
    shown = f"[{host}]" if ":" in host else host
    err.print(f"wirecoder: serving on http://{shown}:{port}/ (store: {config.db})", highlight=False)
    uvicorn.run(create_app(config), host=host, port=port, log_level=log_level, timeout_graceful_shutdown=5)
