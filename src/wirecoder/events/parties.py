"""Which actors a stretch of syntax refers to, asked only through :mod:`wirecoder.actors.api`.

The events stage never looks for names itself: it picks the tokens that fill a role (subject,
object, "sanctions on X", "Pyongyang's test") and asks the actors stage which actor each
token's noun phrase mentions.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.actors.api import actor_at, actor_by_id, actor_for_token, country_actor
from wirecoder.events import places
from wirecoder.events.lexicon import event_data
from wirecoder.events.syntax import conjuncts, lemma, np_range, prep_objects

_LOOK_THROUGH_PREPS = frozenset({"of", "in"})
#: A party that is a country implied by a place ("attacked Jericho"): ``country:PSE``.  Kept as
#: a placeholder while the coder weighs candidates, and turned into an actor id (through
#: :func:`wirecoder.actors.api.country_actor`) only for events that are kept.
IMPLIED_PREFIX = "country:"
#: Places that only locate, never stand for a country's government.
_PLACE_ENTITY_LABELS = frozenset({"GPE", "LOC"})


def implied(iso3: str) -> str:
    return IMPLIED_PREFIX + iso3


def core_argument(token: Token) -> bool:
    """The noun phrase is the subject, object or possessor of its head, or the object of
    "against" / a passive "by" ("attacked Jericho", "Baghdad's refusal", "raids against
    Kabul"); "in Washington", "from Beijing" only locate the event."""
    cues = event_data()
    while token.dep_ == "conj" and token.head != token:
        token = token.head  # "attacked Jericho and Hebron": the first conjunct's role
    if token.dep_ in cues.cue("party_place_deps"):
        return True
    if token.dep_ != "pobj":
        return False
    if lemma(token.head) in cues.cue("party_place_prepositions"):
        return True
    # "the claim from Berlin", "aid from Beijing": a city a said or given thing comes from is its author
    named = token.head.head
    if token.head.lower_ != "from" or named.pos_ != "NOUN":
        return False
    word = lemma(named)
    return bool(cues.entries(word, "N")) or word in cues.cue("reporting_verbs")


def city_party(doc: Doc, token: Token) -> str | None:
    """``country:XXX`` when ``token`` heads a place name that is a core argument: a city that
    attacks, is attacked or refuses acts for (or suffers as) its country."""
    span = places.entity_span(doc, token)
    if span is None or span.label_ not in _PLACE_ENTITY_LABELS or not core_argument(token):
        return None
    located = places.location_of(doc, span)
    country = located.country if located is not None else None
    return implied(country) if country and len(country) == 3 and country.isalpha() else None


def resolve_implied(doc: Doc, ids: list[str], exclude: list[str]) -> list[str]:
    """Replace ``country:XXX`` placeholders by actor ids (found or created); drop the ones
    that would make an actor its own counterpart."""
    out: list[str] = []
    for actor in ids:
        if actor.startswith(IMPLIED_PREFIX):
            found = country_actor(doc, actor[len(IMPLIED_PREFIX) :], exclude=set(exclude))
            if found is None:
                continue
            actor = found
        if actor not in out:
            out.append(actor)
    return out


def actor_of_np(doc: Doc, token: Token, group_nouns: frozenset[str], depth: int = 0) -> str | None:
    """The actor a noun phrase headed by ``token`` mentions, or None.

    Tried in order: the head itself ("Pompeo"), its pre-modifiers ("U.S. officials",
    "Pyongyang's launch"), an apposition ("Kim, North Korea's envoy"), and for group words the
    object of "of"/"in" ("leaders of the coalition", "opposition groups in Zimbabwe").
    """
    found = actor_for_token(doc, token) or city_party(doc, token)
    if found:
        return found
    start, end = np_range(token)
    if start < token.idx:
        found = actor_at(doc, start, end) or next(
            (p for c in token.children if c.dep_ == "poss" and (p := city_party(doc, c))), None
        )  # "Baghdad's refusal": a city as possessor
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


#: Plural nouns that, with "two" or "both", refer back to a pair of countries.
PAIR_NOUNS = frozenset({"country", "nation", "side", "state", "government", "neighbour", "neighbor"})


def country_known(doc: Doc, actor_id: str) -> bool:
    actor = actor_by_id(doc, actor_id)
    return actor is not None and bool(actor.country)


def pair_reference(doc: Doc, token: Token) -> list[str]:
    """ "Turkey and Greece ... the leaders of the two countries spoke": "the two countries",
    "both sides" name the two countries last coordinated in this sentence or the one before."""
    if token.tag_ != "NNS" or lemma(token) not in PAIR_NOUNS:
        return []
    if not any(c.lower_ in ("two", "both") and c.dep_ in ("nummod", "det", "predet") for c in token.children):
        return []
    sent = token.sent
    start = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    for t in reversed(doc[start : token.i]):
        if t.dep_ != "conj":
            continue
        pair = [actor_for_token(doc, t.head), actor_for_token(doc, t)]
        actors = [actor_by_id(doc, a) for a in pair if a]
        if len(actors) == 2 and pair[0] != pair[1] and all(a and a.kind == "country" for a in actors):
            return [a for a in pair if a]
    return []


def capital_party(doc: Doc, word: str, pobj: Token, place_preps: frozenset[str]) -> list[str]:
    """ "sanctions on Moscow", "talks with Washington": a national capital in a party's slot (not
    after a locative "in"/"at") stands for its government (``country:XXX``)."""
    if word in place_preps:
        return []
    span = places.entity_span(doc, pobj)
    country = places.capital_country(span.text) if span is not None and span.label_ == "GPE" else None
    return [implied(country)] if country else []


#: Actor "countries" that are no state: nothing can be domestic to them.
NON_STATE_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC", "IMG", "ISM"})


def own_country(doc: Doc, source: list[str]) -> str | None:
    """The one country all source actors belong to (international bodies have none)."""
    countries = {actor.country if (actor := actor_by_id(doc, a)) is not None else None for a in source}
    if len(countries) != 1:
        return None
    country = countries.pop()
    return country if country and country not in NON_STATE_CODES else None
