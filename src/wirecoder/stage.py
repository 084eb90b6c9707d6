"""What every wirecoder pipeline component shares: error isolation and the time budget."""

from __future__ import annotations

import contextlib
import functools
import signal
import threading
import time
from collections.abc import Callable, Iterator

from spacy.tokens import Doc

from wirecoder.extensions import ensure_doc

StageFn = Callable[[Doc], Doc]

#: Key in ``doc._.wc_state``: seconds the document may still spend in wirecoder stages.
#: spaCy's own components are bounded by the token limit instead; the budget counts only the
#: stages' time, so one slow document cannot eat the budget of the others in its batch.
BUDGET_KEY = "budget_left"
#: Key in ``doc._.wc_state``: the monotonic deadline of the stage now running (or absent).
DEADLINE_KEY = "deadline"


class TimeBudgetExceeded(Exception):
    pass


def check_budget(doc: Doc) -> None:
    """Raise when the document has used up its time budget; stages call this in long loops."""
    state = doc._.wc_state or {}
    deadline = state.get(DEADLINE_KEY)
    if deadline is not None and time.monotonic() > deadline:
        raise TimeBudgetExceeded("time budget exceeded")


def _on_alarm(signum: int, frame: object) -> None:
    raise TimeBudgetExceeded("time budget exceeded")


@contextlib.contextmanager
def alarm_at(deadline: float | None) -> Iterator[None]:
    """Interrupt the block when ``deadline`` passes, even inside a loop that never calls
    :func:`check_budget` (defence in depth against a rule that loops on odd input).

    It uses SIGALRM, so it works in the main thread of a process (the CLI, the engines'
    workers); elsewhere (web server threads) the cooperative checks and the server's own
    request timeout apply instead.
    """
    usable = deadline is not None and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    assert deadline is not None
    remaining = max(deadline - time.monotonic(), 1e-4)
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, remaining)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def guarded(stage_name: str) -> Callable[[StageFn], StageFn]:
    """Wrap a component's ``__call__`` so that one bad document cannot stop a batch.

    A failure is recorded in ``doc._.wc_errors``; the pipeline then reports the document as a
    failure with that reason instead of emitting partial output.
    """

    def wrap(fn: StageFn) -> StageFn:
        @functools.wraps(fn)
        def run(self, doc: Doc) -> Doc:  # type: ignore[no-untyped-def]
            ensure_doc(doc)
            if doc._.wc_errors:
                return doc  # an earlier stage failed; don't build on broken state
            state = doc._.wc_state if doc._.wc_state is not None else {}
            budget = state.get(BUDGET_KEY)
            started = time.monotonic()
            if budget is not None:
                state[DEADLINE_KEY] = started + budget
            try:
                check_budget(doc)
                with alarm_at(state.get(DEADLINE_KEY)):
                    return fn(self, doc)
            except TimeBudgetExceeded as exc:
                doc._.wc_errors.append(f"{stage_name}: {exc}")
            except Exception as exc:
                doc._.wc_errors.append(f"{stage_name}: {type(exc).__name__}: {exc}")
            finally:
                if budget is not None:
                    state[BUDGET_KEY] = budget - (time.monotonic() - started)
                    state.pop(DEADLINE_KEY, None)
            return doc

        return run

    return wrap
