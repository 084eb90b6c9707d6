"""The ``wirecoder_time`` spaCy component (not built yet: finds no time expressions)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.stage import guarded


class TimeComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    @guarded("time")
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("wirecoder_time")
def make_time(nlp: Language, name: str) -> TimeComponent:
    return TimeComponent(nlp, name)
