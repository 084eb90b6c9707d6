"""Step 4b (link): countries from the context: of unnamed groups, generic institutions and office
holders without one, from their phrase, sentence or article."""

from __future__ import annotations

from wirecoder.actors.build import known_office
from wirecoder.actors.coref import (
    Cluster,
    Clusters,
    person_key,
)
from wirecoder.actors.mentions import (
    DocView,
    Mention,
    token_in_mention,
)
from wirecoder.actors.places import is_dateline
from wirecoder.zones.api import zone_at

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
    while root.dep_ in {"appos", "conj", "compound"} and root.head.i != root.i:
        root = root.head  # "in Zamfara state, Nigeria", "in Kano and Lagos"
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
    groups fall back to the country named most often in their sentence, then the story's.
    """
    countries = token_countries(view, mentions)
    ambient = token_countries(view, mentions, ambient=True)
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
                country = story_country(view, mentions, scene=True)
        if country:
            first.country = country


# ------------------------------------------------------------------------------------------
# Countries of generic institutions and of state office holders ("the Senate", "the governor")
# ------------------------------------------------------------------------------------------

#: PLOVER codes for actors of no one country.
INTERNATIONAL_CODES = frozenset({"IGO", "UNO", "EUR", "NGO", "MNC"})
#: Sectors of the state: a holder or body of one of these belongs to some country.
STATE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "OPP", "PTY"})


#: Weights in the story-country vote. The headline and the lede say what the story is about
#: (news writing puts the main actors first); a dateline only says where the reporter is, so it
#: is one signal among the others, worth as much as a headline mention, not the answer.
HEADLINE_WEIGHT = 2.0
LEDE_WEIGHT = 2.0
DATELINE_WEIGHT = 2.0
#: Zones that sum the story up.
SUMMARY_ZONES = frozenset({"headline", "standfirst"})
#: Cache key of the vote's result in ``DocView`` (the vote is needed by several steps).
_STORY_ATTR = "_story_country"


def story_country(view: DocView, mentions: list[Mention], scene: bool = False) -> str | None:
    """The country the article is about, by a vote over its named mentions: every country,
    place, demonym, and person or body coded with a country is a vote for that country; a
    well-known person the people tables place in a country votes for it too. Mentions in the
    headline and the lede weigh more, the dateline is one vote among the others. On a tie the
    country named first wins. ``scene``: for unnamed groups, a country named only as acted on
    ("their anger at the United States") does not vote: it says nothing about where the group
    is. Computed once per document."""
    key = (_STORY_ATTR, scene)
    cached = view.__dict__.get(key, _MISSING)
    if cached is not _MISSING:
        return cached
    votes = story_votes(view, mentions, scene)
    best = max(votes, key=lambda c: votes[c]) if votes else None  # dicts keep order: ties go to the first named
    view.__dict__[key] = best
    return best


_MISSING = object()


def story_votes(view: DocView, mentions: list[Mention], scene: bool = False) -> dict[str, float]:
    votes: dict[str, float] = {}
    lede = first_body_sentence(view)
    date = view.doc._.dct if view.doc.has_extension("dct") else None
    for m in sorted(mentions, key=lambda m: m.start):
        country = m.country or known_person_country(view, m, date)
        if not country or len(country) != 3 or country in INTERNATIONAL_CODES:
            continue
        if scene and m.etype == "country" and m.kind == "name" and not (m.modifier or placed_in(view, m)):
            continue
        zone = zone_at(view.doc, view.tokens[m.start].idx)
        weight = 1.0
        if zone == "dateline" or (m.etype == "place" and m.locative and is_dateline(view, m)):
            weight = DATELINE_WEIGHT
        elif zone in SUMMARY_ZONES:
            weight = HEADLINE_WEIGHT
        elif view.sent_of[m.start] == lede:
            weight = LEDE_WEIGHT
        votes[country] = votes.get(country, 0.0) + weight
    return votes


def first_body_sentence(view: DocView) -> int | None:
    """Index of the lede: the first sentence outside the headline and other furniture."""
    ends = [*view.sent_starts[1:], len(view.tokens)]
    for index, end in enumerate(ends):
        if end > 0 and zone_at(view.doc, view.tokens[end - 1].idx) in {None, "body"}:
            return index  # judged by its last token: a dateline may open the lede's sentence
    return None


def known_person_country(view: DocView, m: Mention, date: str | None) -> str | None:
    """The country the people tables give a named person ("Merkel" votes for Germany)."""
    if m.etype != "person" or m.kind != "name":
        return None
    term = view.gaz.office_of(person_key(view, m), date)
    return term.country if term is not None else None


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
        # "Kurds": a named group's nationality is its own phrase's; but members of a party
        # ("Democrats said") belong to the story's country, where the party stands
        return cluster.sector == "PTY"
    if cluster.etype not in {"person", "group"}:
        return False
    return not named or known_office(view, cluster) is None  # the people tables know better


def possessor_actor_country(view: DocView, head, clusters: Clusters, owner: list[int]) -> str | None:
    """ "Lukashenko's spokeswoman Natalya Eismont": whom a title is possessed by gives its
    holder's country (the possessor's own, or the people tables')."""
    for noun in described_nouns(head):
        for child in noun.lefts:
            if child.dep_ != "poss" or owner[child.i] < 0:
                continue
            cluster = cluster_at(clusters, child.i)
            if cluster is None or cluster.etype not in {"person", "organization", "country"}:
                continue
            if cluster.country:
                return cluster.country
            known = cluster.etype == "person" and isinstance(cluster.key, tuple)
            office = known_office(view, cluster) if known else None
            if office is not None:
                return office.country
    return None


