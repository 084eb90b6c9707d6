"""Which time expressions belong to the page, not to the story.

A byline's date ("By Jane Roe, March 4, 2021"), a "Read more" link's date and a page stamp
("Published 10:42 a.m. ET March 4, 2021", "Updated: ...") say when the page was made or what
else it links to; they date the article (the DCT is inferred from them first) but are no time
expressions of its text.  A wire dateline ("WASHINGTON, March 12 (Xinhua) --") opens the story
and stays: TimeML corpora annotate its date.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from wirecoder.zones.api import excluded, zones_of

#: A dateline zone that is a page stamp: a line opening with a publishing verb.
_STAMP = re.compile(r"[ \t]*(?:first[ \t]+|last[ \t]+)?(?:published|updated|posted|modified)\b", re.IGNORECASE)


def in_page_furniture(doc: Doc, text: str, start: int, end: int) -> bool:
    """Is ``[start, end)`` in a byline, credit or furniture zone, or in a page stamp?"""
    zones = zones_of(doc)
    if not zones:
        return False
    if excluded(doc, start, end):
        return True
    k = bisect.bisect_right([z.start for z in zones], start) - 1
    if k < 0 or not zones[k].start <= start < zones[k].end or zones[k].kind != "dateline":
        return False
    return bool(_STAMP.match(text, zones[k].start))
