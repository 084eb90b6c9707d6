"""The ``wirecoder_quotes`` spaCy component: direct, indirect and mixed quotations.

Speakers come from the actors stage only through :mod:`wirecoder.actors.api`; the time of a
quotation (its reporting clause's timex) through :mod:`wirecoder.time.api`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.actors import api as actors_api
from wirecoder.actors.api import actor_at, actor_for_token
from wirecoder.model import Quote
from wirecoder.quotes.assemble import Draft, assemble, doc_text
from wirecoder.quotes.continuity import carry_speakers
from wirecoder.quotes.lexicon import load_lexicon
from wirecoder.stage import guarded
from wirecoder.time.api import time_of
from wirecoder.zones.api import keep


class QuotesComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.lexicon = load_lexicon()  # read and compiled once per process

    @guarded("quotes")
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        drafts = keep(doc, assemble(doc, self.lexicon), lambda d: (d.start, d.end), lambda d: text[d.start : d.end])
        quotes = [to_quote(doc, text, draft, n) for n, draft in enumerate(drafts, 1)]
        carry_speakers(quotes, doc._.actors or [])
        doc._.quotes = quotes
        return doc


def to_quote(doc: Doc, text: str, draft: Draft, number: int) -> Quote:
    speaker_text = speaker_start = speaker_end = None
    if draft.speaker_span is not None:
        speaker_start, speaker_end = draft.speaker_span
        speaker_text = text[speaker_start:speaker_end]
    return Quote(
        id=f"q{number}",
        text=text[draft.start : draft.end],
        start=draft.start,
        end=draft.end,
        kind=draft.kind,  # type: ignore[arg-type]
        speaker=speaker_id(doc, draft),
        speaker_text=speaker_text,
        speaker_start=speaker_start,
        speaker_end=speaker_end,
        cue=cue_text(text, draft),
        cue_type=draft.cue_type,  # type: ignore[arg-type]
        negated=draft.negated,
        timex=timex_id(doc, draft),
    )


def speaker_id(doc: Doc, draft: Draft) -> str | None:
    """The actor of the speaker's head word, else the one the actors stage gives for the speaker's
    span (an institutional speaker: "the ministry", "state media", "the statement"), else any
    mention in the span."""
    if draft.speaker_head is not None:
        found = actor_for_token(doc, draft.speaker_head)
        if found is not None:
            return found
    if draft.speaker_span is None:
        return None
    found = actors_api.speaker_actor(doc, *draft.speaker_span)  # looked up on the module: tests replace it
    return found if found is not None else actor_at(doc, *draft.speaker_span)


def cue_text(text: str, draft: Draft) -> str | None:
    if draft.cue_span is not None:
        return text[draft.cue_span[0] : draft.cue_span[1]]
    if draft.cue_token is not None:
        return draft.cue_token.text
    return draft.cue_label


def timex_id(doc: Doc, draft: Draft) -> str | None:
    if draft.cue_token is None:
        return None
    anchor = time_of(doc, draft.cue_token)
    return anchor.timex_id if anchor.source == "timex" else None


@Language.factory("wirecoder_quotes")
def make_quotes(nlp: Language, name: str) -> QuotesComponent:
    return QuotesComponent(nlp, name)
