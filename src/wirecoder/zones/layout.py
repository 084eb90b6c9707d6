"""Step 3: what the unclaimed lines are by their place on the page.

* the first unclaimed line near the top is the headline when it reads as a title (short, no
  closing full stop) and more text follows; a later copy of it is furniture;
* unclaimed lines between the headline and a byline, date stamp or wire dateline near the
  top are the standfirst (a title-like one is part of the headline);
* a wire dateline ("GENEVA, March 14 (Reuters) –") that opens a paragraph near the top is
  split off its paragraph (:func:`wirecoder.dateline.dateline_end` finds it), its agency in
  parentheses being a credit;
* a short unclaimed line just before a picture credit ("Photo: AFP") is that picture's caption;
* everything else is body.
"""

from __future__ import annotations

import itertools
import re

from wirecoder.dateline import dateline_end
from wirecoder.zones.classify import HEAD_LINES, Piece, match_byline
from wirecoder.zones.lines import Line
from wirecoder.zones.patterns import load_patterns

HEADLINE_MAX_WORDS = 25
HEADLINE_MAX_CHARS = 200
STANDFIRST_MIN_WORDS = 8
CAPTION_BEFORE_CREDIT_MAX_CHARS = 280
_SENTENCE_END = re.compile(r"[.;:,]$")
_LONE_DATELINE = re.compile(r"[A-Z][A-Z.'’ /-]{1,40}?\s*(?:[–—-]{1,2}|_)")
_AGENCY_PAREN = re.compile(r"\(([^()\n]{1,60})\)")
#: kinds that close the head of a page: what comes after them is the story
_HEAD_CLOSERS = frozenset({"byline", "dateline"})


def norm(text: str) -> str:
    return " ".join(text.casefold().split())


def is_title_like(text: str) -> bool:
    return (
        len(text) <= HEADLINE_MAX_CHARS
        and text.count(" ") < HEADLINE_MAX_WORDS
        and not _SENTENCE_END.search(text)
        and not text[:1].islower()
        and dateline_end(text) is None
        and not _LONE_DATELINE.fullmatch(text)
    )


def continues_headline(line: Line) -> bool:
    """A second title line; a paragraph of its own with a sentence's length is the standfirst."""
    return is_title_like(line.text) and not (line.opens_paragraph and line.words >= STANDFIRST_MIN_WORDS)


def lay_out(lines: list[Line], claimed: list[list[Piece] | None], text: str, title: str | None) -> list[Piece]:
    """Every line's pieces, the unclaimed ones labelled by position."""
    kinds: list[str | None] = [None] * len(lines)
    link_lists(lines, claimed)
    free = [i for i, c in enumerate(claimed) if c is None]
    headline = find_headline(lines, free, title)
    if headline is not None:
        late_bylines(lines, claimed, free, headline)
        kinds[headline] = "headline"
        mark_repeats(lines, free, headline, kinds)
        body_from = head_end(lines, claimed, headline)
        for i in free:
            if headline < i < body_from and kinds[i] is None:
                kinds[i] = "headline" if continues_headline(lines[i]) else "standfirst"
    out: list[Piece] = []
    for i, line in enumerate(lines):
        if claimed[i] is not None:
            for piece in claimed[i]:
                if piece.kind == "":
                    out.extend(split_dateline(line, piece, text) if i < HEAD_LINES else [_body(piece)])
                else:
                    out.append(piece)
        elif kinds[i] is not None:
            out.append(Piece(str(kinds[i]), line.start, line.end))
        elif i < HEAD_LINES and line.opens_paragraph:
            out.extend(split_dateline(line, Piece("body", line.start, line.end), text))
        else:
            out.append(Piece("body", line.start, line.end))
    captions_before_credits(out)
    return out


def _body(piece: Piece) -> Piece:
    piece.kind = "body"
    return piece


