"""Step 4b (link): countries from the context: of unnamed groups, generic institutions and office
holders without one, from their phrase, sentence or article."""

from __future__ import annotations

from wirecoder.actors.build import known_office
from wirecoder.actors.coref import (
    Cluster,
    Clusters,
)
from wirecoder.actors.mentions import (
    DocView,
    Mention,
)
from wirecoder.actors.places import is_dateline

# ------------------------------------------------------------------------------------------
# Step 5b: countries of unnamed groups ("Darfur rebels", "demonstrators in Baghdad")
# ------------------------------------------------------------------------------------------

#: Prepositions that place a group somewhere ("students throughout Indonesia").
GROUP_PLACE_PREPS = frozenset({"in", "throughout", "across", "inside", "within", "from"})
#: Dependencies of a noun's modifiers that can name its place or nation ("Darfur rebels").
GROUP_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def token_countries(view: DocView, mentions: list[Mention], ambient: bool = False) -> list[str | None]:
    """Country of the named country/place/demonym mention each token belongs to (or None).

    ``ambient``: only names that set the scene (places, demonyms, modifiers such as "Egyptian"
    in "Egyptian police"), not countries acting or acted on ("their anger at the United States"),
    which say nothing about where a group is from.
    """
    out: list[str | None] = [None] * len(view.doc)
    for m in mentions:
        if m.kind not in {"name", "metonym", "demonym"} or not m.country:
            continue
        if m.etype not in {"country", "place", "demonym"}:
            continue
        if ambient and not (m.etype in {"place", "demonym"} or m.kind == "demonym" or m.modifier or placed_in(view, m)):
            continue
        for i in range(m.start, m.end):
            out[i] = m.country
    return out


def placed_in(view: DocView, m: Mention) -> bool:
    """Is a country named as where something happens ("in Serbia"), not as a party ("at Serbia")?"""
    root = view.doc[m.start : m.end].root
    return root.dep_ == "pobj" and root.head.lower_ in GROUP_PLACE_PREPS


def described_nouns(head) -> list:
    """The noun and the nouns in apposition with it: "his Egyptian counterpart Badr Abdelatty"
    describes Abdelatty through "counterpart", and "Abdelatty, Egypt's foreign minister" too."""
    nouns = [head]
    if head.dep_ == "appos":
        nouns.append(head.head)
    nouns += [c for c in head.children if c.dep_ == "appos"]
    return nouns


def country_near_noun(head, countries: list[str | None]) -> str | None:
    """A country the noun phrase itself gives: a modifier ("Iraqi Kurds", "Darfur rebels"), also
    of a noun in apposition ("his Egyptian counterpart X"), or a place after a locative
    preposition, directly or in a participle ("rebels operating in Chad")."""
    for noun in described_nouns(head):
        for child in noun.lefts:
            if child.dep_ in GROUP_MODIFIER_DEPS and countries[child.i]:
                return countries[child.i]
    preps = [c for c in head.rights if c.dep_ == "prep"]
    preps += [p for c in head.rights if c.dep_ == "acl" for p in c.rights if p.dep_ == "prep"]
    for prep in preps:
        if prep.lower_ not in GROUP_PLACE_PREPS:
            continue
        for tok in prep.subtree:
            if countries[tok.i]:
                return countries[tok.i]
    return None


def most_common_country(countries: list[str | None], start: int, end: int) -> str | None:
    """The country named most often in tokens [start, end), counting each mention once."""
    counts: dict[str, int] = {}
    previous = None
    for i in range(start, end):
        c = countries[i]
        if c and c != previous:
            counts[c] = counts.get(c, 0) + 1
        previous = c
    return max(counts, key=lambda c: counts[c]) if counts else None  # ties: first named wins


def is_unnamed_member_group(cluster: Cluster) -> bool:
    """Unnamed ordinary members of a sector ("protesters", "rebels", "police"): CAMEO codes them
    with the country they act in when the text gives no nationality."""
    if any(m.kind == "name" for m in cluster.mentions):
        return False
    return any(t.cls == "member" for t in cluster.titles)


