"""The parts of wirecoder's output objects that ``eval articles`` reads (docs/output-contract.md)."""

from __future__ import annotations

from dataclasses import dataclass, field

from wirecoder.eval.events import normalise_country

Range = tuple[int, int]


@dataclass
class PredActor:
    country: str | None
    sector: str | None
    mentions: list[Range]


@dataclass
class PredEvent:
    type: str
    source: list[str | None]
    target: list[str | None]
    date: str | None
    status: str
    spans: list[Range]
    sentence: Range | None


@dataclass
class PredQuote:
    start: int
    end: int
    speaker_spans: list[Range]
    names_speaker: bool


@dataclass
class Prediction:
    actors: dict[str, PredActor] = field(default_factory=dict)
    events: list[PredEvent] = field(default_factory=list)
    quotes: list[PredQuote] = field(default_factory=list)


def _span(raw: object) -> Range | None:
    if isinstance(raw, dict) and isinstance(raw.get("start"), int) and isinstance(raw.get("end"), int):
        return raw["start"], raw["end"]
    return None


def _spans(items: object) -> list[Range]:
    return [s for s in (_span(i) for i in (items if isinstance(items, list) else [])) if s]


def _country_of(entry: object, actors: dict[str, PredActor]) -> tuple[bool, str | None]:
    if isinstance(entry, dict):
        return True, normalise_country(entry.get("country"))
    if isinstance(entry, str) and entry in actors:
        return True, actors[entry].country
    return False, None


def read_prediction(obj: dict | None) -> Prediction:
    """The parts of one output object the scorer reads (see docs/output-contract.md)."""
    pred = Prediction()
    if not obj:
        return pred
    for a in obj.get("actors") or []:
        if isinstance(a, dict) and a.get("id") is not None:
            sector = a.get("sector")
            pred.actors[str(a["id"])] = PredActor(
                normalise_country(a.get("country")),
                sector.strip().upper() if isinstance(sector, str) and sector.strip() else None,
                _spans(a.get("mentions")),
            )
    for e in obj.get("events") or []:
        if not isinstance(e, dict):
            continue
        sides = []
        for key in ("source", "target"):
            entries = e.get(key) if isinstance(e.get(key), list) else [e.get(key)] if e.get(key) else []
            sides.append([c for ok, c in (_country_of(x, pred.actors) for x in entries) if ok])
        trigger = _span(e.get("trigger"))
        spans = ([trigger] if trigger else []) + _spans(e.get("evidence")) + _spans(e.get("mentions"))
        pred.events.append(
            PredEvent(
                type=str(e.get("type") or "").strip().upper(),
                source=sides[0],
                target=sides[1],
                date=e.get("date") if isinstance(e.get("date"), str) else None,
                status=str(e.get("status") or "asserted").strip().lower(),
                spans=spans,
                sentence=_span(e.get("sentence")),
            )
        )
    for q in obj.get("quotes") or []:
        span = _span(q) if isinstance(q, dict) else None
        if span is None or span[0] >= span[1]:
            continue
        spans: list[Range] = []
        s, t = q.get("speaker_start"), q.get("speaker_end")
        if isinstance(s, int) and isinstance(t, int):
            spans.append((s, t))
        speaker = q.get("speaker")
        if isinstance(speaker, str) and speaker in pred.actors:
            spans += pred.actors[speaker].mentions
        pred.quotes.append(PredQuote(span[0], span[1], spans, bool(speaker) or bool(q.get("speaker_text"))))
    return pred
