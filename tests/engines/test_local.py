"""The local engine: same output for any number of workers, bounded batches, clear errors."""

from __future__ import annotations

import pytest

from tests.engines.articles import CountedInput, engine_articles, most_ahead
from wirecoder.config import Settings
from wirecoder.engines import local
from wirecoder.engines.local import run_local, worker_count
from wirecoder.errors import WirecoderError
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import batched_articles, process

# Small batches so a handful of articles makes several batches (several tasks per worker).
SMALL = Settings(batch_size=3, batch_chars=400)


def test_batches_close_at_the_character_budget():
    # Regression: batches were by count only, so 16 long articles went through spaCy at once
    # and one worker peaked above 2 GB.
    items = [Article(text="x" * 150, id=str(i)) for i in range(5)]
    sizes = [len(b) for b in batched_articles(items, Settings(batch_size=16, batch_chars=400))]
    assert sizes == [2, 2, 1]


def test_batches_close_at_the_count_and_an_oversized_article_goes_alone():
    failure = Failure(origin="f:1", reason="bad")
    items = [Article(text="short", id="a"), Article(text="y" * 1000, id="big"), failure, Article(text="z", id="c")]
    batches = list(batched_articles(items, Settings(batch_size=2, batch_chars=100)))
    assert [[getattr(i, "id", None) for i in b] for b in batches] == [["a"], ["big", None], ["c"]]


def test_worker_count_is_capped_by_the_work_in_a_sized_input(monkeypatch):
    items = [Article(text="word " * 20, id=str(i)) for i in range(7)]
    monkeypatch.setattr(local, "MIN_CHARS_PER_WORKER", 1)
    assert worker_count(items, Settings(batch_size=3), 8) == 3  # three batches
    monkeypatch.setattr(local, "MIN_CHARS_PER_WORKER", 10_000)
    assert worker_count(items, Settings(batch_size=3), 8) == 1  # too little text to pay for a process
    assert worker_count(iter(items), Settings(batch_size=3), 8) == 8  # a stream: as asked


def test_one_worker_is_the_in_process_pipeline(nlp):
    items = engine_articles(copies=1)
    assert list(run_local(items, SMALL, workers=1)) == list(process(items, SMALL))


@pytest.mark.slow
def test_two_workers_give_the_same_results_in_the_same_order(nlp, monkeypatch):
    monkeypatch.setattr(local, "MIN_CHARS_PER_WORKER", 1)  # force the pool for a small input
    items = engine_articles(copies=2)
    expected = list(process(items, SMALL, include_text=True))
    got = list(run_local(items, SMALL, workers=2, include_text=True))
    assert got == expected
    assert [type(r).__name__ for r in got][3:6] == ["ArticleResult", "Failure", "ArticleResult"]
    assert isinstance(got[9], Failure) and got[9].reason == "empty text" and got[9].origin == "mem:blank"
    assert isinstance(got[11], ArticleResult) and got[11].doc.id == "long" and got[11].doc.text is not None


@pytest.mark.slow
def test_a_worker_that_cannot_load_the_model_gives_one_clear_error(monkeypatch):
    monkeypatch.setattr(local, "MIN_CHARS_PER_WORKER", 1)
    items = [Article(text="Chad and Niger signed a deal.", id=str(i)) for i in range(4)]
    with pytest.raises(WirecoderError) as info:
        list(run_local(items, Settings(model="no_such_model_package", batch_size=1), workers=2))
    message = str(info.value)
    assert "no_such_model_package" in message and "\n" not in message


@pytest.mark.slow
def test_the_pool_holds_a_bounded_number_of_batches_in_flight(nlp, monkeypatch):
    # Regression guard for the driver's memory: a slow consumer must not let results pile up.
    monkeypatch.setattr(local, "MIN_CHARS_PER_WORKER", 1)
    monkeypatch.setattr(local, "IN_FLIGHT_PER_WORKER", 1)
    one_per_batch = Settings(batch_size=1)
    items = [a for a in engine_articles(copies=2) if isinstance(a, Article)]
    counted = CountedInput(items)
    # 2 workers x 1 batch in flight, one batch read ahead to refill, one article the batcher holds
    assert most_ahead(run_local(counted, one_per_batch, workers=2), counted) <= 2 * 1 + 1 + 1
    assert counted.taken == len(items)
