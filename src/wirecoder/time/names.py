"""Time words inside a name: "USA Today", ABC's "This Week", CBS's "60 Minutes".

Mid-sentence, English writes "today", "this week" and "60 minutes" in lower case; a capital
on such a word marks a title or a name, no time expression:

* a unit word capitalised after the expression's start ("This Week", "60 Minutes");
* "Today", "Tonight", "Tomorrow", "Yesterday" right after a capitalised word of the same
  sentence ("USA Today", "VOA Today").

Headlines and standfirsts, written in title case, keep their expressions, and so do holidays
("Thanksgiving Day": the caller leaves them out).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc

from wirecoder.time.lexicon import load_lexicon
from wirecoder.zones.api import zone_at


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Words of units and parts of day (lexicon.json): "weeks", "minutes", "morning"."""
    lex = load_lexicon()
    return frozenset(w for w in (*lex.units, *lex.parts_of_day) if " " not in w and "-" not in w)


_DAY_WORDS = frozenset({"today", "tonight", "tomorrow", "yesterday"})
_WORD = re.compile(r"[A-Za-z]+")
#: A capitalised word (a name, an acronym, a possessive) right before, in the same sentence.
_NAME_BEFORE = re.compile(r"(?<![.!?]\s)\b[A-Z][\w'’]*(?:'s|’s)?[ \t]+$")
_TITLE_ZONES = frozenset({"headline", "standfirst"})


def inside_a_name(doc: Doc, text: str, start: int, end: int) -> bool:
    words = list(_WORD.finditer(text, start, end))
    if not words:
        return False
    titled = any(w.start() > start and w.group()[0].isupper() and w.group().lower() in _unit_words() for w in words)
    first = words[0].group()
    if not titled and first.lower() in _DAY_WORDS and first[0].isupper() and words[0].start() == start:
        titled = bool(_NAME_BEFORE.search(text[max(0, start - 40) : start]))
    return titled and zone_at(doc, start) not in _TITLE_ZONES
