"""How later stages ask "what is the time of this token?"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token


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
