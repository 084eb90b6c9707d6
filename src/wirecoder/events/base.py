"""Shared state of one document's coding: the doc, its text, the data and the cue lists.

Every step of the events stage (candidates → readings → arguments → date and status → merge)
is a class in its own module that adds its methods to this base; :mod:`wirecoder.events.coder`
puts them together into the pipeline.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.events import dating
from wirecoder.events.lexicon import EventData
from wirecoder.events.syntax import (
    OBJECT_DEPS,
    VERB_POS,
    lemma,
)


class CoderBase:
    """The per-document state every step reads."""

    def __init__(self, doc: Doc, data: EventData) -> None:
        self.doc = doc
        # Doc.text is rebuilt from the tokens on every access; the article holds the same string.
        self.text = doc._.article.text if doc._.article is not None else doc.text
        self.data = data
        self.quantity = data.cue("quantity_nouns")
        self.group_nouns = data.cue("group_nouns")
        self.place_preps = data.cue("place_prepositions")
        self.light_verbs = data.cue("light_verbs")
        self.complement_preps = data.cue("complement_prepositions")
        self.dct = dating.day_or_coarser(doc._.dct)
        self._sports_report: bool | None = None  # decided on first need
        self._objects: dict[int, tuple[Token | None, frozenset[str]]] = {}  # token index -> object, words

    def word(self, token: Token) -> str:
        """The token's lemma, with the tagger's known lemma slips repaired ("staged" -> "stag")."""
        found = lemma(token)
        return self.data.lemma_fixes.get(found, found)

    @staticmethod
    def noun_governor(token: Token) -> Token | None:
        """The verb a nominal trigger is the object of ("held talks", "went on strike")."""
        if token.dep_ in OBJECT_DEPS and token.head.pos_ in VERB_POS:
            return token.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in VERB_POS:
            return token.head.head
        return None
