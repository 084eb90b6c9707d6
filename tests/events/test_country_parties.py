"""Regression (full pipeline): a country the text names after a preposition is still a party.

The actors stage once dropped countries named as places ("to Mexico", "from Peru") from the
actors, and the events that PLOVER codes with them as parties lost their target.
"""

from __future__ import annotations

import pytest


def _parties(result, event_type: str) -> tuple[set[str], set[str]]:
    countries = {a.id: a.country for a in result.actors}
    event = next(e for e in result.events if e.type == event_type)
    return {countries[i] for i in event.source}, {countries[i] for i in event.target}


@pytest.mark.parametrize(
    ("text", "event_type", "parties"),
    [
        ("Canada is providing military equipment to Mexico.", "AID", ({"CAN"}, {"MEX"})),
        ("Chile rejected a fresh offer from Peru for direct talks.", "REJECT", ({"CHL"}, {"PER"})),
    ],
)
def test_country_after_a_preposition_is_the_target(run, text, event_type, parties):
    assert _parties(run(text, "2021-03-02"), event_type) == parties
