"""The ``wirecoder_quotes`` spaCy component (not built yet: finds nothing)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.stage import guarded


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    @guarded("quotes")
    def __call__(self, doc: Doc) -> Doc:
        return doc


@Language.factory("wirecoder_quotes")
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
