"""The Ray engine: the same pipeline on a pool of Ray actors, locally or on a cluster.

``run_ray`` has the contract of :func:`wirecoder.engines.local.run_local`: one result per item,
in input order, identical to the in-process output.  How:

- ``workers`` actors (one CPU each) are started once per run; each loads the pipeline in its
  constructor.  No work goes out before every actor is up, so a model that cannot load fails
  the run at once, in one line.
- The articles are cut into the batches :func:`wirecoder.pipeline.process` would make (by
  count and by characters); a task is ``batches_per_task`` of them, as JSON text, and the
  actor runs each batch through ``nlp.pipe`` as it would in-process.
- At most ``2 * workers`` tasks are in flight (one running and one queued per actor): the input
  is read lazily, the driver never holds more than that many tasks' results, and results are
  taken in input order, as in the local engine.  Read failures never leave the driver and are
  put back in place.
- On a cluster an actor that dies (its node lost, its process killed) is restarted and its
  tasks run again (Ray's actor fault tolerance), so the run completes with nothing lost or
  repeated; on a private local Ray a dead actor stops the run with one line instead.

Ray is optional (``pip install 'wirecoder[ray]'``) and imported only when this engine runs.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice
from typing import Any

from wirecoder.config import Settings
from wirecoder.engines import lifeline
from wirecoder.engines.local import warm_up
from wirecoder.engines.wire import Wire, decode, decode_article, encode, encode_article
from wirecoder.errors import WirecoderError
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import batched_articles, process

Item = Article | Failure
Result = ArticleResult | Failure

#: Pipeline batches per Ray task.  One batch already takes a second or more of parsing against
#: about a millisecond of Ray's per-call cost; more per task only delays the first results.
BATCHES_PER_TASK = 1

#: Tasks in flight per actor: one running, one queued so the actor never waits for the driver.
IN_FLIGHT_PER_ACTOR = 2

#: Whether this process started its own Ray (rather than joining a cluster).
_started_locally = False

#: The watcher that ends a private Ray's leftovers if this process is killed (kept: it is our child).
_reapers: list[Any] = []


#: Ray's "clusters of several machines" switch; off, a local Ray binds to loopback only.
_SINGLE_NODE_ENV = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"

#: Loggers whose warnings are advice for Ray developers, not for wirecoder users.
_CHATTY_LOGGERS = (
    "ray._private.authentication.authentication_token_setup",  # "token authentication is enabled"
)


class RayUnavailable(WirecoderError):
    """Ray is not installed, or the cluster cannot be reached."""


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise RayUnavailable("the Ray engine needs Ray: pip install 'wirecoder[ray]'") from None
    return ray


class PipelineActor:
    """One Ray actor: loads the pipeline once, then turns tasks (lists of batches) into results."""

    def __init__(self, settings: Settings, include_text: bool) -> None:
        self.settings = settings
        self.include_text = include_text
        warm_up(settings)  # the pipeline and the stages' data, once per actor

    def ready(self) -> bool:
        return True

    def run(self, batches: list[list[str]]) -> list[Wire]:
        """Each batch (articles as JSON) through the pipeline as one ``nlp.pipe`` batch."""
        wired: list[Wire] = []
        for batch in batches:
            articles = [decode_article(payload) for payload in batch]
            wired.extend(encode(r) for r in process(articles, self.settings, include_text=self.include_text))
        return wired


def start_ray(workers: int, address: str | None = None) -> None:
    """Join the cluster at ``address``, or start a private local Ray on loopback with ``workers`` CPUs."""
    global _started_locally
    # Ray reports usage statistics over the network unless told not to; wirecoder never phones home.
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if not address:
        _loopback_only()
    ray = _import_ray()
    if ray.is_initialized():
        return
    quiet = {"logging_level": logging.WARNING, "log_to_driver": False, "configure_logging": True}
    for name in _CHATTY_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        if address:
            ray.init(address=address, **quiet)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, **quiet)
            _started_locally = True
            _reapers.append(lifeline.start_reaper("ray"))  # if this process is killed, see lifeline
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RayUnavailable(f"cannot start {where}: {first}") from None
    _messages_to_stderr()


def _messages_to_stderr() -> None:
    """Send Ray's messages for the driver ("a task failed and will be retried") to stderr.

    Ray prints them on stdout, where ``--format json`` (ingest) and the records (extract) go,
    and a restarted actor on a cluster would corrupt that output.  Ray has no setting for it;
    its printer takes an ``is_err`` flag, which this sets.
    """
    import ray._private.worker as ray_worker

    printer = getattr(ray_worker, "print_to_stdstream", None)
    if printer is None or getattr(printer, "_wirecoder", False):
        return

    def to_stderr(data: dict, ignore_prefix: bool) -> None:
        printer({**data, "is_err": True}, ignore_prefix)

    to_stderr._wirecoder = True  # type: ignore[attr-defined]
    ray_worker.print_to_stdstream = to_stderr


def _loopback_only() -> None:
    """Make a private local Ray use 127.0.0.1 for every server it starts.

    Left alone, Ray names the node by its network address and listens on all interfaces, and
    ``_node_ip_address="127.0.0.1"`` is mapped back to that address on purpose.  Ray's switch
    for single-machine clusters (meant for macOS and Windows, where it is on by default) makes
    it use loopback instead.  It is read when Ray is imported, by this process and by every
    process Ray starts, hence the environment variable; the module constant covers a Ray that
    was imported already.
    """
    os.environ[_SINGLE_NODE_ENV] = "0"
    constants = sys.modules.get("ray._private.ray_constants")
    if constants is not None and hasattr(constants, "ENABLE_RAY_CLUSTER"):
        constants.ENABLE_RAY_CLUSTER = False


def run_ray(
    items: Iterable[Item],
    settings: Settings,
    workers: int = 2,
    address: str | None = None,
    include_text: bool = False,
    batches_per_task: int = BATCHES_PER_TASK,
    on_ready: Callable[[], None] | None = None,
) -> Iterator[Result]:
    """Process items on ``workers`` Ray actors, yielding one result per item, in input order.

    ``on_ready`` is called once every actor has loaded the pipeline, before any work goes out.
    """
    start_ray(workers, address)
    ray = _import_ray()
    workers = _actors_needed(items, settings, workers, batches_per_task)
    if not workers:
        return
    tasks = _tasks(items, settings, batches_per_task)
    actor_class = ray.remote(num_cpus=1, **_restarts())(PipelineActor)
    actors = [actor_class.remote(settings, include_text) for _ in range(workers)]
    loads = [0] * workers  # tasks given to each actor and not yet taken back
    pending: deque[tuple[list[Item], int, Any]] = deque()

    def submit(task: list[Item]) -> None:
        actor = loads.index(min(loads))
        loads[actor] += 1
        pending.append((task, actor, actors[actor].run.remote(_payload(task, settings))))

    try:
        _get(ray, [actor.ready.remote() for actor in actors])
        if on_ready:
            on_ready()
        for task in islice(tasks, workers * IN_FLIGHT_PER_ACTOR):
            submit(task)
        while pending:
            task, actor, ref = pending.popleft()
            wired = _get(ray, ref)
            loads[actor] -= 1
            for more in islice(tasks, 1):  # keep the actors fed before the caller gets control
                submit(more)
            yield from _merge(task, wired)
    finally:
        # Also when the caller stops early: queued tasks are dropped and the CPUs freed at once.
        for actor in actors:
            ray.kill(actor)


def _tasks(items: Iterable[Item], settings: Settings, batches_per_task: int) -> Iterator[list[Item]]:
    """The input in tasks of ``batches_per_task`` pipeline batches, read lazily."""
    batches = batched_articles(items, settings)
    while chunk := list(islice(batches, max(1, batches_per_task))):
        yield [item for batch in chunk for item in batch]


def _actors_needed(items: Iterable[Item], settings: Settings, workers: int, batches_per_task: int) -> int:
    """No idle actors for a short input (each one costs a pipeline load), none for an empty one;
    a stream gets ``workers``."""
    if not isinstance(items, Sequence):
        return max(1, workers)
    tasks = sum(1 for _ in _tasks(items, settings, batches_per_task))
    return min(max(1, workers), tasks)


def _payload(task: list[Item], settings: Settings) -> list[list[str]]:
    """The task's articles as JSON, in the batches ``process`` would make of them."""
    articles = [item for item in task if isinstance(item, Article)]
    return [[encode_article(a) for a in batch] for batch in batched_articles(articles, settings)]


