"""The draft-to-offsets tool of the article gold (tools/gold_offsets.py), on text written here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

TOOL = Path(__file__).resolve().parents[2] / "tools" / "gold_offsets.py"
spec = importlib.util.spec_from_file_location("gold_offsets", TOOL)
gold_offsets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gold_offsets)

TEXT = 'The mayor said no. "We refuse," the mayor said later, "and we stay." The mayor left.'


def span(spec_: str) -> str:
    got = gold_offsets.locate(TEXT, spec_)
    assert got["h"] == gold_offsets.span_hash(TEXT[got["start"] : got["end"]])
    return TEXT[got["start"] : got["end"]]


def test_nth_anchor_and_range_specs():
    assert gold_offsets.locate(TEXT, "The mayor#2")["start"] == TEXT.index("The mayor left")
    assert gold_offsets.locate(TEXT, "refuse^^the mayor")["start"] == TEXT.index("the mayor said later")
    assert span('"We refuse,"...stay."') == '"We refuse," the mayor said later, "and we stay."'


def test_missing_words_are_an_error():
    with pytest.raises(ValueError):
        gold_offsets.locate(TEXT, "governor")
    with pytest.raises(ValueError):
        gold_offsets.locate(TEXT, "The mayor#4")


def test_build_writes_what_the_scorer_reads():
    draft = {
        "row": 7,
        "actors": [["The mayor", "FRA", "GOV", "person"]],
        "events": [{"type": "REJECT", "trigger": "refuse", "source": [["the mayor", "FRA", "GOV"]], "date": "2001"}],
        "quotes": [['"We refuse,"...stay."', "the mayor", "direct", 0]],
    }
    gold = gold_offsets.build(draft, TEXT, {"date": "2001-01-01", "url": "u"}, "corpora/x.csv")
    assert gold["id"] == "wikinews-2020-007" and gold["source"]["row"] == 7
    assert gold["quotes"][0]["speaker_actor"] == 0
    assert TEXT[gold["events"][0]["trigger"]["start"] : gold["events"][0]["trigger"]["end"]] == "refuse"
