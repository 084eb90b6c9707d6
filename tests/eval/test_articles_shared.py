"""The committed whole-article gold against the shared texts (skipped when ../shared is absent).

The gold holds no text; every span carries ``h`` (8 hex digits of the sha1 of its text, written by
tools/gold_offsets.py), so ``text[start:end]`` is checked here for every span.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from wirecoder.eval.article_gold import load_text, read_gold
from wirecoder.eval.articles import gold_as_predictions, score

GOLDS = Path(__file__).resolve().parents[2] / "eval" / "gold"
#: the dev gold and the blind test gold (scored only as a whole, see its README)
GOLD_DIRS = ("wikinews-2020", "wikinews-2020-test")


def spans(obj):
    """Every span object (a dict with start/end) anywhere in a gold article."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int):
            yield obj
        for value in obj.values():
            yield from spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from spans(value)


@pytest.mark.parametrize("folder", GOLD_DIRS)
def test_every_span_indexes_the_text_it_was_made_on(shared, folder):
    import json

    datasets = shared("datasets")
    gold = GOLDS / folder
    docs = read_gold(gold)
    assert len(docs) >= 5
    for doc in docs:
        text = load_text(doc, datasets)  # also checks the sha256
        raw = json.loads((gold / f"{doc.id}.json").read_text(encoding="utf-8"))
        for span in spans(raw):
            piece = text[span["start"] : span["end"]]
            assert span["end"] <= len(text) and piece.strip() == piece and piece, (doc.id, span)
            assert hashlib.sha1(piece.encode("utf-8")).hexdigest()[:8] == span["h"], (doc.id, span)


@pytest.mark.parametrize("folder", GOLD_DIRS)
def test_gold_fed_back_scores_one(shared, folder):
    datasets = shared("datasets")
    docs = read_gold(GOLDS / folder)
    texts = {d.id: load_text(d, datasets) for d in docs}
    summary = score(docs, texts, gold_as_predictions(docs)).summary
    for key in ("event_full_recall", "actor_ok", "quote_speaker"):
        assert summary[key] == 1.0, key
    assert summary["non_actor_rate"] == 0.0