def _merge(task: list[Item], wired: list[Wire]) -> Iterator[Result]:
    """The task's results in input order, its read failures back in their places."""
    records = iter(wired)
    for item in task:
        if isinstance(item, Failure):
            yield item
            continue
        record = next(records, None)
        if record is None:
            raise WirecoderError("Ray returned fewer results than there were articles")
        yield decode(*record, origin=item.origin or "")


def _get(ray: Any, refs: Any) -> Any:
    try:
        return ray.get(refs)
    except ray.exceptions.RayError as exc:
        raise WirecoderError(f"the Ray engine failed: {_first_line(exc)}") from None


def _restarts() -> dict[str, int]:
    """Actor fault tolerance: none on a private local Ray, a little on a cluster.

    Locally a dead actor means a document killed it (out of memory): retrying it would only
    kill the next one.  On a cluster a node can vanish, so a restart and a retry help.
    """
    if _started_locally:
        return {"max_restarts": 0}
    return {"max_restarts": 3, "max_task_retries": 2}


def _first_line(exc: BaseException) -> str:
    """The original error in one line: Ray wraps it, sometimes only as text."""
    root = exc
    for _ in range(16):  # follow Ray's ``cause`` and Python's ``__cause__`` down to the original
        deeper = getattr(root, "cause", None) or root.__cause__
        if not isinstance(deeper, BaseException) or deeper is root:
            break
        root = deeper
    if isinstance(root, WirecoderError):
        return str(root)
    # An actor that failed in its constructor arrives as text ending "wirecoder.errors.X: message"
    found = re.search(r"wirecoder\.errors\.\w+: (.+)", str(exc))
    if found:
        return found.group(1).strip()
    text = str(root).strip().splitlines()
    return f"{type(root).__name__}: {text[0]}" if text else type(root).__name__
