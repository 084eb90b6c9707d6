"""Small charts drawn on the server as inline SVG (no JavaScript, no chart library, no CDN).

A stacked bar chart is all the dashboard needs: one bar per period, one coloured segment per
series (the PLOVER quad classes).  Colours come from CSS classes (``series-<key>``), so the
stylesheet owns the palette.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from markupsafe import Markup, escape

# Drawing area in SVG user units; the SVG scales to its container's width.
_WIDTH = 1000
_HEIGHT = 280
_LEFT = 44
_RIGHT = 12
_TOP = 14
_BOTTOM = 46
_MAX_X_LABELS = 14
#: Bars never get wider than this, so a corpus of two months does not draw two slabs.
_MAX_BAR = 56.0


@dataclass(frozen=True)
class Series:
    key: str  # CSS key: the segment gets class "series-<key>"
    label: str
    values: tuple[float, ...]  # one per period


def nice_ticks(maximum: float, wanted: int = 5) -> list[float]:
    """Round tick values from 0 to at least ``maximum`` (steps of 1, 2 or 5 times a power of 10)."""
    if maximum <= 0:
        return [0, 1]
    raw_step = maximum / wanted
    magnitude = 10 ** math.floor(math.log10(raw_step))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw_step)
    step = max(step, 1)  # counts: no fractional ticks
    top = math.ceil(maximum / step) * step
    return [i * step for i in range(round(top / step) + 1)]


def _fmt(value: float) -> str:
    return f"{value:g}"


def _label_every(count: int) -> int:
    return max(1, math.ceil(count / _MAX_X_LABELS))


def stacked_bars(periods: list[str], series: list[Series], title: str) -> Markup:
    """An accessible SVG stacked bar chart; an empty-state note when there is nothing to draw."""
    totals = [sum(s.values[i] for s in series) for i in range(len(periods))]
    if not periods or not any(totals):
        return Markup('<p class="empty">No events to chart yet.</p>')
    ticks = nice_ticks(max(totals))
    plot_w = _WIDTH - _LEFT - _RIGHT
    plot_h = _HEIGHT - _TOP - _BOTTOM
    scale = plot_h / ticks[-1]
    slot = plot_w / len(periods)
    bar_w = min(_MAX_BAR, max(1.0, slot * 0.72))
    parts = [
        f'<svg class="chart" viewBox="0 0 {_WIDTH} {_HEIGHT}" role="img" aria-label="{escape(title)}" '
        'xmlns="http://www.w3.org/2000/svg">',
        f"<title>{escape(title)}</title>",
    ]
    for tick in ticks:
        y = _TOP + plot_h - tick * scale
        parts.append(f'<line class="grid" x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="tick" x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(tick)}</text>')
    every = _label_every(len(periods))
    for i, period in enumerate(periods):
        x = _LEFT + i * slot + (slot - bar_w) / 2
        base = _TOP + plot_h
        for s in series:
            value = s.values[i]
            if value <= 0:
                continue
            height = value * scale
            base -= height
            parts.append(
                f'<rect class="bar series-{escape(s.key)}" x="{x:.1f}" y="{base:.1f}" width="{bar_w:.1f}" '
                f'height="{height:.1f}"><title>{escape(period)} · {escape(s.label)}: {_fmt(value)}</title></rect>'
            )
        if i % every == 0:
            cx = _LEFT + i * slot + slot / 2
            y = _TOP + plot_h + 16
            parts.append(f'<text class="xlabel" x="{cx:.1f}" y="{y}" text-anchor="middle">{escape(period)}</text>')
    parts.append(f'<line class="axis" x1="{_LEFT}" x2="{_WIDTH - _RIGHT}" y1="{_TOP + plot_h}" y2="{_TOP + plot_h}"/>')
    parts.append(_legend(series, _HEIGHT - 12))
    parts.append("</svg>")
    return Markup("".join(parts))


def _legend(series: list[Series], y: float) -> str:
    parts = []
    x = float(_LEFT)
    for s in series:
        parts.append(
            f'<rect class="series-{escape(s.key)}" x="{x:.1f}" y="{y - 9:.1f}" width="10" height="10" rx="2"/>'
        )
        parts.append(f'<text class="legend" x="{x + 14:.1f}" y="{y:.1f}">{escape(s.label)}</text>')
        x += 24 + 7.2 * len(s.label)
    return "".join(parts)
