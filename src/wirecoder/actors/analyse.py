"""The actors stage, step by step: mentions -> coding -> coreference -> actors.

1. named mentions (mentions.py) and title phrases (roles.py), reconciled with each other;
2. single names linked to the people named in full ("Trump" tagged ORG is Donald Trump);
3. places vs capital metonyms (places.py), organisations coded (roles.py);
4. people coded from their titles, modifiers and appositions (roles.py);
5. clusters of names, then titles, nominals, pronouns and relative pronouns (coref.py);
6. one :class:`~wirecoder.model.Actor` per cluster, ids in order of first mention.

Every step is linear in the document (token scans with dict/trie lookups, bisect over
mention positions); nothing compares every token with every mention.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from wirecoder.actors.api import MentionRef, PlaceRef
from wirecoder.actors.coref import (
    ARGUMENT_DEPS,
    DEFINITE_DETS,
    NOMINAL_WINDOW,
    PLURAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    THING_PRONOUNS,
    Antecedent,
    Cluster,
    Clusters,
    antecedents,
    build_person_index,
    cataphora_target,
    choose_antecedent,
    determiner_of,
    follows_coordinated_people,
    is_expletive,
    is_full_name,
    is_subject,
    name_words,
    person_key,
    pronoun_targets,
    recent_cluster,
    resolve_other_names,
    resolve_person_names,
    resolve_title,
)
from wirecoder.actors.gazetteer import Gazetteer
from wirecoder.actors.mentions import (
    POSSESSIVE_TEXTS,
    DocView,
    Mention,
    camel_words,
    etype_from_entry,
    find_named_mentions,
    org_head_sector,
    token_in_mention,
)
from wirecoder.actors.places import classify_place, mark_locative_countries
from wirecoder.actors.roles import (
    ELITE_SECTORS,
    Coding,
    TitleMatch,
    affiliation,
    apply_modifiers,
    code_organization,
    code_title,
    find_titles,
    left_context,
    role_text,
)
from wirecoder.model import Actor, Span
from wirecoder.stage import check_budget
from wirecoder.zones.api import excluded_tokens, mention_excluded

_ACTOR_KIND = {"person": "person", "organization": "organization", "country": "country", "group": "group"}


@dataclass
class Analysis:
    actors: list[Actor] = field(default_factory=list)
    refs: list[MentionRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    #: country/organisation names used only as modifiers ("US" in "US President") as
    #: (start, end, "place" | "organization"): not actors, kept for the entity evaluation.
    modifiers: list[tuple[int, int, str]] = field(default_factory=list)


# ------------------------------------------------------------------------------------------
# Steps 1-2: mentions
# ------------------------------------------------------------------------------------------


def reconcile_titles(
    view: DocView, mentions: list[Mention], titles: list[TitleMatch]
) -> tuple[list[Mention], list[TitleMatch]]:
    """Tagger spans inside a title go ('State' in 'Secretary of State'); names beat short titles."""
    owner = token_in_mention(mentions, max((m.end for m in mentions), default=0) + 1)
    dropped: set[int] = set()
    kept_titles: list[TitleMatch] = []
    for t in titles:
        overlapping = {owner[i] for i in range(t.start, min(t.end, len(owner))) if owner[i] >= 0}
        keep = True
        for index in overlapping:
            m = mentions[index]
            if t.end - t.start > 1 and t.start <= m.start and m.end <= t.end and m.etype != "person":
                dropped.add(index)
            elif m.etype == "person" and t.start == m.start and t.end < m.end:
                m.start = t.end  # "President Trump" tagged as one PERSON span
            elif m.etype != "person" and t.end == m.end and t.start > m.start and m.entry is None:
                m.end = t.start  # "State Department Spokesperson" tagged as one ORG span
                m.entry = view.lookup(m.start, m.end)
                if m.entry is not None:
                    m.etype = etype_from_entry(m.entry)
            else:
                keep = False
        if keep:
            kept_titles.append(t)
    return [m for i, m in enumerate(mentions) if i not in dropped], kept_titles


def link_surnames(view: DocView, mentions: list[Mention], titles: list[TitleMatch]) -> list[Mention]:
    """Single names of people named in full become person mentions, whatever the tagger said."""
    relabel_person_like_orgs(view, mentions)
    full: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.etype == "person" and is_full_name(view, m):
            key = person_key(view, m)
            if len(key) >= 2:
                full.add(key)
    last_names = {k[-1] for k in full}
    # "Trump", "Kim", and several-word family names ("La Riva" of "Gloria La Riva")
    known_parts = {k[i:] for k in full for i in range(1, len(k))} | {k[:1] for k in full}
    known = last_names | {k[0] for k in full}
    out: list[Mention] = []
    for m in mentions:
        if m.etype == "hashtag":
            words = name_words(camel_words(view.span_text(m.start, m.end)))
            if words in full or (len(words) == 1 and words[0] in known):
                m.etype = "person"
                out.append(m)
            continue
        words = name_words(view.span_text(m.start, m.end))
        weak_entry = m.entry is None or m.entry.kind == "org"
        if m.etype != "person" and words in known_parts and weak_entry and m.label != "GAZ":
            m.etype, m.entry = "person", None
        out.append(m)
    out.extend(missed_names(view, out, titles, known, last_names))
    out.sort(key=lambda m: m.start)
    return out


def relabel_person_like_orgs(view: DocView, mentions: list[Mention]) -> None:
    """'Brock Pierce' tagged ORG while 'Pierce' alone is tagged PERSON: a name, not a body."""
    singles = {
        name_words(view.span_text(m.start, m.end))[-1]
        for m in mentions
        if m.etype == "person" and m.end - m.start == 1 and name_words(view.span_text(m.start, m.end))
    }
    for m in mentions:
        if m.etype != "organization" or m.entry is not None or not 2 <= m.end - m.start <= 3:
            continue
        tokens = view.tokens[m.start : m.end]
        if not all(t.is_alpha and t.text[:1].isupper() for t in tokens):
            continue
        if org_head_sector(view, m.start, m.end)[0]:
            continue
        if tokens[-1].lower_ in singles:
            m.etype = "person"


def missed_names(
    view: DocView, mentions: list[Mention], titles: list[TitleMatch], known: set[str], last_names: set[str]
) -> list[Mention]:
    """Proper nouns the tagger left out that are names of people in the text, and @handles."""
    doc = view.doc
    owned = token_in_mention(mentions, len(doc))
    in_title = [False] * len(doc)
    for t in titles:
        for i in range(t.start, t.end):
            in_title[i] = True
    out = []
    for tok in view.tokens:
        if owned[tok.i] >= 0 or in_title[tok.i]:
            continue
        if tok.text.startswith("@") and len(tok.text) > 4:
            handle = tok.lower_[1:]
            if any(len(name) >= 4 and name in handle for name in last_names):
                out.append(Mention(tok.i, tok.i + 1, "person", label="HANDLE"))
            continue
        if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower_ not in known:
            continue
        neighbours = [view.tokens[j] for j in (tok.i - 1, tok.i + 1) if 0 <= j < len(doc)]
        if any(n.pos_ == "PROPN" and n.text[:1].isupper() and owned[n.i] < 0 and not in_title[n.i] for n in neighbours):
            continue  # part of a longer name we do not know
        out.append(Mention(tok.i, tok.i + 1, "person", label="SURNAME"))
    return out


# ------------------------------------------------------------------------------------------
# Steps 3-4: coding
# ------------------------------------------------------------------------------------------


def code_named(view: DocView, mentions: list[Mention], owner: list[int]) -> None:
    for m in mentions:
        if m.entry is not None:
            m.country = m.entry.country
            if m.etype == "organization":
                m.sector = m.entry.sector
        if m.etype == "place":
            classify_place(view, m)
        elif m.etype == "demonym":
            m.kind = "demonym"
    mark_locative_countries(view, mentions)
    for m in mentions:
        if m.etype == "organization":
            code_organization(view, mentions, owner, m)


def code_people(
    view: DocView, mentions: list[Mention], owner: list[int], titles: list[TitleMatch]
) -> list[tuple[Mention, Mention]]:
    """Code every named person; returns (apposition title mention, person) pairs."""
    title_by_end = {t.end: t for t in titles}
    pairs: list[tuple[Mention, Mention]] = []
    for m in mentions:
        if m.etype != "person" or m.kind != "name":
            continue
        codings = [pre_name_coding(view, mentions, owner, m, title_by_end)]
        for head in apposition_heads(view, owner, m, title_by_end):
            coding, title_mention = apposition_coding(view, mentions, owner, head, title_by_end)
            codings.append(coding)
            pairs.append((title_mention, m))
        merge_codings(mentions, m, [c for c in codings if c is not None])
        if m.gender is None and is_full_name(view, m):
            m.gender = view.gaz.given_names.get(view.tokens[m.start].lower_)
    return pairs


def title_before(
    view: DocView, mentions: list[Mention], owner: list[int], m: Mention, title_by_end: dict[int, TitleMatch]
) -> TitleMatch | None:
    """The title right before a name, also across "of <country/body>" ("Vice President of the
    United States Joe Biden")."""
    title = title_by_end.get(m.start)
    if title is not None or m.start == 0 or owner[m.start - 1] < 0:
        return title
    body = mentions[owner[m.start - 1]]
    if body.etype not in {"country", "organization"} or body.kind != "name":
        return None
    j = body.start
    if j > 0 and view.tokens[j - 1].lower_ == "the":
        j -= 1
    if j > 0 and view.tokens[j - 1].lower_ == "of":
        return title_by_end.get(j - 1)
    return None


def pre_name_coding(
    view: DocView, mentions: list[Mention], owner: list[int], m: Mention, title_by_end: dict[int, TitleMatch]
) -> Coding | None:
    title = title_before(view, mentions, owner, m, title_by_end)
    if title is not None and view.sent_of[title.start] == view.sent_of[m.start]:
        title.used = True
        if title.info.cls == "honorific":
            coding = Coding(gender=title.info.gender)
            left_context(view, mentions, owner, title.start, coding)
            apply_modifiers(mentions, coding, None)
            return coding
        coding = code_title(view, mentions, owner, title)
        if title.end != m.start:  # "... of the United States": the body gives the coding
            body = mentions[owner[m.start - 1]]
            body.modifier = True
            coding.country = coding.country or body.country
            if body.etype == "organization":
                coding.sector = body.sector or coding.sector
        m.titles.append(title.info)
        return coding
    coding = Coding()
    left_context(view, mentions, owner, m.start, coding)
    apply_modifiers(mentions, coding, None)
    return coding if coding.modifiers else None


def apposition_heads(view: DocView, owner: list[int], m: Mention, title_by_end: dict[int, TitleMatch]) -> list:
    """Nouns in apposition to a name: 'Terry, a Korean expert ...' / 'the leader, Kim'."""
    root = view.doc[m.start : m.end].root
    heads = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and owner[c.i] < 0]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and owner[root.head.i] < 0:
        heads.append(root.head)
    return [h for h in heads if is_role_noun(view, h, title_by_end)]


