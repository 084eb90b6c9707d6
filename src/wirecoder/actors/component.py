"""The ``wirecoder_actors`` spaCy component.

Current state: named-entity mentions grouped by surface name.  Coding (country, sector,
role), gazetteers and coreference are tracked in the actors issue.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from wirecoder.actors.api import MentionRef
from wirecoder.model import Actor, Span
from wirecoder.stage import guarded

_KIND_BY_LABEL = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


class ActorsComponent:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    @guarded("actors")
    def __call__(self, doc: Doc) -> Doc:
        by_name: dict[tuple[str, str], Actor] = {}
        refs: list[MentionRef] = []
        for ent in doc.ents:
            kind = _KIND_BY_LABEL.get(ent.label_)
            if kind is None:
                continue
            key = (ent.text, kind)
            actor = by_name.get(key)
            if actor is None:
                actor = Actor(id=f"a{len(by_name) + 1}", name=ent.text, kind=kind)  # type: ignore[arg-type]
                by_name[key] = actor
            actor.mentions.append(Span(start=ent.start_char, end=ent.end_char, text=ent.text))
            refs.append(MentionRef(ent.start_char, ent.end_char, actor.id))
        doc._.actors = list(by_name.values())
        doc._.actor_mentions = sorted(refs)
        return doc


@Language.factory("wirecoder_actors")
def make_actors(nlp: Language, name: str) -> ActorsComponent:
    return ActorsComponent(nlp, name)
