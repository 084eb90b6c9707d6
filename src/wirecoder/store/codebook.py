"""PLOVER facts the store needs: quad classes, CAMEO roots and conflict/cooperation scores.

The tables are data files in ``wirecoder/data/store/`` (with their sources in the headers);
this module only loads them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class PloverType:
    name: str
    quad_class: int
    cameo_root: str
    score: float


def _rows(filename: str) -> list[dict[str, str]]:
    text = (resources.files("wirecoder") / "data" / "store" / filename).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    return {
        row["type"]: PloverType(row["type"], int(row["quad_class"]), row["cameo_root"], float(row["score"]))
        for row in _rows("plover_types.tsv")
    }


@lru_cache(maxsize=1)
def quad_names() -> dict[int, str]:
    return {int(row["quad_class"]): row["name"] for row in _rows("quad_classes.tsv")}


@lru_cache(maxsize=1)
def mode_scores() -> dict[tuple[str, str], float]:
    return {(row["type"], row["mode"]): float(row["score"]) for row in _rows("plover_mode_scores.tsv")}


def quad_class(event_type: str) -> int | None:
    info = plover_types().get(event_type)
    return info.quad_class if info else None


def quad_name(quad: int | None) -> str | None:
    return quad_names().get(quad) if quad is not None else None


def score(event_type: str, mode: str | None) -> float | None:
    """The PLOVER conflict/cooperation score (-10..+10) of a type, refined by its mode when listed."""
    if mode:
        refined = mode_scores().get((event_type, mode.strip().lower()))
        if refined is not None:
            return refined
    info = plover_types().get(event_type)
    return info.score if info else None


def cameo_root(event_type: str, cameo: str | None) -> str | None:
    """The two-digit CAMEO root: from the event's own CAMEO code when it has one, else from its type."""
    if cameo and len(cameo) >= 2 and cameo[:2].isdigit():
        return cameo[:2]
    info = plover_types().get(event_type)
    return info.cameo_root if info else None
