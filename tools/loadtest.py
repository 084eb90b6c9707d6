"""Bounded load test of the HTTP API on loopback (what `make loadtest` runs).

Starts `wirecoder serve` on 127.0.0.1 with a small store, then sends a fixed number of requests
from concurrent clients (4x the server's extraction workers by default), mixing
`POST /api/extract` with corpus queries.  Reports throughput, p50/p99 latency and errors, and
exits non-zero if any request failed.  Traffic goes only to 127.0.0.1; the loops are bounded by
count and by a deadline, and the server is stopped at the end.

    python tools/loadtest.py [--requests 120] [--clients N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
WIRECODER = [sys.executable, "-m", "wirecoder"]
#: Extraction threads in the server (web/config.py's default); clients default to 4x this.
SERVER_WORKERS = 1

ARTICLES = [
    "ACCRA, March 3 (Wire) – Ghana's finance minister met IMF officials on Monday to discuss a loan, "
    "the ministry said. \u201cWe are close to an agreement,\u201d the minister told reporters.",
    "Protesters marched in Santiago on Sunday, demanding lower fares. Police said 40 people were arrested.",
    "The European Union imposed new sanctions on Belarus last week, officials said in Brussels.",
    "Japan and South Korea agreed on Friday to resume security talks next month.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(db: Path) -> None:
    src = db.with_suffix(".jsonl")
    src.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": t, "date": "2024-03-04"}) + "\n" for i, t in enumerate(ARTICLES))
    )
    subprocess.run([*WIRECODER, "ingest", str(src), "--db", str(db)], check=True, capture_output=True, timeout=600)


def wait_ready(base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("error: the server did not become ready in time")


def one_request(client: httpx.Client, i: int) -> tuple[str, float, int]:
    started = time.perf_counter()
    if i % 2 == 0:
        body = {"text": ARTICLES[i % len(ARTICLES)], "date": "2024-03-04"}
        resp = client.post("/api/extract", json=body)
        kind = "extract"
    else:
        path = ("/api/events?limit=20", "/api/stats", "/api/quotes?limit=20", "/api/actors?limit=20")[i // 2 % 4]
        resp = client.get(path)
        kind = "query"
    return kind, time.perf_counter() - started, resp.status_code


def run_load(base: str, total: int, clients: int, deadline: float) -> list[tuple[str, float, int]]:
    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    counter = iter(range(total))

    def client_loop() -> None:
        with httpx.Client(base_url=base, timeout=60) as client:
            while time.monotonic() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                try:
                    got = one_request(client, i)
                except httpx.HTTPError as exc:
                    got = ("error", 0.0, -1)
                    print(f"request {i}: {type(exc).__name__}", file=sys.stderr)
                with lock:
                    results.append(got)

    with ThreadPoolExecutor(clients) as pool:
        for _ in range(clients):
            pool.submit(client_loop)
    return results


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def summarise(results: list[tuple[str, float, int]], seconds: float, clients: int) -> dict:
    ok = [r for r in results if r[2] == 200]
    lat = [r[1] for r in ok]
    summary = {
        "requests": len(results),
        "clients": clients,
        "seconds": round(seconds, 2),
        "throughput_rps": round(len(results) / seconds, 2) if seconds else 0.0,
        "p50_ms": round(percentile(lat, 0.50) * 1000, 1),
        "p99_ms": round(percentile(lat, 0.99) * 1000, 1),
        "errors": len(results) - len(ok),
        "status_counts": {
            str(code): sum(1 for r in results if r[2] == code) for code in sorted({r[2] for r in results})
        },
    }
    for kind in ("extract", "query"):
        k = [r[1] for r in ok if r[0] == kind]
        summary[f"{kind}_p50_ms"] = round(percentile(k, 0.5) * 1000, 1)
        summary[f"{kind}_p99_ms"] = round(percentile(k, 0.99) * 1000, 1)
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description="Bounded load test of the wirecoder HTTP API on loopback.")
    parser.add_argument("--requests", type=int, default=120)
    parser.add_argument("--clients", type=int, default=4 * SERVER_WORKERS)
    parser.add_argument("--max-seconds", type=float, default=300.0)
    parser.add_argument("--json", action="store_true", help="print only the summary object")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wirecoder-load-") as tmp:
        db = Path(tmp) / "load.duckdb"
        build_store(db)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(
            [*WIRECODER, "serve", "--db", str(db), "--port", str(port), "--log-level", "warning"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ},
            start_new_session=True,
        )
        try:
            wait_ready(base, time.monotonic() + 120)
            started = time.perf_counter()
            results = run_load(base, args.requests, args.clients, time.monotonic() + args.max_seconds)
            summary = summarise(results, time.perf_counter() - started, args.clients)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
    print(json.dumps(summary) if args.json else json.dumps(summary, indent=1))
    sys.exit(1 if summary["errors"] or summary["requests"] < args.requests else 0)


if __name__ == "__main__":
    main()
