"""The pipeline: stage registration, isolation of failures, limits, offsets on any text."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import assert_offsets
from wirecoder.config import Settings
from wirecoder.model import Article, ArticleResult, Failure
from wirecoder.pipeline import STAGES, process


def test_stages_are_registered_components_in_order(nlp):
    names = [name for name in nlp.pipe_names if name in {"actors", "time", "quotes", "events"}]
    assert names == ["actors", "time", "quotes", "events"]
    assert [f for f, _ in STAGES] == [
        "wirecoder_zones",
        "wirecoder_actors",
        "wirecoder_time",
        "wirecoder_quotes",
        "wirecoder_events",
    ]
    assert nlp.pipe_names[0] == "zones"  # before the parser: zone edges are sentence edges


def test_failures_pass_through_in_order_and_limits_apply(nlp):
    items = [
        Article(text="Mali's army said it repelled an attack.", id="a"),
        Failure(origin="x.jsonl:2", reason="not JSON"),
        Article(text="   ", id="blank"),
        Article(text="word " * 50, id="long"),
        Article(text="Chad and Niger signed a deal.", id="b"),
    ]
    out = list(process(items, Settings(max_chars=200), nlp=nlp))
    assert [type(o).__name__ for o in out] == ["ArticleResult", "Failure", "Failure", "Failure", "ArticleResult"]
    assert out[2].reason == "empty text" and "over the limit" in out[3].reason


def test_token_limit_refuses_document(nlp):
    [out] = process([Article(text="a b c d e f", id="t")], Settings(max_tokens=3), nlp=nlp)
    assert isinstance(out, Failure) and "tokens" in out.reason


def test_a_crashing_stage_fails_only_its_document(nlp, monkeypatch):
    component = nlp.get_pipe("quotes")
    original = type(component).__call__

    def explode(self, doc):
        if "boom" in doc.text:
            raise RuntimeError("kaboom")
        return original(self, doc)

    monkeypatch.setattr(type(component), "__call__", explode)
    # re-wrap so the guard applies to the patched body, as it does to the real one
    from wirecoder.stage import guarded

    monkeypatch.setattr(type(component), "__call__", guarded("quotes")(explode))
    out = list(process([Article(text="Fine text.", id="1"), Article(text="boom here", id="2")], Settings(), nlp=nlp))
    assert isinstance(out[0], ArticleResult)
    assert isinstance(out[1], Failure) and "quotes: RuntimeError: kaboom" in out[1].reason


def test_output_does_not_depend_on_batch_size(nlp):
    texts = [f"Article {i}: Japan's prime minister visited Seoul on Friday." for i in range(5)]
    arts = [Article(text=t, id=str(i), date="2020-01-10") for i, t in enumerate(texts)]
    one = [r.to_json_dict() for r in process(arts, Settings(batch_size=1), nlp=nlp)]
    many = [r.to_json_dict() for r in process(arts, Settings(batch_size=4), nlp=nlp)]
    assert one == many


_SPECIAL = ["“", "”", "‘", "’", "«", "»", "\u200b", "\u202e", "é", "中", "😀", "–", "\xa0", "\x00", "\ufeff"]
_alphabet = st.sampled_from([*string.printable, *_SPECIAL])
_words = st.sampled_from(
    [
        "Trump",
        "said",
        "Friday",
        "met",
        "Kim",
        "June 12",
        "sanctions",
        "on",
        "the",
        "UN",
        "\u201cgood\u201d",
        "told reporters",
        "last week",
        "North Korea's",
        "\n\n",
        ".",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.text(_alphabet, max_size=12), _words), max_size=40).map(" ".join))
def test_any_text_never_crashes_and_offsets_stay_valid(nlp, text):
    [out] = process([Article(text=text, id="h", date="2018-05-31")], Settings(), nlp=nlp)
    if isinstance(out, Failure):
        assert out.reason == "empty text" and not text.strip()
        return
    assert out.doc.chars == len(text)
    assert_offsets(out, text)