def cluster_at(clusters: Clusters, i: int) -> Cluster | None:
    for cluster in clusters.items:
        if any(m.start <= i < m.end for m in cluster.mentions):
            return cluster
    return None


def conjunct_country(view: DocView, head, people: dict[int, Mention]) -> str | None:
    """ "Greek prime minister Nikos Pappas and energy minister Kostas Bakas": in a list of
    office holders, a title without a country shares the nationality of the nearest person
    before it in the same coordination who has one."""
    top = head
    while top.dep_ == "conj":
        top = top.head
    if top.i == head.i:
        return None
    best: Mention | None = None
    for tok in [top, *(t for t in top.subtree if t.dep_ == "conj")]:
        m = person_at(people, tok)
        if m is not None and m.country and m.start < head.i and (best is None or m.start > best.start):
            best = m
    return best.country if best is not None else None


def person_at(people: dict[int, Mention], tok) -> Mention | None:
    """The named person whose last token is ``tok``'s name ("Nikos Pappas" for "Pappas")."""
    for start in range(tok.i, max(tok.i - 4, -1), -1):
        m = people.get(start)
        if m is not None and m.start <= tok.i < m.end:
            return m
    return None


def fill_context_countries(view: DocView, clusters: Clusters, mentions: list[Mention]) -> None:
    """Generic institutions, people and unknown organisations without a country take the country
    of their phrase ("the Colombian Senate", "Kenya's police"), then of their sentence, then of
    the story (:func:`needs_context_country`)."""
    countries = token_countries(view, mentions)
    ambient = token_countries(view, mentions, ambient=True)
    people = {m.start: m for m in mentions if m.etype == "person" and m.kind == "name"}
    owner = token_in_mention(mentions, len(view.doc))
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
        if country is None and cluster.etype == "person":
            country = conjunct_country(view, head, people) or possessor_actor_country(view, head, clusters, owner)
        if country is None:
            sent = view.doc[first.start].sent
            country = most_common_country(ambient, sent.start, sent.end)
        if country is None:
            country = story_country(view, mentions, scene=cluster.etype == "group")
        if country:
            first.country = country
