"""Cross-article dedup: mentions of one happening become one story event."""

from __future__ import annotations

from wirecoder.store.dedup import cluster


def row(
    doc,
    event_id="e1",
    type="CONSULT",
    source=("USAGOV",),
    target=("PRKGOV",),
    date="2019-02-27",
    precision="day",
    start=None,
    end=None,
    confidence=0.5,
    url=None,
    doc_source=None,
):
    from wirecoder.store.dates import day_span

    span = day_span(date) if date else None
    return {
        "doc_id": doc,
        "event_id": event_id,
        "type": type,
        "mode": None,
        "status": "asserted",
        "cameo": None,
        "date": date,
        "date_precision": span.precision if span else None,
        "date_start": span.start.isoformat() if span else None,
        "date_end": span.end.isoformat() if span else None,
        "source": [{"code": c, "name": c.lower(), "country": c[:3], "sector": c[3:] or None} for c in source],
        "target": [{"code": c, "name": c.lower(), "country": c[:3], "sector": c[3:] or None} for c in target],
        "trigger": "met",
        "start": 0,
        "end": 3,
        "sentence": f"sentence of {doc}",
        "confidence": confidence,
        "url": url,
        "doc_source": doc_source,
        "dct": date,
    }


def test_same_type_parties_and_day_merge():
    stories = cluster([row("d1"), row("d2"), row("d3", date="2019-02-28")])
    assert [(s["date"], s["mentions"], s["documents"]) for s in stories] == [("2019-02-27", 2, 2), ("2019-02-28", 1, 1)]


def test_month_precision_joins_a_day_in_that_month():
    stories = cluster([row("d1"), row("d2", date="2019-02"), row("d3", date="2019-03")])
    assert [(s["date"], s["mentions"]) for s in stories] == [("2019-02-27", 2), ("2019-03", 1)]


def test_coarse_date_joins_the_best_reported_day():
    rows = [
        row("d1", date="2019-02-03"),
        row("d2", date="2019-02-20"),
        row("d3", date="2019-02-20"),
        row("d4", date="2019"),
    ]
    stories = cluster(rows)
    assert [(s["date"], s["mentions"]) for s in stories] == [("2019-02-03", 1), ("2019-02-20", 3)]


def test_coarse_dates_without_a_finer_match_stay_together():
    stories = cluster([row("d1", date="2019-05"), row("d2", date="2019-05"), row("d3", date="2019")])
    assert [(s["date"], s["mentions"]) for s in stories] == [("2019-05", 3)]


def test_different_type_or_parties_stay_apart():
    stories = cluster(
        [
            row("d1"),
            row("d2", type="ACCUSE"),
            row("d3", target=("CHNGOV",)),
            row("d4", source=("PRKGOV",), target=("USAGOV",)),
        ]
    )
    assert len(stories) == 4


def test_party_order_does_not_matter():
    a = row("d1", source=("USAGOV", "KORGOV"), target=())
    b = row("d2", source=("KORGOV", "USAGOV"), target=())
    assert [s["mentions"] for s in cluster([a, b])] == [2]


def test_events_without_parties_are_never_merged():
    stories = cluster([row("d1", source=(), target=()), row("d2", source=(), target=())])
    assert [s["mentions"] for s in stories] == [1, 1]
    assert stories[0]["story_id"] != stories[1]["story_id"]


def test_counts_sources_by_name_then_host():
    rows = [
        row("d1", doc_source="Wire"),
        row("d2", doc_source="Wire"),
        row("d3", url="https://x.example/a"),
        row("d4", url="https://x.example/b"),
        row("d5"),
    ]
    (story,) = cluster(rows)
    assert (story["mentions"], story["documents"], story["sources"]) == (5, 5, 3)


def test_story_uses_most_confident_mention_and_is_stable():
    rows = [row("d1", confidence=0.2), row("d2", confidence=0.9), row("d3", confidence=0.5)]
    (story,) = cluster(rows)
    assert story["doc_id"] == "d2" and story["sentence"] == "sentence of d2"
    assert story["doc_ids"] == ["d1", "d2", "d3"]
    # More coverage of the same story keeps its id.
    assert cluster([*rows, row("d4")])[0]["story_id"] == story["story_id"]
    assert story["source"] == [{"code": "USAGOV", "name": "usagov", "country": "USA", "sector": "GOV"}]
    assert story["quad_class"] == 1 and story["score"] == 2.5


def test_undated_mentions_form_their_own_story():
    stories = cluster([row("d1"), row("d2", date=None)])
    assert [(s["date"], s["mentions"]) for s in stories] == [("2019-02-27", 1), (None, 1)]


def test_store_dedup(built_store):
    stories = built_store.events(dedup=True, limit=None)
    consult = [s for s in stories if s["type"] == "CONSULT"]
    assert len(stories) == 5 and len(consult) == 1
    summit = consult[0]
    assert (summit["mentions"], summit["documents"], summit["sources"]) == (3, 3, 3)
    assert summit["date"] == "2019-02-27" and summit["doc_id"] == "w2"  # w2's mention is the most confident
    assert [s["type"] for s in built_store.events(dedup=True, limit=2, offset=1)] == [s["type"] for s in stories[1:3]]
    assert len(built_store.events(actor="Kim", dedup=True)) == 1


def test_timeline_with_dedup(built_store):
    rows = built_store.timeline(by="month", dedup=True)
    got = {(r["period"], r["quad_class"]): r["count"] for r in rows}
    assert got == {("2019-02", 1): 1, ("2019-02", 3): 1, ("2019-03", 2): 1, ("2019-03", 4): 2}


def test_day_tolerance_joins_neighbouring_days_only():
    rows = [row("a", date="2019-02-27"), row("b", date="2019-02-28"), row("c", date="2019-03-02")]
    assert len(cluster(rows)) == 3
    stories = cluster(rows, days=1)
    assert sorted(s["documents"] for s in stories) == [1, 2]  # 27th + 28th; the 2nd of March is 3 days on
    assert [s["date"] for s in stories] == ["2019-02-27", "2019-03-02"]
    assert len(cluster(rows, days=3)) == 1


def test_day_tolerance_does_not_chain():
    # Each report is compared with the story's first date: the 28th and the 2nd stay apart at ±1 day.
    rows = [row("a", date="2019-02-28"), row("b", date="2019-03-01"), row("c", date="2019-03-02")]
    assert sorted(s["documents"] for s in cluster(rows, days=1)) == [1, 2]


def test_negative_tolerance_is_refused():
    import pytest

    from wirecoder.store.errors import QueryError

    with pytest.raises(QueryError, match="must not be negative"):
        cluster([row("a")], days=-1)
