"""``wirecoder eval events``: PLOVER gold-standard records (JSONL), type / source / target matching.

The rules are the "Scoring rules" of ``datasets/events/plover-gsr/README.md``:

1. gold events are each record's ``gold_events``; type = ``plover_event`` (trimmed, upper
   case); gold countries = normalised ``country`` of ``source_codes`` / ``target_codes``, unknown
   ones dropped; each gold event carries its ``reciprocal`` flag;
2. country codes are trimmed and upper-cased, ``"" --- UNK XXX NULL NONE`` are unknown, old codes
   are mapped (JAP->JPN, ...); two codes match when equal, or when one is IGO and the other
   IGO/UNO/EUR; an unknown code never matches;
3. predictions are joined on ``doc.id`` (else ``id``), the last object wins; events whose
   ``status`` is ``negated`` are left out; source/target entries are actor ids resolved through
   ``actors[].country``, or inline actor objects; unresolvable entries are skipped;
4. a candidate is a predicted event of the record with the gold type; it satisfies a side when
   every gold country of that side matches some predicted country of that side; for CONSULT,
   COOPERATE and AGREE and for reciprocal gold events both sides are checked against the pooled
   predicted source and target countries;
5. type_acc, full_acc, src_acc, tgt_acc, events_per_record, rounded to 4 decimals, null on a
   zero denominator;
6. the summary's first keys are records, type_acc, full_acc, src_acc, tgt_acc, events_per_record.

:func:`score` is a pure function of gold records and prediction dicts, so it is tested without
the pipeline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from wirecoder.errors import InputError
from wirecoder.eval.base import (
    EvalReport,
    index_predictions,
    predict,
    save_predictions,
    select_split,
    summary_table,
)
from wirecoder.eval.base import per_type_table as base_per_type_table
from wirecoder.model import PLOVER_TYPES, Article

UNKNOWN_CODES = frozenset({"", "---", "UNK", "XXX", "NULL", "NONE"})
OLD_CODES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "XKX": "KOS",
    "RKS": "KOS",
}
IGO_FAMILY = frozenset({"IGO", "UNO", "EUR"})
POOLED_TYPES = frozenset({"CONSULT", "COOPERATE", "AGREE"})
SUMMARY_KEYS = ["records", "type_acc", "full_acc", "src_acc", "tgt_acc", "events_per_record"]


# --------------------------------------------------------------------------- countries


def normalise_country(code: object) -> str | None:
    """Rule 2: the comparable form of a country code, or None when it means "unknown"."""
    if not isinstance(code, str):
        return None
    value = code.strip().upper()
    if value in UNKNOWN_CODES:
        return None
    return OLD_CODES.get(value, value)


def countries_match(a: str | None, b: str | None) -> bool:
    """Rule 2: equal codes match; IGO matches IGO, UNO and EUR; unknown matches nothing."""
    if a is None or b is None:
        return False
    if a == b:
        return True
    return (a == "IGO" and b in IGO_FAMILY) or (b == "IGO" and a in IGO_FAMILY)


def side_satisfied(gold: list[str], predicted: list[str | None]) -> bool:
    """Every gold country matches some predicted one (trivially true with no gold country)."""
    return all(any(countries_match(g, p) for p in predicted) for g in gold)


# --------------------------------------------------------------------------- gold


@dataclass(frozen=True)
class GoldEvent:
    type: str
    source: list[str]
    target: list[str]
    reciprocal: bool = False
    mode: str | None = None


@dataclass
class GoldRecord:
    id: str
    text: str
    date: str | None
    events: list[GoldEvent] = field(default_factory=list)


def _codes(entries: object) -> list[str]:
    if not isinstance(entries, list):
        return []
    found = [normalise_country(e.get("country")) for e in entries if isinstance(e, dict)]
    return [c for c in found if c is not None]


def gold_event(raw: dict) -> GoldEvent:
    mode = raw.get("plover_mode")
    return GoldEvent(
        type=str(raw.get("plover_event", "")).strip().upper(),
        source=_codes(raw.get("source_codes")),
        target=_codes(raw.get("target_codes")),
        reciprocal=bool(raw.get("reciprocal")),
        mode=mode.strip().lower() if isinstance(mode, str) and mode.strip() else None,
    )


def read_gold(path: Path) -> list[GoldRecord]:
    """Records of a GSR-style JSONL file (one JSON object per line)."""
    if path.is_dir():
        raise InputError(f"{path}: expected a .jsonl file of gold records, found a folder")
    records: list[GoldRecord] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
        if not isinstance(raw, dict) or "id" not in raw or "text" not in raw:
            raise InputError(f"{path}:{number}: a gold record needs 'id' and 'text'")
        events = [gold_event(e) for e in raw.get("gold_events") or [] if isinstance(e, dict)]
        records.append(GoldRecord(id=str(raw["id"]), text=raw["text"], date=raw.get("date"), events=events))
    if not records:
        raise InputError(f"{path}: no gold records")
    return records


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True)
class PredEvent:
    type: str
    source: list[str | None]
    target: list[str | None]
    mode: str | None = None
    trigger: str | None = None

    @property
    def pooled(self) -> list[str | None]:
        return [*self.source, *self.target]


def _entries(value: object) -> list[object]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _resolve(entry: object, countries: dict[str, str | None]) -> tuple[bool, str | None]:
    """(resolved, country) for one source/target entry: an actor id or an inline actor."""
    if isinstance(entry, dict):
        return True, normalise_country(entry.get("country"))
    if isinstance(entry, str) and entry in countries:
        return True, countries[entry]
    return False, None


def prediction_events(obj: dict) -> list[PredEvent]:
    """Rule 3: the non-negated events of one prediction object, with actor countries."""
    countries = {
        str(a["id"]): normalise_country(a.get("country"))
        for a in obj.get("actors") or []
        if isinstance(a, dict) and a.get("id") is not None
    }
    events: list[PredEvent] = []
    for raw in obj.get("events") or []:
        if not isinstance(raw, dict):
            continue
        if str(raw.get("status") or "").strip().lower() == "negated":
            continue
        sides = []
        for key in ("source", "target"):
            resolved = [_resolve(e, countries) for e in _entries(raw.get(key))]
            sides.append([country for ok, country in resolved if ok])
        trigger = raw.get("trigger")
        mode = raw.get("mode")
        events.append(
            PredEvent(
                type=str(raw.get("type") or "").strip().upper(),
                source=sides[0],
                target=sides[1],
                mode=mode.strip().lower() if isinstance(mode, str) and mode.strip() else None,
                trigger=trigger.get("text") if isinstance(trigger, dict) else None,
            )
        )
    return events


# --------------------------------------------------------------------------- matching


@dataclass
class EventScore:
    """How one gold event fared."""

    record: str
    gold: GoldEvent
    typed: bool
    full: bool
    src_ok: bool | None  # None: not counted for src_acc (no candidate or no gold source)
    tgt_ok: bool | None
    mode_ok: bool | None


def sides_ok(gold: GoldEvent, cand: PredEvent) -> tuple[bool, bool]:
    """Rule 4: does the candidate satisfy the gold source side, and the target side?"""
    if gold.reciprocal or gold.type in POOLED_TYPES:
        pool = cand.pooled
        return side_satisfied(gold.source, pool), side_satisfied(gold.target, pool)
    return side_satisfied(gold.source, cand.source), side_satisfied(gold.target, cand.target)


def score_event(record: str, gold: GoldEvent, predicted: list[PredEvent]) -> EventScore:
    candidates = [p for p in predicted if p.type == gold.type]
    if not candidates:
        return EventScore(record, gold, False, False, None, None, None)
    checks = [sides_ok(gold, c) for c in candidates]
    src_ok = any(s for s, _ in checks) if gold.source else None
    tgt_ok = any(t for _, t in checks) if gold.target else None
    mode_ok = any(c.mode == gold.mode for c in candidates) if gold.mode else None
    return EventScore(record, gold, True, any(s and t for s, t in checks), src_ok, tgt_ok, mode_ok)


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


@dataclass
class ScoreResult:
    summary: dict
    events: list[EventScore]
    predicted: dict[str, list[PredEvent]]


def _acc(scores: list[EventScore], attr: str) -> float | None:
    counted = [getattr(s, attr) for s in scores if getattr(s, attr) is not None]
    return _rate(sum(1 for v in counted if v), len(counted))


def score(gold: list[GoldRecord], predictions: Iterable[dict]) -> ScoreResult:
    """Score prediction objects against gold records (rules 1-6)."""
    index = index_predictions(predictions, {r.id for r in gold})
    predicted = {r.id: prediction_events(index[r.id]) if r.id in index else [] for r in gold}
    scores = [score_event(r.id, g, predicted[r.id]) for r in gold for g in r.events]
    total = len(scores)
    summary: dict = {
        "records": len(gold),
        "type_acc": _rate(sum(s.typed for s in scores), total),
        "full_acc": _rate(sum(s.full for s in scores), total),
        "src_acc": _acc(scores, "src_ok"),
        "tgt_acc": _acc(scores, "tgt_ok"),
        "events_per_record": _rate(sum(len(v) for v in predicted.values()), len(gold)),
        "gold_events": total,
        "mode_acc": _acc(scores, "mode_ok"),
        "missing_predictions": sum(1 for r in gold if r.id not in index),
        "per_type": per_type(scores),
    }
    return ScoreResult(summary=summary, events=scores, predicted=predicted)


def per_type(scores: list[EventScore]) -> dict[str, dict]:
    table: dict[str, dict] = {}
    for etype in PLOVER_TYPES:
        rows = [s for s in scores if s.gold.type == etype]
        if rows:
            table[etype] = {
                "gold": len(rows),
                "type_acc": _rate(sum(s.typed for s in rows), len(rows)),
                "full_acc": _rate(sum(s.full for s in rows), len(rows)),
            }
    return table


# --------------------------------------------------------------------------- report


def per_type_table(summary: dict) -> Table:
    return base_per_type_table("per type (gold events)", summary["per_type"], ("type_acc", "full_acc"))


def _fmt_pred(p: PredEvent) -> str:
    src = ",".join(c or "?" for c in p.source)
    tgt = ",".join(c or "?" for c in p.target)
    return f"{p.type}({src} -> {tgt}) '{p.trigger or ''}'"


def error_cases(result: ScoreResult, gold: list[GoldRecord], limit: int) -> list[str]:
    """Up to ``limit`` missed gold events: wrong type first, then wrong parties."""
    texts = {r.id: r.text for r in gold}
    misses = sorted((s for s in result.events if not s.full), key=lambda s: (s.typed, s.record))
    lines: list[str] = []
    for s in misses[:limit]:
        g = s.gold
        why = "parties" if s.typed else "type"
        predicted = "; ".join(_fmt_pred(p) for p in result.predicted[s.record]) or "nothing"
        lines.append(
            f"[{why}] {s.record}: gold {g.type}({','.join(g.source)} -> {','.join(g.target)})"
            f"{' recip' if g.reciprocal else ''} | predicted {predicted}\n    {texts[s.record].strip()}"
        )
    return lines


def articles(gold: list[GoldRecord], with_dates: bool = True) -> list[Article]:
    return [Article(id=r.id, text=r.text, date=r.date if with_dates else None) for r in gold]


def evaluate(gold: Path, baselines: list[str], errors: int, save: Path | None, split: str = "all") -> EvalReport:
    """Run the pipeline on the gold records (with their dates, and again without) and score."""
    if baselines:
        raise InputError(f"no baseline '{baselines[0]}' for events")
    records = select_split(read_gold(gold), split, errors)
    predictions = predict(articles(records))
    if save is not None:
        save_predictions(predictions, save)
    result = score(records, predictions)
    undated = score(records, predict(articles(records, with_dates=False))).summary
    summary = dict(result.summary)
    summary["without_date"] = {k: undated[k] for k in ("type_acc", "full_acc", "src_acc", "tgt_acc")}
    tables = [summary_table("PLOVER records", {"wirecoder": summary}, SUMMARY_KEYS), per_type_table(summary)]
    return EvalReport(task="events", summary=summary, tables=tables, errors=error_cases(result, records, errors))
