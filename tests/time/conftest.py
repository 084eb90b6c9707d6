"""Fixtures for the time stage: a pipeline with only the spaCy model and the time component."""

from __future__ import annotations

import pytest

from wirecoder.extensions import init_doc
from wirecoder.model import Article, Timex
from wirecoder.pipeline import load_base_model, register_stages


@pytest.fixture(scope="session")
def time_nlp(settings):
    register_stages()
    nlp = load_base_model(settings.model)
    nlp.add_pipe("wirecoder_time", name="time")
    return nlp


@pytest.fixture(scope="session")
def annotate_text(time_nlp):
    """text, dct -> the processed Doc (time stage only)."""

    def _annotate(text: str, dct: str | None = "2021-03-18"):
        doc = init_doc(time_nlp.make_doc(text), Article(text=text, date=dct))
        doc = time_nlp(doc)
        assert not doc._.wc_errors, doc._.wc_errors
        for t in doc._.timexes:
            assert text[t.start : t.end] == t.text
        return doc

    return _annotate


@pytest.fixture(scope="session")
def timexes(annotate_text):
    """text, dct -> list of (text, type, value)."""

    def _timexes(text: str, dct: str | None = "2021-03-18") -> list[tuple[str, str, str]]:
        found: list[Timex] = annotate_text(text, dct)._.timexes
        return [(t.text, t.type, t.value) for t in found]

    return _timexes
