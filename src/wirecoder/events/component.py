"""The ``wirecoder_events`` spaCy component (not built yet: finds nothing)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.stage import guarded


class EventsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    @guarded("events")
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("wirecoder_events")
def make_events(nlp: Language, name: str) -> EventsComponent:
    return EventsComponent(nlp, name)
