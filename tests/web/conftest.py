"""Fixtures for the web tests: app clients and a small corpus store.

The corpus store is filled two ways: a real ``Store.ingest`` of short articles written for
these tests (the pipeline as it is), and a few hand-coded results with known events, quotes
and dates written through the store's own batch writer, so the dashboard and filter tests do
not depend on how good the extraction stages are today.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from wirecoder.model import Actor, Article, ArticleResult, CharRange, DocInfo, Event, Quote, Span
from wirecoder.store import Store
from wirecoder.store.ingest import IngestReport, write_batch
from wirecoder.web import WebConfig, create_app

#: Articles ingested through the real pipeline.
INGESTED = [
    Article(
        id="live-1",
        date="2024-01-15",
        title="Talks in Geneva",
        text="Officials from Brazil and Argentina met in Geneva on Monday. The talks ended on Tuesday.",
    ),
    Article(
        id="live-2",
        date="2024-02-02",
        title="Port reopens",
        text='The port of Lisbon reopened on Friday. "Trade will resume," the harbour master said.',
    ),
]

ACTORS = {
    "Norway": ("country", "NOR", None),
    "Sweden": ("country", "SWE", None),
    "Ana Berg": ("person", "NOR", "GOV"),
    "Finland": ("country", "FIN", None),
}

#: Hand-coded articles: (id, date, text, events as (type, trigger, sources, targets), quotes as (quote, speaker)).
CODED = [
    (
        "coded-1",
        "2024-01-10",
        'Norway met Sweden in Oslo. "We agree on fishing," Ana Berg said.',
        [("CONSULT", "met", ["Norway"], ["Sweden"])],
        [('"We agree on fishing,"', "Ana Berg")],
    ),
    (
        "coded-2",
        "2024-01-25",
        "Norway accused Sweden of overfishing. Sweden rejected the claim.",
        [("ACCUSE", "accused", ["Norway"], ["Sweden"]), ("REJECT", "rejected", ["Sweden"], ["Norway"])],
        [],
    ),
    (
        "coded-3",
        "2024-03-08",
        'Norway sanctioned Finland. "Rules are rules," Ana Berg said.',
        [("SANCTION", "sanctioned", ["Norway"], ["Finland"])],
        [('"Rules are rules,"', "Ana Berg")],
    ),
]


def _span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start=start, end=start + len(part), text=part)


def coded_result(doc_id: str, date: str, text: str, events: list, quotes: list) -> ArticleResult:
    names = [n for n in ACTORS if n in text]
    actors = [
        Actor(
            id=f"a{i}", name=n, kind=ACTORS[n][0], country=ACTORS[n][1], sector=ACTORS[n][2], mentions=[_span(text, n)]
        )
        for i, n in enumerate(names, start=1)
    ]
    ids = {a.name: a.id for a in actors}
    sentence = CharRange(start=0, end=len(text))
    return ArticleResult(
        doc=DocInfo(id=doc_id, dct=date, dct_source="given", chars=len(text)),
        actors=actors,
        quotes=[
            Quote(
                id=f"q{i}", kind="direct", speaker=ids[who], speaker_text=who, cue="said", **_span(text, q).model_dump()
            )
            for i, (q, who) in enumerate(quotes, start=1)
        ],
        events=[
            Event(
                id=f"e{i}",
                type=kind,
                source=[ids[s] for s in src],
                target=[ids[t] for t in tgt],
                date=date,
                trigger=_span(text, trigger),
                sentence=sentence,
            )
            for i, (kind, trigger, src, tgt) in enumerate(events, start=1)
        ],
    )


def build_store(path: Path) -> Path:
    with Store(path) as store:
        store.ingest(INGESTED)
    batch = [
        (Article(id=doc_id, date=date, text=text), coded_result(doc_id, date, text, events, quotes))
        for doc_id, date, text, events, quotes in CODED
    ]
    write_batch(path, batch, IngestReport())
    return path


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("corpus") / "corpus.duckdb")


@pytest.fixture
def make_client() -> Callable[..., TestClient]:
    """``make_client(**WebConfig fields)`` -> a TestClient on a fresh app."""
    clients: list[TestClient] = []

    def _make(**config) -> TestClient:
        client = TestClient(create_app(WebConfig(**config)))
        clients.append(client)
        return client

    yield _make
    for client in clients:
        client.close()


@pytest.fixture
def client(make_client) -> TestClient:
    return make_client()


@pytest.fixture
def corpus_client(make_client, corpus_db) -> TestClient:
    return make_client(db=corpus_db)
