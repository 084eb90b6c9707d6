"""Timeline charts: stacked bars of event counts per period, as self-contained HTML (inline
SVG, no scripts, no CDN) or as PNG (drawn by ``png.py``, no plotting library).

One layout (rectangles and labels in chart units) feeds both renderers, so the two files show
the same chart.  PNG pixels are chart units times two.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

from wirecoder.store import codebook, png
from wirecoder.store.errors import QueryError

WIDTH, HEIGHT = 900, 440
LEFT, RIGHT, TOP, BOTTOM = 56, 190, 40, 60
CHAR_W, CHAR_H = 6, 7  # the bitmap font's advance and height, in chart units
PNG_SCALE = 2
AXIS, GRID, INK = "#444444", "#dddddd", "#222222"

QUAD_COLORS = {1: "#8fcf8a", 2: "#1b7837", 3: "#f4a582", 4: "#b2182b"}
# Types take shades of their quad class's colour family.
TYPE_COLORS = {
    "AGREE": "#c7e9c0",
    "CONSULT": "#a1d99b",
    "SUPPORT": "#74c476",
    "CONCEDE": "#41ab5d",
    "COOPERATE": "#238b45",
    "AID": "#006d2c",
    "RETREAT": "#00441b",
    "REQUEST": "#fdd0a2",
    "ACCUSE": "#fdae6b",
    "REJECT": "#fd8d3c",
    "THREATEN": "#e6550d",
    "PROTEST": "#fc9272",
    "SANCTION": "#ef3b2c",
    "MOBILIZE": "#cb181d",
    "COERCE": "#a50f15",
    "ASSAULT": "#67000d",
}


@dataclass
class Box:
    x: float
    y: float
    w: float
    h: float
    color: str
    title: str = ""


@dataclass
class Label:
    x: float
    y: float  # top of the text
    text: str
    anchor: str = "start"  # start | middle | end
    color: str = INK


@dataclass
class Chart:
    title: str
    boxes: list[Box] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)


def series_of(row: dict[str, Any]) -> str:
    return row.get("type") or (row.get("quad") or "undated")


def color_of(series: str) -> str:
    if series in TYPE_COLORS:
        return TYPE_COLORS[series]
    for quad, name in codebook.quad_names().items():
        if name == series:
            return QUAD_COLORS[quad]
    return "#999999"


def period_range(first: str, last: str, by: str) -> list[str]:
    """Every period label from first to last, so quiet periods show as gaps."""
    from wirecoder.store.dates import day_span, period_of

    start, end = day_span(first), day_span(last)
    if start is None or end is None:
        return sorted({first, last})
    # A step no longer than the shortest period visits every period at least once.
    step = {"day": 1, "week": 7, "month": 28, "year": 365}[by]
    labels, day = [], start.start
    while day <= end.end:
        label = period_of(day, by)
        if not labels or labels[-1] != label:
            labels.append(label)
        day += timedelta(days=step)
    if labels[-1] != last:
        labels.append(last)
    return labels


def nice_step(top: int) -> int:
    raw = max(1.0, top / 5)
    magnitude = 10 ** math.floor(math.log10(raw))
    return int(next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw))


def layout(rows: list[dict[str, Any]], by: str, title: str) -> Chart:
    if not rows:
        raise QueryError("no dated events match: nothing to plot")
    periods = period_range(rows[0]["period"], rows[-1]["period"], by)
    series = sorted({series_of(r) for r in rows}, key=_series_order)
    counts = {(r["period"], series_of(r)): r["count"] for r in rows}
    totals = {p: sum(counts.get((p, s), 0) for s in series) for p in periods}
    step = nice_step(max(totals.values()))
    top = step * math.ceil(max(totals.values()) / step)
    chart = Chart(title)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    chart.labels.append(Label(LEFT, 14, title))
    for value in range(0, top + 1, step):
        y = TOP + plot_h - plot_h * value / top
        chart.boxes.append(Box(LEFT, y, plot_w, 1, GRID))
        chart.labels.append(Label(LEFT - 6, y - CHAR_H / 2, str(value), "end"))
    slot = plot_w / len(periods)
    every = max(1, math.ceil((max(len(p) for p in periods) * CHAR_W + 8) / slot))
    for i, period in enumerate(periods):
        x, y = LEFT + i * slot + slot * 0.1, TOP + plot_h
        for name in series:
            count = counts.get((period, name), 0)
            if count:
                h = plot_h * count / top
                y -= h
                chart.boxes.append(Box(x, y, slot * 0.8, h, color_of(name), f"{period} {name}: {count}"))
        if i % every == 0:
            chart.labels.append(Label(LEFT + i * slot + slot / 2, TOP + plot_h + 8, period, "middle"))
    chart.boxes.append(Box(LEFT, TOP + plot_h, plot_w, 1, AXIS))
    chart.boxes.append(Box(LEFT, TOP, 1, plot_h, AXIS))
    for i, name in enumerate(reversed(series)):
        y = TOP + i * 16
        chart.boxes.append(Box(WIDTH - RIGHT + 16, y, 10, 10, color_of(name)))
        chart.labels.append(Label(WIDTH - RIGHT + 32, y + 1.5, name))
    return chart


def _series_order(name: str) -> tuple[int, str]:
    order = list(codebook.plover_types()) + [codebook.quad_names()[q] for q in sorted(codebook.quad_names())]
    return (order.index(name), name) if name in order else (len(order), name)


def to_svg(chart: Chart) -> str:
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'font-family="DejaVu Sans Mono, Menlo, Consolas, monospace" font-size="10">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
    ]
    for b in chart.boxes:
        tip = f"<title>{html.escape(b.title)}</title>" if b.title else ""
        parts.append(
            f'<rect x="{b.x:.1f}" y="{b.y:.1f}" width="{b.w:.1f}" height="{b.h:.1f}" fill="{b.color}">{tip}</rect>'
        )
    for label in chart.labels:
        parts.append(
            f'<text x="{label.x:.1f}" y="{label.y + CHAR_H + 1:.1f}" text-anchor="{label.anchor}" fill="{label.color}">'
            f"{html.escape(label.text)}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts)


def to_html(chart: Chart, rows: list[dict[str, Any]]) -> str:
    table = "\n".join(
        f"<tr><td>{html.escape(r['period'])}</td><td>{html.escape(series_of(r))}</td><td>{r['count']}</td></tr>"
        for r in rows
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(chart.title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-top:1em}"
        "td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}</style></head><body>\n"
        f"{to_svg(chart)}\n<table><thead><tr><th>period</th><th>series</th><th>events</th></tr></thead>"
        f"<tbody>\n{table}\n</tbody></table>\n</body></html>\n"
    )


def to_png(chart: Chart) -> bytes:
    s = PNG_SCALE
    canvas = png.Canvas(WIDTH * s, HEIGHT * s)
    for b in chart.boxes:
        x0, y0 = round(b.x * s), round(b.y * s)
        canvas.rect(
            x0, y0, max(1, round((b.x + b.w) * s) - x0), max(1, round((b.y + b.h) * s) - y0), png.parse_color(b.color)
        )
    for label in chart.labels:
        width = png.text_width(label.text, s)
        x = label.x * s - (width if label.anchor == "end" else width / 2 if label.anchor == "middle" else 0)
        canvas.text(round(x), round(label.y * s), label.text, png.parse_color(label.color), s)
    return canvas.png_bytes()


def write_plot(rows: list[dict[str, Any]], by: str, title: str, out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix not in (".png", ".html", ".htm", ".svg"):
        raise QueryError(f"--plot must end in .png, .html or .svg, got '{out.name}'")
    if not out.parent.exists():
        raise QueryError(f"{out.parent}: no such folder")
    chart = layout(rows, by, title)
    if suffix == ".png":
        out.write_bytes(to_png(chart))
    elif suffix == ".svg":
        out.write_text(to_svg(chart) + "\n", encoding="utf-8")
    else:
        out.write_text(to_html(chart, rows), encoding="utf-8")


__all__ = ["write_plot"]
