"""Fixtures every test module can use.

``nlp``: the full pipeline, built once per test session.
``run``: text (+ optional date) -> ArticleResult, through the same path as ``extract``.
``shared``: the ../shared/datasets folder, or a clean skip when it is absent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from wirecoder.config import Settings
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import process, shared_nlp

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def nlp(settings):
    return shared_nlp(settings)


@pytest.fixture(scope="session")
def run(nlp, settings):
    def _run(text: str, date: str | None = None, **meta) -> ArticleResult:
        result = next(process([Article(text=text, date=date, **meta)], settings, nlp=nlp))
        assert not isinstance(result, Failure), result.reason
        return result

    return _run


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the calling test when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared datasets are not present here)")
    return path


@pytest.fixture
def shared():
    return shared_path


def assert_offsets(result: ArticleResult, text: str) -> None:
    """Every span in a result indexes the input exactly."""
    for actor in result.actors:
        for m in actor.mentions:
            assert text[m.start : m.end] == m.text, (actor.name, m)
    for t in result.timexes:
        assert text[t.start : t.end] == t.text, t
    for q in result.quotes:
        assert text[q.start : q.end] == q.text, q
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    for e in result.events:
        assert text[e.trigger.start : e.trigger.end] == e.trigger.text, e
        assert 0 <= e.sentence.start <= e.trigger.start <= e.trigger.end <= e.sentence.end <= len(text)
