"""One benchmark configuration, measured in a fresh interpreter; prints one JSON line.

    python bench/measure.py CONFIG --articles FILE [--workers N] [--profile-out FILE]

A fresh process per configuration keeps peak-RSS numbers honest (nothing inherited from an
earlier configuration) and lets a failing configuration fail alone.  ``seconds`` is
wall-clock time (``time.perf_counter``) after the model is loaded and warmed up; ``cpu_s`` is
user + system time of every process doing the work.  Ray actors start per run, so the Ray
configuration also works out its start-up cost (see :func:`wirecoder_ray`).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import read_articles

from wirecoder.config import Settings
from wirecoder.engines.local import WARM_UP_TEXT
from wirecoder.model import Article, Failure

CONFIGS: dict[str, Callable[[list[Article], argparse.Namespace], dict]] = {}


def config(name: str) -> Callable:
    def register(fn: Callable) -> Callable:
        CONFIGS[name] = fn
        return fn

    return register


def peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident memory in MB; for RUSAGE_CHILDREN, the largest finished child's peak."""
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and of its children that have finished.

    Unlike wall-clock time this hardly moves when other work shares the cores, so the CPU
    ratios stay meaningful on a busy machine.
    """
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def settings() -> Settings:
    return Settings.from_env()


def _count_failures(results: list) -> int:
    return sum(isinstance(r, Failure) for r in results)


# -- bare spaCy ---------------------------------------------------------------------------


@config("bare")
def bare_spacy(articles: list[Article], args: argparse.Namespace) -> dict:
    """spaCy alone: the same model and batch size, no wirecoder stages, no result records."""
    import spacy

    s = settings()
    nlp = spacy.load(s.model)
    nlp.max_length = max(nlp.max_length, s.max_chars + 1)
    texts = [a.text for a in articles]
    list(nlp.pipe([WARM_UP_TEXT]))  # as the wirecoder configurations do: first-call costs off the clock
    extra = {"n_process": args.workers} if args.workers > 1 else {}
    tokens = 0
    cpu, started = cpu_seconds(), time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=s.batch_size, **extra):
        tokens += len(doc)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "tokens": tokens, "articles": len(texts),
        "peak_rss_mb": peak_rss_mb(), "worker_peak_rss_mb": _worker_peak(args.workers),
    }  # fmt: skip


def _worker_peak(workers: int) -> float:
    return peak_rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else peak_rss_mb()


# -- wirecoder, local engine --------------------------------------------------------------


@config("local")
def wirecoder_local(articles: list[Article], args: argparse.Namespace) -> dict:
    """``run_local`` end to end, with the model loaded before the clock starts, as for bare spaCy.

    One worker runs in-process after a warm-up.  For N workers a first small run starts the
    engine's fork server (which loads the pipeline once; its time is reported as
    ``first_pool_s``), then the timed run forks its workers from that warm server, as bare
    spaCy's ``n_process`` forks from its loaded parent.
    """
    from wirecoder.engines.local import run_local, warm_up

    s = settings()
    if args.workers <= 1:
        warm_up(s)
        cpu, started = cpu_seconds(), time.perf_counter()
        results, first = _timed(run_local(articles, s, workers=1), started)
        seconds = time.perf_counter() - started
        return {
            "seconds": seconds, "cpu_s": cpu_seconds() - cpu, "first_result_s": first, "articles": len(results),
            "failures": _count_failures(results), "peak_rss_mb": peak_rss_mb(), "worker_peak_rss_mb": peak_rss_mb(),
        }  # fmt: skip
    # Pool workers are the fork server's children, not ours: watched through /proc.
    with ProcWatcher("multiprocessing") as watcher:
        t = time.perf_counter()
        list(run_local(iter(_warm_up_articles(args.workers)), s, workers=args.workers))
        first_pool = time.perf_counter() - t
        time.sleep(4 * watcher.interval)  # let the watcher see the final CPU of those workers
        watched_before, polling_before = sum(watcher.cpu.values()), watcher.own_cpu
        cpu, started = cpu_seconds(), time.perf_counter()
        # iter(): a stream, so the engine starts exactly the workers asked for
        results, first = _timed(run_local(iter(articles), s, workers=args.workers), started)
        seconds = time.perf_counter() - started
        own_cpu = cpu_seconds() - cpu - (watcher.own_cpu - polling_before)
    return {
        "seconds": seconds, "cpu_s": own_cpu + sum(watcher.cpu.values()) - watched_before, "parent_cpu_s": own_cpu,
        "first_result_s": first, "first_pool_s": first_pool, "articles": len(results),
        "failures": _count_failures(results), "peak_rss_mb": peak_rss_mb(),
        "worker_peak_rss_mb": watcher.worker_peak_mb(), "processes_seen": len(watcher.peaks),
    }  # fmt: skip


def _warm_up_articles(workers: int) -> list[Article]:
    return [Article(text=WARM_UP_TEXT, id=f"warm-up-{i}") for i in range(workers)]


def _timed(results: Iterable, started: float) -> tuple[list, float]:
    """All results, and the seconds until the first one arrived."""
    collected, first = [], None
    for result in results:
        if first is None:
            first = time.perf_counter() - started
        collected.append(result)
    return collected, first or 0.0


# -- wirecoder, Ray engine ----------------------------------------------------------------


class ProcWatcher:
    """Polls /proc for this process's descendants whose command line matches, keeping each one's
    peak RSS (the kernel's VmHWM) and CPU seconds.

    Workers forked by a fork server, and Ray actors, are not our direct children, so getrusage
    cannot see them.  Only descendants count: other users' processes on the machine are ignored.
    The last sample is at most one interval old when a process exits.
    """

    def __init__(self, pattern: str, interval: float = 0.25) -> None:
        self.pattern = pattern.encode()
        self.interval = interval
        self.root = os.getpid()
        self.peaks: dict[int, float] = {}
        self.cpu: dict[int, float] = {}
        self.own_cpu = 0.0  # the watcher's own polling, to take out of the measuring process's CPU
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> ProcWatcher:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def worker_peak_mb(self) -> float:
        return round(max(self.peaks.values(), default=0.0), 1)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            started = time.thread_time()
            parents = self._parents()
            for pid in parents:
                if pid != self.root and self._descends(pid, parents):
                    self._sample(pid)
            self.own_cpu += time.thread_time() - started

    @staticmethod
    def _parents() -> dict[int, int]:
        parents = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # the process ended between listing and reading
            parents[int(stat.parent.name)] = int(fields[1])
        return parents

    def _descends(self, pid: int, parents: dict[int, int]) -> bool:
        for _ in range(64):  # a chain of parents, bounded in case of a cycle from pid reuse
            pid = parents.get(pid, 0)
            if pid == self.root:
                return True
            if pid <= 1:
                return False
        return False

    def _sample(self, pid: int) -> None:
        folder = Path("/proc") / str(pid)
        try:
            if self.pattern not in (folder / "cmdline").read_bytes():
                return
            match = re.search(r"VmHWM:\s+(\d+) kB", (folder / "status").read_text())
            stat = (folder / "stat").read_text()
        except OSError:
            return
        if match:
            self.peaks[pid] = max(self.peaks.get(pid, 0.0), int(match.group(1)) / 1024)
        # utime and stime are fields 14 and 15, counted after the ")" that ends the command name
        fields = stat.rsplit(")", 1)[1].split()
        self.cpu[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@config("ray")
def wirecoder_ray(articles: list[Article], args: argparse.Namespace) -> dict:
    """``run_ray`` on a private local Ray, and its throughput once every actor is working.

    The engine hands out no work before every actor has loaded the pipeline and says so
    (``on_ready``): the time from then to the last result is the time after start-up, over all
    the articles.  A one-article run first warms the Ray session itself (driver imports, workers).
    """
    from wirecoder.engines.ray_engine import run_ray, start_ray
    from wirecoder.pipeline import batched_articles

    s = settings()
    t0 = time.perf_counter()
    start_ray(args.workers)
    init_s = time.perf_counter() - t0
    ready: list[float] = []
    with ProcWatcher("PipelineActor") as watcher:
        list(run_ray(_warm_up_articles(1), s, workers=args.workers))
        cpu, started = cpu_seconds(), time.perf_counter()
        run = run_ray(articles, s, workers=args.workers, on_ready=lambda: ready.append(time.perf_counter()))
        results, first = _timed(run, started)
        seconds = time.perf_counter() - started
        driver_cpu = cpu_seconds() - cpu - watcher.own_cpu
    startup = (ready[0] - started) if ready else first
    return {
        "seconds": seconds, "driver_cpu_s": driver_cpu, "ray_init_s": init_s, "first_result_s": first,
        "startup_s": startup, "articles": len(results), "failures": _count_failures(results),
        "peak_rss_mb": peak_rss_mb(), "worker_peak_rss_mb": watcher.worker_peak_mb(),
        "actors_seen": len(watcher.peaks), "batches": sum(1 for _ in batched_articles(articles, s)),
        "after_startup_s": max(seconds - startup, 1e-9), "after_startup_chars": sum(len(a.text) for a in articles),
        "after_startup_articles": len(articles), "chars": sum(len(a.text) for a in articles),
    }  # fmt: skip


# -- time per stage -----------------------------------------------------------------------


@config("stages")
def stage_times(articles: list[Article], args: argparse.Namespace) -> dict:
    """Each spaCy component and wirecoder stage timed alone over the same batches.

    The batches are the ones :func:`process` makes; each component runs over the whole batch
    before the next starts, which is what ``nlp.pipe`` does per batch.  The first batch's records
    are checked against ``process`` so the breakdown is known to describe the real pipeline.
    """
    from wirecoder.engines.local import warm_up
    from wirecoder.engines.wire import encode
    from wirecoder.pipeline import batched_articles, make_doc, process, shared_nlp, to_result
    from wirecoder.stage import DEADLINE_KEY

    s = settings()
    nlp = shared_nlp(s)
    warm_up(s)
    times: dict[str, float] = defaultdict(float)
    checked = False
    started = time.perf_counter()
    for batch in batched_articles(articles, s):
        t = time.perf_counter()
        docs = [make_doc(nlp, a, s) for a in batch]
        for doc in docs:
            doc._.wc_state[DEADLINE_KEY] = time.monotonic() + s.time_budget
        times["make_doc (tokenizer + doc setup)"] += time.perf_counter() - t
        for name, component in nlp.pipeline:
            t = time.perf_counter()
            if hasattr(component, "pipe"):
                docs = list(component.pipe(docs, batch_size=s.batch_size))
            else:
                docs = [component(doc) for doc in docs]
            times[name] += time.perf_counter() - t
        t = time.perf_counter()
        results = [to_result(doc) for doc in docs]
        times["to_result (records)"] += time.perf_counter() - t
        t = time.perf_counter()
        for result in results:
            encode(result)
        times["JSON encode (worker to parent)"] += time.perf_counter() - t
        if not checked:
            if results != list(process(batch, s, nlp=nlp)):
                raise SystemExit("stage-by-stage run differs from process(): the breakdown would be wrong")
            checked = True
    total = time.perf_counter() - started
    return {"seconds": total, "stages": dict(times), "articles": len(articles), "pipe_names": nlp.pipe_names}


# -- profile ------------------------------------------------------------------------------


@config("profile")
def profile(articles: list[Article], args: argparse.Namespace) -> dict:
    """pyinstrument over the in-process pipeline; self time by function and by package."""
    from pyinstrument import Profiler

    from wirecoder.engines.local import warm_up
    from wirecoder.pipeline import process, shared_nlp

    s = settings()
    nlp = shared_nlp(s)
    warm_up(s)  # first-use loading is start-up, not the per-article cost this is about
    profiler = Profiler(interval=0.002)
    profiler.start()
    for _ in process(articles, s, nlp=nlp):
        pass
    session = profiler.stop()
    if args.profile_out:
        Path(args.profile_out).write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    by_function, by_area = self_times(session.root_frame())
    total = sum(by_area.values()) or 1.0
    top = sorted(by_function.items(), key=lambda kv: -kv[1])[:15]
    return {
        "seconds": session.duration,
        "top_functions": [{"function": f, "share": round(t / total, 4)} for f, t in top],
        "areas": {a: round(t / total, 4) for a, t in sorted(by_area.items(), key=lambda kv: -kv[1])},
    }


def self_times(root: object) -> tuple[dict[str, float], dict[str, float]]:
    """Self time per function and per area (package), from a pyinstrument frame tree.

    The root frame (the thread itself) is left out: its self time is time no Python frame was
    on the stack to take, not work anyone can optimise.
    """
    by_function: dict[str, float] = defaultdict(float)
    by_area: dict[str, float] = defaultdict(float)
    stack = [(child, "other") for child in root.children]
    while stack:
        frame, parent_area = stack.pop()
        if frame.is_synthetic:
            continue
        area = _area(frame.file_path or "", parent_area)
        own = frame.time - sum(c.time for c in frame.children if not c.is_synthetic)
        if own > 0:
            by_function[f"{frame.function} ({frame.file_path_short}:{frame.line_no})"] += own
            by_area[area] += own
        stack.extend((child, area) for child in frame.children)
    return by_function, by_area


_AREAS = (
    ("/wirecoder/actors/", "wirecoder.actors"), ("/wirecoder/time/", "wirecoder.time"),
    ("/wirecoder/quotes/", "wirecoder.quotes"), ("/wirecoder/events/", "wirecoder.events"),
    ("/wirecoder/", "wirecoder (pipeline, records)"), ("/thinc/", "thinc + numpy (neural nets)"),
    ("/numpy/", "thinc + numpy (neural nets)"), ("/spacy/", "spaCy (tokenizer, parser, rules)"),
    ("/pydantic", "pydantic (records)"),
)  # fmt: skip


def _area(path: str, parent_area: str) -> str:
    path = path if path.startswith(("/", "<")) or not path else "/" + path  # Cython frames: relative paths
    for needle, name in _AREAS:
        if needle in path:
            return name
    if path.startswith("<") or not path:
        return parent_area  # built-ins and C functions count for the code that called them
    if "site-packages/" in path:
        return path.split("site-packages/", 1)[1].split("/", 1)[0]
    stdlib = re.search(r"python3\.\d+/([^/]+?)(?:\.py)?(?:/|$)", path)
    return f"stdlib {stdlib.group(1)}" if stdlib else "other Python"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("config", choices=sorted(CONFIGS))
    parser.add_argument("--articles", type=Path, required=True)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--profile-out", type=Path, default=None)
    args = parser.parse_args()
    articles = read_articles(args.articles)
    result = CONFIGS[args.config](articles, args)
    result.update({"config": args.config, "workers": args.workers, "pid": os.getpid()})
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
