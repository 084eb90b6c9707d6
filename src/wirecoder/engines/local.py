"""The local engine: in-process for one worker, a process pool for several.

Each worker process loads the model once (in the pool initializer).  Chunks go out and come
back in input order, so the output is identical for any number of workers.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator

from wirecoder.config import Settings
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import batched, process, shared_nlp

Item = Article | Failure
Result = ArticleResult | Failure

_worker_settings: Settings | None = None
_worker_include_text = False


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def _init_worker(settings: Settings, include_text: bool) -> None:
    global _worker_settings, _worker_include_text
    _worker_settings, _worker_include_text = settings, include_text
    shared_nlp(settings)  # load the model once per process, before the first chunk


def _run_chunk(chunk: list[Item]) -> list[Result]:
    assert _worker_settings is not None
    return list(process(chunk, _worker_settings, include_text=_worker_include_text))


def run_local(
    items: Iterable[Item], settings: Settings, workers: int = 1, include_text: bool = False
) -> Iterator[Result]:
    """Process items with ``workers`` processes, yielding results in input order."""
    if workers <= 1:
        yield from process(items, settings, include_text=include_text)
        return
    ctx = mp.get_context("spawn")  # a fresh interpreter: no state inherited from the parent
    with ctx.Pool(workers, initializer=_init_worker, initargs=(settings, include_text)) as pool:
        for results in pool.imap(_run_chunk, batched(items, settings.batch_size)):
            yield from results
