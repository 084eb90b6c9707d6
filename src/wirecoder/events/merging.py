"""Step 5, merge: one event per happening (same-type events linked in a clause, duplicates).

API: :meth:`Merging.merge_linked`, :meth:`Merging.deduplicate`.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.events.parties import merge
from wirecoder.events.timing import DateAndStatus
from wirecoder.model import Event

MERGE_DEPS = frozenset({"advcl", "conj", "xcomp", "ccomp", "prep", "pobj", "pcomp", "acl", "relcl", "dobj"})


class Merging(DateAndStatus):
    """Folds mentions of one happening together."""

    @staticmethod
    def linked(upper: Token, lower: Token) -> bool:
        """``lower`` hangs under ``upper`` through clause or phrase links, within three steps."""
        current = lower
        for _ in range(3):
            if current.dep_ not in MERGE_DEPS or current.head == current:
                return False
            current = current.head
            if current == upper:
                return True
        return False

    def merge_linked(self, built: list[tuple[Token, Event]]) -> list[tuple[Token, Event]]:
        """Fold an event into a same-type event it hangs under when their sources agree."""
        kept: list[tuple[Token, Event]] = []
        for token, event in built:
            host = next(
                (
                    (t, e)
                    for t, e in kept
                    if e.type == event.type
                    and e.status == event.status
                    and (self.linked(t, token) or self.linked(token, t))
                    and (not event.source or not e.source or set(event.source) <= set(e.source))
                ),
                None,
            )
            if host is None:
                kept.append((token, event))
                continue
            other = host[1]
            other.source = merge(other.source, event.source)
            if other.target or event.target:
                other.target = [a for a in merge(other.target, event.target) if a not in other.source]
        return kept

    @staticmethod
    def deduplicate(built: list[tuple[Token, Event]]) -> list[Event]:
        events: list[Event] = []
        seen: set[tuple] = set()
        for _, event in built:
            key = (event.type, event.status, tuple(sorted(event.source)), tuple(sorted(event.target)))
            if key not in seen:
                seen.add(key)
                events.append(event)
        return events
