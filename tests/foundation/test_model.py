"""The typed article model: round trips, the generated schema, validation of real output."""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import ValidationError

from wirecoder.model import (
    SCHEMA_VERSION,
    Actor,
    Article,
    ArticleResult,
    CharRange,
    DocInfo,
    Event,
    Quote,
    Span,
    Timex,
    content_id,
    json_schema,
)


def _sample() -> ArticleResult:
    text = "Chile's president met Peru's foreign minister in Lima on Monday."
    return ArticleResult(
        doc=DocInfo(id="x1", dct="2024-03-05", dct_source="given", chars=len(text)),
        actors=[
            Actor(
                id="a1",
                name="Chile",
                kind="country",
                country="CHL",
                sector="GOV",
                mentions=[Span(start=0, end=5, text="Chile")],
            )
        ],
        timexes=[Timex(id="t1", text="Monday", start=57, end=63, type="DATE", value="2024-03-04")],
        quotes=[Quote(id="q1", text="x", start=0, end=1, kind="direct", speaker="a1")],
        events=[
            Event(
                id="e1",
                type="CONSULT",
                source=["a1"],
                trigger=Span(start=18, end=21, text="met"),
                sentence=CharRange(start=0, end=len(text)),
                date="2024-03-04",
                date_source="timex",
            )
        ],
    )


def test_round_trip_through_json():
    result = _sample()
    data = result.to_json_dict()
    assert data["schema"] == SCHEMA_VERSION
    again = ArticleResult.model_validate(json.loads(json.dumps(data)))
    assert again == result


def test_unknown_fields_are_rejected():
    with pytest.raises(ValidationError):
        Timex(id="t1", text="x", start=0, end=1, type="DATE", value="2020", colour="red")


def test_event_type_must_be_plover():
    with pytest.raises(ValidationError):
        Event(id="e1", type="MEET", trigger=Span(start=0, end=1, text="m"), sentence=CharRange(start=0, end=1))


def test_content_id_is_stable_and_used_when_no_id():
    assert Article(text="abc").doc_id() == content_id("abc") == Article(text="abc").doc_id()
    assert Article(text="abc", id="given").doc_id() == "given"


def test_generated_schema_validates_sample_and_rejects_broken():
    schema = json_schema()
    jsonschema.validate(_sample().to_json_dict(), schema)
    broken = _sample().to_json_dict()
    broken["events"][0]["status"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_schema_lists_contract_fields():
    props = json_schema()["properties"]
    assert {"schema", "doc", "actors", "timexes", "quotes", "events"} <= set(props)
