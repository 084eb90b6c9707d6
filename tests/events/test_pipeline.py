"""The events stage inside the real pipeline, and ``wirecoder eval events`` end to end."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from tests.conftest import assert_offsets
from wirecoder.cli import app
from wirecoder.eval.events import SUMMARY_KEYS, evaluate

ARTICLE = (
    "The United States imposed new sanctions on Iran on Tuesday. "
    "Iran's foreign minister condemned the decision. "
    "In a separate match, Arsenal's striker shot wide and the home side attacked down the left."
)


def test_events_in_the_full_pipeline_keep_the_contract(run):
    result = run(ARTICLE, date="2019-06-04")
    assert_offsets(result, ARTICLE)
    ids = {a.id for a in result.actors}
    assert [e.id for e in result.events] == [f"e{n}" for n in range(1, len(result.events) + 1)]
    for event in result.events:
        assert set(event.source) <= ids and set(event.target) <= ids
        assert event.source or event.target
        assert event.cameo is not None and len(event.cameo) == 2
        assert event.date is not None
    assert "SANCTION" in {e.type for e in result.events}
    assert "ASSAULT" not in {e.type for e in result.events}  # the football sentence


def test_events_stage_is_quiet_on_text_without_events(run):
    result = run("The weather was mild and the museum opened a new wing.")
    assert result.events == []


GOLD_LINES = [
    {
        "id": "t1",
        "text": "Canada imposed sanctions on Iran.",
        "date": "2000-01-01",
        "gold_events": [
            {
                "plover_event": "SANCTION",
                "source_codes": [{"country": "---"}],
                "target_codes": [{"country": "---"}],
                "reciprocal": False,
            }
        ],
    },
    {
        "id": "t2",
        "text": "Mexico criticised Canada.",
        "date": "2000-01-01",
        "gold_events": [{"plover_event": "ACCUSE", "source_codes": [], "target_codes": [], "reciprocal": False}],
    },
]


@pytest.fixture
def tiny_gold(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in GOLD_LINES), encoding="utf-8")
    return path


def test_evaluate_runs_the_pipeline_and_saves_predictions(tiny_gold, tmp_path):
    saved = tmp_path / "pred.jsonl"
    report = evaluate(tiny_gold, baselines=[], errors=5, save=saved, split="dev")
    assert list(report.summary)[: len(SUMMARY_KEYS)] == SUMMARY_KEYS
    assert report.summary["records"] == 2 and report.summary["type_acc"] == 1.0
    assert "without_date" in report.summary
    assert len(saved.read_text(encoding="utf-8").splitlines()) == 2


def test_cli_prints_one_json_line(tiny_gold):
    result = CliRunner().invoke(app, ["eval", "events", "--gold", str(tiny_gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert list(summary)[:6] == SUMMARY_KEYS


def test_regional_body_and_leader_surname_are_coded_in_events(run):
    text = "The European Community gave Chad five million dollars of aid. Putin rejected the offer of Finland."
    result = run(text, date="2001-04-02")
    countries = {a.id: a.country for a in result.actors}
    coded = {(e.type, tuple(countries[s] for s in e.source)) for e in result.events}
    assert ("AID", ("EUR",)) in coded
    assert ("REJECT", ("RUS",)) in coded


def test_protest_target_inside_a_purpose_clause_with_the_protesters_possessive(run):
    # "their" is the protesters themselves: the target is the one their disapproval is for
    result = run("Protesters in Lagos blocked roads to show their disapproval for the United States.")
    countries = {a.id: a.country for a in result.actors}
    protest = next(e for e in result.events if e.type == "PROTEST")
    assert [countries[a] for a in protest.source] == ["NGA"]
    assert [countries[a] for a in protest.target] == ["USA"]


def test_implied_country_actor_in_the_full_pipeline(run):
    text = "Algerian farmers protested in Algiers on Monday. Tel Aviv rejected the plan."
    result = run(text, date="2019-06-04")
    assert_offsets(result, text)
    by_id = {a.id: a for a in result.actors}
    protest = next(e for e in result.events if e.type == "PROTEST")
    [target] = protest.target
    assert (by_id[target].country, by_id[target].kind, by_id[target].mentions) == ("DZA", "country", [])
    reject = next(e for e in result.events if e.type == "REJECT")
    assert [by_id[a].country for a in reject.source] == ["ISR"]  # a city as subject acts for its country
    assert [a.id for a in result.actors] == [f"a{n}" for n in range(1, len(result.actors) + 1)]
