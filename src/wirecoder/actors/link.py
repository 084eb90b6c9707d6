"""Step 4 (link): titles, nominals, pronouns and relative pronouns joined to actors."""

from __future__ import annotations

import bisect

from wirecoder.actors.build import known_office
from wirecoder.actors.coding import title_span_start
from wirecoder.actors.context import story_country
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
    cataphora_target,
    choose_antecedent,
    determiner_of,
    follows_coordinated_people,
    is_expletive,
    is_subject,
    pronoun_targets,
    recent_cluster,
    resolve_title,
)
from wirecoder.actors.mentions import (
    DocView,
    Mention,
    token_in_mention,
)
from wirecoder.actors.roles import (
    Coding,
    TitleMatch,
    affiliation,
    apply_modifiers,
    code_title,
    left_context,
    phrase_head,
)

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


#: Group nouns that make an actor only when counted: a crowd ("thousands of people").
QUANTIFIED_ONLY = frozenset({"people"})
COUNT_NOUNS = frozenset({"thousands", "hundreds", "dozens", "millions", "scores"})


def quantified(head) -> bool:
    """ "several thousand people", "20 people", "thousands of people", "hundreds of people"."""
    if any(c.dep_ in {"nummod", "quantmod"} for c in head.children):
        return True
    prep = head.head
    return head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ in COUNT_NOUNS


def cluster_country(view: DocView, cluster: Cluster) -> str | None:
    """An actor's country so far, or the one the people tables give a well-known person ("his
    top diplomat" after "President Macron" is French before the actors are built)."""
    if cluster.country or cluster.etype != "person" or cluster.anonymous or not isinstance(cluster.key, tuple):
        return cluster.country
    office = known_office(view, cluster)
    return office.country if office is not None else None


def resolve_title_phrases(
    view: DocView, mentions: list[Mention], owner: list[int], titles: list[TitleMatch], clusters: Clusters, ants
) -> list[Mention]:
    """Title phrases not attached to a name: back-references, or anonymous actors."""
    doc = view.doc
    out: list[Mention] = []
    for t in titles:
        if t.used or t.info.cls == "honorific":
            continue
        head = phrase_head(doc[t.end - 1])
        if owner[head.i] >= 0 or head.dep_ in {"attr", "appos", "compound", "amod", "npadvmod", "nmod"}:
            continue
        if head.lower_ in QUANTIFIED_ONLY and not quantified(head):
            continue  # "people believe ..." is no one; "several thousand people rallied" is a crowd
        coding = code_title(view, mentions, owner, t)
        owner_cluster = possessor_cluster(view, coding, mentions, clusters, ants)
        if owner_cluster is not None:
            coding.country = coding.country or cluster_country(view, owner_cluster)  # "its envoy", "Trump's adviser"
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
            if head.dep_ not in ARGUMENT_DEPS or names_office_sought(head) or is_press_audience(head, coding):
                continue  # "serving as president" names a role, not someone
            target = anonymous_cluster(view, clusters, m, det)
        for index in coding.modifiers:
            mentions[index].modifier = True
        target.add(m)
        out.append(m)
    return out


#: Words whose "for" names the office sought: "the nominee for governor", "running for president".
CANDIDACY_WORDS = frozenset(
    {"run", "stand", "nominee", "candidate", "candidacy", "bid", "campaign", "race", "nomination", "ticket"}
)


def names_office_sought(head) -> bool:
    """ "serving as president", "the nominee for governor", "ran for senator": the title names an
    office, not someone who holds it."""
    if head.dep_ != "pobj":
        return False
    prep = head.head
    if prep.lower_ == "as":
        return True
    if prep.lower_ != "for":
        return False
    after_name = prep.i > 0 and prep.nbor(-1).ent_type_ == "PERSON"  # "Tom Maddox for president"
    return after_name or prep.head.lemma_.lower() in CANDIDACY_WORDS


#: Verbs whose object or addressee is an audience ("told reporters", "briefed journalists").
AUDIENCE_VERBS = frozenset({"tell", "brief", "inform", "address"})
#: Verbs whose "to" phrase is an audience ("said to reporters", "spoke to journalists").
TO_AUDIENCE_VERBS = frozenset({"say", "speak", "talk", "explain", "announce", "confirm", "deny"})


def is_press_audience(head, coding: Coding) -> bool:
    """ "told reporters", "reporters were told", "said to journalists": the press addressed at a
    briefing is the channel of a statement, not a party to it (the codebook never codes the
    news media reporting as an actor), so unnamed reporters there make no actor."""
    if coding.sector != "JRN" or head.tag_ not in {"NNS", "NNPS"}:
        return False
    dep, verb = head.dep_, head.head
    if dep in {"dobj", "dative", "nsubjpass"} and verb.lemma_.lower() in AUDIENCE_VERBS:
        return True
    return dep == "pobj" and verb.lower_ == "to" and verb.head.lemma_.lower() in TO_AUDIENCE_VERBS


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
        if tok.lower_ in POSSESSED_ONLY and det != "poss":
            continue  # "the office" may be a room; "the mayor's office", "Matovic's office" is an institution
        country = coding.country or (cluster_country(view, owner_cluster) if owner_cluster else None)
        if country is None and refers == "government" and owner_cluster is None and possessed_by_title(tok):
            country = story_country(view, mentions)  # "the mayor's office said"
        if country is None and refers == "government" and owner_cluster is None and not noun_modified(tok):
            country = story_country(view, mentions)  # "the government said": the story's country
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


#: Nominals that name an institution only with a possessor.
POSSESSED_ONLY = frozenset({"office"})


def possessed_by_title(tok) -> bool:
    """ "the mayor's office": possessed by a state title, whose country is the story's (a named
    possessor gives its own country, or nothing yet: then no guess is made)."""
    return any(c.dep_ == "poss" and c.pos_ == "NOUN" for c in tok.children)


def noun_modified(tok) -> bool:
    """'church authorities', 'party leadership': a noun before the nominal says whose it is."""
    return any(c.dep_ in {"compound", "nmod"} and c.pos_ in {"NOUN", "PROPN"} for c in tok.lefts)


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
NOMINAL_SECTORS = {
    "company": {"BUS", None},
    "firm": {"BUS", None},
    "newspaper": {"JRN"},
    "broadcaster": {"JRN"},
    "ministry": {"GOV", "MIL", "COP"},  # "the ministry said" after "the Egyptian foreign ministry"
}


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
