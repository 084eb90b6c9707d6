"""The zones of one text: lines -> classify -> lay out -> merge, and what they say of the source.

Everything is line-level regular expressions over the raw text (no parse), so it can run
before spaCy's parser and make zone edges sentence edges.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wirecoder.zones.classify import Piece, classify_line
from wirecoder.zones.layout import lay_out
from wirecoder.zones.lines import split_lines
from wirecoder.zones.merge import merge_pieces
from wirecoder.zones.patterns import load_patterns

#: Zones whose words are about the page, not the story: no actors, quotes or events there.
EXCLUDED_KINDS = frozenset({"byline", "credit", "furniture"})
#: Credits that name the story's source (a dateline's agency, "Source: Xinhua").
_SOURCE_KINDS = ("credit", "byline")


@dataclass
class ZoneFinding:
    zones: list[Piece] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    agency: str | None = None


def find_zones(text: str, title: str | None = None) -> ZoneFinding:
    pats = load_patterns()
    lines = split_lines(text)
    claimed = [classify_line(line, len(lines), pats) for line in lines]
    zones = merge_pieces(lay_out(lines, claimed, text, title), text)
    return ZoneFinding(zones, authors_of(zones), agency_of(zones))


def authors_of(zones: list[Piece]) -> list[str]:
    """People named in bylines and "Reporting by" credits, once each, in text order."""
    seen: dict[str, None] = {}
    for zone in zones:
        if zone.kind in _SOURCE_KINDS:
            for name in zone.names:
                seen.setdefault(name, None)
    return list(seen)


def agency_of(zones: list[Piece]) -> str | None:
    """The story's agency: a dateline's or a "Source:" line's first, else a byline's.

    Picture credits name who took a photograph, not who wrote the story, so they do not count.
    """
    for kinds in (("credit",), ("byline",)):
        for zone in zones:
            if zone.kind in kinds and zone.agency and not zone.picture:
                return zone.agency
    return None
