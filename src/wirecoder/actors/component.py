"""The ``wirecoder_actors`` spaCy component.

Fills ``doc._.actors`` (list[Actor], ids a1, a2, ... in order of first mention),
``doc._.actor_mentions`` (sorted list[MentionRef]: names, titles, nominals, metonyms,
demonyms and the pronouns it resolved) and ``doc._.wc_state["actor_places"]`` (places for
:func:`wirecoder.actors.api.place_at`).  The work is done in :mod:`wirecoder.actors.analyse`;
the gazetteers load once per process (:func:`wirecoder.actors.gazetteer.load_gazetteer`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.actors.analyse import analyse
from wirecoder.actors.api import MODIFIERS_KEY, PLACES_KEY, STORY_COUNTRY_KEY
from wirecoder.actors.confidence import MIN_CONFIDENCE
from wirecoder.actors.gazetteer import load_gazetteer
from wirecoder.stage import guarded
from wirecoder.zones.api import keep_actor_mentions


class ActorsComponent:
    def __init__(self, nlp: Language, name: str, min_confidence: float = MIN_CONFIDENCE) -> None:
        self.name = name
        self.gazetteer = load_gazetteer()
        self.min_confidence = min_confidence

    @guarded("actors")
    def __call__(self, doc: Doc) -> Doc:
        result = analyse(doc, self.gazetteer, self.min_confidence)
        doc._.actors, doc._.actor_mentions = keep_actor_mentions(doc, result.actors, result.refs)  # zones
        state = doc._.wc_state if doc._.wc_state is not None else {}
        state[PLACES_KEY] = result.places
        state[MODIFIERS_KEY] = result.modifiers
        state[STORY_COUNTRY_KEY] = result.story_country
        doc._.wc_state = state
        return doc


@Language.factory("wirecoder_actors", default_config={"min_confidence": MIN_CONFIDENCE})
def make_actors(nlp: Language, name: str, min_confidence: float) -> ActorsComponent:
    """``min_confidence``: actors scored below it are left out (see :mod:`wirecoder.actors.confidence`)."""
    return ActorsComponent(nlp, name, min_confidence)
