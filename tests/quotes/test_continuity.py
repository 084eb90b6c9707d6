"""The last speaker goes on: unlinked pronoun speakers take the previous quote's actor."""

from __future__ import annotations

from wirecoder.model import Actor, Quote
from wirecoder.quotes.continuity import carry_speakers


def quote(n, start, end, speaker_text, speaker=None, speaker_start=None):
    return Quote(
        id=f"q{n}", text="x" * (end - start), start=start, end=end, kind="indirect",
        speaker=speaker, speaker_text=speaker_text, speaker_start=speaker_start,
        speaker_end=None if speaker_start is None else speaker_start + len(speaker_text),
    )  # fmt: skip


MINISTRY = Actor(id="a1", name="finance ministry", kind="organization", country="ZWE", sector="GOV")
BITI = Actor(id="a2", name="Tendai Biti", kind="person", country="ZWE", sector="GOV")


def test_it_added_takes_the_ministry_that_spoke_just_before():
    quotes = [quote(1, 20, 50, "The ministry", "a1", 0), quote(2, 70, 100, "It", None, 52)]
    carry_speakers(quotes, [MINISTRY])
    assert quotes[1].speaker == "a1"


def test_a_pronoun_that_does_not_fit_the_actor_stays_unlinked():
    quotes = [quote(1, 20, 50, "The ministry", "a1", 0), quote(2, 70, 100, "she", None, 52)]
    carry_speakers(quotes, [MINISTRY])
    assert quotes[1].speaker is None


def test_he_takes_the_person_who_spoke_before():
    quotes = [quote(1, 0, 30, "Biti", "a2", 32), quote(2, 50, 80, "he", None, 82)]
    carry_speakers(quotes, [BITI])
    assert quotes[1].speaker == "a2"


def test_the_run_does_not_reach_far_back():
    quotes = [quote(1, 0, 30, "Biti", "a2", 32), quote(2, 2000, 2030, "he", None, 2032)]
    carry_speakers(quotes, [BITI])
    assert quotes[1].speaker is None


def test_a_linked_speaker_is_left_alone():
    quotes = [quote(1, 0, 30, "Biti", "a2", 32), quote(2, 50, 80, "he", "a7", 82)]
    carry_speakers(quotes, [BITI])
    assert quotes[1].speaker == "a7"
