"""Answer "what is the time of this token?" for later stages (installed by the time component).

Order of preference:

1. ``timex``: a time expression attached to the token (the token is inside it, or the
   expression hangs off the token or off the verb of the token's clause);
   a clause counted from an anchor ("two days after the vote", "three weeks before the March 25
   deadline") takes the counted day (:mod:`wirecoder.time.anchors`);
2. ``narrative``: the time the sentence is about (an anchored point expression attached to its
   main verb), or failing that the narrative time of the previous sentence in the paragraph;
3. ``dct``: the document creation time.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from wirecoder.model import Timex
from wirecoder.time.anchors import AnchoredOffset
from wirecoder.time.api import TimeAnchor
from wirecoder.time.sentences import SentenceIndex
from wirecoder.time.tense import governing_verb


@dataclass(frozen=True)
class PlacedTimex:
    """A timex with its tokens: first and last token index, the head chain up to its verb."""

    timex: Timex
    first: int
    last: int
    chain: frozenset[int]  # token indices from the timex root up to (and including) its verb
    verb: int | None
    sentence: int
    rooted: bool  # attached to the sentence's main verb


def is_point(timex: Timex) -> bool:
    """A DATE/TIME value that names a day, month, year...: usable as an event's time."""
    return timex.type in ("DATE", "TIME") and timex.value[:1].isdigit()


def _chain(root: Token) -> tuple[frozenset[int], int | None]:
    verb = governing_verb(root)
    members = {root.i}
    current = root
    while verb is not None and current.i != verb.i and current.head.i != current.i:
        current = current.head
        members.add(current.i)
    return frozenset(members), (verb.i if verb is not None else None)


def place_timexes(doc: Doc, timexes: list[Timex], sentences: SentenceIndex) -> list[PlacedTimex]:
    placed: list[PlacedTimex] = []
    for t in timexes:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        chain, verb = _chain(span.root)
        rooted = verb is not None and doc[verb].dep_ == "ROOT"
        placed.append(PlacedTimex(t, span.start, span.end - 1, chain, verb, sentences.of_token(span.start), rooted))
    return placed


class TimeResolver:
    """Callable ``token -> TimeAnchor`` over one document's placed timexes."""

    def __init__(
        self,
        placed: list[PlacedTimex],
        sentences: SentenceIndex,
        dct: str | None,
        offsets: list[AnchoredOffset] | None = None,
    ) -> None:
        self.dct = dct
        self.sentences = sentences
        # "three weeks before the March 25 deadline": a clause dated by March 25 is dated three weeks earlier
        self.shifted = {o.base_timex: o for o in offsets or [] if o.base_in_anchor and o.value}
        # "Two days after the vote, protests began": the clause of a counted duration
        self.counted = {o.timex_id: o for o in offsets or [] if o.value}
        self.by_sentence: dict[int, list[PlacedTimex]] = {}
        for p in placed:
            self.by_sentence.setdefault(p.sentence, []).append(p)
        self.narrative = self._narrative_times()

    def _narrative_times(self) -> dict[int, PlacedTimex]:
        """Sentence number -> the point timex the sentence is about (inherited within a paragraph)."""
        out: dict[int, PlacedTimex] = {}
        current: PlacedTimex | None = None
        for n in range(len(self.sentences)):
            if n and self.sentences.paragraph(n) != self.sentences.paragraph(n - 1):
                current = None  # a new paragraph starts afresh
            # Only a time attached to the sentence's main verb sets the story's time: "talks meant
            # to prepare a summit on June 12 are going well" is not about June 12.
            rooted = [p for p in self.by_sentence.get(n, []) if is_point(p.timex) and p.rooted]
            if rooted:
                current = rooted[0]
            if current is not None:
                out[n] = current
        return out

    def __call__(self, token: Token) -> TimeAnchor:
        attached = self.attached(token)
        if attached is not None:
            offset = self.shifted.get(attached.timex.id)
            if offset is not None and not offset.anchor_start <= token.idx < offset.anchor_end:
                return TimeAnchor(offset.value, "timex", offset.timex_id)
            return TimeAnchor(attached.timex.value, "timex", attached.timex.id)
        counted = self._counted_in_clause(token)
        if counted is not None:
            return TimeAnchor(counted.value, "timex", counted.timex_id)
        story = self.narrative.get(self.sentences.of_token(token.i))
        if story is not None:
            return TimeAnchor(story.timex.value, "narrative", story.timex.id)
        return TimeAnchor(self.dct, "dct")

    def _counted_in_clause(self, token: Token) -> AnchoredOffset | None:
        """The offset ("two days after the vote") whose duration hangs off the token's clause."""
        if not self.counted:
            return None
        durations = [
            p for p in self.by_sentence.get(self.sentences.of_token(token.i), []) if p.timex.id in self.counted
        ]
        if not durations:
            return None
        verb = governing_verb(token)
        for p in durations:
            if token.i in p.chain or (verb is not None and p.verb == verb.i):
                return self.counted[p.timex.id]
        return None

    def attached(self, token: Token) -> PlacedTimex | None:
        sentence = self.sentences.of_token(token.i)
        candidates = [p for p in self.by_sentence.get(sentence, []) if is_point(p.timex)]
        if not candidates:
            return None
        for p in candidates:
            if p.first <= token.i <= p.last:
                return p
        direct = [p for p in candidates if token.i in p.chain]
        if direct:
            return min(direct, key=lambda p: abs(p.first - token.i))
        verb = governing_verb(token)
        if verb is None:
            return None
        same_clause = [p for p in candidates if p.verb == verb.i]
        if same_clause:
            return min(same_clause, key=lambda p: abs(p.first - token.i))
        return None
