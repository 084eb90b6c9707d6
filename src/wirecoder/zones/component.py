"""The ``wirecoder_zones`` spaCy component: which part of the page each stretch of text is.

It runs first in the pipeline, before spaCy's parser: it only reads lines of the raw text
(:func:`wirecoder.zones.find.find_zones`), and every zone's first token becomes a sentence
start, so a headline, a caption or a feed line is never parsed into the sentence next to it
(the parser keeps preset boundaries).  Fills ``doc._.zones`` (list[Zone], text order),
``doc._.authors`` and ``doc._.agency``; later stages ask :mod:`wirecoder.zones.api`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.model import Zone
from wirecoder.stage import guarded
from wirecoder.zones.find import find_zones
from wirecoder.zones.patterns import load_patterns


def mark_zone_starts(doc: Doc, starts: list[int]) -> None:
    """Make the first token of each zone (but the text's first) a sentence start."""
    pending = iter(sorted(s for s in starts if s > 0))
    target = next(pending, None)
    for token in doc:
        if target is None:
            return
        if token.idx < target or token.is_space:
            continue
        if token.i > 0:
            token.is_sent_start = True
        while target is not None and target <= token.idx:
            target = next(pending, None)


class ZonesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        load_patterns()  # compiled once; a broken data file fails at pipeline build

    @guarded("zones")
    def __call__(self, doc: Doc) -> Doc:
        article = doc._.article
        finding = find_zones(doc.text, article.title if article is not None else None)
        doc._.zones = [Zone(kind=z.kind, start=z.start, end=z.end) for z in finding.zones]  # type: ignore[arg-type]
        doc._.authors = finding.authors
        doc._.agency = finding.agency
        if not doc.has_annotation("DEP"):
            mark_zone_starts(doc, [z.start for z in finding.zones])
        return doc


@Language.factory("wirecoder_zones")
def make_zones(nlp: Language, name: str) -> ZonesComponent:
    return ZonesComponent(nlp, name)