def fill_group_countries(view: DocView, clusters: Clusters, mentions: list[Mention]) -> None:
    """Give groups without a nationality the country their phrase, sentence or article names.

    Named groups ("Kurds") take it only from their own phrase ("Iraqi Kurds"); unnamed member
    groups fall back to the country named most often in their sentence, then in the article.
    """
    countries = token_countries(view, mentions)
    ambient = token_countries(view, mentions, ambient=True)
    doc_country = None
    for cluster in clusters.items:
        if not cluster.mentions or cluster.country or cluster.etype not in {"group", "person"}:
            continue
        unnamed = is_unnamed_member_group(cluster)
        if not unnamed and cluster.etype != "group":
            continue
        first = min(cluster.mentions, key=lambda m: m.start)
        head = view.doc[first.start : first.end].root
        country = country_near_noun(head, countries)
        if country is None and unnamed:
            sent = view.doc[first.start].sent
            country = most_common_country(ambient, sent.start, sent.end)
            if country is None:
                doc_country = doc_country or most_common_country(ambient, 0, len(view.doc))
                country = doc_country
        if country:
            first.country = country


# ------------------------------------------------------------------------------------------
# Countries of generic institutions and of state office holders ("the Senate", "the governor")
# ------------------------------------------------------------------------------------------

#: PLOVER codes for actors of no one country.
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC"})
#: Sectors of the state: a holder or body of one of these belongs to some country.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "OPP", "PTY"})


def story_country(view: DocView, mentions: list[Mention]) -> str | None:
    """The country the article is about: its dateline's, else the country its names give most
    often (countries, places, demonyms, and the people and bodies coded with a country), the
    first named on a tie."""
    for m in mentions:
        if m.etype == "place" and m.locative and m.country and is_dateline(view, m):
            return m.country
    counts: dict[str, int] = {}
    for m in sorted(mentions, key=lambda m: m.start):
        if m.country and len(m.country) == 3 and m.country not in INTERNATIONAL_CODES:
            counts[m.country] = counts.get(m.country, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def possessor_country(view: DocView, head, countries: list[str | None]) -> str | None:
    """ "Colombia's Senate", "Kenya's police": a country named as the possessor."""
    for child in head.lefts:
        if child.dep_ == "poss" and countries[child.i]:
            return countries[child.i]
    return None


def affiliated_country(head, countries: list[str | None]) -> str | None:
    """ "Prime Minister Igor Matovič of the Slovak Republic": a country after "of" or "from"."""
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in {"of", "from"}:
            for obj in prep.children:
                if obj.dep_ == "pobj" and countries[obj.i]:
                    return countries[obj.i]
    return None


def needs_context_country(view: DocView, cluster: Cluster) -> bool:
    """Generic institutions, people, unnamed groups and organisations no table knows, without a
    country: in national news they belong to the country of the story unless the text says
    otherwise (a country in their phrase or sentence)."""
    if not cluster.mentions or cluster.country:
        return False
    if any(m.generic for m in cluster.mentions):
        return True
    named = isinstance(cluster.key, tuple) and not cluster.anonymous
    if cluster.etype == "organization":
        # a body no table knows is most often the story country's (a party, a newspaper, a
        # campaign group); known limit: a foreign company in a story about another country
        # ("Siemens" in a story about Iran) gets the story's country too
        return all(m.entry is None for m in cluster.mentions if m.kind == "name")
    if cluster.etype == "group" and any(m.kind == "name" for m in cluster.mentions):
        return False  # "Democrats", "Kurds": a named group's nationality is its own phrase's
    if cluster.etype not in {"person", "group"}:
        return False
    return not named or known_office(view, cluster) is None  # the people tables know better


def fill_context_countries(view: DocView, clusters: Clusters, mentions: list[Mention]) -> None:
    """Generic institutions, people and unknown organisations without a country take the country
    of their phrase ("the Colombian Senate", "Kenya's police"), then of their sentence, then of
    the story (:func:`needs_context_country`)."""
    countries = token_countries(view, mentions)
    ambient = token_countries(view, mentions, ambient=True)
    story: list[str | None] = []
    for cluster in clusters.items:
        if not needs_context_country(view, cluster):
            continue
        first = min(cluster.mentions, key=lambda m: m.start)
        head = view.doc[first.start : first.end].root
        country = (
            country_near_noun(head, countries)
            or possessor_country(view, head, countries)
            or affiliated_country(head, countries)
        )
        if country is None:
            sent = view.doc[first.start].sent
            country = most_common_country(ambient, sent.start, sent.end)
        if country is None and cluster.etype == "group":
            # unnamed groups: only names that set the scene, never a country acted on
            country = most_common_country(ambient, 0, len(view.doc))
        elif country is None:
            if not story:
                story.append(story_country(view, mentions))
            country = story[0]
        if country:
            first.country = country
