"""Cross-article dedup: event mentions grouped into story-level events, as GDELT does.

Many articles report the same happening.  Two event rows are taken to be the same story
event when they have the same PLOVER type, the same set of source actors and the same set of
target actors (by actor code, ``USAGOV``; by actor key when an actor has no code), and dates
that agree at the precision the text gave: an event dated ``2019-03`` matches one dated
``2019-03-14``, one dated ``2019`` matches both.

Each story reports how many mentions (event rows), documents and distinct sources (the
document's ``source``, else the host of its URL; a document with neither counts as a source
of its own) it was built from, like GDELT's NumMentions / NumArticles / NumSources.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlparse

from wirecoder.store import codebook
from wirecoder.store.errors import QueryError

#: Coarse precisions are placed after finer ones so they can join the finer clusters they cover.
_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, None: 5}


def participant_ref(party: dict[str, Any]) -> str:
    return party.get("code") or party.get("actor_key") or (party.get("name") or "").casefold()


def signature(row: dict[str, Any]) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return (
        row["type"],
        tuple(sorted({participant_ref(p) for p in row["source"]})),
        tuple(sorted({participant_ref(p) for p in row["target"]})),
    )


@dataclass
class _Cluster:
    start: str | None  # ISO dates compare correctly as strings
    end: str | None
    value: str | None
    precision: str | None
    members: list[dict[str, Any]] = field(default_factory=list)

    def within(self, start: str, end: str, days: int = 0) -> bool:
        """Whether this cluster's days lie inside [start, end] widened by ``days`` on each side."""
        if self.start is None or self.end is None:
            return False
        if days:
            start, end = _shift(start, -days), _shift(end, days)
        return start <= self.start and self.end <= end


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


#: The keys of a story row, in order (tests check them against real stories).
STORY_FIELDS = [
    "story_id",
    "type",
    "mode",
    "quad_class",
    "quad",
    "score",
    "cameo",
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "status",
    "source",
    "target",
    "mentions",
    "documents",
    "sources",
    "doc_ids",
    "urls",
    "doc_id",
    "event_id",
    "trigger",
    "start",
    "end",
    "sentence",
    "first_seen",
]


def cluster(rows: list[dict[str, Any]], days: int = 0) -> list[dict[str, Any]]:
    """Story-level events from event rows (as :meth:`Store.events` returns them), ordered by date.

    ``days`` widens the date match: with ``days=1`` a report dated the 27th joins a story dated
    the 26th or 28th (time zones and "yesterday" put one happening on neighbouring days).  Each
    mention is compared with the story's first date, so stories do not chain along a week.
    """
    if days < 0:
        raise QueryError(f"--dedup-days must not be negative, got {days}")
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for row in rows:
        if not row["source"] and not row["target"]:
            # Without participants, nothing says two mentions are the same happening.
            groups[("solo", row["doc_id"], row["event_id"])] = [row]
        else:
            groups.setdefault(signature(row), []).append(row)
    stories = [_story(c) for members in groups.values() for c in _split_by_date(members, days)]
    stories.sort(key=lambda s: (s["date_start"] is None, s["date_start"] or "", s["type"], s["story_id"]))
    return stories


def _split_by_date(rows: list[dict[str, Any]], days: int = 0) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    undated: _Cluster | None = None
    ordered = sorted(rows, key=lambda r: (_PRECISION_ORDER.get(r["date_precision"], 5), r["date_start"] or ""))
    for row in ordered:
        start, end = row["date_start"], row["date_end"]
        if start is None or end is None:
            undated = undated or _Cluster(None, None, None, None)
            undated.members.append(row)
            continue
        covered = [c for c in clusters if c.within(start, end, days)]
        if covered:
            # The coarse date could be any of them; the best-reported reading wins (then the earliest).
            best = min(covered, key=lambda c: (-len(c.members), c.start or ""))
            best.members.append(row)
        else:
            clusters.append(_Cluster(start, end, row["date"], row["date_precision"], [row]))
    return clusters + ([undated] if undated else [])


def _source_of(row: dict[str, Any]) -> str:
    if row.get("doc_source"):
        return str(row["doc_source"])
    host = urlparse(row.get("url") or "").hostname
    return host or f"doc:{row['doc_id']}"


def _common(values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    return Counter(present).most_common(1)[0][0] if present else None


def _parties(members: list[dict[str, Any]], role: str) -> list[dict[str, Any]]:
    """One entry per participant code: the name the mentions use most, and its country and sector."""
    names: dict[str, Counter] = {}
    codes: dict[str, dict[str, Any]] = {}
    for row in members:
        for party in row[role]:
            ref = participant_ref(party)
            names.setdefault(ref, Counter())[party.get("name")] += 1
            codes.setdefault(ref, {"country": party.get("country"), "sector": party.get("sector")})
    return [{"code": ref, "name": names[ref].most_common(1)[0][0], **codes[ref]} for ref in sorted(names)]


def _story(c: _Cluster) -> dict[str, Any]:
    members = sorted(c.members, key=lambda r: (r["doc_id"], r["start"] or 0, r["event_id"]))
    # The most confident mention stands for the story (the first one on ties).
    best = max(enumerate(members), key=lambda pair: (pair[1]["confidence"] or 0.0, -pair[0]))[1]
    event_type = members[0]["type"]
    mode = _common([r["mode"] for r in members])
    quad = codebook.quad_class(event_type)
    doc_ids = sorted({r["doc_id"] for r in members})
    # Stable while more articles join the story: built from what defines it, not from its members,
    # except where nothing else tells two stories apart (no date, or no participants).
    first = members[0]
    anonymous = c.value is None or not (first["source"] or first["target"])
    member = f"{first['doc_id']}#{first['event_id']}" if anonymous else ""
    key = "|".join([event_type, repr(signature(first)), str(c.value), member])
    return {
        "story_id": "s" + hashlib.sha1(key.encode()).hexdigest()[:12],
        "type": event_type,
        "mode": mode,
        "quad_class": quad,
        "quad": codebook.quad_name(quad),
        "score": codebook.score(event_type, mode),
        "cameo": _common([r["cameo"] for r in members]),
        "date": c.value,
        "date_precision": c.precision,
        "date_start": c.start,
        "date_end": c.end,
        "status": _common([r["status"] for r in members]),
        "source": _parties(members, "source"),
        "target": _parties(members, "target"),
        "mentions": len(members),
        "documents": len(doc_ids),
        "sources": len({_source_of(r) for r in members}),
        "doc_ids": doc_ids,
        "urls": sorted({r["url"] for r in members if r.get("url")}),
        "doc_id": best["doc_id"],
        "event_id": best["event_id"],
        "trigger": best["trigger"],
        "start": best["start"],
        "end": best["end"],
        "sentence": best["sentence"],
        "first_seen": min((r["dct"] for r in members if r.get("dct")), default=None),
    }
