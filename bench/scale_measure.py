"""One ingest of the cost curve, measured in a fresh interpreter; prints one JSON line.

    python bench/scale_measure.py --articles FILE --db STORE [--engine local|ray] [--workers N]

It runs the same ingest as ``wirecoder ingest`` (``Store.ingest``) and watches, through /proc,
every process it starts: the peak RSS (the kernel's VmHWM) of the driver (this process), of
each worker (a local pool's workers, or Ray's pipeline actors), and of the rest (the fork
server, Ray's own servers).  Throughput is given end to end and over the second half of the
results, which leaves out loading the model in the workers (and starting Ray), paid once per
run whatever the corpus size, and shows whether ingesting slows down as the store grows.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import read_articles

from wirecoder.config import Settings
from wirecoder.engines import lifeline, local
from wirecoder.store import Store


class Watcher:
    """Peak RSS of every process below this one, sampled every ``interval`` seconds."""

    def __init__(self, interval: float = 0.5) -> None:
        self.interval = interval
        self.peaks: dict[int, float] = {}
        self.kinds: dict[int, str] = {}
        self.driver_rss: list[float] = []  # the driver's resident memory at every sample
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Watcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.interval):
            for pid in lifeline.descendants(me):
                self._sample(pid)
            self.driver_rss.append(rss_mb())

    def _sample(self, pid: int) -> None:
        folder = Path("/proc") / str(pid)
        try:
            command = (folder / "cmdline").read_bytes()
            status = (folder / "status").read_text()
        except OSError:
            return
        peak = re.search(r"VmHWM:\s+(\d+) kB", status)
        parent = re.search(r"PPid:\s+(\d+)", status)
        if not peak:
            return
        self.peaks[pid] = max(self.peaks.get(pid, 0.0), int(peak.group(1)) / 1024)
        self.kinds[pid] = _kind(command, int(parent.group(1)) if parent else 0)

    def of_kind(self, kind: str) -> list[float]:
        return sorted((round(mb, 1) for pid, mb in self.peaks.items() if self.kinds.get(pid) == kind), reverse=True)


def _kind(command: bytes, parent: int) -> str:
    if b"PipelineActor" in command:
        return "worker"
    if b"multiprocessing.forkserver" in command:
        return "worker" if parent != os.getpid() else "fork server"  # workers are the server's children
    if b"resource_tracker" in command or b"lifeline.py" in command:
        return "helper"
    return "ray services" if b"ray" in command else "other"


def peak_rss_mb() -> float:
    match = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text())
    return round(int(match.group(1)) / 1024, 1) if match else 0.0


def rss_mb() -> float:
    match = re.search(r"VmRSS:\s+(\d+) kB", Path("/proc/self/status").read_text())
    return round(int(match.group(1)) / 1024, 1) if match else 0.0


def _quarters(values: list[float]) -> list[float]:
    """The driver's resident memory a quarter, half, three quarters of the way and at the end."""
    return [values[min(len(values) - 1, len(values) * q // 4)] for q in (1, 2, 3, 4)] if values else []


def store_mb(db: Path) -> float:
    files = [db, db.with_name(db.name + ".wal")]
    return round(sum(f.stat().st_size for f in files if f.exists()) / 1e6, 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--engine", default="local")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    articles = read_articles(args.articles)
    settings = Settings.from_env()
    # Force the pool even for a small input (the engine runs short inputs in-process), so every
    # size measures the same configuration: --workers processes.
    local.MIN_CHARS_PER_WORKER = 1
    times: list[float] = []
    started = time.perf_counter()

    def progress(done: int) -> None:
        times.append(time.perf_counter())

    with Watcher() as watcher:
        report = Store(args.db).ingest(articles, settings, workers=args.workers, engine=args.engine, progress=progress)
        seconds = time.perf_counter() - started
    half = len(times) // 2
    second_half = (len(times) - half) / max(started + seconds - times[half], 1e-9) if half else None
    result = {
        "engine": args.engine, "workers": args.workers, "articles": len(articles),
        "chars": sum(len(a.text) for a in articles), "longest_chars": max((len(a.text) for a in articles), default=0),
        "added": report.added, "failed": report.failed,
        "seconds": round(seconds, 2), "first_result_s": round(times[0] - started, 2) if times else None,
        "articles_per_s": round(len(articles) / seconds, 3),
        "after_startup_per_s": round(second_half, 3) if second_half else None,
        "driver_peak_mb": peak_rss_mb(), "driver_rss_quarters_mb": _quarters(watcher.driver_rss),
        "worker_peak_mb": watcher.of_kind("worker"),
        "fork_server_peak_mb": watcher.of_kind("fork server"), "ray_services_mb": sum(watcher.of_kind("ray services")),
        "store_mb": store_mb(args.db),
    }  # fmt: skip
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
