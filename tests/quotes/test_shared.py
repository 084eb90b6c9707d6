"""Checks on the shared seed article and the PolNeAR dev split (skipped when ../shared is absent).

They test general properties (offsets, no bare scare quotes, a reachable score), not a list of
expected outputs for a particular article.
"""

from __future__ import annotations

from wirecoder.eval.quotes import gold_as_predictions, index_predictions, read_gold, score


def test_seed_quotes_are_well_formed_and_not_bare_scare_quotes(shared, quotes_of):
    text = shared("seeds", "000_b715a2aa16f49594.txt").read_text(encoding="utf-8")
    quotes = quotes_of(text)
    assert len(quotes) >= 10
    for q in quotes:
        words = q.text.strip("“”\"' ").split()
        assert q.kind != "direct" or len(words) > 3, q.text  # a short quoted term alone is no quotation
        assert q.speaker_text, q.text
    assert any(q.cue == "posted" for q in quotes)
    assert {q.kind for q in quotes} == {"direct", "indirect", "mixed"}


def test_dev_gold_scores_itself_perfectly(shared):
    docs = read_gold(shared("datasets", "quotes", "polnear", "dev"))
    assert len(docs) == 84
    summary, _ = score(docs, index_predictions(gold_as_predictions(docs)))
    assert all(v == 1.0 for k, v in summary.items() if k != "docs")
