"""``wirecoder eval time``: TimeML (.tml) gold, scored by the TempEval-3 rules.

The rules are those of ``datasets/time/dev/README.md``:

* the text is the content of ``<TEXT>`` with every tag removed and entities decoded, nothing
  stripped; offsets are ``str`` indices into it;
* the DCT is the first calendar day found in the creation-time TIMEX3, the TIMEX3 inside
  ``<DCT>``, or the text of ``<DCT>``;
* alignment is one-to-one per document: (a) identical spans first, then (b) the largest
  character overlap, visiting spans in order of (start, gold before prediction, index);
* ``value_f1 = value_acc * relaxed_f1`` is the ranking metric.

The scorer (:func:`score`) is a pure function of gold documents and prediction dicts, so it can
be tested without the pipeline.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from wirecoder.errors import InputError
from wirecoder.eval.base import EvalReport, index_predictions, predict, save_predictions, select_split, summary_table
from wirecoder.model import Article

TYPES = ("DATE", "TIME", "DURATION", "SET")
SUMMARY_KEYS = ["docs", "strict_f1", "relaxed_f1", "value_f1", "type_acc", "value_acc"]


# --------------------------------------------------------------------------- gold reading


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class GoldDoc:
    id: str
    text: str
    dct: str | None
    timexes: list[GoldTimex] = field(default_factory=list)


def calendar_day(raw: str | None) -> str | None:
    """``YYYY-MM-DD`` from a leading ``YYYY-MM-DD`` or ``YYYYMMDD``, else None."""
    if not raw:
        return None
    m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", raw) or re.match(r"^\s*(\d{4})(\d{2})(\d{2})(?!\d)", raw)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _is_dct_timex(el: ET.Element) -> bool:
    return el.get("functionInDocument") == "CREATION_TIME" or el.get("tid") == "t0"


def _flatten(element: ET.Element, parts: list[str], timexes: list[GoldTimex], pos: int) -> int:
    """Append the element's text (tags removed) to ``parts``; record TIMEX3 extents."""
    start = pos
    if element.text:
        parts.append(element.text)
        pos += len(element.text)
    for child in element:
        pos = _flatten(child, parts, timexes, pos)
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    if element.tag == "TIMEX3" and pos > start and not _is_dct_timex(element):
        timexes.append(GoldTimex(start, pos, element.get("type", ""), element.get("value", ""), ""))
    return pos


def _document_dct(root: ET.Element) -> str | None:
    for el in root.iter("TIMEX3"):
        if el.get("functionInDocument") == "CREATION_TIME":
            day = calendar_day(el.get("value"))
            if day:
                return day
            break
    dct = root.find(".//DCT")
    if dct is not None:
        inner = dct.find(".//TIMEX3")
        if inner is not None and calendar_day(inner.get("value")):
            return calendar_day(inner.get("value"))
        return calendar_day("".join(dct.itertext()))
    return None


def read_tml(path: Path) -> GoldDoc:
    """One TimeML file as text, DCT and gold timexes sorted by (start, end)."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{path}: not valid TimeML XML ({exc})") from None
    text_el = root.find(".//TEXT")
    if text_el is None:
        raise InputError(f"{path}: no <TEXT> element")
    parts: list[str] = []
    raw: list[GoldTimex] = []
    _flatten(text_el, parts, raw, 0)
    text = "".join(parts)
    timexes = sorted(
        (GoldTimex(t.start, t.end, t.type, t.value, text[t.start : t.end]) for t in raw),
        key=lambda t: (t.start, t.end),
    )
    return GoldDoc(id=path.name.removesuffix(".tml"), text=text, dct=_document_dct(root), timexes=timexes)


def read_gold(gold: Path) -> list[GoldDoc]:
    """Every ``*.tml`` under ``gold`` (a folder, recursively, or one file), sorted by path."""
    paths = [gold] if gold.is_file() else sorted(p for p in gold.rglob("*.tml") if not p.name.startswith("._"))
    if not paths:
        raise InputError(f"{gold}: no .tml files found")
    return [read_tml(p) for p in paths]


# --------------------------------------------------------------------------- alignment


@dataclass(frozen=True)
class PredTimex:
    start: int | None
    end: int | None
    type: str
    value: str
    valid: bool


def _as_int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def prediction_timexes(obj: dict | None, text_len: int) -> list[PredTimex]:
    """The prediction's timexes, in file order; invalid ones are kept but flagged."""
    if not obj or obj.get("error") or not isinstance(obj.get("timexes"), list):
        return []
    out: list[PredTimex] = []
    for item in obj["timexes"]:
        item = item if isinstance(item, dict) else {}
        start, end = _as_int(item.get("start")), _as_int(item.get("end"))
        valid = start is not None and end is not None and 0 <= start < end <= text_len
        ptype = item.get("type")
        value = item.get("value")
        out.append(
            PredTimex(
                start, end, ptype if isinstance(ptype, str) else "", value if isinstance(value, str) else "", valid
            )
        )
    return out


