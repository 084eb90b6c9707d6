"""Fixtures for the quotes stage: the component on top of the bare spaCy model.

``quotes_of(text)`` runs the spaCy model and then only the quotes component, so these tests
do not depend on what the other stages do; ``run`` (tests/conftest.py) is the full pipeline.
"""

from __future__ import annotations

import pytest
import spacy

from wirecoder.config import Settings
from wirecoder.extensions import init_doc
from wirecoder.model import Article, Quote
from wirecoder.quotes.component import QuotesComponent


@pytest.fixture(scope="session")
def base_nlp():
    return spacy.load(Settings().model)


@pytest.fixture(scope="session")
def quotes_component(base_nlp):
    return QuotesComponent(base_nlp, "quotes")


@pytest.fixture(scope="session")
def parse(base_nlp):
    def _parse(text: str, prepare=None):
        doc = init_doc(base_nlp.make_doc(text), Article(text=text))
        if prepare is not None:
            prepare(doc)
        for _, proc in base_nlp.pipeline:
            doc = proc(doc)
        return doc

    return _parse


@pytest.fixture(scope="session")
def quotes_of(parse, quotes_component):
    def _quotes(text: str, prepare=None) -> list[Quote]:
        doc = quotes_component(parse(text, prepare))
        assert not doc._.wc_errors, doc._.wc_errors
        for q in doc._.quotes:
            assert text[q.start : q.end] == q.text
            if q.speaker_start is not None:
                assert text[q.speaker_start : q.speaker_end] == q.speaker_text
        return doc._.quotes

    return _quotes
