"""Hostile text through the whole pipeline: never crash, never hang, offsets stay valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import assert_offsets
from wirecoder.config import Settings
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import process
from wirecoder.readers.formats import read_html

NASTY = [
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",  # zero-width
    "\u202a",
    "\u202b",
    "\u202c",
    "\u202d",
    "\u202e",
    "\u2066",
    "\u2067",
    "\u2069",  # bidi controls
    "\x00",
    "\x07",
    "\x1b",
    "\x7f",
    "\u0085",
    "\u2028",
    "\u2029",  # controls and odd line breaks
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    '"',
    "'",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "``",
    "''",  # quote marks
    "\t",
    "\r\n",
    "\n\n\n",
    "   ",
    "\xa0",
    "e\u0301",
    "\U0001f1f0\U0001f1f7",
    "\ud7ff",
    "\U00010348",  # combining marks, flags, astral
]
WORDS = [
    "said",
    "told",
    "reporters",
    "Friday",
    "last week",
    "Kim",
    "Pompeo",
    "met",
    "sanctions",
    "North Korea's",
    "the president",
    "according to",
    "June 12",
    "2018",
    "attack",
    "on",
    "in",
    "Washington",
    ".",
    ",",
]


def _run(text: str, budget: float = 30.0) -> ArticleResult | Failure:
    return next(process([Article(text=text, id="x", date="2018-05-31")], Settings(time_budget=budget)))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(NASTY), st.sampled_from(WORDS), st.text(max_size=8)), max_size=60))
def test_random_hostile_mixtures(parts):
    text = " ".join(parts)
    out = _run(text)
    if isinstance(out, Failure):
        assert out.reason == "empty text"
        return
    assert_offsets(out, text)


def test_one_huge_token():
    text = "Officials said " + "x" * 100_000 + " on Friday."
    out = _run(text)
    assert isinstance(out, ArticleResult)
    assert_offsets(out, text)


def test_deeply_nested_and_unbalanced_quotes():
    text = "He said " + "\u201c" * 500 + "yes" + "\u201d" * 3 + ' and "no ' * 200 + "\u2019" * 300
    out = _run(text)
    assert isinstance(out, ArticleResult)
    assert_offsets(out, text)


def test_pathological_whitespace():
    text = "\n" * 5000 + " " * 5000 + "The minister resigned." + "\t\r\n" * 3000
    out = _run(text)
    assert isinstance(out, ArticleResult)
    assert_offsets(out, text)


def test_time_budget_turns_a_slow_document_into_a_failure():
    out = _run("The army said it shelled the town on Monday.", budget=1e-9)
    assert isinstance(out, Failure) and "time budget" in out.reason


def test_html_bomb_is_read_or_refused_cleanly():
    from wirecoder.errors import InputError

    deep = "<div>" * 20_000 + "Talks resumed in Doha." + "</div>" * 20_000
    wide = "<html><body>" + "<p a='" + "x" * 200_000 + "'>hi</p>" * 50 + "</body></html>"
    for html in (deep, wide):
        try:
            items = list(read_html(html.encode(), "bomb.html", lambda m: None))
        except InputError:
            continue
        assert all(isinstance(i, Article) for i in items)


def test_a_stage_stuck_in_a_loop_is_stopped_by_the_budget(nlp, monkeypatch):
    """Regression: a stage that looped on one Wikinews article stalled a whole ingest, because
    the budget was only checked between stages."""
    from wirecoder.stage import guarded

    component = nlp.get_pipe("quotes")

    def spin(self, doc):
        while "spin" in doc.text:
            pass
        return doc

    monkeypatch.setattr(type(component), "__call__", guarded("quotes")(spin))
    items = [Article(text="Please spin forever.", id="s"), Article(text="A calm sentence.", id="c")]
    out = list(process(items, Settings(time_budget=0.5), nlp=nlp))
    assert isinstance(out[0], Failure) and "quotes: time budget exceeded" in out[0].reason
    assert isinstance(out[1], ArticleResult)
