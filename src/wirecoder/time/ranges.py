"""Ranges: "from 2015 to 2018", "between May and July", "from March 1 until March 5".

TimeML marks each endpoint as its own TIMEX3; both endpoints here also carry the range they
bound (``range_begin``, ``range_end``: the two values), so a later stage that attaches an event
to "2015" knows it lasted until 2018.
"""

from __future__ import annotations

import itertools
import re

from wirecoder.model import Timex

_OPENER = re.compile(r"\b(from|between)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
_JOINER = {
    "from": re.compile(r"^[ \t]*(?:(?:to|until|till|through|thru)[ \t]+(?:the[ \t]+)?|[-–—][ \t]*)$", re.I),
    "between": re.compile(r"^[ \t]*(?:and|-|–)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE),
}

_MAX_GAP = 16  # the joining word and its spaces


def _is_point(t: Timex) -> bool:
    return t.type in ("DATE", "TIME") and t.value[:1].isdigit()


def link_ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """The timexes, with ``range_begin``/``range_end`` set on both ends of every range."""
    out = list(timexes)
    for i, (a, b) in enumerate(itertools.pairwise(timexes)):
        opener = _OPENER.search(text[max(0, a.start - 14) : a.start])
        if not opener or not (_is_point(a) and _is_point(b)):
            continue
        gap = text[a.end : b.start]
        if len(gap) > _MAX_GAP or "\n" in gap or not _JOINER[opener.group(1).lower()].search(gap):
            continue
        if b.value < a.value[: len(b.value)]:
            continue  # "from 2018 to 2015" is no range a reader would write: leave it alone
        update = {"range_begin": a.value, "range_end": b.value}
        out[i] = out[i].model_copy(update=update)
        out[i + 1] = out[i + 1].model_copy(update=update)
    return out