def align(gold: list[tuple[int, int]], pred: list[tuple[int, int] | None]) -> list[tuple[int, int]]:
    """One-to-one (gold index, prediction index) pairs; ``None`` predictions never match."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    # (a) identical spans: each gold in order takes the first unused identical prediction.
    for gi, gspan in enumerate(gold):
        for pi, pspan in enumerate(pred):
            if pi not in used and pspan == gspan:
                pairs[gi] = pi
                used.add(pi)
                break
    # (b) the rest, by the largest overlap with an already visited span of the other side.
    visits = [(g[0], 0, gi) for gi, g in enumerate(gold) if gi not in pairs]
    visits += [(p[0], 1, pi) for pi, p in enumerate(pred) if p is not None and pi not in used]
    visits.sort()
    seen: list[tuple[int, int]] = []  # (side, index) in visiting order, still unpaired
    for start, side, idx in visits:
        span = gold[idx] if side == 0 else pred[idx]
        best, best_overlap = None, 0
        for other_side, other_idx in seen:
            if other_side == side:
                continue
            other = gold[other_idx] if other_side == 0 else pred[other_idx]
            if other[1] <= start:
                continue
            overlap = min(span[1], other[1]) - max(span[0], other[0])
            if overlap > best_overlap:
                best, best_overlap = (other_side, other_idx), overlap
        if best is None:
            seen.append((side, idx))
            continue
        seen.remove(best)
        gi, pi = (idx, best[1]) if side == 0 else (best[1], idx)
        pairs[gi] = pi
    return sorted(pairs.items())


# --------------------------------------------------------------------------- scoring


@dataclass
class DocScore:
    doc: GoldDoc
    preds: list[PredTimex]
    pairs: list[tuple[int, int]]

    def error_count(self) -> int:
        missed = len(self.doc.timexes) - len(self.pairs)
        spurious = len(self.preds) - len(self.pairs)
        wrong = sum(
            1
            for gi, pi in self.pairs
            if self.doc.timexes[gi].value != self.preds[pi].value
            or (self.doc.timexes[gi].start, self.doc.timexes[gi].end) != (self.preds[pi].start, self.preds[pi].end)
        )
        return missed + spurious + wrong


@dataclass
class Counts:
    gold: int = 0
    pred: int = 0
    relaxed: int = 0
    strict: int = 0
    type_ok: int = 0
    value_ok: int = 0


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def summarise(counts: Counts, docs: int) -> dict:
    """The summary object: the README's fixed keys first, then p/r and the counts."""
    if counts.gold == 0 and counts.pred == 0:
        sp = sr = rp = rr = sf = rf = ta = va = 1.0
    else:
        sp, sr = _ratio(counts.strict, counts.pred), _ratio(counts.strict, counts.gold)
        rp, rr = _ratio(counts.relaxed, counts.pred), _ratio(counts.relaxed, counts.gold)
        sf, rf = _f1(sp, sr), _f1(rp, rr)
        ta, va = _ratio(counts.type_ok, counts.relaxed), _ratio(counts.value_ok, counts.relaxed)
    return {
        "docs": docs,
        "strict_f1": sf,
        "relaxed_f1": rf,
        "value_f1": va * rf,
        "type_acc": ta,
        "value_acc": va,
        "strict_p": sp,
        "strict_r": sr,
        "relaxed_p": rp,
        "relaxed_r": rr,
        "type_f1": ta * rf,
        "gold": counts.gold,
        "predicted": counts.pred,
        "relaxed_matches": counts.relaxed,
        "strict_matches": counts.strict,
        "type_correct": counts.type_ok,
        "value_correct": counts.value_ok,
    }


