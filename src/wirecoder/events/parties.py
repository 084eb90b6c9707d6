"""Which actors a stretch of syntax refers to, asked only through :mod:`wirecoder.actors.api`.

The events stage never looks for names itself: it picks the tokens that fill a role (subject,
object, "sanctions on X", "Pyongyang's test") and asks the actors stage which actor each
token's noun phrase mentions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.actors.api import actor_at, actor_for_token
from wirecoder.events.syntax import conjuncts, lemma, np_range, prep_objects

_LOOK_THROUGH_PREPS = frozenset({"of", "in"})


def actor_of_np(doc: Doc, token: Token, group_nouns: frozenset[str], depth: int = 0) -> str | None:
    """The actor a noun phrase headed by ``token`` mentions, or None.

    Tried in order: the head itself ("Pompeo"), its pre-modifiers ("U.S. officials",
    "Pyongyang's launch"), an apposition ("Kim, North Korea's envoy"), and for group words the
    object of "of"/"in" ("leaders of the coalition", "opposition groups in Zimbabwe").
    """
    found = actor_for_token(doc, token)
    if found:
        return found
    start, end = np_range(token)
    if start < token.idx:
        found = actor_at(doc, start, end)
        if found:
            return found
    if depth >= 1:
        return None
    for child in token.children:
        if child.dep_ == "appos":
            found = actor_of_np(doc, child, group_nouns, depth + 1)
            if found:
                return found
    if lemma(token) in group_nouns:
        for _, obj in prep_objects(token, _LOOK_THROUGH_PREPS):
            found = actor_of_np(doc, obj, group_nouns, depth + 1)
            if found:
                return found
    return None


def actors_of(doc: Doc, token: Token | None, group_nouns: frozenset[str]) -> list[str]:
    """Actors of a (possibly coordinated) noun phrase: "Jordan and Britain" gives both."""
    if token is None:
        return []
    found: list[str] = []
    for t in conjuncts(token):
        actor = actor_of_np(doc, t, group_nouns)
        if actor and actor not in found:
            found.append(actor)
    return found


def merge(*groups: list[str]) -> list[str]:
    """Concatenate id lists, keeping the first occurrence of each id."""
    out: list[str] = []
    for group in groups:
        for actor in group:
            if actor not in out:
                out.append(actor)
    return out
