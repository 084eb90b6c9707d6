"""Step 4: neighbouring pieces of one kind become one zone (body paragraphs, a two-line headline)."""

from __future__ import annotations

from wirecoder.zones.classify import Piece


def merge_pieces(pieces: list[Piece], text: str) -> list[Piece]:
    """Pieces in text order, trimmed of blanks, the same kind separated only by blanks merged."""
    out: list[Piece] = []
    for piece in sorted((trimmed(p, text) for p in pieces), key=lambda p: p.start):
        if piece.end <= piece.start:
            continue
        last = out[-1] if out else None
        if last is not None and last.kind == piece.kind and not text[last.end : piece.start].strip():
            last.end = piece.end
            last.names += piece.names
            last.agency = last.agency or piece.agency
            last.picture = last.picture or piece.picture
        else:
            out.append(Piece(piece.kind, piece.start, piece.end, piece.agency, piece.names, piece.picture))
    return out


def trimmed(piece: Piece, text: str) -> Piece:
    segment = text[piece.start : piece.end]
    piece.start += len(segment) - len(segment.lstrip())
    piece.end -= len(segment) - len(segment.rstrip())
    return piece
