"""``wirecoder.time.api.time_of``: attached timex, else narrative time, else the DCT."""

from __future__ import annotations

from wirecoder.extensions import init_doc
from wirecoder.model import Article
from wirecoder.time.api import TimeAnchor, offsets_from_anchors, time_of


def token(doc, word: str, nth: int = 0):
    return [t for t in doc if t.text == word][nth]


def test_clause_timex_by_dependency_path(annotate_text):
    doc = annotate_text("On December 22, the council unanimously imposed new sanctions on the regime.")
    anchor = time_of(doc, token(doc, "imposed"))
    assert anchor == TimeAnchor("2020-12-22", "timex", "t1")


def test_timex_attached_to_a_noun(annotate_text):
    doc = annotate_text("The envoy held meetings with the minister on Wednesday in Geneva.")
    anchor = time_of(doc, token(doc, "meetings"))
    assert (anchor.value, anchor.source) == ("2021-03-17", "timex")


def test_token_inside_a_timex(annotate_text):
    doc = annotate_text("The vote was held last week.")
    assert time_of(doc, token(doc, "week")).source == "timex"


def test_other_clause_falls_back_to_the_narrative_time(annotate_text):
    doc = annotate_text("The president said on Tuesday that the negotiators had been working hard.")
    anchor = time_of(doc, token(doc, "working"))
    assert (anchor.value, anchor.source, anchor.timex_id) == ("2021-03-16", "narrative", "t1")


def test_narrative_time_carries_to_the_next_sentence_of_the_paragraph(annotate_text):
    doc = annotate_text("The minister arrived in Oslo on Monday. She met the king and the mayor.")
    anchor = time_of(doc, token(doc, "met"))
    assert (anchor.value, anchor.source) == ("2021-03-15", "narrative")


def test_new_paragraph_without_time_uses_the_dct(annotate_text):
    doc = annotate_text("The minister arrived in Oslo on Monday.\n\nThe king has ruled for decades.")
    anchor = time_of(doc, token(doc, "ruled"))
    assert anchor == TimeAnchor("2021-03-18", "dct", None)


def test_durations_and_references_are_not_event_times(annotate_text):
    doc = annotate_text("The rebels have fought for three years and now control the north.")
    assert time_of(doc, token(doc, "fought")).source == "dct"


def test_without_the_time_stage_the_dct_is_returned(time_nlp):
    doc = init_doc(time_nlp.make_doc("Nothing happened."), Article(text="Nothing happened.", date="2020-01-02"))
    assert time_of(doc, doc[1]) == TimeAnchor("2020-01-02", "dct")


def test_a_time_off_the_main_clause_does_not_become_the_narrative(annotate_text):
    doc = annotate_text("Talks meant to prepare a summit on June 12 are going well, the minister said.")
    anchor = time_of(doc, token(doc, "Talks"))
    assert anchor.source == "dct"
    assert time_of(doc, token(doc, "summit")).value == "2021-06-12"


def test_a_clause_counted_from_a_date_takes_the_counted_day(annotate_text):
    doc = annotate_text("Talks collapsed three weeks before the March 25 deadline.")
    assert time_of(doc, token(doc, "collapsed")) == TimeAnchor("2021-03-04", "timex", "t1")
    # the anchor phrase itself keeps its own date
    assert time_of(doc, token(doc, "deadline")).value == "2021-03-25"


def test_a_clause_counted_from_a_dated_event(annotate_text):
    doc = annotate_text("Two days after the vote on Monday, protests began.")
    assert time_of(doc, token(doc, "vote")).value == "2021-03-15"
    assert time_of(doc, token(doc, "began")).value == "2021-03-17"


def test_an_undated_anchor_counts_from_the_last_time_named(annotate_text):
    doc = annotate_text("The vote was held on Monday. Two days after the vote, protests began.")
    assert time_of(doc, token(doc, "began")) == TimeAnchor("2021-03-17", "timex", "t2")
    assert time_of(doc, token(doc, "held")).value == "2021-03-15"


def test_an_anchor_with_no_time_before_it_is_left_to_the_events_stage(annotate_text):
    doc = annotate_text("Two days after the vote, protests began.")
    assert offsets_from_anchors(doc)[0].value is None
    assert time_of(doc, token(doc, "began")).source == "dct"
