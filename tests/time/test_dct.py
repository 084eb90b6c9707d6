"""The document creation time: given, inferred from the text, or unknown."""

from __future__ import annotations


def test_given_date_is_kept(annotate_text):
    doc = annotate_text("The mayor resigned on Friday.", dct="2021-03-18")
    assert (doc._.dct, doc._.dct_source) == ("2021-03-18", "given")


def test_dateline_with_year(annotate_text):
    doc = annotate_text("PARIS, June 3, 2019 (AFP) - The minister resigned on Monday.", dct=None)
    assert (doc._.dct, doc._.dct_source) == ("2019-06-03", "inferred")
    assert ("Monday", "2019-06-03") in [(t.text, t.value) for t in doc._.timexes]


def test_dateline_without_year_takes_year_from_weekday_fit(annotate_text):
    text = "BERLIN, March 5 (Reuters) - The chancellor said on Tuesday that the plan agreed in 2018 would be reviewed."
    doc = annotate_text(text, dct=None)
    assert doc._.dct == "2019-03-05"  # 5 March was a Tuesday in 2019, the first such year from 2018


def test_dateline_without_any_year_evidence_gives_no_dct(annotate_text):
    doc = annotate_text("ROME, May 2 (Reuters) - Officials met to discuss the budget.", dct=None)
    assert (doc._.dct, doc._.dct_source) == (None, "unknown")


def test_header_line(annotate_text):
    text = "Friday, January 4, 2019\n\nThe council voted on Thursday to close the old bridge."
    doc = annotate_text(text, dct=None)
    assert (doc._.dct, doc._.dct_source) == ("2019-01-04", "inferred")
    assert ("Thursday", "2019-01-03") in [(t.text, t.value) for t in doc._.timexes]


def test_published_header_at_the_bottom(annotate_text):
    text = "The council voted to close the old bridge.\n\nPublished: 12 February 2020 09:15 GMT"
    assert annotate_text(text, dct=None)._.dct == "2020-02-12"


def test_embedded_post_signature_and_lede_weekday(annotate_text):
    text = (
        "The governor said Thursday morning that the floods were receding.\n\n"
        "Crews are working all night. — Jane Roe (@janeroe_gov) April 2, 2020\n\n"
        "Roads reopened on Wednesday."
    )
    doc = annotate_text(text, dct=None)
    assert (doc._.dct, doc._.dct_source) == ("2020-04-02", "inferred")
    values = {t.text: t.value for t in doc._.timexes}
    assert values["Thursday morning"] == "2020-04-02TMO"
    assert values["Wednesday"] == "2020-04-01"


def test_post_from_the_evening_before_moves_to_the_lede_weekday(annotate_text):
    text = (
        "Officials said on Friday that talks would resume.\n\n"
        "Talks went well tonight. — Trade Office (@tradeoffice) June 4, 2020"  # a Thursday
    )
    assert annotate_text(text, dct=None)._.dct == "2020-06-05"


def test_a_historical_date_alone_is_not_a_dct(annotate_text):
    doc = annotate_text("The war ended on May 8, 1945, after six years.", dct=None)
    assert (doc._.dct, doc._.dct_source) == (None, "unknown")


def test_without_dct_anchored_values_use_placeholders(annotate_text):
    text = "The treaty of March 3, 2019 was signed last year; talks resume on Friday, two days ago said one."
    doc = annotate_text(text, dct=None)
    values = {t.text: t.value for t in doc._.timexes}
    assert values["March 3, 2019"] == "2019-03-03"  # needs no anchor
    assert values["last year"] == "XXXX"
    assert values["Friday"] == "XXXX-WXX-5"
    assert values["two days ago"] == "XXXX-XX-XX"


def test_bad_given_date_is_replaced_by_inference_or_unknown(annotate_text):
    doc = annotate_text("The mayor resigned on Friday.", dct="last week")
    assert (doc._.dct, doc._.dct_source) == (None, "unknown")


# --- the weekday vote: an undated article whose weekdays agree on one day after its latest date
VOTE_TEXT = (
    "The unions called the strike on March 3, 2021, after talks failed.\n\n"
    "Trains stopped again on Friday, and ministers met the unions on Saturday.\n\n"
    "The transport minister said on Saturday that a deal was close."
)


def test_weekday_vote_infers_the_dct(annotate_text):
    doc = annotate_text(VOTE_TEXT, dct=None)
    # 3 March 2021 was a Wednesday: Friday 5 and Saturday 6 agree on Saturday 6 March
    assert (doc._.dct, doc._.dct_source) == ("2021-03-06", "inferred")
    values = [(t.text, t.value) for t in doc._.timexes]
    assert ("Friday", "2021-03-05") in values and ("Saturday", "2021-03-06") in values


def test_one_weekday_is_not_a_vote(annotate_text):
    text = "The unions called the strike on March 3, 2021, after talks failed.\n\nTrains stopped again on Friday."
    assert annotate_text(text, dct=None)._.dct_source == "unknown"


def test_future_weekdays_do_not_vote(annotate_text):
    text = (
        "The unions called the strike on March 3, 2021, after talks failed.\n\n"
        "Ministers will meet the unions on Friday, and talks will resume on Saturday."
    )
    assert annotate_text(text, dct=None)._.dct_source == "unknown"


def test_weekday_vote_needs_a_clear_winner():
    from datetime import date

    from wirecoder.time.dct import WeekdayMention, weekday_vote

    wednesday = date(2021, 3, 3)
    assert weekday_vote(wednesday, [WeekdayMention(0, 5), WeekdayMention(9, 6)]) == date(2021, 3, 6)
    assert weekday_vote(wednesday, [WeekdayMention(0, 1), WeekdayMention(9, 4)]) is None  # no two mentions agree
    assert weekday_vote(wednesday, [WeekdayMention(0, 5, future_clause=True), WeekdayMention(9, 5)]) is None