def is_role_noun(view: DocView, head, title_by_end: dict[int, TitleMatch]) -> bool:
    """An apposition names a role when its noun ends a title or is a role word ("42 percent" is not)."""
    if any(c.dep_ == "nummod" for c in head.children):
        return False
    if head.i + 1 in title_by_end:
        return True
    return view.gaz.title(head.lower_) is not None or view.gaz.sector_of_role(head.lower_) is not None


def apposition_coding(
    view: DocView, mentions: list[Mention], owner: list[int], head, title_by_end: dict[int, TitleMatch]
) -> tuple[Coding, Mention]:
    title = title_by_end.get(head.i + 1)
    if title is not None:
        title.used = True
        coding = code_title(view, mentions, owner, title)
        infos = [title.info]
    else:
        coding = Coding()
        first = left_context(view, mentions, owner, head.i, coding)
        apply_modifiers(mentions, coding, None)
        affiliation(view, mentions, owner, head, coding, None)
        coding.role = role_text(view, mentions, owner, first, head.i + 1) or None
        coding.sector = coding.sector or view.gaz.sector_of_role(coding.role or head.lower_)
        if coding.former and coding.sector in ELITE_SECTORS:
            coding.sector = "ELI"
        infos = []
    start = title_span_start(view, coding.np_start if coding.np_start is not None else head.i, head.i)
    mention = Mention(start, head.i + 1, "person", kind="title", titles=infos)
    return coding, mention


