"""Run the pipeline for web requests without blocking the event loop or falling over.

- The spaCy work runs on a small thread pool, so the server keeps answering other requests.
- At most ``max_concurrent`` extractions run or wait at once; one more is refused at once with
  :class:`Busy` (503 + Retry-After) instead of piling up.
- Each extraction has a deadline (:class:`ExtractTimeout`, 504).  A request that times out while
  still waiting is cancelled; one already running keeps its slot until the thread finishes (the
  pipeline's own time budget, set to the same deadline, stops it), so slots always count real work.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading
from collections.abc import Callable

from wirecoder.config import Settings
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import process, shared_nlp
from wirecoder.readers.formats import read_html, read_txt
from wirecoder.web.errors import BadRequest, Busy, ExtractFailed, ExtractTimeout

Runner = Callable[[Article], ArticleResult | Failure]

#: Upload suffixes read as HTML; every other upload is read as plain text.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def pipeline_runner(settings: Settings) -> Runner:
    """Run one article through the process-wide shared pipeline (the model loads once)."""

    def run(article: Article) -> ArticleResult | Failure:
        return next(process([article], settings, nlp=shared_nlp(settings)))

    return run


class Extractor:
    def __init__(
        self, settings: Settings, max_concurrent: int, timeout: float, threads: int = 1, runner: Runner | None = None
    ) -> None:
        # The stages stop themselves at the same deadline the request waits for.
        budget = min(settings.time_budget, timeout) if settings.time_budget > 0 else timeout
        self.settings = settings.with_(time_budget=budget)
        self.max_concurrent = max_concurrent
        self.timeout = timeout
        self.runner = runner or pipeline_runner(self.settings)
        self.in_flight = 0
        self._count_lock = threading.Lock()  # released from pool threads, taken on the event loop
        self._pool = concurrent.futures.ThreadPoolExecutor(max_workers=threads, thread_name_prefix="wirecoder-web")

    def warm_up(self) -> None:
        shared_nlp(self.settings)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def retry_after(self) -> int:
        # A rough wait: an article takes a second or two, more when others are queued.
        return max(1, min(30, self.in_flight))

    async def extract(self, article: Article, include_text: bool = False) -> ArticleResult:
        if not self._take_slot():
            raise Busy("the server is busy extracting other articles; retry shortly", retry_after=self.retry_after())
        # The slot is given back when the work ends (or is cancelled before it starts), not
        # when the request gives up waiting: a timed-out extraction still occupies a thread.
        work = self._pool.submit(self.runner, article)
        work.add_done_callback(lambda _: self._release())
        try:
            result = await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(work)), self.timeout)
        except TimeoutError:
            work.cancel()  # succeeds only if it had not started yet
            raise ExtractTimeout(f"extraction took longer than {self.timeout:g} s") from None
        if isinstance(result, Failure):
            raise ExtractFailed(result.reason)
        if include_text:
            result.doc.text = article.text
        return result

    def _take_slot(self) -> bool:
        with self._count_lock:
            if self.in_flight >= self.max_concurrent:
                return False
            self.in_flight += 1
            return True

    def _release(self) -> None:
        with self._count_lock:
            self.in_flight -= 1


def article_from_upload(data: bytes, filename: str | None, date: str | None, title: str | None) -> Article:
    """An Article from uploaded bytes.  The client's file name only picks the reader by its
    suffix; it is never used as a path (nothing is written to disk here)."""
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if filename and "." in filename else ""
    reader = read_html if suffix in HTML_SUFFIXES else read_txt
    try:
        items = list(reader(data, "upload", lambda _msg: None))
    except Exception as exc:
        raise BadRequest(str(exc).replace("upload: ", "uploaded file: ", 1)) from None
    article = items[0]
    if isinstance(article, Failure):
        raise BadRequest(article.reason)
    updates = {k: v for k, v in (("date", date), ("title", title)) if v}
    return article.model_copy(update=updates) if updates else article
