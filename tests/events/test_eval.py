"""The PLOVER-GSR scorer (``wirecoder eval events``): the README's rules, on hand-made records."""

from __future__ import annotations

import json

import pytest

from wirecoder.errors import InputError
from wirecoder.eval.events import (
    SUMMARY_KEYS,
    GoldEvent,
    GoldRecord,
    countries_match,
    normalise_country,
    read_gold,
    score,
)


def record(rid: str, etype: str, src: list[str], tgt: list[str], recip: bool = False) -> GoldRecord:
    return GoldRecord(id=rid, text="...", date="2000-01-01", events=[GoldEvent(etype, src, tgt, recip)])


def prediction(rid: str, *events: tuple, key: str = "doc") -> dict:
    """A prediction object with inline actors: events are (type, [src countries], [tgt countries][, status])."""
    actors, out = [], []
    for n, ev in enumerate(events):
        etype, src, tgt = ev[:3]
        ids = {}
        for side, codes in (("s", src), ("t", tgt)):
            ids[side] = []
            for m, code in enumerate(codes):
                actor_id = f"a{n}{side}{m}"
                actors.append({"id": actor_id, "country": code})
                ids[side].append(actor_id)
        item = {"type": etype, "source": ids["s"], "target": ids["t"]}
        if len(ev) > 3:
            item["status"] = ev[3]
        out.append(item)
    head = {"doc": {"id": rid}} if key == "doc" else {"id": rid}
    return {**head, "actors": actors, "events": out}


GOLD = [
    record("r1", "SANCTION", ["USA"], ["PRK"]),
    record("r2", "CONSULT", ["USA", "PRK"], [], recip=True),
    record("r3", "ASSAULT", ["ISR"], ["PSE"]),
    record("r4", "REQUEST", ["IGO"], ["IRQ"]),
]


def gold_as_prediction(gold: list[GoldRecord]) -> list[dict]:
    return [prediction(r.id, *[(e.type, e.source, e.target) for e in r.events]) for r in gold]


def test_gold_scored_against_itself_is_perfect():
    summary = score(GOLD, gold_as_prediction(GOLD)).summary
    assert list(summary)[: len(SUMMARY_KEYS)] == SUMMARY_KEYS
    assert summary["type_acc"] == summary["full_acc"] == summary["src_acc"] == summary["tgt_acc"] == 1.0
    assert summary["events_per_record"] == 1.0 and summary["records"] == 4


def test_wrong_type_costs_exactly_one_record():
    preds = gold_as_prediction(GOLD)
    preds[2]["events"][0]["type"] = "COERCE"
    summary = score(GOLD, preds).summary
    assert summary["type_acc"] == 0.75 and summary["full_acc"] == 0.75
    assert summary["src_acc"] == 1.0  # counted only where the type was found


def test_wrong_target_costs_full_and_target_accuracy_only():
    preds = gold_as_prediction(GOLD)
    preds[0] = prediction("r1", ("SANCTION", ["USA"], ["IRN"]))
    summary = score(GOLD, preds).summary
    assert summary["type_acc"] == 1.0 and summary["full_acc"] == 0.75
    assert summary["src_acc"] == 1.0 and summary["tgt_acc"] == round(2 / 3, 4)


def test_missing_prediction_counts_as_no_events():
    summary = score(GOLD, gold_as_prediction(GOLD)[1:]).summary
    assert summary["type_acc"] == 0.75 and summary["missing_predictions"] == 1
    assert summary["events_per_record"] == 0.75


def test_negated_events_are_dropped_and_not_counted():
    preds = gold_as_prediction(GOLD)
    preds[0] = prediction("r1", ("SANCTION", ["USA"], ["PRK"], "Negated"))
    summary = score(GOLD, preds).summary
    assert summary["type_acc"] == 0.75 and summary["events_per_record"] == 0.75


def test_reciprocal_and_pooled_types_accept_swapped_roles():
    gold = [record("a", "CONSULT", ["USA"], ["PRK"]), record("b", "SANCTION", ["USA"], ["PRK"])]
    preds = [prediction("a", ("CONSULT", ["PRK"], ["USA"])), prediction("b", ("SANCTION", ["PRK"], ["USA"]))]
    result = score(gold, preds).summary
    assert result["full_acc"] == 0.5 and result["per_type"]["CONSULT"]["full_acc"] == 1.0
    recip = [record("c", "ASSAULT", ["IND", "PAK"], [], recip=True)]
    assert score(recip, [prediction("c", ("ASSAULT", ["PAK"], ["IND"]))]).summary["full_acc"] == 1.0


