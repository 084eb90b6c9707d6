"""Engines decide where the pipeline runs: in this process, in local worker processes, on Ray.

All of them call :func:`wirecoder.pipeline.process`, so they give the same output, in the same
order.  ``run_ray`` imports Ray only when it runs (Ray is the optional ``wirecoder[ray]`` extra).
"""

from wirecoder.engines.local import default_workers, run_local
from wirecoder.engines.ray_engine import run_ray

__all__ = ["default_workers", "run_local", "run_ray"]