def title_span_start(view: DocView, np_start: int, head: int) -> int:
    """A title mention starts after a possessor ("North Korea's | former ... chief")."""
    start = np_start
    for i in range(np_start, head):
        tok = view.tokens[i]
        if tok.tag_ == "POS" or tok.text in POSSESSIVE_TEXTS:
            start = i + 1
    return start


def merge_codings(mentions: list[Mention], m: Mention, codings: list[Coding]) -> None:
    current = [c for c in codings if not c.former]
    former = [c for c in codings if c.former]
    for c in current + former:
        m.country = m.country or c.country
        m.sector = m.sector or c.sector
        m.role = m.role or c.role
        m.gender = m.gender or c.gender
        for index in c.modifiers:
            mentions[index].modifier = True
    m.former = bool(codings) and not current


def mark_phrase_modifiers(view: DocView, mentions: list[Mention], owner: list[int], titles: list[TitleMatch]) -> None:
    """Names inside title and nominal phrases only modify them ("a senior North Korean envoy",
    "the UN body"): mark them before clustering so that they do not become actor mentions."""
    for t in titles:
        if t.used or t.info.cls == "honorific":
            continue
        coding = Coding()
        left_context(view, mentions, owner, t.start, coding)
        for index in coding.modifiers:
            mentions[index].modifier = True
    for tok in view.tokens:
        if tok.pos_ == "NOUN" and owner[tok.i] < 0 and tok.lower_ in view.gaz.nominals and tok.dep_ != "compound":
            coding = Coding()
            left_context(view, mentions, owner, tok.i, coding)
            for index in coding.modifiers:
                mentions[index].modifier = True


