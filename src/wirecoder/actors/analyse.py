"""The actors stage, step by step: mentions -> filter -> code -> link -> build.

1. mentions: named mentions (mentions.py) and title phrases (roles.py), reconciled, and single
   names linked to the people named in full (names.py);
   what cannot act or speak is dropped or made a place (filter.py);
2. code: places vs capital metonyms (places.py), organisations and people coded from their
   titles, modifiers and appositions (coding.py, roles.py); countries named only as locations
   become places (locations.py);
3. link: clusters of names (coref.py), then titles, nominals, pronouns and relative pronouns
   (link.py), and the countries of unnamed groups (context.py);
4. build: one :class:`~wirecoder.model.Actor` per cluster, ids in order of first mention
   (build.py), each with a confidence; those below ``min_confidence`` are left out (confidence.py).

Every step is linear in the document (token scans with dict/trie lookups, bisect over
mention positions); nothing compares every token with every mention.
"""

from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.actors.build import Analysis, build_output
from wirecoder.actors.coding import code_named, code_people, mark_phrase_modifiers
from wirecoder.actors.confidence import MIN_CONFIDENCE
from wirecoder.actors.context import fill_context_countries, fill_group_countries, story_country
from wirecoder.actors.coref import (
    Clusters,
    antecedents,
    build_person_index,
    resolve_other_names,
    resolve_person_names,
    retag_misread_people,
)
from wirecoder.actors.filter import filter_non_actors
from wirecoder.actors.gazetteer import Gazetteer
from wirecoder.actors.institutions import find_institutions, mark_generic
from wirecoder.actors.link import resolve_nominals, resolve_pronouns, resolve_relatives, resolve_title_phrases
from wirecoder.actors.locations import demote_located_countries
from wirecoder.actors.mentions import DocView, find_named_mentions, token_in_mention
from wirecoder.actors.names import link_surnames, reconcile_titles
from wirecoder.actors.roles import find_titles
from wirecoder.actors.title_links import link_introducing_titles, link_lede_titles, link_office_titles
from wirecoder.stage import check_budget
from wirecoder.zones.api import excluded_tokens, mention_excluded

__all__ = ["Analysis", "analyse"]


def analyse(doc: Doc, gaz: Gazetteer, min_confidence: float = MIN_CONFIDENCE) -> Analysis:
    view = DocView.build(doc, gaz)
    mentions = [m for m in find_named_mentions(view) if not mention_excluded(doc, m.start, m.end, m.etype)]
    titles = [t for t in find_titles(view) if not excluded_tokens(doc, t.start, t.end)]
    mentions, titles = reconcile_titles(view, mentions, titles)
    mentions = link_surnames(view, mentions, titles)
    mentions = filter_non_actors(view, mentions)
    mark_generic(view, mentions)
    mentions = find_institutions(view, mentions, titles)
    retag_misread_people(view, mentions)
    owner = token_in_mention(mentions, len(doc))
    code_named(view, mentions, owner)
    demote_located_countries(view, mentions)
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
    link_lede_titles(view, clusters)
    link_introducing_titles(view, clusters)
    link_office_titles(view, clusters)
    check_budget(doc)
    everything = sorted(
        [m for m in mentions if m.cluster is not None] + appositions + extra, key=lambda m: (m.start, -m.end)
    )
    pronouns = resolve_pronouns(view, everything, clusters)
    everything = sorted(everything + pronouns, key=lambda m: (m.start, -m.end))
    resolve_relatives(view, everything, clusters)
    fill_group_countries(view, clusters, mentions)
    fill_context_countries(view, clusters, mentions)
    analysis = build_output(view, clusters, mentions, min_confidence)
    analysis.story_country = story_country(view, mentions)
    return analysis
