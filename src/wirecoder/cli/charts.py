"""Query commands that draw charts: ``timeline`` and ``speakers`` (``--plot FILE``).

The numbers print as every query's do (``--format``); the chart goes to the file, drawn with
matplotlib by :mod:`wirecoder.charts`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from wirecoder.cli.app import app
from wirecoder.cli.common import err
from wirecoder.cli.output import emit
from wirecoder.cli.store_options import (
    ActorOpt,
    DbOpt,
    DedupDaysOpt,
    DedupOpt,
    DyadOpt,
    FmtOpt,
    QueryFormat,
    SinceOpt,
    UntilOpt,
    open_store,
)

if TYPE_CHECKING:
    from wirecoder.store import Store

PlotOpt = Annotated[
    Path | None,
    typer.Option(help="Also draw the chart: FILE.png, .svg, .pdf (for print) or .html (inline SVG); needs matplotlib."),
]


@app.command()
def timeline(
    db: DbOpt = None,
    actor: ActorOpt = None,
    dyad: DyadOpt = None,
    by: Annotated[str, typer.Option(help="day, week, month or year.")] = "month",
    group: Annotated[str, typer.Option(help="quad (PLOVER quad class), type or status.")] = "quad",
    type: Annotated[str | None, typer.Option(help="Only these PLOVER type(s).")] = None,
    status: Annotated[str | None, typer.Option(help="Only events of these status(es).")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    dedup: DedupOpt = False,
    dedup_days: DedupDaysOpt = 0,
    plot: PlotOpt = None,
    format: FmtOpt = QueryFormat.table,
) -> None:
    """Event counts over time, by PLOVER quad class, type or status.  With --plot, the chart covers
    the months the articles cover unless --since/--until say otherwise; with --dyad it shows each
    direction's cooperation and conflict."""
    store = open_store(db)
    query: dict[str, Any] = {"actor": actor, "dyad": dyad, "by": by, "type": type, "status": status}
    query |= {"dedup": dedup, "dedup_days": dedup_days}
    if plot is not None:
        _plot_timeline(store, plot, query, group, since, until)
    rows = store.timeline(**query, group=group, since=since, until=until)
    label = {"type": "type", "status": "status"}.get(group, "quad")
    fields = {"type": ["period", "quad_class", "quad", "count", "type"], "status": ["period", "status", "count"]}
    header = fields.get(group, ["period", "quad_class", "quad", "count"])
    emit(rows, format, [("period", "period"), (label, label), ("count", "count")], "Timeline", header)


def _plot_timeline(store: Store, plot: Path, query: dict[str, Any], group: str, since: Any, until: Any) -> None:
    from wirecoder.charts import check_target, require_matplotlib, save
    from wirecoder.charts.corpus import dyad_chart, timeline_chart

    check_target(plot)
    require_matplotlib()
    if query["dyad"] and not query["actor"] and not query["dedup"]:
        # One dyad: each direction's cooperation and conflict (the story dedup has no direction).
        options = {k: query[k] for k in ("by", "type", "status")}
        fig, rows = dyad_chart(store, query["dyad"], **options, since=since, until=until)
    else:
        fig, rows = timeline_chart(store, **query, group=group, since=since, until=until)
    save(fig, plot, rows, title=f"wirecoder timeline ({plot.stem})")
    err.print(f"timeline: chart written to {plot}", highlight=False)


@app.command()
def speakers(
    db: DbOpt = None,
    limit: Annotated[int, typer.Option(min=1, help="How many speakers.")] = 10,
    plot: PlotOpt = None,
    format: FmtOpt = QueryFormat.table,
) -> None:
    """The speakers quoted most often across the corpus."""
    store = open_store(db)
    if plot is not None:
        from wirecoder.charts import check_target, require_matplotlib, save
        from wirecoder.charts.corpus import speakers_chart

        check_target(plot)
        require_matplotlib()
        fig, rows = speakers_chart(store, limit=limit)
        save(fig, plot, rows, title="wirecoder speakers")
        err.print(f"speakers: chart written to {plot}", highlight=False)
    rows = store.top_speakers(limit=limit)
    columns = [
        ("speaker", "name"),
        ("country", "country"),
        ("quotes", "quotes"),
        ("docs", "documents"),
        ("actor_key", "actor_key"),
    ]
    emit(rows, format, columns, "Speakers", ["actor_key", "name", "country", "quotes", "documents"])