# ------------------------------------------------------------------------------------------
# Step 5: titles, nominals, pronouns
# ------------------------------------------------------------------------------------------


def possessor_cluster(
    view: DocView, coding: Coding, mentions: list[Mention], clusters: Clusters, ants: tuple[list, list[int]]
) -> Cluster | None:
    """The actor a phrase's possessor refers to ("his top diplomat", "Trump's adviser")."""
    if coding.possessor_mention is not None:
        index = mentions[coding.possessor_mention].cluster
        return clusters.items[index] if index is not None else None
    if coding.possessor is not None:
        targets = pronoun_targets(coding.possessor.lower_)
        if targets:
            return choose_antecedent(view, ants[0], ants[1], coding.possessor, targets[0], targets[1], False)
    return None


def resolve_title_phrases(
    view: DocView, mentions: list[Mention], owner: list[int], titles: list[TitleMatch], clusters: Clusters, ants
) -> list[Mention]:
    """Title phrases not attached to a name: back-references, or anonymous actors."""
    doc = view.doc
    out: list[Mention] = []
    for t in titles:
        if t.used or t.info.cls == "honorific":
            continue
        head = doc[t.end - 1]
        if owner[head.i] >= 0 or head.dep_ in {"attr", "appos", "compound", "amod", "npadvmod", "nmod"}:
            continue
        coding = code_title(view, mentions, owner, t)
        owner_cluster = possessor_cluster(view, coding, mentions, clusters, ants)
        if owner_cluster is not None and owner_cluster.etype != "person":
            coding.country = coding.country or owner_cluster.country  # "its envoy", "Trump's adviser"
        elif owner_cluster is not None:
            coding.country = coding.country or owner_cluster.country
        det = determiner_of(head)
        plural = t.info.plural or head.tag_ in {"NNS", "NNPS"}
        start = title_span_start(view, coding.np_start if coding.np_start is not None else t.start, head.i)
        m = Mention(
            start, t.end, "group" if plural else "person", kind="title", country=coding.country,
            sector=coding.sector, role=coding.role, former=coding.former, gender=coding.gender,
            titles=[t.info], plural=plural,
        )  # fmt: skip
        target = None
        if det in DEFINITE_DETS or det == "poss":
            target = resolve_title(view, clusters, t.info, coding.country, t.start, plural)
        if target is None:
            if head.dep_ not in ARGUMENT_DEPS or (head.dep_ == "pobj" and head.head.lower_ == "as"):
                continue  # "serving as president" names a role, not someone
            target = anonymous_cluster(view, clusters, m, det)
        for index in coding.modifiers:
            mentions[index].modifier = True
        target.add(m)
        out.append(m)
    return out


def anonymous_cluster(view: DocView, clusters: Clusters, m: Mention, det: str | None) -> Cluster:
    """A new unnamed actor; bare plurals with the same words are one group ("reporters")."""
    text = view.doc[m.start : m.end].text
    if m.plural and det is None:
        key = ("anonymous-group", text.lower())
        cluster = clusters.by_key.get(key) or clusters.new("group", key, anonymous=True)
    else:
        cluster = clusters.new(m.etype, None, anonymous=True)
    cluster.name = cluster.name or text
    return cluster


