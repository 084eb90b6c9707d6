"""The evaluation against the shared TimeML gold (skipped when ../shared is absent), and the peer."""

from __future__ import annotations

import pytest

from wirecoder.eval.time import (
    SUMMARY_KEYS,
    GoldDoc,
    dateparser_predictions,
    evaluate,
    read_gold,
    score,
)


def test_dev_gold_counts_match_the_readme(shared):
    folder = shared("datasets", "time", "dev")
    timebank = read_gold(folder / "timebank")
    aquaint = read_gold(folder / "aquaint")
    assert (len(timebank), sum(len(d.timexes) for d in timebank)) == (183, 1243)
    assert (len(aquaint), sum(len(d.timexes) for d in aquaint)) == (73, 579)
    assert all(d.dct for d in timebank + aquaint)
    for doc in timebank[:20]:
        for t in doc.timexes:
            assert doc.text[t.start : t.end] == t.text
        assert doc.text.startswith("\n")


def test_dev_gold_scores_itself_perfectly(shared):
    docs = read_gold(shared("datasets", "time", "dev", "aquaint"))
    predictions = [
        {
            "doc": {"id": d.id},
            "timexes": [{"start": t.start, "end": t.end, "type": t.type, "value": t.value} for t in d.timexes],
        }
        for d in docs
    ]
    summary = score(docs, predictions).summary
    assert [summary[k] for k in SUMMARY_KEYS[1:]] == [1.0] * 5


@pytest.mark.slow
def test_evaluate_one_shared_file_with_the_peer(shared, tmp_path):
    folder = shared("datasets", "time", "dev", "timebank")
    one = sorted(folder.glob("*.tml"))[0]
    save = tmp_path / "pred.jsonl"
    report = evaluate(one, baselines=["dateparser"], errors=3, save=save, split="dev")
    assert list(report.summary)[:6] == SUMMARY_KEYS
    assert report.summary["docs"] == 1
    assert "dateparser" in report.baselines
    assert save.read_text().count("\n") == 1
    assert len(report.errors) <= 3


def test_dateparser_peer_maps_hits_to_offsets():
    text = "The plant closed on March 3, 2019 and reopened in May 2020."
    doc = GoldDoc(id="d", text=text, dct="2021-03-18")
    (pred,) = dateparser_predictions([doc])
    for t in pred["timexes"]:
        assert 0 <= t["start"] < t["end"] <= len(text)
        assert t["type"] == "DATE"
    values = {text[t["start"] : t["end"]]: t["value"] for t in pred["timexes"]}
    # dateparser's own extents are loose ("on March 3, 2019 and"); its values are kept as given
    assert [v for k, v in values.items() if "March 3, 2019" in k] == ["2019-03-03"]
    assert [v for k, v in values.items() if "May 2020" in k] == ["2020-05"]
