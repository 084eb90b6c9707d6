"""The seed article (../shared/seeds, skipped without it): its key events stay right, and its
New York meetings come out as at most two CONSULT events (issue 16)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def seed(nlp, settings):
    from tests.conftest import shared_path
    from wirecoder.model import Article
    from wirecoder.pipeline import process

    path = shared_path("seeds", "000_b715a2aa16f49594.txt")
    text = path.read_text(encoding="utf-8")
    return next(process([Article(text=text)], settings, nlp=nlp))


def _parties(result, event):
    countries = {a.id: a.country for a in result.actors}
    names = {a.id: a.name for a in result.actors}
    return {countries[a] for a in event.source}, {countries[a] for a in event.target}, {names[a] for a in event.source}


def test_seed_new_york_meetings_are_at_most_two_events(seed):
    ny = [e for e in seed.events if e.type == "CONSULT" and e.date in ("2018-05-30", "2018-05-31")]
    assert 1 <= len(ny) <= 2, [(e.trigger.text, e.date, e.status) for e in ny]
    assert sum(len(e.mentions) for e in ny) >= 4  # every mention is kept as evidence


def test_seed_key_events(seed):
    def one(etype, date):
        found = [e for e in seed.events if e.type == etype and e.date == date]
        assert found, (etype, date, [(e.type, e.date) for e in seed.events])
        return found[0]

    summit = one("CONSULT", "2018-06-12")
    assert summit.status == "planned" and _parties(seed, summit)[0] == {"USA", "PRK"}
    travel = one("CONSULT", "2018-06-01")
    assert travel.mode == "visit" and travel.status == "planned"
    sanction = one("SANCTION", "2017-12-22")
    src, tgt, _ = _parties(seed, sanction)
    assert src == {"UNO"} and tgt == {"PRK"}
    launch = one("MOBILIZE", "2017-11-29")
    assert launch.mode == "weapons" and _parties(seed, launch)[0] == {"PRK"}
    meetings = one("CONSULT", "2018-05-30")
    assert {"Mike Pompeo", "Kim Yong-chol"} <= _parties(seed, meetings)[2]


def test_mentions_index_the_text(seed, shared):
    text = shared("seeds", "000_b715a2aa16f49594.txt").read_text(encoding="utf-8")
    for event in seed.events:
        assert event.mentions[0] == event.trigger
        for m in event.mentions:
            assert text[m.start : m.end] == m.text
