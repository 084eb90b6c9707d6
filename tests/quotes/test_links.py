"""Speakers and times come from the actors and time stages, through their APIs only."""

from __future__ import annotations

from wirecoder.actors.api import MentionRef
from wirecoder.time.api import TimeAnchor


def test_speaker_is_the_actor_of_the_pronoun(quotes_of):
    text = "“The port stays open,” she said."
    start = text.index("she")

    def prepare(doc):
        doc._.actor_mentions = [MentionRef(start, start + 3, "a3", "pronoun")]

    (q,) = quotes_of(text, prepare)
    assert q.speaker == "a3"
    assert (q.speaker_start, q.speaker_end) == (start, start + 3)


def test_speaker_is_none_when_the_actors_stage_has_nothing(quotes_of):
    (q,) = quotes_of("“The port stays open,” she said.")
    assert q.speaker is None and q.speaker_text == "she"


def test_possessor_does_not_steal_the_speaker(quotes_of):
    text = "The mayor's spokesman said the roads would reopen."
    mayor = text.index("mayor")

    def prepare(doc):
        doc._.actor_mentions = [MentionRef(mayor, mayor + 5, "a1", "name")]

    (q,) = quotes_of(text, prepare)
    assert q.speaker_text == "The mayor's spokesman"
    assert q.speaker == "a1"  # no actor for "spokesman" itself: the span's only mention is used


def test_quote_time_is_the_timex_of_its_reporting_clause(quotes_of):
    def prepare(doc):
        def resolver(token):
            return TimeAnchor("2019-05-02", "timex", "t7") if token.lower_ == "said" else TimeAnchor(None, "dct")

        doc._.wc_state["time_resolver"] = resolver

    (q,) = quotes_of("The mayor said on Thursday that the roads would reopen.", prepare)
    assert q.timex == "t7"


def test_no_timex_when_the_clause_has_only_the_article_date(quotes_of):
    (q,) = quotes_of("The mayor said that the roads would reopen.")
    assert q.timex is None


def test_full_pipeline_offsets(run):
    from tests.conftest import assert_offsets

    text = (
        "“We will not raise taxes,” the finance minister said on Tuesday.\n\n"
        "Analysts, the central bank said, expect growth to slow.\n\n"
        "Great meeting with farmers today. — Ana Silva (@anasilva) June 3, 2019"
    )
    result = run(text, date="2019-06-04")
    assert_offsets(result, text)
    kinds = sorted(q.kind for q in result.quotes)
    assert kinds.count("direct") == 2
    assert any(q.cue == "said" and q.kind == "indirect" for q in result.quotes)


def test_institutional_speaker_comes_from_the_actors_api(quotes_of, monkeypatch):
    """``actors.api.speaker_actor`` ("the ministry said" -> an actor with the
    story's country), an unlinked speaker is resolved through it, with the speaker's span."""
    from wirecoder.actors import api

    asked = []

    def speaker_actor(doc, start, end):
        asked.append(doc.text[start:end])
        return "a9"

    monkeypatch.setattr(api, "speaker_actor", speaker_actor)
    (q,) = quotes_of("The ministry said the border would remain closed.")
    assert q.speaker == "a9" and asked == ["The ministry"]


def test_speaker_falls_back_to_a_mention_when_the_api_offers_no_actor(quotes_of, monkeypatch):
    from wirecoder.actors import api

    monkeypatch.setattr(api, "speaker_actor", lambda doc, start, end: None)

    def prepare(doc):
        doc._.actor_mentions = [MentionRef(0, 4, "a1", "name")]  # "Iran", not the head "ministry"

    (q,) = quotes_of("Iran's foreign ministry said the border would remain closed.", prepare)
    assert q.speaker_text == "Iran's foreign ministry" and q.speaker == "a1"
