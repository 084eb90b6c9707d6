"""The PolNeAR scorer: reading brat standoff and the README's scoring rules, on tiny gold of our own."""

from __future__ import annotations

import json

import pytest

from wirecoder.errors import InputError
from wirecoder.eval.quotes import (
    find_speaker_text,
    gold_as_predictions,
    index_predictions,
    parse_brat,
    read_gold,
    score,
)

TEXT_A = '“We will win,” the mayor said. Rain is expected, the agency said.\nShe said "maybe" later.'
# spans: q1 direct [0:14] source "the mayor"; q2 indirect "Rain is expected" [31:47] source "the agency";
#        q3 discontinuous content, E line with Content2, no source
ANN_A = (
    "T1\tContent 0 14\t“We will win,”\n"
    "T2\tSource 15 24\tthe mayor\n"
    "T3\tCue 25 29\tsaid\n"
    "T4\tContent 31 47\tRain is expected\n"
    "T5\tSource 49 59\tthe agency\n"
    "T6\tCue 60 64\tsaid\n"
    "T7\tContent 66 69;77 84\tShe said\n"
    "T8\tContent 75 76\tx\n"
    "E1\tAttribution:T9 Content:T1 Source:T2 Cue:T3\n"
    "E2\tAttribution:T10 Source:T5 Cue:T6 Content:T4\n"
    "E3\tAttribution:T11 Content:T7 Content2:T8 Source:T99\n"
    "E4\tAttribution:T12 Cue:T6\n"
)
TEXT_B = "Nothing quoted here, officials said."
ANN_B = "T1\tContent 0 19\tNothing quoted here\nT2\tSource 21 30\tofficials\nE1\tAttribution:T3 Content:T1 Source:T2\n"


@pytest.fixture
def split(tmp_path):
    folder = tmp_path / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a_doc.txt").write_bytes(TEXT_A.encode())
    (folder / "text" / "b_doc.txt").write_bytes(TEXT_B.encode())
    (folder / "text" / "c_unannotated.txt").write_bytes(b"No annotation file.")
    (folder / "attributions" / "a_doc_zz01.ann").write_text("E1\tAttribution:T1\n", encoding="utf-8")
    (folder / "attributions" / "a_doc_ab12.ann").write_text(ANN_A, encoding="utf-8")
    (folder / "attributions" / "b_doc_ab12.ann").write_text(ANN_B, encoding="utf-8")
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\ta_doc\t2016-09-12\ndev\tb_doc\tSeptember 2016\n",
        encoding="utf-8",
    )
    return folder


def test_brat_roles_fragments_and_ordering():
    quotes = parse_brat(ANN_A)
    assert [(q.start, q.end, q.eid) for q in quotes] == [(0, 14, 1), (31, 47, 2), (66, 84, 3)]
    third = quotes[2]
    assert third.content == ((66, 69), (75, 76), (77, 84))  # Content2 is Content; union span 66..84
    assert third.sources == ()  # T99 does not exist
    assert quotes[0].sources == ((15, 24),) and quotes[0].cues == ((25, 29),)


def test_reader_picks_the_first_annotator_and_reads_dates(split):
    docs = read_gold(split)
    assert [d.id for d in docs] == ["a_doc", "b_doc"]
    assert len(docs[0].quotes) == 3  # from ab12, not zz01
    assert docs[0].date == "2016-09-12"
    assert docs[1].date is None  # not YYYY-MM-DD
    assert docs[0].text == TEXT_A


def test_reader_keeps_carriage_returns(tmp_path):
    folder = tmp_path / "s"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "d.txt").write_bytes(b"Line one.\r\nHe said so.")
    (folder / "attributions" / "d_x.ann").write_text("T1\tContent 11 13\tHe\nE1\tA:T2 Content:T1\n")
    doc = read_gold(folder)[0]
    assert doc.text[11:13] == "He"


def test_not_a_split_folder_is_one_clear_error(tmp_path):
    with pytest.raises(InputError, match="not a PolNeAR split folder"):
        read_gold(tmp_path)


def test_gold_as_prediction_scores_one_everywhere(split):
    docs = read_gold(split)
    summary, _ = score(docs, index_predictions(gold_as_predictions(docs)))
    assert summary["docs"] == 2
    assert list(summary)[:8] == [
        "docs",
        "f1_03",
        "f1_08",
        "p_03",
        "r_03",
        "speaker_acc",
        "direct_f1_03",
        "indirect_f1_03",
    ]
    floats = {k: v for k, v in summary.items() if k != "docs"}
    assert floats and all(v == 1.0 for v in floats.values()), floats


