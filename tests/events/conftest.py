"""A small fake of the actors and time stages, so the event rules are tested on their own.

``code(text, actors={"Canada": "CAN", ...}, times={"December 22": "2017-12-22"}, dct=...)``
parses the text with the spaCy model only (no wirecoder stages), then:

* every occurrence of a key of ``actors`` becomes a mention of one actor with that country
  (what :mod:`wirecoder.actors.api` would answer), of kind ``person`` when listed in
  ``people``; ``pronouns`` maps a pronoun's text to the actor name it refers to;
* the time resolver answers ``timex`` with the value of a listed expression inside the asked
  token's subtree, else the DCT;
* ``quotes`` are (start, end) character ranges of quoted content.

The events stage is then run exactly as the pipeline runs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest
from spacy.tokens import Doc

from wirecoder.actors.api import MentionRef
from wirecoder.events.coder import code_events
from wirecoder.events.lexicon import event_data
from wirecoder.extensions import init_doc
from wirecoder.model import Actor, Article, Event, Quote, Span
from wirecoder.time.api import TimeAnchor

BASE_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


@dataclass
class Coded:
    doc: Doc
    events: list[Event]
    names: dict[str, str]
    countries: dict[str, str | None]

    def of_type(self, etype: str) -> list[Event]:
        return [e for e in self.events if e.type == etype]

    def one(self, etype: str) -> Event:
        found = self.of_type(etype)
        assert len(found) == 1, (etype, self.summary())
        return found[0]

    def src(self, event: Event) -> set[str]:
        return {self.countries[a] or self.names[a] for a in event.source}

    def tgt(self, event: Event) -> set[str]:
        return {self.countries[a] or self.names[a] for a in event.target}

    def summary(self) -> list[tuple]:
        return [(e.type, e.mode, e.status, e.trigger.text, self.src(e), self.tgt(e)) for e in self.events]


def _fake_actors(doc: Doc, actors: dict[str, str | None], pronouns: dict[str, str], people: set[str]) -> None:
    text = doc.text
    records: list[Actor] = []
    refs: list[MentionRef] = []
    ids: dict[str, str] = {}
    for n, (name, country) in enumerate(actors.items(), start=1):
        actor_id = f"a{n}"
        ids[name] = actor_id
        actor = Actor(id=actor_id, name=name, kind="person" if name in people else "country", country=country)
        for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
            actor.mentions.append(Span(start=m.start(), end=m.end(), text=m.group()))
            refs.append(MentionRef(m.start(), m.end(), actor_id))
        records.append(actor)
    for word, name in pronouns.items():
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text):
            refs.append(MentionRef(m.start(), m.end(), ids[name], "pronoun"))
    doc._.actors = records
    doc._.actor_mentions = sorted(refs)


def _fake_time(doc: Doc, times: dict[str, str], dct: str | None) -> None:
    spans = [
        (m.start(), m.end(), value) for phrase, value in times.items() for m in re.finditer(re.escape(phrase), doc.text)
    ]

    def resolve(token):  # the time of the clause: a listed expression inside it, else the DCT
        sub = list(token.subtree)
        start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
        for s, e, value in spans:
            if start <= s and e <= end:
                return TimeAnchor(value=value, source="timex", timex_id="t1")
        return TimeAnchor(value=dct, source="dct")

    doc._.wc_state["time_resolver"] = resolve


@pytest.fixture(scope="session")
def parse(nlp):
    def _parse(text: str) -> Doc:
        doc = nlp.make_doc(text)
        for name, proc in nlp.pipeline:
            if name in BASE_COMPONENTS:
                doc = proc(doc)
        return doc

    return _parse


@pytest.fixture(scope="session")
def code(parse):
    def _code(
        text: str,
        actors: dict[str, str | None] | None = None,
        times: dict[str, str] | None = None,
        dct: str | None = "2018-05-31",
        pronouns: dict[str, str] | None = None,
        quotes: list[tuple[int, int]] | None = None,
        people: set[str] | None = None,
    ) -> Coded:
        doc = init_doc(parse(text), Article(text=text, date=dct))
        _fake_actors(doc, actors or {}, pronouns or {}, people or set())
        _fake_time(doc, times or {}, dct)
        doc._.quotes = [
            Quote(id=f"q{i}", text=text[s:e], start=s, end=e, kind="direct") for i, (s, e) in enumerate(quotes or [])
        ]
        events = code_events(doc, event_data())
        for e in events:  # the contract's offset rules hold for every event
            assert text[e.trigger.start : e.trigger.end] == e.trigger.text
            assert e.sentence.start <= e.trigger.start < e.trigger.end <= e.sentence.end
            assert 0.0 <= e.confidence <= 1.0
        names = {a.id: a.name for a in doc._.actors}
        countries = {a.id: a.country for a in doc._.actors}
        return Coded(doc=doc, events=events, names=names, countries=countries)

    return _code