def resolve_nominals(
    view: DocView, mentions: list[Mention], owner: list[int], clusters: Clusters, ants
) -> list[Mention]:
    """'the country', 'the UN body', 'his administration' -> the actor they refer back to."""
    out: list[Mention] = []
    nominals = view.gaz.nominals
    for tok in view.tokens:
        if tok.pos_ != "NOUN" or owner[tok.i] >= 0 or tok.dep_ in {"compound", "amod"}:
            continue
        refers = nominals.get(tok.lower_)
        if refers is None:
            continue
        coding = Coding()
        first = left_context(view, mentions, owner, tok.i, coding)
        apply_modifiers(mentions, coding, None)
        affiliation(view, mentions, owner, tok, coding, None)
        det = determiner_of(tok)
        owner_cluster = possessor_cluster(view, coding, mentions, clusters, ants)
        if det not in DEFINITE_DETS and det != "poss" and not coding.modifiers:
            continue
        country = coding.country or (owner_cluster.country if owner_cluster else None)
        target = nominal_target(view, clusters, refers, country, tok.i)
        if target is None or not nominal_fits(view, tok, target):
            continue
        for index in coding.modifiers:
            mentions[index].modifier = True
        start = title_span_start(view, first, tok.i)
        m = Mention(start, tok.i + 1, target.etype, kind="nominal", country=country)
        target.add(m)
        out.append(m)
    return out


def nominal_target(view: DocView, clusters: Clusters, refers: str, country: str | None, before: int) -> Cluster | None:
    if refers == "government":
        return clusters.get_or_new("country", ("gov", country)) if country else None
    if refers == "country":
        return recent_country(view, clusters, country, before)
    if refers == "organization":
        return recent_cluster(view, clusters, {"organization"}, before, NOMINAL_WINDOW, country)
    if refers == "group":
        return recent_cluster(view, clusters, {"group"}, before, NOMINAL_WINDOW, country)
    return None


#: Nominal heads that only fit actors of certain sectors ("the company" is not a ministry).
NOMINAL_SECTORS = {"company": {"BUS", None}, "firm": {"BUS", None}, "newspaper": {"JRN"}, "broadcaster": {"JRN"}}


def nominal_fits(view: DocView, tok, target: Cluster) -> bool:
    allowed = NOMINAL_SECTORS.get(tok.lower_)
    return allowed is None or target.sector in allowed


def recent_country(view: DocView, clusters: Clusters, country: str | None, before: int) -> Cluster | None:
    if country:
        found = clusters.by_key.get(("country", country))
        return found if found is not None and found.last_before(before) >= 0 else None
    best: tuple[int, Cluster] | None = None
    sent = view.sent_of[before]
    for cluster in clusters.items:
        if cluster.etype != "country" or not isinstance(cluster.key, tuple) or cluster.key[0] != "country":
            continue
        last = cluster.last_before(before)
        if last >= 0 and sent - view.sent_of[last] <= NOMINAL_WINDOW and (best is None or last > best[0]):
            best = (last, cluster)
    return best[1] if best else None


def resolve_pronouns(view: DocView, mentions: list[Mention], clusters: Clusters) -> list[Mention]:
    doc = view.doc
    ants = antecedents(view, mentions, clusters)
    tokens = [a.token for a in ants]
    owner = token_in_mention(mentions, len(doc))
    out: list[Mention] = []
    for tok in view.tokens:
        if tok.tag_ not in {"PRP", "PRP$"}:
            continue
        word = tok.lower_
        targets = pronoun_targets(word)
        if targets is None:
            continue
        etypes, gender = targets
        if word in THING_PRONOUNS and is_expletive(tok):
            continue
        if word in PLURAL_PRONOUNS and follows_coordinated_people(view, owner, mentions, tok):
            continue
        forward = cataphora_target(view, tok, owner, mentions) if gender else None
        if forward is not None:
            cluster = clusters.items[mentions[forward].cluster]  # type: ignore[index]
            if cluster.gender not in (None, gender):
                cluster = None
        else:
            cluster = choose_antecedent(view, ants, tokens, tok, etypes, gender, word in PLURAL_PRONOUNS)
        if cluster is None:
            continue
        # the pronoun's gender is not copied to the actor: one wrong guess would spread
        m = Mention(tok.i, tok.i + 1, cluster.etype, kind="pronoun")
        cluster.add(m)
        out.append(m)
        pos = bisect.bisect_left(tokens, tok.i)
        tokens.insert(pos, tok.i)
        ants.insert(pos, Antecedent(tok.i, cluster, is_subject(tok), view.sent_of[tok.i]))
    return out


