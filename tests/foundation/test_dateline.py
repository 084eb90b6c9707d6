"""Regression: a wire dateline made its place or agency the subject of the lede's first verb."""

from __future__ import annotations

import pytest

from wirecoder.dateline import dateline_end


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("GENEVA, March 14, 2025 (Reuters) – Ethiopia and Egypt agreed.", "Ethiopia"),
        ("WASHINGTON (AP) — The Senate voted.", "The Senate"),
        ("ADDIS ABABA, May 2 - Talks resumed.", "Talks"),
        ("NEW YORK/LONDON, Jan 3 (Wire) -- Markets fell.", "Markets"),
        ("NAIROBI, Kenya (AP) _ Kenya's president met his rivals.", "Kenya's"),
    ],
)
def test_datelines_are_found(text, body):
    assert text[dateline_end(text) :].startswith(body)


@pytest.mark.parametrize("text", ["NATO - the alliance met.", "The army said - nothing.", "US troops left."])
def test_ordinary_openings_are_not_datelines(text):
    assert dateline_end(text) is None


def test_lede_after_a_dateline_keeps_its_own_parties(run):
    result = run("GENEVA, March 14, 2025 (Reuters) – Ethiopia and Egypt agreed on Tuesday to resume talks.")
    names = {a.id: a.name for a in result.actors}
    parties = {names[i] for e in result.events for i in e.source + e.target}
    assert {"Ethiopia", "Egypt"} <= parties and "Reuters" not in parties
