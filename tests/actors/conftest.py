"""Helpers for the actors tests: run spaCy and the actors stage only (later stages are not needed)."""

from __future__ import annotations

import pytest

from wirecoder.model import Article
from wirecoder.pipeline import make_doc

LATER_STAGES = ["time", "quotes", "events"]


@pytest.fixture(scope="session")
def parse(nlp, settings):
    """text -> spaCy Doc after the actors stage (doc._.actors, doc._.actor_mentions, ...)."""

    def _parse(text: str, date: str | None = None):
        doc = make_doc(nlp, Article(text=text, date=date), settings)
        with nlp.select_pipes(disable=[p for p in LATER_STAGES if p in nlp.pipe_names]):
            doc = nlp(doc)
        assert not doc._.wc_errors, doc._.wc_errors
        return doc

    return _parse


def by_name(doc, name: str):
    """The actor called ``name`` (exactly one must exist)."""
    found = [a for a in doc._.actors if a.name == name]
    assert len(found) == 1, (name, [(a.name, a.kind) for a in doc._.actors])
    return found[0]


def names(doc) -> list[str]:
    return [a.name for a in doc._.actors]


def actor_of_text(doc, text: str, occurrence: int = 0):
    """The actor the ``occurrence``-th appearance of ``text`` in the document is a mention of."""
    from wirecoder.actors.api import actor_at

    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(text, start + 1)
    actor_id = actor_at(doc, start, start + len(text))
    if actor_id is None:
        return None
    return next(a for a in doc._.actors if a.id == actor_id)