def link_lists(lines: list[Line], claimed: list[list[Piece] | None]) -> None:
    """Short unclaimed lines right after a "Topics" or "Read more" heading are its links (in place)."""
    pats = load_patterns()
    in_list = False
    for i, line in enumerate(lines):
        pieces = claimed[i]
        if pieces is not None:
            in_list = len(pieces) == 1 and pieces[0].kind == "furniture" and bool(pats.list_head.match(line.text))
            continue
        if in_list and line.words <= pats.list_item_max_words and not line.text.endswith("."):
            claimed[i] = [Piece("furniture", line.start, line.end)]
        else:
            in_list = False


def late_bylines(lines: list[Line], claimed: list[list[Piece] | None], free: list[int], headline: int) -> None:
    """Bylines of the "Jane Doe in Harare" kind, in the few lines after the headline (in place)."""
    pats = load_patterns()
    for i in free:
        if headline < i < min(headline + 4, HEAD_LINES) and lines[i].words <= pats.byline_max_words:
            piece = match_byline(lines[i], pats, pats.late_bylines)
            if piece is not None:
                claimed[i] = [piece]


def find_headline(lines: list[Line], free: list[int], title: str | None) -> int | None:
    if title:
        wanted = norm(title)
        for i in free:
            if norm(lines[i].text) == wanted:
                return i
    if len(free) < 2 or free[0] >= HEAD_LINES // 2:
        return None
    first = free[0]
    return first if is_title_like(lines[first].text) else None


def mark_repeats(lines: list[Line], free: list[int], headline: int, kinds: list[str | None]) -> None:
    """A headline printed again (a page's title bar and the article's own title) is furniture."""
    wanted = norm(lines[headline].text)
    for i in free:
        if i != headline and norm(lines[i].text) == wanted:
            kinds[i] = "furniture"


def head_end(lines: list[Line], claimed: list[list[Piece] | None], headline: int) -> int:
    """Index of the first line of the story proper (after bylines, stamps, a wire dateline)."""
    end = headline + 1
    for i in range(headline + 1, min(len(lines), HEAD_LINES)):
        pieces = claimed[i]
        if pieces is not None and any(p.kind in _HEAD_CLOSERS for p in pieces):
            end = i + 1
        elif pieces is None and dateline_end(lines[i].text) is not None:
            return max(end, i)
    return end


def split_dateline(line: Line, piece: Piece, text: str) -> list[Piece]:
    """A paragraph opened by a wire dateline: dateline, agency credit, then the body."""
    segment = text[piece.start : piece.end]
    cut = dateline_end(segment)
    if cut is None and _LONE_DATELINE.fullmatch(segment):
        cut = len(segment)  # "WASHINGTON _" on a line of its own: no agency, no date, yet a dateline
    if cut is None:
        return split_opening_credit(piece, segment)
    head = segment[:cut]
    out: list[Piece] = []
    paren = _AGENCY_PAREN.search(head)
    if paren:
        out.append(Piece("dateline", piece.start, piece.start + len(head[: paren.start()].rstrip())))
        credit_end = piece.start + len(head.rstrip())
        out.append(Piece("credit", piece.start + paren.start(), credit_end, agency=paren.group(1).strip()))
    else:
        out.append(Piece("dateline", piece.start, piece.start + len(head.rstrip())))
    out.append(Piece("body", piece.start + cut, piece.end))
    return [p for p in out if p.end > p.start]


def split_opening_credit(piece: Piece, segment: str) -> list[Piece]:
    """A paragraph opened by an agency alone, "(CNN) — ...": the credit, then the body."""
    m = load_patterns().opening_credit.match(segment)
    if m is None or m.end() >= len(segment):
        return [_body(piece)]
    cut = piece.start + m.end()
    return [Piece("credit", piece.start, cut, agency=m.group("agency")), Piece("body", cut, piece.end)]


def captions_before_credits(pieces: list[Piece]) -> None:
    """A short body line right before a picture-credit line is the picture's caption."""
    for before, after in itertools.pairwise(pieces):
        short = before.end - before.start <= CAPTION_BEFORE_CREDIT_MAX_CHARS
        if after.picture and before.kind == "body" and short:
            before.kind = "caption"
