"""An event with no time of its own takes the time of its narrative (issue 16): the last event
dated in its paragraph, else the day the story's lede is about; "two days after the vote" is
counted from the vote's own date. Short articles written for these tests, run end to end."""

from __future__ import annotations

import pytest

from wirecoder.model import Article
from wirecoder.pipeline import process


@pytest.fixture(scope="module")
def run(nlp, settings):
    def _run(text: str, dct: str = "2020-07-12"):
        return next(process([Article(text=text, date=dct)], settings, nlp=nlp))

    return _run


def _by_word(result):
    return {e.trigger.text: (e.date, e.date_source) for e in result.events}


def test_past_event_in_a_later_paragraph_takes_the_ledes_day(run):
    text = (
        "Thousands of Serbians protested in Belgrade on Friday against the government.\n\n"
        "Police arrested the opposition leader Dragan Djilas."
    )
    assert _by_word(run(text))["arrested"] == ("2020-07-10", "narrative")


def test_present_perfect_keeps_the_article_date(run):
    text = (
        "Thousands of Serbians protested in Belgrade on Friday against the government.\n\n"
        "Police have arrested the opposition leader Dragan Djilas."
    )
    assert _by_word(run(text))["arrested"] == ("2020-07-12", "dct")


def test_a_lede_day_older_than_a_week_is_background_not_the_story(run):
    text = (
        "The Serbian government imposed a curfew on June 2 after a spike in cases.\n\n"
        "Police arrested the opposition leader Dragan Djilas."
    )
    assert _by_word(run(text))["arrested"] == ("2020-07-12", "dct")


def test_previous_dated_event_in_the_paragraph_dates_the_next(run):
    text = (
        "The French president Emmanuel Macron visited Berlin today.\n\n"
        "The police chief said officers arrested the opposition leader Dragan Djilas in Belgrade on Wednesday. "
        "Serbian police officers also detained his deputy."
    )
    dates = _by_word(run(text))
    assert dates["arrested"] == ("2020-07-08", "timex")
    assert dates["detained"] == ("2020-07-08", "narrative")


def test_two_days_after_an_event_counts_from_that_events_date(run):
    text = (
        "Serbian police arrested the opposition leader Dragan Djilas in Belgrade on July 3. "
        "A court in Belgrade released him on July 8. "
        "His supporters protested two days after the arrest."
    )
    dates = _by_word(run(text))
    assert dates["arrested"] == ("2020-07-03", "timex")
    # counted from the arrest, not from the last day named (July 8)
    assert dates["protested"] == ("2020-07-05", "timex")


def test_a_presupposed_happening_does_not_take_the_clauses_future_day(run):
    text = "India will hold elections on July 19 following the resignation of Prime Minister Narendra Modi."
    event = next(e for e in run(text).events if e.trigger.text == "resignation")
    assert (event.type, event.status, event.date) == ("RETREAT", "asserted", "2020-07-12")


def test_a_to_infinitive_takes_its_governing_verbs_past(run):
    text = (
        "Thousands of Serbians protested in Belgrade on Friday against the government.\n\n"
        "Serbian police failed to arrest the opposition leader Dragan Djilas."
    )
    event = next(e for e in run(text).events if e.trigger.text == "arrest")
    assert (event.date, event.date_source) == ("2020-07-10", "narrative")


def test_the_meeting_counted_from_is_the_earlier_met(run):
    text = (
        "German Chancellor Olaf Scholz met Russian President Vladimir Putin in the Kremlin on Tuesday. "
        "Scholz flew to Paris on Wednesday.\n\n"
        "Ukraine rejected the proposal two days after the meeting."
    )
    event = next(e for e in run(text, dct="2023-03-20").events if e.type == "REJECT")
    assert (event.date, event.date_source) == ("2023-03-16", "timex")  # Tuesday + 2, not Wednesday + 2


def test_an_event_a_present_clause_is_counted_from_is_dated_back_from_the_story(run):
    text = (
        "Slovak Prime Minister Igor Matovic tested positive for the virus on Friday. "
        "This comes a week after he met French President Emmanuel Macron."
    )
    event = next(e for e in run(text, dct="2020-12-21").events if e.type == "CONSULT")
    assert (event.date, event.date_source) == ("2020-12-11", "timex")


def test_a_past_clause_counted_from_a_clause_takes_that_clauses_day_moved(run):
    text = (
        "Serbian police arrested the opposition leader Dragan Djilas in Belgrade on July 3. "
        "A court in Belgrade released him on July 8. "
        "His supporters protested two days after police arrested him."
    )
    event = next(e for e in run(text).events if e.trigger.text == "protested")
    assert (event.date, event.date_source) == ("2020-07-05", "timex")


def test_the_day_before_an_event_is_counted_from_it(run):
    text = (
        "Thousands of Trump supporters rallied in Washington on Saturday. "
        "The Supreme Court rejected a lawsuit by Texas the day before the rally."
    )
    event = next(e for e in run(text, dct="2020-12-25").events if e.type == "REJECT")
    assert (event.date, event.date_source) == ("2020-12-18", "timex")
