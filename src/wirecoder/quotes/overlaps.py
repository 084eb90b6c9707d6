"""One attribution per quote: reports that repeat an attribution already made are dropped.

* "Sanders said he believes X" is one attribution: a belief or perception reported inside what
  someone said belongs to that quote;
* "The mayor refused to comment on the report": an infinitive cue that inherits its speaker
  from the report it sits in adds no second quote.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from wirecoder.quotes.assemble import Draft

_VIEW_TYPES = frozenset({"belief", "perception", "evidence"})
_SPEECH_TYPES = frozenset({"speech", "writing"})


def without_repeated_attributions(drafts: list[Draft]) -> list[Draft]:
    """ "Sanders said he believes X" is one attribution: the view reported inside what someone
    said belongs to that quotation, and is no quotation of its own."""
    said = sorted((d.start, d.end) for d in drafts if d.cue_type in _SPEECH_TYPES and d.kind != "direct")
    starts = [s for s, _ in said]
    reports = [d for d in drafts if d.kind != "direct" and d.speaker_head is not None]
    kept = []
    for draft in drafts:
        if _restated_by_its_speaker(draft, reports):
            continue
        if draft.cue_type in _VIEW_TYPES and draft.cue_token is not None:
            pos = draft.cue_token.idx
            k = bisect.bisect_right(starts, pos) - 1
            # any speech content starting before the cue may hold it; a few nest, so look back a little
            if any(said[j][0] <= pos < said[j][1] for j in range(max(0, k - 4), k + 1)):
                continue
        kept.append(draft)
    return kept


def _restated_by_its_speaker(draft: Draft, reports: list[Draft]) -> bool:
    """ "The mayor refused to comment on the report": the cue "comment on" inherits the mayor from
    "refused" and sits inside its content; one attribution is enough."""
    if draft.cue_token is None or draft.speaker_head is None or draft.kind == "direct":
        return False
    if draft.cue_token.dep_ != "xcomp":
        return False  # "said A, adding B": a second act of its own
    pos = draft.cue_token.idx
    return any(
        other is not draft and other.speaker_head.i == draft.speaker_head.i and other.start <= pos < other.end
        for other in reports
        if other.speaker_head is not None
    )
