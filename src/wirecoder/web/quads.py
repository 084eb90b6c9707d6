"""PLOVER quad classes (verbal/material cooperation/conflict) as the pages show them.

The dashboard groups events by quad class because sixteen event types are too many series for
one readable chart.  Which type belongs to which class is the store's codebook (a data file);
this module only adds the CSS keys and display labels.
"""

from __future__ import annotations

from wirecoder.store.codebook import quad_class, quad_names

#: Quad number -> short key used in CSS classes (``quad-<key>``, ``series-<key>``).
QUAD_KEYS: dict[int, str] = {1: "vcoop", 2: "mcoop", 3: "vconf", 4: "mconf"}


def quad_label(quad: int) -> str:
    name = quad_names().get(quad, f"quad {quad}")
    return name[:1].upper() + name[1:]


def quads() -> list[tuple[int, str, str]]:
    """(number, CSS key, label) for the four classes, in PLOVER order."""
    return [(n, QUAD_KEYS[n], quad_label(n)) for n in sorted(QUAD_KEYS)]


def quad_of(event_type: str | None) -> int | None:
    return quad_class(event_type or "")


def quad_key(event_type: str | None) -> str:
    """CSS key of the event type's quad class ("other" for an unknown type)."""
    return QUAD_KEYS.get(quad_of(event_type) or 0, "other")