def resolve_relatives(view: DocView, mentions: list[Mention], clusters: Clusters) -> list[Mention]:
    """'Pyongyang, which declared ...': the relative pronoun is its antecedent's actor."""
    doc = view.doc
    owner = token_in_mention(mentions, len(doc))
    out = []
    for tok in view.tokens:
        if tok.lower_ not in RELATIVE_PRONOUNS or tok.tag_ not in {"WP", "WDT", "WP$"}:
            continue
        verb = tok.head
        if verb.dep_ != "relcl":
            continue
        index = owner[verb.head.i]
        if index < 0 or mentions[index].cluster is None:
            continue
        cluster = clusters.items[mentions[index].cluster]  # type: ignore[index]
        m = Mention(tok.i, tok.i + 1, cluster.etype, kind="pronoun")
        cluster.add(m)
        out.append(m)
    return out


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


def country_near_noun(head, countries: list[str | None]) -> str | None:
    """A country the noun phrase itself gives: a modifier ("Iraqi Kurds", "Darfur rebels") or a
    place after a locative preposition, directly or in a participle ("rebels operating in Chad")."""
    for child in head.lefts:
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
# Step 6: actors
# ------------------------------------------------------------------------------------------


def char_span(doc: Doc, m: Mention, text: str) -> Span:
    """Character offsets of a mention; ``text`` is ``doc.text``, computed once by the caller
    (spaCy rebuilds ``doc.text`` from the tokens on every access)."""
    start = doc[m.start].idx
    last = doc[m.end - 1]
    end = last.idx + len(last.text)
    while start < end - 1 and text[start] in STRAY_MARKS:
        start += 1  # "|Boston Tea Party": a stray mark glued to the first word
    return Span(start=start, end=end, text=text[start:end])


STRAY_MARKS = frozenset("|*•~_^")


def actor_name(view: DocView, gaz: Gazetteer, cluster: Cluster) -> str:
    names = [m for m in cluster.mentions if m.kind == "name"]
    if names:
        best = max(names, key=lambda m: (len(name_words(view.span_text(m.start, m.end))), -m.start))
        return " ".join(view.span_text(best.start, best.end).split())
    metonyms = [m for m in cluster.mentions if m.kind == "metonym"]
    if metonyms:
        return " ".join(view.span_text(metonyms[0].start, metonyms[0].end).split())
    if cluster.name:
        return " ".join(cluster.name.split())
    country = cluster.country
    if cluster.etype == "country" and country:
        return f"government of {gaz.country_name(country) or country}"
    first = min(cluster.mentions, key=lambda m: m.start)
    return " ".join(view.span_text(first.start, first.end).split())


#: Head nouns that make a leader's name stand for the government ("the Bush administration").
ADMINISTRATION_HEADS = frozenset({"administration", "government", "regime", "cabinet"})


def names_administration(view: DocView, cluster: Cluster) -> bool:
    """Is one of the cluster's names the modifier of 'administration' ("the Clinton administration")?"""
    for m in cluster.mentions:
        if m.kind != "name":
            continue
        root = view.doc[m.start : m.end].root
        if root.dep_ == "compound" and root.head.lower_ in ADMINISTRATION_HEADS and root.head.i >= m.end:
            return True
    return False


def known_office(view: DocView, cluster: Cluster):
    """people tables: the office a well-known person held at the article's date.

    A surname alone ("Putin") is looked up too; the generated table lists only surnames that
    stand for one country. "The Bush administration" also tries "Bush administration", which
    the table lists when several leaders share the surname.
    """
    if cluster.key[0] not in {"person", "person-short"}:
        return None
    date = view.doc._.dct if view.doc.has_extension("dct") else None
    words = cluster.key[1]
    if names_administration(view, cluster):
        found = view.gaz.office_of((*words, "administration"), date) or view.gaz.office_of(words, date)
        return replace(found, sector="GOV") if found is not None else None
    return view.gaz.office_of(words, date)


def shared_value(clusters: Clusters, indices: list[int], attr: str) -> str | None:
    values = {getattr(clusters.items[i], attr) for i in indices}
    return values.pop() if len(values) == 1 else None


