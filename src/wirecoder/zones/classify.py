"""Step 2: what each line is by its own form (furniture, credit, byline, date stamp, caption).

A line that no pattern claims is left for the layout step (headline, standfirst, body).  A
line can split in pieces: "Camera Icon" (furniture) + the caption, or a caption + its
trailing "(Photo credit should read ...)" (credit).  Bylines and date stamps are only looked
for near the top and the bottom of the text, where pages put them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wirecoder.zones.lines import Line
from wirecoder.zones.patterns import ZonePatterns

#: Bylines and date stamps sit in the first or last lines of a page.
HEAD_LINES = 8
TAIL_LINES = 5
#: A credit line is short; a caption with its credit may be long.
CREDIT_MAX_WORDS = 20
CAPTION_MAX_WORDS = 80
#: Longer lines are paragraphs of the story (this also bounds the patterns' work per line).
LONG_LINE_CHARS = 1000
_PICTURE_WORDS = re.compile(r"(?i)photo|picture|image|credit|/")


@dataclass
class Piece:
    """A labelled stretch of one line; ``agency`` and ``names`` feed doc.source / doc.authors."""

    kind: str
    start: int
    end: int
    agency: str | None = None
    names: tuple[str, ...] = ()
    #: a picture credit: the line before it is a caption
    picture: bool = False


def is_edge(line: Line, total: int) -> bool:
    return line.index < HEAD_LINES or line.index >= total - TAIL_LINES


def classify_line(line: Line, total: int, pats: ZonePatterns) -> list[Piece] | None:
    """The pieces of a line that its form decides, or None when only its position can tell."""
    if len(line.text) > LONG_LINE_CHARS:
        return None
    marker = pats.caption_marker.match(line.text)
    if marker and marker.end() < len(line.text):
        cut = line.start + marker.end()
        rest = Line(cut, line.end, line.text[marker.end() :], line.index, False)
        return [Piece("furniture", line.start, cut), *caption_pieces(rest, pats)]
    words = line.words
    if words <= pats.furniture_max_words and pats.furniture.match(line.text):
        return [Piece("furniture", line.start, line.end)]
    # A line of hard-wrapped prose that opens in lower case ("published on 3 March by ...")
    # continues a sentence: it is no byline or date stamp.
    edge = is_edge(line, total) and not line.text[:1].islower()
    if edge and words <= pats.byline_max_words:
        byline = match_byline(line, pats)
        if byline is not None:
            return [byline]
    if words <= CREDIT_MAX_WORDS:
        credit = match_credit(line, pats, edge)
        if credit is not None:
            return [credit]
    if edge and words <= pats.byline_max_words and pats.dated_line.match(line.text):
        return [Piece("dateline", line.start, line.end)]
    if words <= CAPTION_MAX_WORDS:
        return trailing_credit(line, pats)
    return None


def match_credit(line: Line, pats: ZonePatterns, edge: bool) -> Piece | None:
    for regex in pats.credit_lines + (pats.edge_credits if edge else ()):
        m = regex.match(line.text)
        if m:
            agency = m.groupdict().get("agency")
            names = tuple(n for n in (person_name(p, pats) for p in reporters(line.text)) if n)
            return Piece("credit", line.start, line.end, agency=agency.strip() if agency else None, names=names)
    if pats.picture_credit.match(line.text):
        return Piece("credit", line.start, line.end, picture=True)
    return None


def trailing_credit(line: Line, pats: ZonePatterns) -> list[Piece] | None:
    """A line that ends with a credit: a caption before a picture credit, else body before it."""
    m = pats.caption_credit.search(line.text)
    if m is None:
        return None
    credit_start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
    head = line.text[:credit_start].rstrip()
    credit = Piece("credit", line.start + credit_start, line.end)
    if not head:
        return [credit]
    if _PICTURE_WORDS.search(m.group(0)):
        return [Piece("caption", line.start, line.start + len(head)), credit]
    return [Piece("", line.start, line.start + len(head)), credit]  # "" = left to the layout


def caption_pieces(line: Line, pats: ZonePatterns) -> list[Piece]:
    """A line known to be a caption, with its trailing credit split off."""
    pieces = trailing_credit(line, pats) or [Piece("caption", line.start, line.end)]
    for piece in pieces:
        if piece.kind == "":
            piece.kind = "caption"
    return pieces


_REPORTING_BY = re.compile(
    r"(?i)\b(?:reporting|writing|written|reported)\s+by\s+([^;()]+)"
    r"|\b(?:writers?|reporters?|correspondents?)\s+(.+?)\s+contributed\b"
)
_IN_PLACE = re.compile(r"\s+(?:in|from|at)\s+.*$")


def reporters(text: str) -> list[str]:
    """Names in "Reporting by A and B in Harare; Editing by C" (the editors are not authors) and
    "AP writers A in Paris and B contributed to this report"."""
    out: list[str] = []
    for m in _REPORTING_BY.finditer(text):
        parts = (_IN_PLACE.sub("", p).strip(" .") for p in _NAME_SPLIT.split(m.group(1) or m.group(2)))
        out.extend(p for p in parts if p)
    return out


# -- bylines ---------------------------------------------------------------------------------

_NAME_SPLIT = re.compile(r"\s*(?:,|;|\||&|/|\band\b|\bwith\b)\s*")
_NAME_WORD = re.compile(r"[A-Z][\w.'’-]*$")


def person_name(part: str, pats: ZonePatterns) -> str | None:
    """``part`` as a person's name ("Jane Doe", "JANE DOE" -> "Jane Doe"), or None."""
    words = part.split()
    if not 2 <= len(words) <= 4:
        return None
    for word in words:
        if word.lower() in pats.name_particles:
            continue
        if word.lower() in pats.not_name_words or not _NAME_WORD.match(word):
            return None
    if part.isupper():
        return " ".join(w.lower() if w.lower() in pats.name_particles else w.capitalize() for w in words)
    return " ".join(words)


def split_agency(part: str, pats: ZonePatterns) -> list[str]:
    """ "JANE DOE Associated Press" -> ["JANE DOE", "Associated Press"] (an agency ending a name)."""
    words = part.split()
    for n in (3, 2, 1):
        if len(words) > n and " ".join(words[-n:]).lower() in pats.agencies:
            return [" ".join(words[:-n]), " ".join(words[-n:])]
    return [part]


def match_byline(line: Line, pats: ZonePatterns, patterns: tuple[re.Pattern[str], ...] = ()) -> Piece | None:
    for regex in patterns or pats.bylines:
        m = regex.match(line.text)
        if not m:
            continue
        names_text, _, outlet = m.group("names").partition(" for ")  # "By Sam Ray for Daily Example"
        parts = [q for p in _NAME_SPLIT.split(names_text) for q in split_agency(p.strip(" ."), pats) if q]
        if not parts or person_name(parts[0], pats) is None:
            continue
        agencies = [p for p in parts if p.lower() in pats.agencies]
        names = tuple(n for n in (person_name(p, pats) for p in parts if p not in agencies) if n)
        agency = m.groupdict().get("agency")
        if agency and agency.lower() in pats.agencies:
            agencies.append(agency)
        if outlet.strip() and len(outlet) <= 40:
            agencies.append(outlet.strip(" ."))
        return Piece("byline", line.start, line.end, agency=agencies[0] if agencies else None, names=names)
    return None
