"""The zones stage's data: line patterns and agency names from ``data/zones/patterns.toml``.

Read and compiled once per process (:func:`load_patterns`).  ``{AGENCY}`` inside a pattern
stands for the alternation of every agency name, longest first.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PATTERN_LISTS = (
    "furniture",
    "caption_markers",
    "credit_lines",
    "picture_credits",
    "caption_credits",
    "bylines",
    "dated_lines",
    "edge_credits",
    "late_bylines",
)


@dataclass(frozen=True)
class ZonePatterns:
    """Compiled patterns; each ``*_line`` regex must match a whole (stripped) line."""

    furniture: re.Pattern[str]
    furniture_max_words: int
    caption_marker: re.Pattern[str]
    credit_lines: tuple[re.Pattern[str], ...]
    edge_credits: tuple[re.Pattern[str], ...]
    picture_credit: re.Pattern[str]
    caption_credit: re.Pattern[str]
    bylines: tuple[re.Pattern[str], ...]
    late_bylines: tuple[re.Pattern[str], ...]
    byline_max_words: int
    dated_line: re.Pattern[str]
    agencies: frozenset[str]
    opening_credit: re.Pattern[str]
    list_head: re.Pattern[str]
    list_item_max_words: int
    not_name_words: frozenset[str]
    name_particles: frozenset[str]


def _alternation(patterns: list[str]) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


def compile_patterns(data: dict) -> ZonePatterns:
    """Compile the parsed TOML table (a ValueError names a missing list or a broken pattern)."""
    for key in (*PATTERN_LISTS, "agencies"):
        if not isinstance(data.get(key), list) or not data[key]:
            raise ValueError(f"zones patterns: '{key}' must be a non-empty list")
    names = sorted({str(a) for a in data["agencies"]}, key=len, reverse=True)
    agency = "|".join(re.escape(a) for a in names)

    def lines(key: str) -> list[str]:
        return [str(p).replace("{AGENCY}", agency) for p in data[key]]

    def whole(pattern: str) -> re.Pattern[str]:
        try:
            return re.compile(rf"(?:{pattern})\Z", re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"zones patterns: bad pattern {pattern[:60]!r}: {exc}") from None

    return ZonePatterns(
        furniture=whole(_alternation(lines("furniture"))),
        furniture_max_words=int(data.get("furniture_max_words", 25)),
        caption_marker=re.compile(_alternation(lines("caption_markers")), re.IGNORECASE),
        credit_lines=tuple(whole(p) for p in lines("credit_lines")),
        edge_credits=tuple(whole(p) for p in lines("edge_credits")),
        picture_credit=whole(_alternation(lines("picture_credits"))),
        # searched, and must end the line: the text before it is the caption
        caption_credit=re.compile(rf"(?:{_alternation(lines('caption_credits'))})\s*\Z", re.IGNORECASE),
        bylines=tuple(whole(p) for p in lines("bylines")),
        late_bylines=tuple(whole(p) for p in lines("late_bylines")),
        byline_max_words=int(data.get("byline_max_words", 16)),
        dated_line=whole(_alternation(lines("dated_lines"))),
        agencies=frozenset(a.lower() for a in names),
        list_head=whole(str(data.get("list_head", r"(?!)"))),
        list_item_max_words=int(data.get("list_item_max_words", 6)),
        opening_credit=re.compile(str(data.get("opening_credit", r"(?!)")).replace("{AGENCY}", agency)),
        not_name_words=frozenset(str(w).lower() for w in data.get("not_name_words", [])),
        name_particles=frozenset(str(w).lower() for w in data.get("name_particles", [])),
    )


@lru_cache(maxsize=1)
def load_patterns() -> ZonePatterns:
    text = resources.files("wirecoder").joinpath("data/zones/patterns.toml").read_text(encoding="utf-8")
    return compile_patterns(tomllib.loads(text))
