"""Step 5 (build): one :class:`~wirecoder.model.Actor` per cluster, ids in order of first mention."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Doc

from wirecoder.actors.api import MentionRef, PlaceRef
from wirecoder.actors.confidence import MIN_CONFIDENCE, actor_confidence
from wirecoder.actors.coref import (
    Cluster,
    Clusters,
    name_words,
)
from wirecoder.actors.gazetteer import Gazetteer
from wirecoder.actors.mentions import (
    DocView,
    Mention,
)
from wirecoder.model import Actor, Span

_ACTOR_KIND = {"person": "person", "organization": "organization", "country": "country", "group": "group"}


@dataclass
class Analysis:
    actors: list[Actor] = field(default_factory=list)
    refs: list[MentionRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
    #: the country the article is about (a weighted vote of its names, the dateline one of them), or None
    story_country: str | None = None
    #: country/organisation names used only as modifiers ("US" in "US President") as
    #: (start, end, "place" | "organization"): not actors, kept for the entity evaluation.
    modifiers: list[tuple[int, int, str]] = field(default_factory=list)


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
        if not (isinstance(cluster.key, tuple) and cluster.key[0] == "gov"):
            return gaz.country_name(country) or country  # "Afghan" alone is the country, not its government
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
    known = None
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
        confidence=actor_confidence(view, cluster, known is not None),
    )


def build_output(
    view: DocView, clusters: Clusters, named: list[Mention], min_confidence: float = MIN_CONFIDENCE
) -> Analysis:
    doc = view.doc
    live = [c for c in clusters.items if c.mentions]
    live.sort(key=lambda c: min(m.start for m in c.mentions))
    analysis = Analysis()
    for cluster in live:
        actor_id = f"a{len(analysis.actors) + 1}"
        actor = make_actor(view, view.gaz, clusters, cluster, actor_id)
        if (actor.confidence or 0.0) < min_confidence:
            continue  # not sure enough that it can act or speak (confidence.actor_confidence)
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
    for start, end, etype in view.non_actor_names:  # credits, "Trump" in "Trump flags"
        span = char_span(doc, Mention(start, end, etype), view.text)
        analysis.modifiers.append((span.start, span.end, etype))
    analysis.places.sort()
    return analysis


# ------------------------------------------------------------------------------------------
# The whole stage
# ------------------------------------------------------------------------------------------
