"""WHERE clauses for the query filters.  User values only ever travel as parameters.

Actor matching (``--actor``, ``--speaker``, each side of ``--dyad``) is case-insensitive and
accepts any of: a name (``"Kim Jong-un"``, or words of it: ``Trump`` matches "Donald Trump"),
a country code (``PRK``), a CAMEO-style code (``USAGOV``) or an ``actor_key``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wirecoder.model import PLOVER_TYPES
from wirecoder.store.errors import QueryError
from wirecoder.store.flatten import normalise_name

STATUSES = ("asserted", "negated", "hypothetical", "planned", "reported")


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


def actor_match(value: str) -> tuple[str, list[Any]]:
    """A subquery of (doc_id, actor_id) for the actors that ``value`` names."""
    value = value.strip()
    norm = normalise_name(value)
    if not value:
        raise QueryError("an actor filter needs a name or a code")
    # normalise_name leaves only word characters and single spaces, so the words need no regex escaping.
    # A value with no word characters (":") matches codes and keys only: DuckDB's regex engine
    # (RE2) has no never-matching lookahead, so use a pattern no normalised name can contain.
    pattern = rf"\b{norm}\b" if norm else r"\x00"
    sql = (
        "SELECT doc_id, actor_id FROM actors WHERE name_norm = ? OR upper(country) = ? OR upper(code) = ? "
        "OR actor_key = ? OR regexp_matches(name_norm, ?)"
    )
    return sql, [norm, value.upper(), value.upper(), value, pattern]


def split_dyad(dyad: str) -> tuple[str, str]:
    """'USA-PRK' -> ('USA', 'PRK').  Names with hyphens are written with a comma: 'Kim Jong-un,Trump'."""
    text = dyad.strip()
    if "," in text:
        parts = text.split(",")
    elif " - " in text:
        parts = text.split(" - ")
    else:
        parts = text.split("-")
    parts = [p.strip() for p in parts]
    if len(parts) != 2 or not all(parts):
        raise QueryError(f"--dyad must name two actors like USA-PRK (or 'Kim Jong-un,Donald Trump'), got '{dyad}'")
    return parts[0], parts[1]


def add_event_actor(where: Where, actor: str, alias: str = "e") -> None:
    sub, params = actor_match(actor)
    where.add(
        f"EXISTS (SELECT 1 FROM event_actors ea JOIN ({sub}) m ON ea.doc_id = m.doc_id AND ea.actor_id = m.actor_id "
        f"WHERE ea.doc_id = {alias}.doc_id AND ea.event_id = {alias}.event_id)",
        *params,
    )


def add_event_dyad(where: Where, dyad: str, alias: str = "e") -> None:
    """Events between the two actors, in either direction.

    Two different participants, one matching each side, as source and target (either way
    round), or both as sources of an event without a target (talks "between A and B").
    """
    first, second = split_dyad(dyad)
    sub_a, params_a = actor_match(first)
    sub_b, params_b = actor_match(second)
    where.add(
        "EXISTS (SELECT 1 "
        f"FROM event_actors pa JOIN ({sub_a}) ma ON pa.doc_id = ma.doc_id AND pa.actor_id = ma.actor_id, "
        f"event_actors pb JOIN ({sub_b}) mb ON pb.doc_id = mb.doc_id AND pb.actor_id = mb.actor_id "
        f"WHERE pa.doc_id = {alias}.doc_id AND pa.event_id = {alias}.event_id "
        f"AND pb.doc_id = {alias}.doc_id AND pb.event_id = {alias}.event_id AND pa.actor_id <> pb.actor_id "
        f"AND (pa.role <> pb.role OR (pa.role = 'source' AND pb.role = 'source' AND len({alias}.target_ids) = 0)))",
        *params_a,
        *params_b,
    )


def add_type(where: Where, event_type: str | None, alias: str = "e") -> None:
    if not event_type:
        return
    wanted = [t.strip().upper() for t in event_type.split(",") if t.strip()]
    unknown = [t for t in wanted if t not in PLOVER_TYPES]
    if unknown:
        raise QueryError(f"unknown event type '{unknown[0]}' (PLOVER types: {', '.join(PLOVER_TYPES)})")
    where.add(f"{alias}.type IN (SELECT unnest(?::VARCHAR[]))", wanted)


def add_status(where: Where, status: str | None, alias: str = "e") -> None:
    if not status:
        return
    wanted = [s.strip().lower() for s in status.split(",") if s.strip()]
    unknown = [s for s in wanted if s not in STATUSES]
    if unknown:
        raise QueryError(f"unknown status '{unknown[0]}' (choose from: {', '.join(STATUSES)})")
    where.add(f"{alias}.status IN (SELECT unnest(?::VARCHAR[]))", wanted)


def add_dates(where: Where, since: Any, until: Any, alias: str) -> None:
    """Keep rows whose span of days overlaps [since, until]; undated rows drop out once either is given."""
    if since is not None:
        where.add(f"{alias}.date_end >= ?", since)
    if until is not None:
        where.add(f"{alias}.date_start <= ?", until)
