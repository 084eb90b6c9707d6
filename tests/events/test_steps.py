"""Each step of the events stage through its own small API (candidates, readings, arguments,
date and status, merge), on sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.events.conftest import _fake_actors, _fake_time
from wirecoder.events.coder import DocumentCoder
from wirecoder.events.lexicon import event_data
from wirecoder.extensions import init_doc
from wirecoder.model import Article, CharRange, Event, Span


@pytest.fixture
def coder(parse):
    def _coder(text: str, actors: dict[str, str], times: dict[str, str] | None = None) -> DocumentCoder:
        doc = init_doc(parse(text), Article(text=text, date="2018-05-31"))
        _fake_actors(doc, actors, {}, set())
        _fake_time(doc, times or {}, "2018-05-31")
        doc._.quotes = []
        return DocumentCoder(doc, event_data())

    return _coder


def _sentence(c: DocumentCoder):
    return next(iter(c.doc.sents))


def test_candidates_step_finds_triggers_with_their_lexicon_reading(coder):
    c = coder("Canada imposed sanctions on Iran.", {"Canada": "CAN", "Iran": "IRN"})
    found = {cand.token.text: cand.type for cand in c.find_candidates(_sentence(c)).values()}
    assert found == {"imposed": "SANCTION", "sanctions": "SANCTION"}


def test_readings_step_lets_a_governing_trigger_absorb_the_one_it_governs(coder):
    c = coder("Canada refused to meet Iran.", {"Canada": "CAN", "Iran": "IRN"})
    cands = c.find_candidates(_sentence(c))
    c.resolve_governance(cands)
    by_word = {cand.token.text: cand for cand in cands.values()}
    assert by_word["meet"].absorbed and by_word["refused"].embedded is by_word["meet"]
    assert c.anchor_of(by_word["refused"]).text == "refused"


def test_arguments_step_maps_subject_and_prepositional_object(coder):
    c = coder("Canada imposed sanctions on Iran.", {"Canada": "CAN", "Iran": "IRN"})
    cands = c.find_candidates(_sentence(c))
    c.resolve_governance(cands)
    imposed = next(cand for cand in cands.values() if cand.token.text == "imposed")
    source, target = c.parties(imposed)
    assert (source, target) == (["a1"], ["a2"])


def test_date_and_status_step_dates_from_the_anchor(coder):
    c = coder("Canada met Iran on Monday.", {"Canada": "CAN", "Iran": "IRN"}, {"Monday": "2018-05-28"})
    cands = c.find_candidates(_sentence(c))
    met = next(iter(cands.values()))
    token = c.date_token(met, c.anchor_of(met))
    assert token.text == "met"


def _event(trigger: str, start: int, etype: str = "CONSULT", source=("a1",), date="2018-05-31") -> Event:
    return Event(
        id="",
        type=etype,
        source=list(source),
        date=date,
        trigger=Span(start=start, end=start + len(trigger), text=trigger),
        sentence=CharRange(start=0, end=10),
    )


def test_merge_step_folds_mentions_of_one_happening(coder):
    c = coder("Canada met Iran.", {"Canada": "CAN", "Iran": "IRN"})
    merged = c.merge_document(
        [_event("met", 7), _event("talks", 30, source=("a1", "a2")), _event("met", 50, date="2018-06-02")]
    )
    assert len(merged) == 2
    assert [m.text for m in merged[0].mentions] == ["met", "talks"] and merged[0].source == ["a1", "a2"]
