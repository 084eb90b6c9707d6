"""Step 2 (filter), locations: names that only say where something happens are places.

An actor can act or speak; a place where something happens cannot.  The parse tells the two
uses apart, one mention at a time (the words come from ``non_actors.tsv``):

* a person or organisation name governed by a place noun ("the town of Qara Bagh", "the island
  of Samos") or in apposition to one ("the Serbian capital Belgrade") is that place, whatever
  the tagger called it (:func:`named_by_place_noun`, used by :mod:`wirecoder.actors.filter`;
  not for countries: "the State of Israel" is the state);
* a country that owns a place noun ("Turkey's west coast") or follows one with "of" ("the
  north of Syria") is where that place is (:func:`owns_place_noun`, :func:`in_part_of_country`);
* a country that locates the place before it ("Izmir, Turkey", "Berlin, Germany") is part of
  that place's address (:func:`locates_previous_place`);
* a country that is only the object of a preposition of static location ("died in Turkey",
  "criticism within Serbia", "spent years in Colombia") is where something happens
  (:func:`static_location`); "interfered in Venezuela" names a party;
* a country at the end of a path of travel ("returned from Colombia", "airlifted to
  Germany", "a flight from Turkey"); otherwise "at", "from", "to" often name parties ("angry
  at China", "aid from Germany", "troops to Mali"), so they are left alone.

A demonym on a place noun ("the Greek island") only locates it (:func:`describes_place_noun`).

Such country mentions become places (kept for :func:`wirecoder.actors.api.place_at`, with
their country), so the country is an actor only where the text uses it as one; events that
need the country of a place still get it through :func:`wirecoder.actors.api.country_actor`.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.actors.mentions import DocView, Mention

#: Dependencies by which a name attaches to a place noun as its own name.
APPOSITION_DEPS = frozenset({"appos", "compound"})
#: Dependencies of a name that is the subject of its clause: never a mere location.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def words_of(view: DocView, kind: str) -> frozenset[str]:
    return view.gaz.non_actor_words.get(kind, frozenset())


def first_conjunct(tok: Token) -> Token:
    """ "in Turkey and Greece": Greece takes the role of Turkey."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def named_by_place_noun(view: DocView, m: Mention) -> bool:
    """ "the town of Qara Bagh", "the district of Groom", "the Serbian capital Belgrade"."""
    place_nouns = words_of(view, "place_noun")
    root = first_conjunct(view.doc[m.start : m.end].root)
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < head.i:
        return head.head.lower_ in place_nouns and head.head.pos_ == "NOUN"
    if root.dep_ in APPOSITION_DEPS and head.i < m.start:
        return head.lower_ in place_nouns and head.pos_ == "NOUN"
    # "the town Krishnagar": the parser may hang the noun on the name
    return any(
        c.dep_ == "compound" and c.i < m.start and c.pos_ == "NOUN" and c.lower_ in place_nouns for c in root.children
    )


def locates_previous_place(view: DocView, m: Mention, previous: Mention | None) -> bool:
    """ "Izmir, Turkey": a country after a comma that follows a place name."""
    if previous is None or previous.etype != "place" or m.start < 2:
        return False
    if previous.end != m.start - 1 or view.tokens[m.start - 1].text != ",":
        return False
    return view.doc[m.start : m.end].root.dep_ not in SUBJECT_DEPS


#: Prepositions of a path: their object is a place when they go with a word of travel.
MOTION_PREPS = frozenset({"from", "to", "into", "toward", "towards"})


def static_location(view: DocView, m: Mention) -> bool:
    """The object of a preposition of static location ("died in Turkey", "criticism within
    Serbia"), or the end of a path of travel ("returned from Colombia", "airlifted to Germany")."""
    root = first_conjunct(view.doc[m.start : m.end].root)
    if root.dep_ != "pobj":
        return False
    if end_of_travel(view, root):
        return True
    prep = root.head
    if prep.lower_ not in words_of(view, "static_prep"):
        return False
    party_heads = words_of(view, "party_in_head")
    return prep.head.lower_ not in party_heads and prep.head.lemma_.lower() not in party_heads


def end_of_travel(view: DocView, tok: Token) -> bool:
    """ "returned from Colombia", "going to Jannah", "a flight from Turkey"."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in MOTION_PREPS:
        return False
    motion = words_of(view, "motion_word")
    return prep.head.lemma_.lower() in motion or prep.head.lower_ in motion


def in_part_of_country(view: DocView, m: Mention) -> bool:
    """ "the capital of Serbia", "the north of Syria", "the coast of Somalia": a country after a
    place noun and "of" says where that place is; "the State of Israel" is the state."""
    root = first_conjunct(view.doc[m.start : m.end].root)
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or prep.head.i > prep.i:
        return False
    noun = prep.head.lower_
    return noun in words_of(view, "place_noun") and noun not in words_of(view, "state_form")


def owns_place_noun(view: DocView, m: Mention) -> bool:
    """ "Turkey's west coast", "Serbia's capital": the possessor of a place noun is where it is."""
    root = view.doc[m.start : m.end].root
    return root.dep_ == "poss" and root.head.lower_ in words_of(view, "place_noun")


def demote_located_countries(view: DocView, mentions: list[Mention]) -> None:
    """Country names used only as a location become places (in place); run after coding,
    which has given them their country."""
    previous: Mention | None = None
    for m in mentions:
        if m.etype == "country" and m.kind == "name" and not m.modifier:
            if (
                static_location(view, m)
                or locates_previous_place(view, m, previous)
                or owns_place_noun(view, m)
                or in_part_of_country(view, m)
            ):
                m.etype, m.locative = "place", True
        elif m.kind == "demonym" and describes_place_noun(view, m):
            m.modifier = True
        previous = m


def describes_place_noun(view: DocView, m: Mention) -> bool:
    """ "the Greek island of Samos", "the Serbian capital": a demonym that only says where a
    place is does not stand for its country's government."""
    root = view.doc[m.start : m.end].root
    return root.dep_ == "amod" and root.head.lower_ in words_of(view, "place_noun") and root.head.pos_ == "NOUN"
