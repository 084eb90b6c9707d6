"""The data table of words that mark non-actors (data/actors/non_actors.tsv)."""

from __future__ import annotations

import re
from pathlib import Path

from wirecoder.actors.gazetteer import load_gazetteer

SRC = Path(__file__).resolve().parents[2] / "src" / "wirecoder" / "actors"


def test_every_kind_is_documented_and_used():
    words = load_gazetteer().non_actor_words
    table = (SRC.parent / "data" / "actors" / "non_actors.tsv").read_text(encoding="utf-8")
    code = "".join(p.read_text(encoding="utf-8") for p in SRC.glob("*.py"))
    for kind in words:
        assert f'kind "{kind}"' in table, kind  # the header says what the kind means
        assert re.search(rf'"{kind}"', code), kind  # some step reads it


def test_words_are_lower_case_single_tokens():
    for kind, group in load_gazetteer().non_actor_words.items():
        for word in group:
            assert word == word.lower() and " " not in word and word, (kind, word)


def test_the_prepositions_left_out_for_countries_are_not_static():
    static = load_gazetteer().non_actor_words["static_prep"]
    assert not static & {"at", "from", "to", "into", "with", "between", "against", "on"}