@dataclass
class ScoreResult:
    summary: dict
    by_type: dict[str, dict]
    docs: list[DocScore]


def score(gold_docs: list[GoldDoc], predictions: list[dict]) -> ScoreResult:
    """TempEval-3 scores of ``predictions`` (output dicts) against ``gold_docs``."""
    by_id = index_predictions(predictions, {d.id for d in gold_docs}, keep="first")
    total = Counts()
    per_type = {t: Counts() for t in TYPES}
    doc_scores: list[DocScore] = []
    for doc in gold_docs:
        preds = prediction_timexes(by_id.get(doc.id), len(doc.text))
        spans = [(p.start, p.end) if p.valid else None for p in preds]
        pairs = align([(t.start, t.end) for t in doc.timexes], spans)  # type: ignore[misc]
        doc_scores.append(DocScore(doc, preds, pairs))
        total.gold += len(doc.timexes)
        total.pred += len(preds)
        for t in doc.timexes:
            per_type.setdefault(t.type, Counts()).gold += 1
        for p in preds:
            per_type.setdefault(p.type, Counts()).pred += 1
        for gi, pi in pairs:
            g, p = doc.timexes[gi], preds[pi]
            bucket = per_type.setdefault(g.type, Counts())
            strict = (g.start, g.end) == (p.start, p.end)
            for c in (total, bucket):
                c.relaxed += 1
                c.strict += strict
                c.type_ok += g.type == p.type
                c.value_ok += g.value == p.value
    by_type = {t: summarise(c, len(gold_docs)) for t, c in per_type.items() if c.gold or c.pred}
    return ScoreResult(summarise(total, len(gold_docs)), by_type, doc_scores)


# --------------------------------------------------------------------------- error listing


def _context(text: str, start: int, end: int, width: int = 60) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def error_cases(docs: list[DocScore], limit: int) -> list[str]:
    """Up to ``limit`` readable cases, from the documents with the most errors."""
    lines: list[str] = []
    for ds in sorted(docs, key=lambda d: -d.error_count()):
        if len(lines) >= limit or ds.error_count() == 0:
            break
        doc = ds.doc
        matched_g = {gi for gi, _ in ds.pairs}
        matched_p = {pi for _, pi in ds.pairs}
        cases: list[tuple[int, str]] = []
        for gi, g in enumerate(doc.timexes):
            if gi not in matched_g:
                cases.append((g.start, f"MISSED   {g.type}:{g.value}  {_context(doc.text, g.start, g.end)}"))
        for pi, p in enumerate(ds.preds):
            if pi not in matched_p:
                if p.valid:
                    ctx = _context(doc.text, p.start, p.end)  # type: ignore[arg-type]
                    cases.append((p.start or 0, f"SPURIOUS {p.type}:{p.value}  {ctx}"))
                else:
                    cases.append((0, f"INVALID  {p.type}:{p.value}  start={p.start} end={p.end}"))
        for gi, pi in ds.pairs:
            g, p = doc.timexes[gi], ds.preds[pi]
            span_ok = (g.start, g.end) == (p.start, p.end)
            if g.value != p.value or g.type != p.type or not span_ok:
                got_span = "" if span_ok else f" span {doc.text[p.start : p.end]!r}"
                cases.append(
                    (
                        g.start,
                        f"WRONG    want {g.type}:{g.value} got {p.type}:{p.value}{got_span}  "
                        f"{_context(doc.text, g.start, g.end)}",
                    )
                )
        for _, line in sorted(cases, key=lambda c: c[0]):
            if len(lines) >= limit:
                break
            lines.append(f"{doc.id} (dct {doc.dct}): {line}")
    return lines


# --------------------------------------------------------------------------- baselines


