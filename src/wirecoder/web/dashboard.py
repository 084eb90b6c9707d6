"""Store rows -> what the corpus dashboard draws: the quad-class chart and the dyad picker."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from wirecoder.web.charts import Series, stacked_bars
from wirecoder.web.quads import quads


@dataclass(frozen=True)
class DyadOption:
    value: str  # the store's dyad filter: "source_key,target_key" (keys may contain hyphens)
    label: str
    events: int


#: Above this many months the dashboard counts per year (bars thinner than a few pixels say nothing).
MAX_MONTHS = 120


def _month_number(period: str) -> int:
    year, month = period.split("-")
    return int(year) * 12 + int(month) - 1


def continuous_periods(periods: set[str], by: str) -> list[str]:
    """Every month (or year) from the first to the last, so empty periods show as gaps on the
    time axis instead of being squeezed out.  Other period kinds are kept as they are."""
    if not periods:
        return []
    try:
        if by == "month":
            first, last = _month_number(min(periods)), _month_number(max(periods))
            return [f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(first, last + 1)]
        if by == "year":
            return [str(y) for y in range(int(min(periods)), int(max(periods)) + 1)]
    except ValueError:
        pass
    return sorted(periods)


def axis_for(since: str | None, until: str | None, by: str) -> tuple[str, str] | None:
    """The first and last period of the corpus window, as the chart labels them."""
    if not since or not until:
        return None
    return (since[:4], until[:4]) if by == "year" else (since, until)


def corpus_window(stats: dict[str, Any]) -> tuple[str | None, str | None]:
    """The months the articles were published in (from the store's stats), as since/until.

    Articles mention events from long ago ("in 1972") and plans for later; charting all of them
    stretches the time axis over decades of nothing.  The dashboard charts the months the corpus
    covers and says how many dated events fall outside.
    """
    first, last = stats.get("date_from"), stats.get("date_to")
    if not first or not last:
        return None, None
    return str(first)[:7], str(last)[:7]


def span_in_months(rows: list[dict[str, Any]]) -> int:
    months = [_month_number(str(r["period"])) for r in rows if len(str(r["period"])) == 7]
    return max(months) - min(months) + 1 if months else 0


def quad_series(
    rows: list[dict[str, Any]], by: str = "month", axis: tuple[str, str] | None = None
) -> tuple[list[str], list[Series]]:
    """Timeline rows ``{"period", "quad_class", "count"}`` -> periods and one series per quad class.

    ``axis`` (first and last period) makes charts of different selections share one time axis.
    """
    present = {str(r["period"]) for r in rows}
    if rows and axis:
        present |= set(axis)
    periods = continuous_periods(present, by)
    index = {p: i for i, p in enumerate(periods)}
    counts = {n: [0.0] * len(periods) for n, _, _ in quads()}
    for row in rows:
        quad = row.get("quad_class")
        if quad in counts:
            counts[quad][index[str(row["period"])]] += float(row.get("count") or 0)
    series = [Series(key, label, tuple(counts[n])) for n, key, label in quads()]
    return periods, series


def dashboard_chart(
    rows: list[dict[str, Any]], title: str, by: str = "month", axis: tuple[str, str] | None = None
) -> Markup:
    periods, series = quad_series(rows, by, axis)
    return stacked_bars(periods, series, title)


def dyad_value(source_key: str, target_key: str) -> str:
    return f"{source_key},{target_key}"


def dyad_options(rows: list[dict[str, Any]]) -> list[DyadOption]:
    """Top dyads as picker options (source → target, with their event counts)."""
    return [
        DyadOption(
            value=dyad_value(r["source_key"], r["target_key"]),
            label=f"{r.get('source_name') or r['source_key']} → {r.get('target_name') or r['target_key']}",
            events=int(r.get("events") or 0),
        )
        for r in rows
    ]