def _preds(docs):
    return {p["doc"]["id"]: p for p in gold_as_predictions(docs)}


def test_a_missing_prediction_lowers_recall_exactly(split):
    docs = read_gold(split)
    preds = _preds(docs)
    preds["b_doc"]["quotes"] = []
    summary, _ = score(docs, preds)
    assert summary["r_03"] == round(3 / 4, 4)
    assert summary["p_03"] == 1.0
    assert summary["f1_03"] == round(2 * 0.75 / 1.75, 4)
    # gold kinds: a_doc q1 and q3 are direct (q3's union span holds a mark), q2 and b's are indirect
    assert summary["indirect_f1_03"] == round(2 * 1 * 0.5 / 1.5, 4)
    assert summary["direct_f1_03"] == 1.0


def test_a_spurious_quote_lowers_precision_and_counts_by_its_marks(split):
    docs = read_gold(split)
    preds = _preds(docs)
    preds["a_doc"]["quotes"].append({"start": 76, "end": 83})  # 'maybe' with its marks around it
    summary, _ = score(docs, preds)
    assert summary["p_03"] == round(4 / 5, 4)
    assert summary["direct_f1_03"] == round(2 * (2 / 3) * 1 / (1 + 2 / 3), 4)  # FP counted as direct
    assert summary["indirect_f1_03"] == 1.0


def test_invalid_quotes_are_false_positives_that_never_match(split):
    docs = read_gold(split)
    preds = _preds(docs)
    preds["b_doc"]["quotes"] = [{"start": True, "end": 19}, {"start": 5, "end": 500}]
    summary, _ = score(docs, preds)
    assert summary["r_03"] == round(3 / 4, 4)
    assert summary["p_03"] == round(3 / 5, 4)


def test_overlap_thresholds(split):
    docs = read_gold(split)
    preds = _preds(docs)
    # gold b is 19 chars: 8 shared chars -> 0.42 passes 0.3, fails 0.8
    preds["b_doc"]["quotes"] = [{"start": 0, "end": 8}]
    summary, _ = score(docs, preds)
    assert summary["r_03"] == 1.0
    assert summary["r_08"] == round(3 / 4, 4)
    assert summary["f1_08"] == round(0.75, 4)


def test_wrong_speaker_and_speaker_for_no_source(split):
    docs = read_gold(split)
    preds = _preds(docs)
    preds["a_doc"]["quotes"][0].update(speaker_start=31, speaker_end=35, speaker_text="Rain")
    preds["a_doc"]["quotes"][2]["speaker_text"] = "She"  # gold has no source
    summary, _ = score(docs, preds)
    assert summary["speaker_acc"] == round(2 / 4, 4)


def test_speaker_found_through_actor_mentions(split):
    docs = read_gold(split)
    preds = _preds(docs)
    first = preds["a_doc"]["quotes"][0]
    for key in ("speaker_start", "speaker_end", "speaker_text"):
        first.pop(key)
    first["speaker"] = "a1"
    preds["a_doc"]["actors"] = [{"id": "a1", "mentions": [{"start": 19, "end": 24}]}]
    summary, _ = score(docs, preds)
    assert summary["speaker_acc"] == 1.0


def test_speaker_text_search_prefers_whole_words_near_the_quote():
    text = "Ann met Annabel. “Go,” Ann said. Later Ann left."
    assert find_speaker_text("Ann", text, 17, 22) == (23, 26)
    assert find_speaker_text("  ", text, 0, 5) is None
    assert find_speaker_text("Zed", text, 0, 5) is None


def test_last_prediction_line_wins_and_plain_id_is_accepted():
    lines = [{"doc": {"id": "x"}, "quotes": [1]}, {"id": "x", "quotes": []}, {"error": "no id"}]
    assert index_predictions(lines) == {"x": {"id": "x", "quotes": []}}


def test_ties_go_to_the_earlier_prediction(split):
    docs = read_gold(split)
    preds = _preds(docs)
    preds["b_doc"]["quotes"] = [{"start": 0, "end": 19, "speaker_text": "officials"}, {"start": 0, "end": 19}]
    summary, alignments = score(docs, preds)
    b = next(a for a in alignments if a.gold.id == "b_doc")
    assert b.matches[0.3] == {0: 0}
    assert summary["speaker_acc"] == 1.0


def test_cli_json_line(split, capsys, monkeypatch):
    from wirecoder.cli.eval import run_task
    from wirecoder.eval import quotes as module

    docs = read_gold(split)
    monkeypatch.setattr(module, "predict", lambda articles: gold_as_predictions(docs))
    run_task("quotes", split, "json", [], 0, None)
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert json.loads(line)["f1_03"] == 1.0
