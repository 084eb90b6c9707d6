"""Engines decide where the pipeline runs: in this process, in local worker processes, on Ray.

All of them call :func:`wirecoder.pipeline.process`, so they give the same output, in the same
order.  ``run_ray`` imports Ray only when it runs (Ray is the optional ``wirecoder[ray]`` extra).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from wirecoder.config import Settings
from wirecoder.engines.local import default_workers, run_local
from wirecoder.engines.ray_engine import run_ray
from wirecoder.errors import InputError
from wirecoder.model import Article, ArticleResult, Failure

#: The engines ``--engine`` accepts.
ENGINES = ("local", "ray")

__all__ = ["ENGINES", "default_workers", "run", "run_local", "run_ray"]


def run(
    items: Iterable[Article | Failure],
    settings: Settings,
    engine: str = "local",
    workers: int | None = None,
    address: str | None = None,
    include_text: bool = False,
) -> Iterator[ArticleResult | Failure]:
    """Process items on the chosen engine; ``workers`` defaults to one per core."""
    if engine not in ENGINES:
        raise InputError(f"unknown engine '{engine}' (choose from: {', '.join(ENGINES)})")
    workers = workers or default_workers()
    if engine == "ray":
        return run_ray(items, settings, workers=workers, address=address, include_text=include_text)
    if address:
        raise InputError("--address is for --engine ray")
    return run_local(items, settings, workers=workers, include_text=include_text)
