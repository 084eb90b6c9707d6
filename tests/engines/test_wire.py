"""Results and articles survive the trip between processes unchanged."""

from __future__ import annotations

from wirecoder.engines.wire import decode, decode_article, encode, encode_article
from wirecoder.model import Actor, Article, ArticleResult, CharRange, DocInfo, Event, Failure, Span


def _result(text: str = "Chad and Niger signed a deal.") -> ArticleResult:
    actor = Actor(id="a1", name="Chad", kind="country", country="TCD", mentions=[Span(start=0, end=4, text="Chad")])
    event = Event(
        id="e1", type="AGREE", source=["a1"], trigger=Span(start=15, end=21, text="signed"),
        sentence=CharRange(start=0, end=len(text)), confidence=0.1 + 0.2,
    )  # fmt: skip
    return ArticleResult(doc=DocInfo(id="d", chars=len(text), dct="2019-03-03"), actors=[actor], events=[event])


def test_results_and_failures_round_trip_exactly():
    for record in (_result(), Failure(id="x", origin="f.jsonl:2", reason="empty text")):
        kind, payload = encode(record)
        assert isinstance(payload, str)
        assert decode(kind, payload) == record


def test_text_utf8_cannot_carry_still_round_trips():
    # A JSON input can hold an escaped lone surrogate; JSON output of it fails, the object must not.
    record = _result()
    record.doc.text = "bad \ud800 text"
    kind, payload = encode(record)
    assert kind == "pickle" and decode(kind, payload) == record


def test_a_record_mutated_out_of_contract_becomes_a_failure_naming_the_field():
    record = _result()
    record.events[0].confidence = 1.5  # stages mutate records without validation
    failure = decode(*encode(record), origin="f.txt")
    assert isinstance(failure, Failure)
    assert failure.id == "d" and failure.origin == "f.txt" and "events.0.confidence" in failure.reason


def test_articles_keep_their_origin_and_odd_text():
    article = Article(text="bad \ud800 text ünïcode", id="7", date="2020-01-01", origin="in.jsonl:3")
    payload = encode_article(article)
    payload.encode("utf-8")  # Arrow strings must be valid UTF-8
    back = decode_article(payload)
    assert back == article and back.origin == "in.jsonl:3"
