"""The charts: each takes plain rows (as the store returns them) and returns a matplotlib Figure."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from wirecoder.charts import axis, style
from wirecoder.charts.axis import Window
from wirecoder.store import codebook
from wirecoder.store.errors import QueryError
from wirecoder.store.timelines import STATUS_ORDER


def _series_key(row: dict[str, Any], group: str) -> str:
    if group == "type":
        return row.get("type") or "?"
    if group == "status":
        return row.get("status") or "?"
    return codebook.quad_name(row.get("quad_class")) or "?"


def _series_order(group: str) -> list[str]:
    if group == "type":
        return list(codebook.plover_types())
    if group == "status":
        return list(STATUS_ORDER)
    return [codebook.quad_names()[q] for q in sorted(codebook.quad_names())]


def _type_colors() -> dict[str, str]:
    by_quad: dict[int, list[str]] = defaultdict(list)
    for name in codebook.plover_types():
        quad = codebook.quad_class(name)
        if quad is not None:
            by_quad[quad].append(name)
    return {
        name: style.shade(style.QUAD_COLORS[quad], i, len(names))
        for quad, names in by_quad.items()
        for i, name in enumerate(names)
    }


def series_colors(group: str) -> dict[str, str]:
    if group == "type":
        return _type_colors()
    if group == "status":
        return dict(style.STATUS_COLORS)
    return {codebook.quad_names()[q]: c for q, c in style.QUAD_COLORS.items()}


def _chart_window(rows: list[dict[str, Any]], window: Window | None) -> tuple[Window, list[dict[str, Any]], int]:
    window = window or axis.data_window(rows)
    if window is None or not rows:
        raise QueryError("no dated events match: nothing to plot")
    inside, outside = axis.split(rows, window)
    return window, inside, outside


def _note(fig: Any, window: Window, outside: int) -> None:
    if not outside:
        return
    events = "event" if outside == 1 else "events"
    fig.text(
        0.0,
        0.0,
        f"Not shown: {outside} dated {events} outside {window.label()}"
        + ("." if window.given else ", the months the articles cover (since/until widen the range)."),
        fontsize=7,
        color=style.MUTED,
        ha="left",
        va="top",
        wrap=True,
    )


def _time_axis(ax: Any, labels: list[str]) -> None:
    import matplotlib.dates as mdates

    first, _ = axis.period_bounds(labels[0])
    _, last = axis.period_bounds(labels[-1])
    ax.set_xlim(mdates.date2num(first), mdates.date2num(last))
    locator = mdates.AutoDateLocator(minticks=3, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _bars(ax: Any, labels: list[str], values: dict[str, list[float]], colors: dict[str, str], sign: int = 1) -> None:
    """Stacked bars, one per period, in the order of ``values``."""
    import matplotlib.dates as mdates

    lefts, widths = [], []
    for label in labels:
        first, after = axis.period_bounds(label)
        days = (after - first).days
        lefts.append(mdates.date2num(first) + 0.1 * days)
        widths.append(0.8 * days)
    base = [0.0] * len(labels)
    for name, counts in values.items():
        if not any(counts):
            continue
        heights = [sign * c for c in counts]
        ax.bar(lefts, heights, widths, bottom=base, align="edge", color=colors.get(name, style.OTHER_COLOR), label=name)
        base = [b + h for b, h in zip(base, heights, strict=True)]


def _counts(rows: list[dict[str, Any]], labels: list[str], key: Any, order: list[str]) -> dict[str, list[float]]:
    index = {label: i for i, label in enumerate(labels)}
    values: dict[str, list[float]] = {}
    for row in rows:
        name = key(row)
        i = index.get(str(row["period"]))
        if i is None:
            continue
        values.setdefault(name, [0.0] * len(labels))[i] += float(row["count"])
    ranked = {n: i for i, n in enumerate(order)}
    return dict(sorted(values.items(), key=lambda item: (ranked.get(item[0], len(ranked)), item[0])))


def timeline_figure(
    rows: list[dict[str, Any]], by: str = "month", group: str = "quad", window: Window | None = None, title: str = ""
) -> Any:
    """Events per period, stacked by quad class, type or status (``group``), over ``window``."""
    window, inside, outside = _chart_window(rows, window)
    labels = axis.periods(window, by)
    values = _counts(inside, labels, lambda r: _series_key(r, group), _series_order(group))
    with style.styled():
        fig, ax = style.new_figure()
        _bars(ax, labels, values, series_colors(group))
        ax.set_ylim(0, max(1.0, _stack_top(values)) * 1.06)  # headroom: the tallest bar is not cut by the frame
        _time_axis(ax, labels)
        ax.set_ylabel(f"events per {by}")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_title(title or f"Events per {by}", loc="left")
        handles, names = ax.get_legend_handles_labels()
        if handles:
            ax.legend(handles[::-1], names[::-1], loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        _note(fig, window, outside)
    return fig


def dyad_figure(rows: list[dict[str, Any]], by: str = "month", window: Window | None = None, title: str = "") -> Any:
    """One panel per direction: cooperation stacked upwards, conflict downwards, by quad class."""
    window, inside, outside = _chart_window(rows, window)
    labels = axis.periods(window, by)
    directions = list(dict.fromkeys(r["direction"] for r in rows)) or ["?"]
    colors = series_colors("quad")
    order = _series_order("quad")
    with style.styled():
        fig, axes = style.new_figure(rows=len(directions), height=1.2 + 1.8 * len(directions), sharex=True)
        axes = list(axes) if len(directions) > 1 else [axes]
        top = 1.0
        for ax, direction in zip(axes, directions, strict=True):
            mine = [r for r in inside if r["direction"] == direction]
            values = _counts(mine, labels, lambda r: _series_key(r, "quad"), order)
            cooperation = {n: v for n, v in values.items() if "cooperation" in n}
            conflict = {n: v for n, v in values.items() if "conflict" in n}
            _bars(ax, labels, cooperation, colors)
            _bars(ax, labels, conflict, colors, sign=-1)
            top = max(top, _stack_top(cooperation), _stack_top(conflict))
            ax.axhline(0, color=style.MUTED, linewidth=0.8)
            ax.set_title(direction, loc="left", fontsize=9)
            ax.set_ylabel("conflict  |  cooperation", fontsize=7)
        for ax in axes:
            ax.set_ylim(-top * 1.1, top * 1.1)
            ax.yaxis.get_major_locator().set_params(integer=True)
            ax.yaxis.set_major_formatter(_absolute())
        _time_axis(axes[-1], labels)
        fig.suptitle(title or "Cooperation and conflict, both directions", x=0.0, ha="left", fontsize=10)
        handles = [_patch(colors[n], n) for n in order]
        axes[0].legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        _note(fig, window, outside)
    return fig


def _stack_top(values: dict[str, list[float]]) -> float:
    """The tallest stack: the largest per-period sum over the series."""
    columns = zip(*values.values(), strict=True)
    return max((sum(column) for column in columns), default=0.0)


def _absolute() -> Any:
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda value, _: f"{abs(value):g}")


def _patch(color: str, label: str) -> Any:
    from matplotlib.patches import Patch

    return Patch(color=color, label=label)


def speakers_figure(rows: list[dict[str, Any]], title: str = "") -> Any:
    """Horizontal bars: the speakers quoted most often, most quoted on top."""
    if not rows:
        raise QueryError("no attributed quotes: nothing to plot")
    names = [f"{r.get('name') or r['actor_key']}" + (f" ({r['country']})" if r.get("country") else "") for r in rows]
    counts = [int(r["quotes"]) for r in rows]
    with style.styled():
        fig, ax = style.new_figure(height=0.9 + 0.28 * len(rows))
        positions = list(range(len(rows)))[::-1]
        ax.barh(positions, counts, color=style.SPEAKER_COLOR, height=0.7)
        ax.set_yticks(positions, names)
        for y, count in zip(positions, counts, strict=True):
            ax.text(count, y, f" {count}", va="center", fontsize=7, color=style.MUTED)
        ax.set_xlabel("quotes")
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlim(0, max(counts) * 1.12)
        ax.set_title(title or f"Top {len(rows)} speakers by quotes", loc="left")
    return fig
