"""What every wirecoder pipeline component shares: error isolation and the time budget."""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from spacy.tokens import Doc

StageFn = Callable[[Doc], Doc]

#: Key in ``doc._.wc_state`` holding the monotonic deadline for the document (or None).
DEADLINE_KEY = "deadline"


class TimeBudgetExceeded(Exception):
    pass


def check_budget(doc: Doc) -> None:
    """Raise when the document has used up its time budget; stages call this in long loops."""
    state = doc._.wc_state or {}
    deadline = state.get(DEADLINE_KEY)
    if deadline is not None and time.monotonic() > deadline:
        raise TimeBudgetExceeded("time budget exceeded")


def guarded(stage_name: str) -> Callable[[StageFn], StageFn]:
    """Wrap a component's ``__call__`` so that one bad document cannot stop a batch.

    A failure is recorded in ``doc._.wc_errors``; the pipeline then reports the document as a
    failure with that reason instead of emitting partial output.
    """

    def wrap(fn: StageFn) -> StageFn:
        @functools.wraps(fn)
        def run(self, doc: Doc) -> Doc:  # type: ignore[no-untyped-def]
            if doc._.wc_errors:
                return doc  # an earlier stage failed; don't build on broken state
            try:
                check_budget(doc)
                return fn(self, doc)
            except TimeBudgetExceeded as exc:
                doc._.wc_errors.append(f"{stage_name}: {exc}")
            except Exception as exc:
                doc._.wc_errors.append(f"{stage_name}: {type(exc).__name__}: {exc}")
            return doc

        return run

    return wrap
