"""Hand-built contract results for store tests (short texts written for these tests).

Building ArticleResults directly lets the query, dedup and export tests check exact answers
whatever the extraction stages currently find; the ingest tests run the real pipeline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirecoder.model import Actor, Article, ArticleResult, CharRange, DocInfo, Event, Quote, Span


@dataclass
class A:
    name: str
    kind: str = "person"
    country: str | None = None
    sector: str | None = None


@dataclass
class E:
    type: str
    trigger: str
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    date: str | None = None
    status: str = "asserted"
    mode: str | None = None
    confidence: float = 0.5


@dataclass
class Q:
    text: str
    speaker: str
    cue: str = "said"


def _sentence(text: str, at: int) -> CharRange:
    start = text.rfind(". ", 0, at)
    start = 0 if start < 0 else start + 2
    end = text.find(".", at)
    return CharRange(start=start, end=len(text) if end < 0 else end + 1)


def build(
    doc_id: str,
    text: str,
    dct: str,
    actors: list[A],
    events: list[E] = (),  # type: ignore[assignment]
    quotes: list[Q] = (),  # type: ignore[assignment]
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> tuple[Article, ArticleResult]:
    """An article and its result; every span is found in the text, so offsets are exact."""
    built: list[Actor] = []
    by_name: dict[str, str] = {}
    for i, a in enumerate(actors, start=1):
        start = text.index(a.name)
        built.append(
            Actor(
                id=f"a{i}",
                name=a.name,
                kind=a.kind,
                country=a.country,
                sector=a.sector,  # type: ignore[arg-type]
                mentions=[Span(start=start, end=start + len(a.name), text=a.name)],
            )
        )
        by_name[a.name] = f"a{i}"
    out_events = []
    for i, e in enumerate(events, start=1):
        at = text.index(e.trigger)
        out_events.append(
            Event(
                id=f"e{i}",
                type=e.type,
                mode=e.mode,
                source=[by_name[n] for n in e.source],  # type: ignore[arg-type]
                target=[by_name[n] for n in e.target],
                date=e.date,
                date_source="timex" if e.date else "dct",
                status=e.status,
                trigger=Span(start=at, end=at + len(e.trigger), text=e.trigger),  # type: ignore[arg-type]
                sentence=_sentence(text, at),
                confidence=e.confidence,
            )
        )
    out_quotes = []
    for i, q in enumerate(quotes, start=1):
        at = text.index(q.text)
        out_quotes.append(
            Quote(
                id=f"q{i}",
                text=q.text,
                start=at,
                end=at + len(q.text),
                kind="direct",
                speaker=by_name[q.speaker],
                speaker_text=q.speaker,
                cue=q.cue,
            )
        )
    info = DocInfo(id=doc_id, title=title, url=url, source=source, dct=dct, dct_source="given", chars=len(text))
    article = Article(text=text, id=doc_id, date=dct, title=title, url=url, source=source, origin=f"test:{doc_id}")
    result = ArticleResult(doc=info, actors=built, events=out_events, quotes=out_quotes)
    return article, result


TRUMP = A("Donald Trump", "person", "USA", "GOV")
KIM = A("Kim Jong-un", "person", "PRK", "GOV")


def corpus() -> list[tuple[Article, ArticleResult]]:
    """Five articles: one summit reported three times (two days, one month-precision date),
    an accusation, planned aid, a protest with a quote, and a negated assault."""
    return [
        build(
            "w1",
            'Donald Trump met Kim Jong-un in Hanoi on Wednesday. "We had a good meeting," said Donald Trump.',
            "2019-02-27",
            [TRUMP, KIM],
            [E("CONSULT", "met", ["Donald Trump"], ["Kim Jong-un"], "2019-02-27", mode="visit")],
            [Q("We had a good meeting,", "Donald Trump")],
            source="Wire One",
            url="https://one.example/w1",
            title="Summit",
        ),
        build(
            "w2",
            "Donald Trump held talks with Kim Jong-un on February 27. "
            "North Korea accused the United States of bad faith.",
            "2019-02-28",
            [TRUMP, KIM, A("North Korea", "country", "PRK"), A("United States", "country", "USA")],
            [
                E("CONSULT", "talks", ["Donald Trump"], ["Kim Jong-un"], "2019-02-27", confidence=0.9),
                E("ACCUSE", "accused", ["North Korea"], ["United States"], "2019-02-28"),
            ],
            source="Wire Two",
            url="https://two.example/w2",
        ),
        build(
            "w3",
            "Officials recalled that Donald Trump met Kim Jong-un in February. "
            "South Korea will send food aid to North Korea.",
            "2019-03-05",
            [TRUMP, KIM, A("South Korea", "country", "KOR"), A("North Korea", "country", "PRK")],
            [
                E("CONSULT", "met", ["Donald Trump"], ["Kim Jong-un"], "2019-02"),
                E("AID", "aid", ["South Korea"], ["North Korea"], "2019-03", status="planned"),
            ],
            url="https://three.example/w3",
        ),
        build(
            "w4",
            'Protesters marched in Seoul. "The summit failed," said Moon Jae-in.',
            "2019-03-10",
            [A("Protesters", "group", "KOR", "CVL"), A("Moon Jae-in", "person", "KOR", "GOV")],
            [E("PROTEST", "marched", ["Protesters"], [], "2019-03-10", mode="demo")],
            [Q("The summit failed,", "Moon Jae-in")],
            source="Wire One",
        ),
        build(
            "w5",
            "Police did not attack the protesters in Seoul.",
            "2019-03-12",
            [A("Police", "organization", "KOR", "COP"), A("protesters", "group", "KOR", "CVL")],
            [E("ASSAULT", "attack", ["Police"], ["protesters"], "2019-03-12", status="negated")],
        ),
    ]
