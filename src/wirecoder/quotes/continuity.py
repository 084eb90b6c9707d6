"""The last speaker goes on: a pronoun speaker the actors stage left unlinked takes the actor of
the quotation just before it, when the pronoun fits that actor.

"The ministry said the border would stay closed. It added that trade would resume." — "It" is
the ministry; "“...,” Biti said. “...,” he added." — "he" is Biti.  News writing keeps one
speaker across such runs, so the nearest earlier quote with an actor is taken, within a short
stretch of text and only when the pronoun agrees with the actor's kind.
"""

from __future__ import annotations

from wirecoder.model import Actor, Quote

#: How far back (characters from this quote's speaker to the earlier quote's end) the run may reach.
_REACH = 400
_KINDS_BY_PRONOUN = {
    "he": {"person"},
    "she": {"person"},
    "it": {"organization", "country"},
    "they": {"group", "organization"},
}


def carry_speakers(quotes: list[Quote], actors: list[Actor]) -> None:
    """Fill ``speaker`` of unlinked pronoun speakers in place (quotes are in text order)."""
    kinds = {a.id: a.kind for a in actors}
    for n, quote in enumerate(quotes):
        if quote.speaker is not None or quote.speaker_text is None or quote.speaker_start is None:
            continue
        wanted = _KINDS_BY_PRONOUN.get(quote.speaker_text.lower())
        if wanted is None:
            continue
        earlier = _previous_speaker(quotes[:n], quote.speaker_start)
        if earlier is not None and kinds.get(earlier) in wanted:
            quote.speaker = earlier


def _previous_speaker(before: list[Quote], position: int) -> str | None:
    for quote in reversed(before):
        if quote.end > position:
            continue  # a quote around this one, not before it
        if position - quote.end > _REACH:
            return None
        if quote.speaker is not None:
            return quote.speaker
    return None
