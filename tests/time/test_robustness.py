"""Odd inputs never crash the time stage, and offsets always index the input exactly."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wirecoder.time.api import offsets_from_anchors, time_of
from wirecoder.time.lexicon import load_lexicon

_lex = load_lexicon()
WORDS = sorted(
    {w.title() for w in _lex.months}
    | {w.title() for w in _lex.weekdays}
    | set(_lex.units)
    | set(_lex.cardinals)
    | set(_lex.references)
    | {
        "last",
        "next",
        "this",
        "ago",
        "earlier",
        "later",
        "the",
        "of",
        "on",
        "in",
        "a.m.",
        "p.m.",
        "fiscal",
        "quarter",
        "third",
        "-",
        ",",
        ".",
        "'s",
        "\n",
        "\n\n",
        "29",
        "30",
        "31",
        "0",
        "1999",
        "2020",
        "'90s",
        "February",
        "12:30",
        "(Reuters)",
        "--",
        "@x",
        "said",
        "will",
        "had",
        "been",
        "after",
        "before",
        "from",
        "between",
        "to",
        "and",
        "vote",
        "dawn",
        "nightfall",
        "early",
        ":",
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=40),
    dct=st.sampled_from([None, "2021-03-18", "2020-02-29"]),
)
def test_word_salad_never_crashes(annotate_text, words, dct):
    doc = annotate_text(" ".join(words), dct)  # the fixture checks errors and offsets
    for offset in offsets_from_anchors(doc):
        assert 0 <= offset.anchor_start < offset.anchor_end <= len(doc.text)
    for token in doc:
        time_of(doc, token)


def test_impossible_dates_are_not_dates(timexes):
    assert not [t for t in timexes("The fee is due February 30 or on Sept. 31, 2020.") if "30" in t[0] or "31" in t[0]]


def test_february_29_far_from_a_leap_year(timexes):
    assert ("February 29", "DATE", "2020-02-29") in timexes("The vote took place on February 29.", dct="2022-06-01")


def test_a_doc_without_its_article_reads_the_tokens_text(time_nlp):
    """The stage takes the article's string when the doc was made from it, else the doc's own."""
    from wirecoder.extensions import init_doc
    from wirecoder.model import Article

    text = "The council met on March 3, 2019.  It will meet again on Friday."
    with_article = time_nlp(init_doc(time_nlp.make_doc(text), Article(text=text, date="2021-03-18")))
    without = time_nlp.make_doc(text)
    without._.dct = "2021-03-18"
    without = time_nlp(without)
    assert [t.model_dump() for t in with_article._.timexes] == [t.model_dump() for t in without._.timexes]
    assert all(text[t.start : t.end] == t.text for t in without._.timexes)
