"""The Ray engine gives exactly what the local engine gives, in the same order."""

from __future__ import annotations

import builtins
import time

import pytest

from tests.engines.articles import CountedInput, engine_articles, most_ahead
from wirecoder.config import Settings
from wirecoder.engines import ray_engine
from wirecoder.engines.local import run_local
from wirecoder.errors import WirecoderError
from wirecoder.model import Article

SMALL = Settings(batch_size=3, batch_chars=400)


def test_missing_ray_gives_one_line_with_the_fix(monkeypatch):
    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError(f"No module named '{name}'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(ray_engine.RayUnavailable, match=r"pip install 'wirecoder\[ray\]'"):
        list(ray_engine.run_ray(engine_articles(copies=1), SMALL, workers=1))


@pytest.fixture(scope="module")
def local_ray():
    ray = pytest.importorskip("ray")
    started = time.monotonic()
    ray_engine.start_ray(workers=2)
    yield time.monotonic() - started
    ray.shutdown()


@pytest.mark.ray
@pytest.mark.slow
def test_two_ray_workers_match_the_local_engine(local_ray):
    items = engine_articles(copies=1)
    expected = list(run_local(items, SMALL, workers=1, include_text=True))
    ready = []
    got = list(ray_engine.run_ray(items, SMALL, workers=2, include_text=True, on_ready=lambda: ready.append(1)))
    assert got == expected and ready == [1]
    # several batches per task: the same stream
    assert list(ray_engine.run_ray(iter(items), SMALL, workers=2, include_text=True, batches_per_task=3)) == expected
    # failures stay in place: the read failure passes through, the blank article fails
    origins = {getattr(item, "origin", None): n for n, item in enumerate(items)}
    assert got[origins["broken.jsonl:7"]].reason == "not JSON"
    assert got[origins["mem:blank"]].reason == "empty text"


@pytest.mark.ray
@pytest.mark.slow
def test_a_private_ray_listens_on_loopback_only(local_ray):
    import ray

    assert {node["NodeManagerAddress"] for node in ray.nodes()} == {"127.0.0.1"}


@pytest.mark.ray
@pytest.mark.slow
def test_an_actor_that_cannot_load_the_model_gives_one_clear_line(local_ray):
    articles = [Article(text="Chad and Niger signed a deal.", id="1")]
    with pytest.raises(WirecoderError) as info:
        list(ray_engine.run_ray(articles, Settings(model="no_such_model_package"), workers=1))
    message = str(info.value)
    assert message.startswith("the Ray engine failed: ") and "no_such_model_package" in message
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.ray
@pytest.mark.slow
def test_ray_holds_a_bounded_number_of_tasks_in_flight(local_ray, monkeypatch):
    monkeypatch.setattr(ray_engine, "IN_FLIGHT_PER_ACTOR", 1)
    items = [a for a in engine_articles(copies=2) if isinstance(a, Article)]
    counted = CountedInput(items)
    got = ray_engine.run_ray(counted, Settings(batch_size=1), workers=2)
    assert most_ahead(got, counted) <= 2 * 1 + 1 + 1  # as for the local pool
    assert counted.taken == len(items)
