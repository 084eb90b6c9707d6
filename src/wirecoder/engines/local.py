"""The local engine: in-process for one worker, a pool of worker processes for several.

Design, and why:

- Workers are forked from a fork server that has loaded the pipeline once (``spawn`` where
  there is no fork server): a fresh, single-threaded interpreter, so nothing is inherited from
  the caller (a progress bar's thread, a web server's locks), as plain ``fork`` would copy them.
  A worker starts in milliseconds and shares the model's memory with the others.
- Work goes out in the same batches that :func:`wirecoder.pipeline.process` would make (by
  count and by characters), so a worker's memory is bounded exactly as in-process, and one task
  is one ``nlp.pipe`` batch.
- Results come back as JSON strings (see :mod:`wirecoder.engines.wire`), which are cheaper to
  produce in the worker than pickled pydantic records.
- At most ``2 * workers`` batches are in flight: the input is read lazily, finished results do
  not pile up when the caller is slower than the workers (e.g. a database insert), and the
  output comes back in input order, so it is identical for any number of workers.
- A worker that dies (killed for memory, a crash in native code) stops the run with one line
  instead of hanging, which is why this uses ``concurrent.futures`` rather than
  ``multiprocessing.Pool``.
- A driver that dies (even by ``kill -9``) takes its workers with it within about a second,
  and then the fork server (see :mod:`wirecoder.engines.lifeline`).
"""

from __future__ import annotations

import json
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict
from itertools import islice
from multiprocessing.context import BaseContext

from wirecoder.config import Settings
from wirecoder.engines import lifeline
from wirecoder.engines.wire import Wire, decode, encode
from wirecoder.errors import WirecoderError
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import batched_articles, process, shared_nlp

#: Exercises every stage (names, dates, a quote, event verbs, places) so data they load lazily is loaded.
WARM_UP_TEXT = (
    'On Monday, President Jane Smith of Chad said: "We will sign the agreement in Geneva." '
    "Police arrested 12 protesters in Nairobi on Tuesday. "
    "Russia accused Ukraine of attacking a convoy near Kharkiv last week. "
    "Soldiers attacked a village in Kunduz province on Sunday."
)

Item = Article | Failure
Result = ArticleResult | Failure

#: Batches in flight per worker: one running, one queued so the worker never waits for the parent.
IN_FLIGHT_PER_WORKER = 2

#: Environment variable that hands the settings to the fork server (see :mod:`wirecoder.engines.preload`).
PRELOAD_ENV = "WIRECODER_FORKSERVER_SETTINGS"

#: Text per worker below which a worker does not pay for its start-up (several seconds).
MIN_CHARS_PER_WORKER = 100_000

_worker_settings: Settings | None = None
_worker_include_text = False
_worker_error: WirecoderError | None = None


class WorkerDied(WirecoderError):
    """A worker process ended abnormally; the message names the documents it was given."""

    exit_code = 3


def default_workers() -> int:
    """One worker per core this process may use (the affinity mask, when the OS has one)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _init_worker(settings: Settings, include_text: bool, driver: lifeline.Identity) -> None:
    global _worker_settings, _worker_include_text, _worker_error
    lifeline.watch(driver)  # first: a driver killed while this worker loads must not leave it behind
    _worker_settings, _worker_include_text = settings, include_text
    try:
        warm_up(settings)  # load the model (and the stages' data) once per process, before the first batch
    except WirecoderError as exc:
        # Raised from an initializer it would only mark the pool broken; keep it for the caller.
        _worker_error = exc


def warm_up(settings: Settings) -> None:
    """Load the pipeline and run one short article, so that stage data loaded on first use is
    loaded now: outside the first real document's time budget, and inside the worker's start-up."""
    list(process([Article(text=WARM_UP_TEXT, id="warm-up")], settings, nlp=shared_nlp(settings)))


def _run_batch(batch: list[Item]) -> list[Wire]:
    if _worker_error is not None:
        raise _worker_error
    assert _worker_settings is not None, "worker used before its initializer ran"
    return [encode(r) for r in process(batch, _worker_settings, include_text=_worker_include_text)]


def _origins(batch: list[Item]) -> list[str]:
    return [item.origin or "" for item in batch]


def _describe(batch: list[Item]) -> str:
    first = batch[0]
    name = first.doc_id() if isinstance(first, Article) else (first.id or first.origin)
    return f"{len(batch)} documents starting at {first.origin or name}"


def worker_count(items: Iterable[Item], settings: Settings, workers: int) -> int:
    """Workers worth starting for a sized input: at most one per batch, and one per
    ``MIN_CHARS_PER_WORKER`` characters, because starting a pool (a fork server that loads the
    model) costs about as much as parsing that much text in-process.  An unsized input (a
    stream) gets what was asked for.
    """
    if workers <= 1 or not isinstance(items, Sequence):
        return max(1, workers)
    batches = sum(1 for _ in batched_articles(items, settings))
    chars = sum(len(item.text) for item in items if isinstance(item, Article))
    return max(1, min(workers, batches, chars // MIN_CHARS_PER_WORKER))


def run_local(
    items: Iterable[Item], settings: Settings, workers: int = 1, include_text: bool = False
) -> Iterator[Result]:
    """Process items with ``workers`` processes, yielding one result per item, in input order."""
    workers = worker_count(items, settings, workers)
    if workers <= 1:
        yield from process(items, settings, include_text=include_text)
        return
    yield from _run_pool(items, settings, workers, include_text)


def _run_pool(items: Iterable[Item], settings: Settings, workers: int, include_text: bool) -> Iterator[Result]:
    batches = batched_articles(items, settings)
    pending: deque[tuple[list[Item], Future[list[Wire]]]] = deque()
    executor = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_pool_context(settings),
        initializer=_init_worker,
        initargs=(settings, include_text, lifeline.identity()),
    )
    try:
        for batch in islice(batches, workers * IN_FLIGHT_PER_WORKER):
            pending.append((batch, executor.submit(_run_batch, batch)))
        while pending:
            batch, future = pending.popleft()
            wired = _result_of(future, batch)
            for more in islice(batches, 1):  # keep the pool fed before the caller gets control
                pending.append((more, executor.submit(_run_batch, more)))
            for (kind, payload), origin in zip(wired, _origins(batch), strict=True):
                yield decode(kind, payload, origin)
    finally:
        # Also runs when the caller stops early (break, Ctrl-C): queued batches are dropped.
        executor.shutdown(wait=True, cancel_futures=True)


def _pool_context(settings: Settings) -> BaseContext:
    """A fork server that has loaded the pipeline, where the platform has one; else ``spawn``.

    The server is a fresh, single-threaded interpreter (nothing inherited from the caller), it
    loads the model and the stage data once, and every worker is forked from it: a worker
    starts in milliseconds instead of seconds, and the model's memory is shared between workers.
    The server lives as long as the calling process, so later pools start at once too.
    """
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    context = mp.get_context("forkserver")
    # Read by the server when it starts (first pool of this process); later pools with other
    # settings still work, their workers just load their own pipeline in the initializer.
    os.environ[PRELOAD_ENV] = json.dumps(asdict(settings))
    context.set_forkserver_preload(["wirecoder.engines.preload"])
    return context


def _result_of(future: Future[list[Wire]], batch: list[Item]) -> list[Wire]:
    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerDied(
            f"a worker process died while processing {_describe(batch)} "
            "(out of memory? try fewer --workers or a lower WIRECODER_BATCH_CHARS)"
        ) from None