def test_country_normalisation_and_igo_matching():
    assert normalise_country(" jap ") == "JPN" and normalise_country("---") is None
    assert normalise_country("none") is None and normalise_country(None) is None
    assert countries_match("IGO", "UNO") and countries_match("EUR", "IGO") and countries_match("IGO", "IGO")
    assert not countries_match("UNO", "EUR") and not countries_match("NGO", "IGO")
    assert not countries_match(None, None)
    gold = [record("r", "REQUEST", ["IGO"], ["ROU"])]
    assert score(gold, [prediction("r", ("REQUEST", ["EUR"], ["ROM"]))]).summary["full_acc"] == 1.0


def test_unknown_gold_country_imposes_no_constraint_but_unknown_prediction_never_matches():
    gold = [record("r", "ACCUSE", [], ["HTI"])]
    assert score(gold, [prediction("r", ("ACCUSE", ["---"], ["HTI"]))]).summary["full_acc"] == 1.0
    assert score(gold, [prediction("r", ("ACCUSE", ["USA"], ["---"]))]).summary["full_acc"] == 0.0
    summary = score(gold, [prediction("r", ("ACCUSE", [], ["HTI"]))]).summary
    assert summary["src_acc"] is None  # no gold source country anywhere: null, not 0


def test_one_prediction_may_satisfy_several_gold_events_and_extra_events_only_raise_the_rate():
    gold = [GoldRecord("r", "...", None, [GoldEvent("REJECT", ["BEN"], []), GoldEvent("REJECT", ["BEN"], ["GHA"])])]
    preds = [prediction("r", ("REJECT", ["BEN"], ["GHA"]), ("AID", ["BEN"], ["NGA"]))]
    summary = score(gold, preds).summary
    assert summary["full_acc"] == 1.0 and summary["events_per_record"] == 2.0


def test_join_on_id_last_object_wins_unknown_ids_ignored_single_values_and_inline_actors():
    gold = [record("r", "AID", ["USA"], ["MKD"])]
    stale = prediction("r", ("AID", ["FRA"], ["MKD"]))
    inline = {
        "id": "r",
        "events": [{"type": " aid ", "source": {"country": "usa"}, "target": ["a9", "zz"]}],
        "actors": [{"id": "a9", "country": "MKD"}],
    }
    other = prediction("not-in-gold", ("AID", ["USA"], ["MKD"]))
    summary = score(gold, [stale, inline, other]).summary
    assert summary["full_acc"] == 1.0 and summary["events_per_record"] == 1.0


def test_failed_documents_count_as_no_predictions():
    summary = score(GOLD, [{"schema": "wirecoder/1", "id": "r1", "error": "boom"}]).summary
    assert summary["type_acc"] == 0.0 and summary["missing_predictions"] == 3


def test_read_gold_reports_bad_input_in_one_line(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "t"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: not valid JSON"):
        read_gold(bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no gold records"):
        read_gold(empty)
    with pytest.raises(InputError, match="found a folder"):
        read_gold(tmp_path)


def test_read_gold_normalises_codes_and_types(tmp_path):
    raw = {
        "id": "g1",
        "text": "Tokyo ...",
        "date": "2000-01-01",
        "gold_events": [
            {
                "plover_event": " agree ",
                "plover_mode": None,
                "reciprocal": False,
                "source_codes": [{"country": "IGO"}],
                "target_codes": [{"country": "JAP"}, {"country": "---"}],
            }
        ],
    }
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(raw) + "\n", encoding="utf-8")
    [rec] = read_gold(path)
    assert rec.events == [GoldEvent("AGREE", ["IGO"], ["JPN"], False, None)]


@pytest.mark.shared
def test_dev_gold_scored_against_itself_is_perfect(shared):
    path = shared("datasets", "events", "plover-gsr", "dev.jsonl")
    gold = read_gold(path)
    summary = score(gold, gold_as_prediction(gold)).summary
    assert summary["records"] == 156
    for key in ("type_acc", "full_acc", "src_acc", "tgt_acc"):
        assert summary[key] == 1.0