def make_actor(view: DocView, gaz: Gazetteer, clusters: Clusters, cluster: Cluster, actor_id: str) -> Actor:
    mentions = sorted(cluster.mentions, key=lambda m: m.start)
    country, sector = cluster.country, cluster.sector
    role = next((m.role for m in mentions if m.role and not m.former), None) or next(
        (m.role for m in mentions if m.role), None
    )
    if cluster.etype == "person" and not cluster.anonymous and isinstance(cluster.key, tuple):
        known = known_office(view, cluster)
        if known is not None and (country is None or country == known.country):
            country = country or known.country
            sector = sector or known.sector
            role = role or known.role
    ambiguous = next((m.candidates for m in mentions if m.candidates), None)
    if ambiguous and cluster.etype == "person":
        country = country or shared_value(clusters, ambiguous, "country")
        sector = sector or shared_value(clusters, ambiguous, "sector")
    if isinstance(cluster.key, tuple) and cluster.key[0] == "gov":
        sector = "GOV"
        country = country or cluster.key[1]
    if cluster.etype == "country" and not (isinstance(cluster.key, tuple) and cluster.key[0] == "gov"):
        sector = None  # the state itself; its government is the metonym actor
    return Actor(
        id=actor_id,
        name=actor_name(view, gaz, cluster),
        kind=_ACTOR_KIND[cluster.etype],  # type: ignore[arg-type]
        country=country,
        sector=sector,
        role=role,
        mentions=[char_span(view.doc, m, view.text) for m in mentions],
    )


def build_output(view: DocView, clusters: Clusters, named: list[Mention]) -> Analysis:
    doc = view.doc
    live = [c for c in clusters.items if c.mentions]
    live.sort(key=lambda c: min(m.start for m in c.mentions))
    analysis = Analysis()
    for number, cluster in enumerate(live, 1):
        actor_id = f"a{number}"
        actor = make_actor(view, view.gaz, clusters, cluster, actor_id)
        analysis.actors.append(actor)
        for span, m in zip(actor.mentions, sorted(cluster.mentions, key=lambda m: m.start), strict=True):
            analysis.refs.append(MentionRef(span.start, span.end, actor_id, m.kind))
    analysis.refs.sort()
    for m in named:
        span = char_span(doc, m, view.text)
        if m.etype == "place" and not m.locative:
            analysis.modifiers.append((span.start, span.end, "place"))
        if m.locative:
            analysis.places.append(PlaceRef(span.start, span.end, " ".join(span.text.split()), m.country))
        if m.modifier and m.etype in {"country", "place", "organization"} and m.kind == "name":
            analysis.modifiers.append((span.start, span.end, "organization" if m.etype == "organization" else "place"))
    analysis.places.sort()
    return analysis


# ------------------------------------------------------------------------------------------
# The whole stage
# ------------------------------------------------------------------------------------------


def analyse(doc: Doc, gaz: Gazetteer) -> Analysis:
    view = DocView.build(doc, gaz)
    mentions = [m for m in find_named_mentions(view) if not mention_excluded(doc, m.start, m.end, m.etype)]
    titles = [t for t in find_titles(view) if not excluded_tokens(doc, t.start, t.end)]
    mentions, titles = reconcile_titles(view, mentions, titles)
    mentions = link_surnames(view, mentions, titles)
    owner = token_in_mention(mentions, len(doc))
    code_named(view, mentions, owner)
    pairs = code_people(view, mentions, owner, titles)
    mark_phrase_modifiers(view, mentions, owner, titles)
    check_budget(doc)

    clusters = Clusters()
    index = build_person_index(view, mentions, clusters)
    resolve_person_names(view, mentions, clusters, index)
    resolve_other_names(view, mentions, clusters)
    appositions = []
    for title_mention, person in pairs:
        if person.cluster is not None:
            clusters.items[person.cluster].add(title_mention)
            appositions.append(title_mention)
    found = antecedents(view, mentions, clusters)
    ants = (found, [a.token for a in found])
    extra = resolve_title_phrases(view, mentions, owner, titles, clusters, ants)
    extra += resolve_nominals(view, mentions, owner, clusters, ants)
    check_budget(doc)
    everything = sorted(
        [m for m in mentions if m.cluster is not None] + appositions + extra, key=lambda m: (m.start, -m.end)
    )
    pronouns = resolve_pronouns(view, everything, clusters)
    everything = sorted(everything + pronouns, key=lambda m: (m.start, -m.end))
    resolve_relatives(view, everything, clusters)
    fill_group_countries(view, clusters, mentions)
    return build_output(view, clusters, mentions)
