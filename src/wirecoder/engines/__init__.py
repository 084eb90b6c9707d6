"""Engines decide where the pipeline runs: in this process, in local worker processes, on Ray.

All of them call :func:`wirecoder.pipeline.process`, so they give the same output.
"""

from wirecoder.engines.local import run_local

__all__ = ["run_local"]
