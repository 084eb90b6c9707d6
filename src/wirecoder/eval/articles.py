"""``wirecoder eval articles``: whole real articles, hand-annotated key events, actors and quotes.

The gold (``eval/gold/wikinews-2020/``, format in its README, reader in :mod:`article_gold`)
holds offsets and labels only; the texts are read from the shared datasets. Matching rules:

1. events: a predicted event is *at* a gold event when its trigger (or an ``evidence``/``mentions``
   span) lies in the sentence of the gold trigger or of one of its ``mentions``, or its own
   ``sentence`` holds the gold trigger. ``typed``: an event at it has the gold type. ``parties``:
   a typed one whose source and target countries satisfy the gold sides (every gold party with a
   known country matches a predicted party of that side; pooled sides for CONSULT, COOPERATE,
   AGREE and reciprocal events, as in ``eval events``). ``full``: a typed one with the parties,
   an acceptable date (when the gold gives one) and an acceptable status;
2. event precision only on articles marked ``events_complete``: the share of predicted events
   that are at a gold event of their type;
3. actors: a key actor is *found* when a predicted actor has a mention overlapping its span, and
   *ok* when one such actor has an acceptable country and (when the gold gives one) sector;
   a listed non-actor *comes out* when a predicted actor mention overlaps it;
4. quotes: each gold quote in order takes the unmatched prediction sharing the most characters,
   when shared / gold length >= 0.3; its speaker is right when the prediction's speaker span or a
   mention of its speaker actor overlaps the gold speaker (or, with ``speaker_actor``, the key
   actor's span); a gold quote with no speaker wants none. Precision on ``quotes_complete`` articles.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from wirecoder.errors import InputError
from wirecoder.eval.article_gold import (
    GoldActor,
    GoldArticle,
    GoldEvent,
    GoldQuote,
    Party,
    find_shared,
    load_text,
    read_gold,
    sentence_range,
)
from wirecoder.eval.article_preds import PredActor, PredEvent, Prediction, PredQuote, read_prediction
from wirecoder.eval.article_report import error_cases, metrics_table, per_type_table
from wirecoder.eval.base import EvalReport, index_predictions, predict, save_predictions, select_split
from wirecoder.eval.events import POOLED_TYPES, countries_match
from wirecoder.model import Article

SUMMARY_KEYS = [
    "docs",
    "key_events",
    "event_type_recall",
    "event_parties_recall",
    "event_full_recall",
    "event_precision",
    "key_actors",
    "actor_found",
    "actor_ok",
    "non_actors",
    "non_actor_rate",
    "quotes",
    "quote_found",
    "quote_speaker",
]
QUOTE_THRESHOLD = 0.3

Range = tuple[int, int]


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# --------------------------------------------------------------------------- events


def _side_ok(gold: tuple[Party, ...], predicted: list[str | None]) -> bool:
    return all(any(countries_match(c, p) for c in g.countries for p in predicted) for g in gold if g.countries)


def parties_ok(gold: GoldEvent, cand: PredEvent) -> bool:
    if gold.reciprocal or gold.type in POOLED_TYPES:
        pool = cand.source + cand.target
        return _side_ok(gold.source, pool) and _side_ok(gold.target, pool)
    return _side_ok(gold.source, cand.source) and _side_ok(gold.target, cand.target)


def event_windows(text: str, gold: GoldEvent) -> list[Range]:
    return [sentence_range(text, s, e) for s, e in (gold.trigger, *gold.mentions)]


def is_at(pred: PredEvent, gold: GoldEvent, windows: list[Range]) -> bool:
    if any(_overlaps(span, w) for span in pred.spans for w in windows):
        return True
    return pred.sentence is not None and any(_overlaps(pred.sentence, t) for t in (gold.trigger, *gold.mentions))


@dataclass
class EventScore:
    doc: str
    gold: GoldEvent
    typed: bool = False
    parties: bool = False
    full: bool = False
    near: list[PredEvent] = field(default_factory=list)


def score_event(doc: str, text: str, gold: GoldEvent, preds: list[PredEvent]) -> EventScore:
    windows = event_windows(text, gold)
    near = [p for p in preds if is_at(p, gold, windows)]
    typed = [p for p in near if p.type == gold.type]
    with_parties = [p for p in typed if parties_ok(gold, p)]
    full = [p for p in with_parties if (gold.dates is None or p.date in gold.dates) and p.status in gold.statuses]
    return EventScore(doc, gold, bool(typed), bool(with_parties), bool(full), near)


def true_predictions(text: str, gold: list[GoldEvent], preds: list[PredEvent]) -> int:
    """Rule 2: predicted events at some gold event of their own type."""
    windows = [(g, event_windows(text, g)) for g in gold]
    return sum(1 for p in preds if any(p.type == g.type and is_at(p, g, w) for g, w in windows))


# --------------------------------------------------------------------------- actors and quotes


def actor_ok(gold: GoldActor, actor: PredActor) -> bool:
    country = any(countries_match(c, actor.country) for c in gold.countries) if gold.countries else True
    sector = gold.sectors is None or actor.sector in gold.sectors
    return country and sector


@dataclass
class ActorScore:
    doc: str
    gold: GoldActor
    found: list[PredActor]  # the predicted actors with a mention overlapping the gold one
    ok: bool


def score_actor(doc: str, gold: GoldActor, pred: Prediction) -> ActorScore:
    """Rule 3 for one key actor."""
    span = (gold.start, gold.end)
    found = [a for a in pred.actors.values() if any(_overlaps(m, span) for m in a.mentions)]
    return ActorScore(doc, gold, found, any(actor_ok(gold, a) for a in found))


@dataclass
class QuoteScore:
    doc: str
    gold: GoldQuote
    pred: PredQuote | None  # the matched prediction
    right: bool  # matched with the right speaker


def match_quotes(gold: list[GoldQuote], preds: list[PredQuote]) -> dict[int, int]:
    taken: set[int] = set()
    result: dict[int, int] = {}
    for gi, g in enumerate(gold):
        best, best_pi = 0, -1
        for pi, p in enumerate(preds):
            shared = min(g.end, p.end) - max(g.start, p.start)
            if pi not in taken and shared > best and shared / (g.end - g.start) >= QUOTE_THRESHOLD:
                best, best_pi = shared, pi
        if best_pi >= 0:
            taken.add(best_pi)
            result[gi] = best_pi
    return result


def speaker_right(g: GoldQuote, p: PredQuote, actors: list[GoldActor]) -> bool:
    if g.speaker is None:
        return not p.names_speaker
    wanted = [g.speaker]
    if g.speaker_actor is not None and 0 <= g.speaker_actor < len(actors):
        wanted.append((actors[g.speaker_actor].start, actors[g.speaker_actor].end))
    return any(_overlaps(s, w) for s in p.speaker_spans for w in wanted)


# --------------------------------------------------------------------------- summary


def _rate(hits: int, total: int) -> float | None:
    return round(hits / total, 4) if total else None


@dataclass
class ScoreResult:
    summary: dict
    events: list[EventScore]
    actors: list[ActorScore]
    quotes: list[QuoteScore]
    non_actors_out: list[tuple[str, Range]]


def score(gold: list[GoldArticle], texts: dict[str, str], predictions: Iterable[dict]) -> ScoreResult:
    """Score prediction objects (joined on ``doc.id``) against gold articles and their texts."""
    index = index_predictions(predictions, {d.id for d in gold})
    events: list[EventScore] = []
    actors: list[ActorScore] = []
    quotes: list[QuoteScore] = []
    non_out: list[tuple[str, Range]] = []
    n = {"pred_events": 0, "true_events": 0, "pred_quotes": 0, "true_quotes": 0, "pred_all": 0}
    for doc in gold:
        pred, text = read_prediction(index.get(doc.id)), texts[doc.id]
        n["pred_all"] += len(pred.events)
        events += [score_event(doc.id, text, g, pred.events) for g in doc.events if g.key]
        if doc.events_complete:
            n["pred_events"] += len(pred.events)
            n["true_events"] += true_predictions(text, doc.events, pred.events)
        actors += [score_actor(doc.id, a, pred) for a in doc.actors]
        mentions = [m for a in pred.actors.values() for m in a.mentions]
        non_out += [(doc.id, s) for s in doc.non_actors if any(_overlaps(s, m) for m in mentions)]
        matches = match_quotes(doc.quotes, pred.quotes)
        for gi, g in enumerate(doc.quotes):
            matched = pred.quotes[matches[gi]] if gi in matches else None
            quotes.append(QuoteScore(doc.id, g, matched, matched is not None and speaker_right(g, matched, doc.actors)))
        if doc.quotes_complete:
            n["pred_quotes"] += len(pred.quotes)
            n["true_quotes"] += len(matches)
    n_events, n_actors, n_quotes = len(events), len(actors), len(quotes)
    n_all_events = sum(len(d.events) for d in gold)
    n_non = sum(len(d.non_actors) for d in gold)
    found_quotes = sum(1 for q in quotes if q.pred is not None)
    summary = {
        "docs": len(gold),
        "key_events": n_events,
        "event_type_recall": _rate(sum(e.typed for e in events), n_events),
        "event_parties_recall": _rate(sum(e.parties for e in events), n_events),
        "event_full_recall": _rate(sum(e.full for e in events), n_events),
        "event_precision": _rate(n["true_events"], n["pred_events"]),
        "key_actors": n_actors,
        "actor_found": _rate(sum(1 for a in actors if a.found), n_actors),
        "actor_ok": _rate(sum(1 for a in actors if a.ok), n_actors),
        "non_actors": n_non,
        "non_actor_rate": _rate(len(non_out), n_non),
        "quotes": n_quotes,
        "quote_found": _rate(found_quotes, n_quotes),
        "quote_speaker": _rate(sum(1 for q in quotes if q.right), n_quotes),
        "quote_speaker_acc": _rate(sum(1 for q in quotes if q.right), found_quotes),
        "quote_precision": _rate(n["true_quotes"], n["pred_quotes"]),
        "events_per_doc": _rate(n["pred_all"], len(gold)),
        "codeable_events": n_all_events,
        "complete_docs": sum(1 for d in gold if d.events_complete),
        "per_type": per_type(events),
    }
    return ScoreResult(summary, events, actors, quotes, non_out)


def per_type(events: list[EventScore]) -> dict[str, dict]:
    table: dict[str, dict] = {}
    for etype in sorted({e.gold.type for e in events}):
        rows = [e for e in events if e.gold.type == etype]
        table[etype] = {
            "gold": len(rows),
            "typed": _rate(sum(e.typed for e in rows), len(rows)),
            "full": _rate(sum(e.full for e in rows), len(rows)),
        }
    return table


def gold_as_predictions(gold: list[GoldArticle]) -> list[dict]:
    """The gold written as output objects (actors inline), which must score 1.0 on every rate."""
    out = []
    for doc in gold:
        actors = [
            {
                "id": f"k{n}",
                "country": (a.countries or [None])[0],
                "sector": (a.sectors or [None])[0],
                "mentions": [{"start": a.start, "end": a.end}],
            }
            for n, a in enumerate(doc.actors)
        ]
        events = []
        for e in doc.events:
            sides = [[{"country": (p.countries or [None])[0]} for p in side] for side in (e.source, e.target)]
            events.append(
                {
                    "type": e.type,
                    "source": sides[0],
                    "target": sides[1],
                    "status": e.statuses[0],
                    "date": e.dates[0] if e.dates else None,
                    "trigger": {"start": e.trigger[0], "end": e.trigger[1]},
                }
            )
        quotes = [
            {
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "speaker_start": q.speaker[0] if q.speaker else None,
                "speaker_end": q.speaker[1] if q.speaker else None,
            }
            for q in doc.quotes
        ]
        out.append({"doc": {"id": doc.id}, "actors": actors, "events": events, "quotes": quotes})
    return out


def load_texts(docs: list[GoldArticle], gold: Path) -> dict[str, str]:
    datasets = find_shared(gold)
    return {d.id: load_text(d, datasets) for d in docs}


def evaluate(gold: Path, baselines: list[str], errors: int, save: Path | None, split: str = "all") -> EvalReport:
    """Run the pipeline on the gold articles (with their dates) and score them."""
    if baselines:
        raise InputError(f"no baseline '{baselines[0]}' for articles")
    docs = select_split(read_gold(gold), split, errors)
    texts = load_texts(docs, gold)
    predictions = predict([Article(id=d.id, text=texts[d.id], date=d.date) for d in docs])
    if save is not None:
        save_predictions(predictions, save)
    result = score(docs, texts, predictions)
    summary = result.summary
    tables = [metrics_table(summary), per_type_table(summary)]
    return EvalReport(task="articles", summary=summary, tables=tables, errors=error_cases(result, texts, errors))
