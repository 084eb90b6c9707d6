"""How later stages ask "what is the time of this token?"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.time.anchors import AnchoredOffset, anchored_offsets, shift_point


@dataclass(frozen=True)
class TimeAnchor:
    """The time of a token or clause.

    ``source`` is ``timex`` (an attached time expression, ``timex_id`` set), ``narrative``
    (the time the surrounding text is about) or ``dct`` (the article date); ``value`` is a
    TIMEX3 value or None when nothing is known.
    """

    value: str | None
    source: str
    timex_id: str | None = None


def time_of(doc: Doc, token: Token) -> TimeAnchor:
    """The time of ``token``'s clause: attached timex, else narrative time, else the DCT."""
    resolver = (doc._.wc_state or {}).get("time_resolver")
    if resolver is not None:
        return resolver(token)
    return TimeAnchor(value=doc._.dct, source="dct")


def offsets_from_anchors(doc: Doc) -> list[AnchoredOffset]:
    """The document's "N units after/before X" expressions ("two days after the vote").

    Each names the duration timex, the sign and the characters of the anchor phrase.  ``value``
    is the day meant, counted from the date inside the anchor phrase ("two days after the March 3
    vote", ``base_in_anchor`` True) or else from the last time named in this sentence or the one
    before (``base_timex``); :func:`time_of` already gives that value to the clause.  A stage
    that knows the anchor event's own date (the vote's) recounts with
    ``shift_point(vote_date, offset.amount, offset.sign)``.
    """
    stored = (doc._.wc_state or {}).get("time_offsets")
    return list(stored) if stored is not None else anchored_offsets(doc, doc._.timexes or [])


__all__ = ["AnchoredOffset", "TimeAnchor", "offsets_from_anchors", "shift_point", "time_of"]
