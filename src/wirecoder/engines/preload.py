"""Imported once by the local engine's fork server: loads the pipeline before any worker exists.

Workers are forked from that server, so each starts with the model and the stage data already
in memory (shared copy-on-write) instead of importing spaCy and loading everything again.  The
settings arrive through an environment variable because the server is a fresh interpreter
started by :mod:`multiprocessing`, which passes nothing else.
"""

from __future__ import annotations

import gc
import json
import os

from wirecoder.engines.local import PRELOAD_ENV, warm_up


def _preload() -> None:
    raw = os.environ.get(PRELOAD_ENV)
    if not raw:
        return
    try:
        from wirecoder.config import Settings

        warm_up(Settings(**json.loads(raw)))
    except Exception:  # an error here would kill the fork server with no message
        return  # each worker loads again in its initializer and reports the error in one line
    # Park everything loaded so far outside the garbage collector: a forked worker's collections
    # would otherwise touch every inherited object and copy the pages it shares with the server.
    gc.collect()
    gc.freeze()


_preload()
