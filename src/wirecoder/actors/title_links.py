"""Step 4c (link): titles joined to the names they introduce or follow.

* Lede titles: news ledes describe people and name them in the sentences after
  ("meetings between his top diplomat and a senior North Korean envoy" ... "US Secretary of
  State Mike Pompeo and North Korea's Vice-Chairman Kim Yong-chol").  A singular title phrase
  of the article's first sentence that became an anonymous actor joins the first person
  introduced in the next :data:`LEDE_WINDOW` sentences with the same country and sector (and a
  compatible title group when both have one; the same office when the title has no country).
  Outside the lede an anonymous title stays anonymous ("a senior official told reporters" is
  often meant to stay unnamed).
* Office back-references: "the prime minister said" after "Rishi Sunak", who holds no title in
  the text, joins him when the people tables give him an office of the title's sector at the
  article's date, he is the most recent such person within :data:`OFFICE_WINDOW` sentences and
  the countries agree.
"""

from __future__ import annotations

from wirecoder.actors.build import known_office
from wirecoder.actors.coref import DEFINITE_DETS, Cluster, Clusters, determiner_of, title_compatible
from wirecoder.actors.mentions import DocView, Mention

LEDE_WINDOW = 2
OFFICE_WINDOW = 3


def first_start(cluster: Cluster) -> int:
    return min(m.start for m in cluster.mentions)


def is_anonymous_title(cluster: Cluster) -> bool:
    return (
        cluster.anonymous
        and cluster.etype == "person"
        and len(cluster.mentions) == 1
        and cluster.mentions[0].kind == "title"
        and not cluster.mentions[0].plural
    )


def named_people(clusters: Clusters) -> list[Cluster]:
    return [
        c
        for c in clusters.items
        if c.etype == "person" and not c.anonymous and c.mentions and any(m.kind == "name" for m in c.mentions)
    ]


def move(title: Mention, source: Cluster, target: Cluster) -> None:
    source.mentions.remove(title)
    source.starts.remove(title.start)
    target.add(title)


def titles_agree(title: Mention, person: Cluster) -> bool:
    groups = [t for t in title.titles if t.group]
    held = [t for t in person.titles if t.group]
    return not groups or not held or same_office(title, person)  # both have one: they must agree


def same_office(title: Mention, person: Cluster) -> bool:
    """The person holds the title itself, or the title is a generic one of the person's title's
    group ("top diplomat" ~ "Secretary of State"); a king is no prime minister."""
    return any(title_compatible(a, b) or title_compatible(b, a) for a in title.titles for b in person.titles)


def fits_lede_title(title: Mention, person: Cluster) -> bool:
    """Same sector, and the same country; a title without a country ("his foreign minister")
    needs the same office instead."""
    if person.sector != title.sector or not titles_agree(title, person):
        return False
    if title.country:
        return person.country == title.country
    return same_office(title, person)


def link_lede_titles(view: DocView, clusters: Clusters) -> None:
    """Anonymous titles of the first sentence join the people the next sentences introduce."""
    if not view.sent_starts:
        return
    people = sorted(named_people(clusters), key=first_start)
    taken: set[int] = set()
    for cluster in list(clusters.items):
        if not is_anonymous_title(cluster):
            continue
        title = cluster.mentions[0]
        if view.sent_of[title.start] != 0 or not title.sector:
            continue
        for person in people:
            start = first_start(person)
            if start <= title.start or person.index in taken:
                continue
            if view.sent_of[start] > LEDE_WINDOW:
                break
            if fits_lede_title(title, person):
                move(title, cluster, person)
                taken.add(person.index)
                break


def introduces_someone(view: DocView, title: Mention) -> bool:
    """A title that announces a person the next sentences name: a generic title ("a top
    diplomat", "the leader") or one with a possessor ("his envoy", "Macron's spokesman")."""
    if any(t.generic for t in title.titles):
        return True
    head = view.doc[title.end - 1]
    return any(c.dep_ == "poss" for c in head.children)


def link_introducing_titles(view: DocView, clusters: Clusters) -> None:
    """Beyond the lede: "President Macron sent his top diplomat to the talks. Foreign Minister
    Jean Lavel arrived ...": an anonymous title that introduces someone joins the first person
    named after it within :data:`LEDE_WINDOW` sentences who holds the same office (a stricter
    test than in the lede, where a title and the next names are the story's summary)."""
    people = sorted(named_people(clusters), key=first_start)
    taken: set[int] = set()
    for cluster in list(clusters.items):
        if not is_anonymous_title(cluster):
            continue
        title = cluster.mentions[0]
        if not title.sector or not introduces_someone(view, title):
            continue
        for person in people:
            start = first_start(person)
            if view.sent_of[start] <= view.sent_of[title.start] or person.index in taken:
                continue  # in one sentence, a title and a name are two people ("the Greek leader met Trump")
            if view.sent_of[start] - view.sent_of[title.start] > LEDE_WINDOW:
                break
            if countries_agree(view, title, person) and (
                (person.sector == title.sector and same_office(title, person))
                or names_the_head(view, title, person, start)
            ):
                move(title, cluster, person)
                taken.add(person.index)
                break


def names_the_head(view: DocView, title: Mention, person: Cluster, start: int) -> bool:
    """ "Ghana's president spoke on Monday. Nana Akufo-Addo said ...": a head of state or
    government introduced by title is named in the next sentence; a person there with no role
    of their own (no title, no table office) is that head."""
    if not any(t.cls == "head" for t in title.titles) or person.titles or person.sector:
        return False
    if view.sent_of[start] - view.sent_of[title.start] != 1:
        return False
    return known_office(view, person) is None


def countries_agree(view: DocView, title: Mention, person: Cluster) -> bool:
    """No country against the title's: the person's own, or the one the people tables give."""
    if title.country is None:
        return True
    office = known_office(view, person) if person.country is None else None
    country = person.country or (office.country if office is not None else None)
    return country is None or country == title.country


def link_office_titles(view: DocView, clusters: Clusters) -> None:
    """Definite anonymous titles ("the prime minister") join the person the people tables give
    that office, named last within a few sentences before."""
    people = named_people(clusters)
    for cluster in list(clusters.items):
        if not is_anonymous_title(cluster):
            continue
        title = cluster.mentions[0]
        if determiner_of(view.doc[title.end - 1]) not in DEFINITE_DETS or not title.sector:
            continue
        best: tuple[int, Cluster] | None = None
        for person in people:
            if person.titles:
                continue  # a person with a title in the text is found by its title
            last = person.last_before(title.start)
            if last < 0 or view.sent_of[title.start] - view.sent_of[last] > OFFICE_WINDOW:
                continue
            office = known_office(view, person)
            if office is None or office.sector != title.sector:
                continue
            if title.country and office.country and title.country != office.country:
                continue
            if best is None or last > best[0]:
                best = (last, person)
        if best is not None:
            move(title, cluster, best[1])
