"""The ``wirecoder_events`` spaCy component: PLOVER events from the parsed, actor-tagged doc."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.events.coder import code_events
from wirecoder.events.lexicon import event_data
from wirecoder.stage import guarded
from wirecoder.zones.api import keep_events


class EventsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.data = event_data()  # parsed once; a broken data file fails at pipeline build

    @guarded("events")
    def __call__(self, doc: Doc) -> Doc:
        doc._.events = keep_events(doc, code_events(doc, self.data))  # not from bylines, credits, furniture
        return doc


@Language.factory("wirecoder_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
