"""Wire-story datelines ("GENEVA, March 14 (Reuters) –") as their own sentence.

spaCy's parser otherwise hangs the lede's clause off the dateline: "GENEVA" or the agency
becomes the subject of the first verb, so the first event and quote of nearly every wire story
get the wrong party.  Marking the token after the dateline as a sentence start before parsing
(the parser keeps preset boundaries) leaves the lede's own syntax intact.

The zones stage (:mod:`wirecoder.zones.layout`) finds datelines with :func:`dateline_end` too,
also after a headline, and labels the place and date ``dateline``, the agency a ``credit``.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

# An all-caps place, then a comma and a short date and/or an agency in parentheses, then a
# dash.  One of the comma part or the agency is required, so an all-caps first word alone
# ("NATO - ...") is not taken for a dateline.
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'’ /-]{1,40}"
    r"(?:(?:,[^\n()–—]{1,40}?)\s*(?:\([^()\n]{1,60}\))?|\s*\([^()\n]{1,60}\))"
    r"\s*(?:[–—-]{1,2}|_)(?:\s+|\Z)"  # older AP copy dashes with "_"; a dateline can be a line of its own
)


def dateline_end(text: str) -> int | None:
    """Character offset where the body starts after a leading dateline, or None."""
    match = _DATELINE.match(text[:200])
    return match.end() if match else None


def mark_dateline(doc: Doc) -> Doc:
    """Start a new sentence after a leading dateline (call before the parser runs)."""
    end = dateline_end(doc.text)
    if end is None:
        return doc
    for token in doc:
        if token.idx >= end:
            if token.i > 0:
                token.is_sent_start = True
            break
    return doc