def dateparser_predictions(docs: list[GoldDoc]) -> list[dict]:
    """The dateparser peer: ``search_dates`` relative to the DCT, every hit a DATE.  (A document
    without a DCT gets a fixed base, never today's date; the TimeML gold always has one.)"""
    from dateparser.search import search_dates

    out: list[dict] = []
    for doc in docs:
        base = dt.datetime.fromisoformat(doc.dct) if doc.dct else dt.datetime(2000, 1, 1)
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_TIME_AS_PERIOD": True}
        try:
            hits = search_dates(doc.text, languages=["en"], settings=settings) or []
        except Exception:  # a peer that crashes on one document scores it as empty, like a failure
            hits = []
        out.append({"doc": {"id": doc.id}, "timexes": _locate_hits(doc.text, hits)})
    return out


def _locate_hits(text: str, hits: list) -> list[dict]:
    """dateparser returns strings, not offsets: find each one left to right in the text."""
    timexes: list[dict] = []
    cursor = 0
    for found, when in hits:
        start = text.find(found, cursor)
        if start < 0:
            start = text.find(found)
            if start < 0:
                continue
        end = start + len(found)
        cursor = end
        timexes.append({"start": start, "end": end, "type": "DATE", "value": _dateparser_value(found, when)})
    return timexes


_HAS_DAY = re.compile(
    r"\d{1,2}(st|nd|rd|th)?\b(?!\d)|\b(yesterday|today|tomorrow|ago|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)\b",
    re.I,
)
_HAS_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)


def _dateparser_value(found: str, when: dt.datetime) -> str:
    """The finest granularity the matched string supports: day, month or year."""
    if _HAS_MONTH.search(found) and not _HAS_DAY.search(found.replace(str(when.year), "")):
        return f"{when.year:04d}-{when.month:02d}"
    if re.fullmatch(r"\s*(in\s+)?\d{4}\s*", found):
        return f"{when.year:04d}"
    return f"{when.year:04d}-{when.month:02d}-{when.day:02d}"


# --------------------------------------------------------------------------- entry point


def _type_table(title: str, by_type: dict[str, dict]) -> Table:
    table = Table(title=title, title_justify="left")
    for col in ("type", "gold", "predicted", "relaxed_r", "strict_r", "value_acc", "type_acc"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for t in [*TYPES, *sorted(set(by_type) - set(TYPES))]:
        s = by_type.get(t)
        if not s:
            continue
        table.add_row(
            t or "(none)",
            str(s["gold"]),
            str(s["predicted"]),
            f"{s['relaxed_r']:.4f}",
            f"{s['strict_r']:.4f}",
            f"{s['value_acc']:.4f}",
            f"{s['type_acc']:.4f}",
        )
    return table


def gold_articles(docs: list[GoldDoc]) -> list[Article]:
    return [Article(id=d.id, text=d.text, date=d.dct, origin=d.id) for d in docs]


def evaluate(gold: Path, baselines: list[str], errors: int, save: Path | None, split: str = "all") -> EvalReport:
    docs = select_split(read_gold(gold), split, errors)
    predictions = predict(gold_articles(docs))
    if save is not None:
        save_predictions(predictions, save)
    result = score(docs, predictions)
    peers: dict[str, dict] = {}
    peer_results: dict[str, ScoreResult] = {}
    for name in baselines:
        if name == "dateparser":
            peer_results[name] = score(docs, dateparser_predictions(docs))
            peers[name] = peer_results[name].summary
    rows = {"wirecoder": result.summary, **peers}
    keys = [*SUMMARY_KEYS[1:], "relaxed_p", "relaxed_r"]  # counts are in --format json
    tables = [summary_table(f"time: TempEval-3 on {len(docs)} documents", rows, keys)]
    tables.append(_type_table("wirecoder by gold type", result.by_type))
    for name, res in peer_results.items():
        tables.append(_type_table(f"{name} by gold type", res.by_type))
    return EvalReport(
        task="time", summary=result.summary, baselines=peers, tables=tables, errors=error_cases(result.docs, errors)
    )


__all__ = [
    "GoldDoc",
    "GoldTimex",
    "align",
    "evaluate",
    "read_gold",
    "read_tml",
    "score",
]
