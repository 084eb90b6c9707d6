"""The Ray engine: the same pipeline on a pool of Ray actors, locally or on a cluster.

``run_ray`` has the contract of :func:`wirecoder.engines.local.run_local`: one result per item,
in input order, identical to the in-process output.  How:

- The articles are cut into the batches :func:`wirecoder.pipeline.process` would make (by
  count and by characters); each batch, as JSON text, is one row and one block of a Ray
  Dataset.  Read failures never leave the driver and are put back in place as results stream in.
- ``map_batches`` runs :class:`PipelineActor`, a callable class: Ray Data starts a fixed pool
  of ``workers`` actors and each loads the pipeline once in its constructor.
- ``preserve_order`` makes the streamed rows come back in input order.
- Large inputs go through in windows of ``window`` articles, so the driver and the object store
  never hold a whole corpus; each window starts a fresh actor pool (a few seconds, against the
  minutes a window takes).

Ray is optional (``pip install 'wirecoder[ray]'``) and imported only when this engine runs.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import warnings
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from wirecoder.config import Settings
from wirecoder.engines.local import warm_up
from wirecoder.engines.wire import decode, decode_article, encode, encode_article
from wirecoder.errors import WirecoderError
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import batched, batched_articles, process

if TYPE_CHECKING:
    import ray.data

Item = Article | Failure
Result = ArticleResult | Failure

#: Articles per dataset; see the module docstring.
DEFAULT_WINDOW = 20_000

#: Whether this process started its own Ray (rather than joining a cluster).
_started_locally = False


#: Ray's "clusters of several machines" switch; off, a local Ray binds to loopback only.
_SINGLE_NODE_ENV = "RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER"

#: Loggers whose warnings are advice for Ray developers, not for wirecoder users.
_CHATTY_LOGGERS = (
    "ray._private.authentication.authentication_token_setup",  # "token authentication is enabled"
    "ray.data._internal.progress",  # "progress bars disabled"
)


class RayUnavailable(WirecoderError):
    """Ray is not installed, or the cluster cannot be reached."""


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # the Data library comes with the ray[data] extra
    except ImportError:
        raise RayUnavailable("the Ray engine needs Ray: pip install 'wirecoder[ray]'") from None
    return ray


class PipelineActor:
    """One Ray actor: loads the pipeline once, then turns batches of articles into results.

    A row is one whole batch (its articles as JSON), so Ray's unit of work is the pipeline's
    batch: balanced by characters, not by a count of articles that may hide three interviews.
    """

    def __init__(self, settings: Settings, include_text: bool) -> None:
        self.settings = settings
        self.include_text = include_text
        warm_up(settings)  # the pipeline and the stages' data, once per actor

    def __call__(self, rows: dict[str, Any]) -> dict[str, list]:
        kinds, payloads = [], []
        for batch in rows["articles"]:
            articles = [decode_article(payload) for payload in batch]
            wired = [encode(r) for r in process(articles, self.settings, include_text=self.include_text)]
            kinds.append([kind for kind, _ in wired])
            payloads.append([payload for _, payload in wired])
        return {"first": [int(n) for n in rows["first"]], "kinds": kinds, "payloads": payloads}


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
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray"
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise RayUnavailable(f"cannot start {where}: {first}") from None


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


def _configure_ray_data() -> None:
    """Order preserved (the contract), no progress bars or statistics on the terminal.

    Set on every run, since the caller may have started Ray itself.
    """
    import ray.data

    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    context.enable_auto_log_stats = False
    # Ray Data logs a failed run (with tracebacks) before raising it; run_ray raises it as one line.
    logging.getLogger("ray.data").setLevel(logging.CRITICAL)


def run_ray(
    items: Iterable[Item],
    settings: Settings,
    workers: int = 2,
    address: str | None = None,
    include_text: bool = False,
    window: int = DEFAULT_WINDOW,
) -> Iterator[Result]:
    """Process items on ``workers`` Ray actors, yielding one result per item, in input order."""
    start_ray(workers, address)
    _configure_ray_data()
    for chunk in batched(items, window):
        yield from _run_window(chunk, settings, workers, include_text)


def _run_window(chunk: list[Item], settings: Settings, workers: int, include_text: bool) -> Iterator[Result]:
    """Results for one window, in order; read failures never leave the driver."""
    articles = [item for item in chunk if isinstance(item, Article)]
    rows, first = [], 0
    for batch in batched_articles(articles, settings):  # the batches process() would make
        rows.append({"first": first, "articles": [encode_article(a) for a in batch]})
        first += len(batch)
    wired = _wired(rows, settings, workers, include_text) if rows else iter(())
    for item in chunk:
        if isinstance(item, Failure):
            yield item
            continue
        record = next(wired, None)
        if record is None:
            raise WirecoderError("Ray returned fewer results than there were articles")
        yield decode(*record, origin=item.origin or "")


def _wired(rows: list[dict], settings: Settings, workers: int, include_text: bool) -> Iterator[tuple[str, str]]:
    """Every article's encoded record, in input order, as the batches stream back."""
    expected = 0
    for row in _stream(rows, settings, workers, include_text):
        if row["first"] != expected:  # preserve_order is what guarantees this; fail loudly if not
            raise WirecoderError(f"Ray returned the batch at article {row['first']} where {expected} was expected")
        expected += len(row["kinds"])
        yield from zip(row["kinds"], row["payloads"], strict=True)


def _stream(rows: list[dict], settings: Settings, workers: int, include_text: bool) -> Iterator[dict]:
    ray = _import_ray()
    dataset = _dataset(ray, rows, settings, workers, include_text)
    try:
        yield from dataset.iter_rows()
    except ray.exceptions.RayError as exc:
        raise WirecoderError(f"the Ray engine failed: {_first_line(exc)}") from None


def _restarts() -> dict[str, int]:
    """Actor fault tolerance: none on a private local Ray, a little on a cluster.

    Ray Data's default retries a failed batch forever; if a document kills its actor (out of
    memory) that is an endless loop.  On a cluster a node can vanish, so a few restarts help.
    """
    if _started_locally:
        return {"max_restarts": 0}
    return {"max_restarts": 3, "max_task_retries": 2}


def _dataset(ray: Any, rows: list[dict], settings: Settings, workers: int, include_text: bool) -> ray.data.Dataset:
    # One block per row, and a row is one batch: the actors share the work batch by batch, and
    # results stream back as each batch is done.
    blocks = len(rows)
    with warnings.catch_warnings():
        # Ray 2.60 has no named parameter for actor restarts yet; its deprecation notice for the
        # generic remote arguments is meant for Ray >= 2.64 (revisit when upgrading).
        warnings.filterwarnings("ignore", message=".*ray_remote_args.*deprecated")
        return ray.data.from_items(rows, override_num_blocks=blocks).map_batches(
            PipelineActor,
            fn_constructor_kwargs={"settings": settings, "include_text": include_text},
            batch_size=None,  # whole blocks: Ray Data would otherwise merge blocks to fill a batch
            batch_format="numpy",
            compute=ray.data.ActorPoolStrategy(size=min(workers, blocks)),  # no idle actors for a short input
            num_cpus=1,
            udf_modifying_row_count=False,
            **_restarts(),
        )


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
