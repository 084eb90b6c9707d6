"""Charts of a store: the queries and the default range together, for the CLI and ``Corpus``.

Each function returns ``(figure, rows)``: the rows are what the chart drew from (all of them,
including the events outside the range, which the note counts).
"""

from __future__ import annotations

from typing import Any

from wirecoder.charts import axis
from wirecoder.charts.figures import dyad_figure, speakers_figure, timeline_figure
from wirecoder.store import Store

Rows = list[dict[str, Any]]


def _subject(actor: str | None = None, dyad: str | None = None) -> str:
    return actor or dyad or "all actors"


def timeline_chart(
    store: Store,
    *,
    actor: str | None = None,
    dyad: str | None = None,
    by: str = "month",
    group: str = "quad",
    type: str | None = None,
    status: str | None = None,
    since: Any = None,
    until: Any = None,
    dedup: bool = False,
    dedup_days: int = 0,
    title: str | None = None,
) -> tuple[Any, Rows]:
    """Events per period by quad class, type or status, over the corpus's months by default."""
    with store.session():
        window = axis.window_for(store.stats(), since, until)
        # Every date: the ones outside the window are counted in the note, not drawn.
        rows = store.timeline(
            actor, dyad, by=by, dedup=dedup, group=group, type=type, status=status, dedup_days=dedup_days
        )
    what = {"quad": "by PLOVER quad class", "type": "by PLOVER type", "status": "by status"}[group]
    default = f"Events per {by} {what}: {_subject(actor, dyad)}" + (" (story events)" if dedup else "")
    return timeline_figure(rows, by, group, window, title or default), rows


def dyad_chart(
    store: Store,
    dyad: str,
    *,
    by: str = "month",
    type: str | None = None,
    status: str | None = None,
    since: Any = None,
    until: Any = None,
    title: str | None = None,
) -> tuple[Any, Rows]:
    """One dyad's cooperation and conflict per period, each direction in its own panel."""
    with store.session():
        window = axis.window_for(store.stats(), since, until)
        rows = store.dyad_timeline(dyad, by=by, type=type, status=status)
    return dyad_figure(rows, by, window, title or f"Cooperation and conflict per {by}: {dyad}"), rows


def speakers_chart(store: Store, *, limit: int = 10, title: str | None = None) -> tuple[Any, Rows]:
    rows = store.top_speakers(limit=limit)
    return speakers_figure(rows, title or ""), rows
