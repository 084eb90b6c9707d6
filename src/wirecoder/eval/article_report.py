"""The readable side of ``eval articles``: the metric tables and the dev errors (``--errors N``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.table import Table

from wirecoder.eval.article_gold import sentence_range
from wirecoder.eval.base import per_type_table as base_per_type_table

if TYPE_CHECKING:
    from wirecoder.eval.articles import ScoreResult


def error_cases(result: ScoreResult, texts: dict[str, str], limit: int) -> list[str]:
    """Up to ``limit`` cases of each kind: key events, key actors, non-actors and quotes not right."""
    if limit <= 0:
        return []
    return [
        *event_errors(result, texts, limit),
        *actor_errors(result, texts, limit),
        *non_actor_errors(result, texts, limit),
        *quote_errors(result, texts, limit),
    ]


def event_errors(result: ScoreResult, texts: dict[str, str], limit: int) -> list[str]:
    """Key events not fully right, with the events predicted in their sentence."""
    lines: list[str] = []
    for s in sorted((e for e in result.events if not e.full), key=lambda e: (e.typed, e.parties, e.doc)):
        if len(lines) >= limit:
            break
        g, text = s.gold, texts[s.doc]
        why = "status/date" if s.parties else "parties" if s.typed else "type"
        sides = "->".join(",".join("/".join(p.countries) or "?" for p in side) for side in (g.source, g.target))
        near = "; ".join(
            f"{p.type}({','.join(c or '?' for c in p.source)}->"
            f"{','.join(c or '?' for c in p.target)}) {p.date} {p.status}"
            for p in s.near
        )
        left, right = sentence_range(text, *g.trigger)
        lines.append(
            f"[{why}] {s.doc}: gold {g.type}({sides}) {g.dates} {'/'.join(g.statuses)} "
            f"'{text[g.trigger[0] : g.trigger[1]]}' | predicted {near or 'nothing'}\n    {text[left:right].strip()}"
        )
    return lines


def metrics_table(summary: dict) -> Table:
    """One row per metric (there are too many for one row per system)."""
    table = Table(title=f"whole articles (hand gold), {summary['docs']} articles", title_justify="left")
    table.add_column("metric")
    table.add_column("wirecoder", justify="right")
    for key, value in summary.items():
        if not isinstance(value, dict):
            table.add_row(key, "–" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value))
    return table


def per_type_table(summary: dict) -> Table:
    return base_per_type_table("key events per gold type", summary["per_type"], ("typed", "full"))


def _codes(countries: tuple[str, ...], sectors: tuple[str, ...] | None) -> str:
    return f"{'/'.join(countries) or '?'} {'/'.join(sectors) if sectors is not None else '*'}"


def actor_errors(result: ScoreResult, texts: dict[str, str], limit: int) -> list[str]:
    """Key actors missed or coded wrong, with the codes of the predicted actors over the mention."""
    lines = []
    for a in [a for a in result.actors if not a.ok][:limit]:
        g = a.gold
        got = "; ".join(f"{p.country or '?'} {p.sector or '-'}" for p in a.found) or "no actor"
        lines.append(
            f"[actor] {a.doc}: '{texts[a.doc][g.start : g.end]}' gold {_codes(g.countries, g.sectors)} | got {got}"
        )
    return lines


def non_actor_errors(result: ScoreResult, texts: dict[str, str], limit: int) -> list[str]:
    return [
        f"[non-actor] {doc}: '{texts[doc][s:e]}' came out as an actor" for doc, (s, e) in result.non_actors_out[:limit]
    ]


def quote_errors(result: ScoreResult, texts: dict[str, str], limit: int) -> list[str]:
    """Gold quotes missed, or found with the wrong speaker."""
    lines = []
    for q in [q for q in result.quotes if not q.right][:limit]:
        text, g = texts[q.doc], q.gold
        speaker = text[g.speaker[0] : g.speaker[1]] if g.speaker else "nobody"
        if q.pred is None:
            got = "not found"
        else:
            spans = q.pred.speaker_spans
            got = "speaker " + (", ".join(f"'{text[s:e]}'" for s, e in spans[:3]) or "none")
        lines.append(f"[quote] {q.doc}: '{_clip(text[g.start : g.end])}' by '{speaker}' | {got}")
    return lines


def _clip(value: str, width: int = 80) -> str:
    value = " ".join(value.split())
    return value if len(value) <= width else value[: width - 3] + "..."
