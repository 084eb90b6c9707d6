"""The TempEval-3 scorer and the TimeML reader, on small documents written for these tests."""

from __future__ import annotations

import pytest

from wirecoder.eval.time import (
    GoldDoc,
    GoldTimex,
    align,
    calendar_day,
    error_cases,
    read_gold,
    read_tml,
    score,
)

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>demo1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2001-03-09" functionInDocument="CREATION_TIME">March 9, 2001</TIMEX3></DCT>
<TEXT>\r
The board met <TIMEX3 tid="t1" type="DATE" value="2001-03-08">Thursday</TIMEX3> &amp; <EVENT eid="e1">agreed</EVENT>\r
to pay <TIMEX3 tid="t2" type="SET" value="P1Y">annually</TIMEX3> for <TIMEX3 tid="t3" type="DURATION"
 value="P3Y">three years</TIMEX3>.
<TIMEX3 tid="t9" type="DATE" value=""></TIMEX3></TEXT>
</TimeML>
"""


def write_tml(tmp_path, name: str = "demo1.tml", content: str = TML):
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8"))
    return path


def test_reader_text_offsets_entities_and_crlf(tmp_path):
    doc = read_tml(write_tml(tmp_path))
    assert doc.id == "demo1"
    assert doc.dct == "2001-03-09"
    assert doc.text.startswith("\nThe board met Thursday & agreed\nto pay")  # CRLF -> LF, &amp; -> &
    assert [t.text for t in doc.timexes] == ["Thursday", "annually", "three years"]  # empty extent skipped
    for t in doc.timexes:
        assert doc.text[t.start : t.end] == t.text
    assert [(t.type, t.value) for t in doc.timexes] == [("DATE", "2001-03-08"), ("SET", "P1Y"), ("DURATION", "P3Y")]


def test_reader_dct_fallbacks(tmp_path):
    no_function = TML.replace(' functionInDocument="CREATION_TIME"', "")
    assert read_tml(write_tml(tmp_path, "a.tml", no_function)).dct == "2001-03-09"
    text_only = TML.replace(
        '<TIMEX3 tid="t0" type="DATE" value="2001-03-09" functionInDocument="CREATION_TIME">March 9, 2001</TIMEX3>',
        "20010309 1200",
    )
    assert read_tml(write_tml(tmp_path, "b.tml", text_only)).dct == "2001-03-09"


def test_calendar_day_forms():
    assert calendar_day("1998-02-13T14:26:00") == "1998-02-13"
    assert calendar_day("19980213") == "1998-02-13"
    assert calendar_day("02/13/1998") is None
    assert calendar_day("1998-13-01") is None


def test_read_gold_folder_is_recursive_and_sorted(tmp_path):
    sub = tmp_path / "sub"
    sub.mkdir()
    write_tml(sub, "b.tml")
    write_tml(tmp_path, "a.tml")
    assert [d.id for d in read_gold(tmp_path)] == ["a", "b"]


# --------------------------------------------------------------------------- scoring


def gold_doc() -> GoldDoc:
    text = "On Friday the firm said profit rose this year after two weeks of talks every day."
    spans = [
        ("Friday", "DATE", "2020-01-03"),
        ("this year", "DATE", "2020"),
        ("two weeks", "DURATION", "P2W"),
        ("every day", "SET", "P1D"),
    ]
    timexes = [GoldTimex(text.index(s), text.index(s) + len(s), t, v, s) for s, t, v in spans]
    return GoldDoc(id="g1", text=text, dct="2020-01-04", timexes=timexes)


def as_prediction(doc: GoldDoc, timexes: list[GoldTimex]) -> dict:
    return {
        "doc": {"id": doc.id},
        "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in timexes],
    }


def test_gold_as_prediction_scores_one_on_every_metric():
    doc = gold_doc()
    summary = score([doc], [as_prediction(doc, doc.timexes)]).summary
    for key in ("strict_f1", "relaxed_f1", "value_f1", "type_acc", "value_acc", "strict_p", "relaxed_r"):
        assert summary[key] == 1.0, key
    assert list(summary)[:6] == ["docs", "strict_f1", "relaxed_f1", "value_f1", "type_acc", "value_acc"]


def test_dropping_one_timex_lowers_recall_exactly():
    doc = gold_doc()
    s = score([doc], [as_prediction(doc, doc.timexes[1:])]).summary
    assert s["relaxed_p"] == 1.0 and s["relaxed_r"] == 0.75
    assert s["relaxed_f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert s["strict_f1"] == pytest.approx(2 * 0.75 / 1.75)
    assert s["value_acc"] == 1.0
    assert s["value_f1"] == pytest.approx(2 * 0.75 / 1.75)


def test_shifted_span_is_relaxed_but_not_strict():
    doc = gold_doc()
    moved = [
        GoldTimex(t.start - 3 if t.text == "Friday" else t.start, t.end, t.type, t.value, t.text) for t in doc.timexes
    ]  # "On Friday"
    s = score([doc], [as_prediction(doc, moved)]).summary
    assert s["relaxed_f1"] == 1.0
    assert s["strict_p"] == 0.75 and s["strict_r"] == 0.75
    assert s["value_f1"] == 1.0


def test_wrong_value_and_type_lower_the_accuracies():
    doc = gold_doc()
    changed = [
        GoldTimex(
            t.start,
            t.end,
            "DATE" if t.type == "SET" else t.type,
            "2020-W01" if t.text == "this year" else t.value,
            t.text,
        )
        for t in doc.timexes
    ]
    s = score([doc], [as_prediction(doc, changed)]).summary
    assert s["value_acc"] == 0.75 and s["type_acc"] == 0.75
    assert s["value_f1"] == 0.75 and s["type_f1"] == 0.75
    assert s["strict_f1"] == 1.0


def test_spurious_and_invalid_predictions_count_against_precision():
    doc = gold_doc()
    pred = as_prediction(doc, doc.timexes)
    pred["timexes"].append({"start": 0, "end": 2, "type": "DATE", "value": "X"})  # "On"
    pred["timexes"].append({"start": 5, "end": 500, "type": "DATE", "value": "X"})  # past the end: invalid
    s = score([doc], [pred]).summary
    assert s["predicted"] == 6 and s["relaxed_matches"] == 4
    assert s["relaxed_p"] == pytest.approx(4 / 6) and s["relaxed_r"] == 1.0


def test_prediction_lines_first_per_id_errors_and_unknown_ids():
    doc = gold_doc()
    good = as_prediction(doc, doc.timexes)
    assert score([doc], [{"id": "g1", "error": "boom"}, good]).summary["predicted"] == 0  # first line wins
    assert score([doc], [{"doc": {"id": "other"}, "timexes": []}, good]).summary["relaxed_f1"] == 1.0
    assert score([doc], []).summary["relaxed_f1"] == 0.0


def test_no_gold_and_no_predictions_is_perfect():
    empty = GoldDoc(id="e", text="Nothing here.", dct=None)
    assert score([empty], [{"id": "e", "timexes": []}]).summary["value_f1"] == 1.0


def test_alignment_identical_spans_first_then_largest_overlap():
    gold = [(0, 10), (20, 30)]
    pred = [(15, 22), (0, 10), (18, 28)]
    # (a) gold 0 takes prediction 1; (b) gold 1 is visited after both other predictions and takes
    # the one sharing more characters (8 against 2).
    assert align(gold, pred) == [(0, 1), (1, 2)]


def test_alignment_pairs_only_with_spans_already_visited():
    # gold (20, 30) is visited before the prediction starting at 22, so it takes (18, 25).
    assert align([(20, 30)], [(22, 30), (18, 25)]) == [(0, 1)]


def test_alignment_tie_goes_to_the_span_visited_first():
    gold = [(0, 6)]
    pred = [(2, 4), (3, 5)]  # both overlap by 2: the one visited first (start 2) wins
    assert align(gold, pred) == [(0, 0)]


def test_alignment_invalid_predictions_never_match():
    assert align([(0, 5)], [None, (1, 3)]) == [(0, 1)]


def test_error_cases_show_context_and_both_values():
    doc = gold_doc()
    changed = [
        GoldTimex(t.start, t.end, t.type, "2019" if t.text == "this year" else t.value, t.text)
        for t in doc.timexes[:-1]
    ]
    result = score([doc], [as_prediction(doc, changed)])
    lines = error_cases(result.docs, 10)
    assert any("MISSED" in line and "every day" in line for line in lines)
    assert any("want DATE:2020 got DATE:2019" in line for line in lines)
