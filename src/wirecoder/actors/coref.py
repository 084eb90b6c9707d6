"""In-document coreference: which mentions are the same actor.

* Names: a person's full name makes a cluster; a single name ("Pompeo", "Kim") joins the
  person whose family name (last word) or, failing that, first word it is.  When several
  people share it, the one mentioned most recently wins -- unless the two most recent were
  mentioned in the same sentence, where nothing decides and the mention stays unresolved
  (an actor of its own that keeps only what its candidates share).
* Organisations merge on the same name or acronym ("UN" = "United Nations"); countries on
  their ISO code; capital metonyms and "the government" of a country form that country's
  government actor.
* Titles ("the president", "the North Korean leader") refer back to the most recent holder of
  the same title -- or, for generic titles such as "leader", of any title in its group --
  whose country does not conflict.  Indefinite titles that are arguments of a verb ("a senior
  State Department official told ...") are new, anonymous actors.
* Nominals ("the country", "the UN body", "his administration") refer back to the most recent
  compatible country, organisation or government.
* Pronouns: he/she by gender and salience (same-sentence subjects, then the previous
  sentences' subjects, nearest first; a possessive before the main subject looks forward to
  it); it/its and they/their only to organisations, countries and groups, and not when
  "it" is expletive or "they" follows coordinated people.  Relative pronouns ("which",
  "who") take their antecedent's actor.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Token

from wirecoder.actors.gazetteer import TitleInfo, pieces
from wirecoder.actors.mentions import DocView, Mention

MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "dative", "conj", "agent", "obj", "iobj"})
DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
INDEFINITE_DETS = frozenset({"a", "an", "another", "one"})
EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "take", "look", "remain", "happen", "matter", "mean"})
#: How many sentences back pronouns and nominals look for an antecedent.
PRONOUN_WINDOW = 3
NOMINAL_WINDOW = 4


@dataclass
class Cluster:
    """One actor under construction."""

    index: int
    etype: str  # person | organization | country | group
    key: object
    mentions: list[Mention] = field(default_factory=list)
    titles: list[TitleInfo] = field(default_factory=list)
    anonymous: bool = False
    gender: str | None = None
    name: str | None = None
    starts: list[int] = field(default_factory=list)  # sorted mention starts (token index)

    def add(self, m: Mention) -> None:
        m.cluster = self.index
        self.mentions.append(m)
        bisect.insort(self.starts, m.start)
        self.titles.extend(t for t in m.titles if t not in self.titles)
        if m.gender and not self.gender:
            self.gender = m.gender

    @property
    def country(self) -> str | None:
        return first_value(self.mentions, "country")

    @property
    def sector(self) -> str | None:
        return first_value(self.mentions, "sector")

    def last_before(self, token: int) -> int:
        """Start of this actor's last mention before ``token`` (-1 when none)."""
        pos = bisect.bisect_left(self.starts, token)
        return self.starts[pos - 1] if pos else -1


def first_value(mentions: list[Mention], attr: str) -> str | None:
    """First non-empty value among current (not "former") mentions, else among all."""
    for m in mentions:
        value = getattr(m, attr)
        if value and not m.former:
            return value
    for m in mentions:
        value = getattr(m, attr)
        if value:
            return value
    return None


class Clusters:
    """The clusters of one document, with indexes for name lookups."""

    def __init__(self) -> None:
        self.items: list[Cluster] = []
        self.by_key: dict[object, Cluster] = {}

    def new(self, etype: str, key: object, anonymous: bool = False) -> Cluster:
        cluster = Cluster(len(self.items), etype, key, anonymous=anonymous)
        self.items.append(cluster)
        if key is not None:
            self.by_key[key] = cluster
        return cluster

    def get_or_new(self, etype: str, key: object) -> Cluster:
        return self.by_key.get(key) or self.new(etype, key)


# ------------------------------------------------------------------------------------------
# Names
# ------------------------------------------------------------------------------------------


def name_words(text: str) -> tuple[str, ...]:
    """Alphabetic pieces of a name: 'Kim Jong-un' -> ('kim', 'jong', 'un')."""
    return tuple(p for p in pieces(text) if p.isalnum())


def person_key(view: DocView, m: Mention) -> tuple[str, ...]:
    words = name_words(view.span_text(m.start, m.end))
    while len(words) > 1 and view.gaz.title(words[:1]) is not None:
        words = words[1:]  # "Mr Pompeo", "President Trump" -> the name
    return words


def is_full_name(view: DocView, m: Mention) -> bool:
    """Two words or more, written apart: "Kim Jong-un" is a full name, "Trump-Biden" is not."""
    words = view.span_text(m.start, m.end).split()
    while len(words) > 1 and view.gaz.title(words[0]) is not None:
        words = words[1:]
    return len(words) >= 2


class PersonIndex:
    """Full names in the document and the single words that may stand for them."""

    def __init__(self) -> None:
        self.full: dict[tuple[str, ...], Cluster] = {}
        self.by_ends: dict[tuple[str, str], Cluster] = {}
        self.by_last: dict[str, list[Cluster]] = {}
        self.by_first: dict[str, list[Cluster]] = {}

    def add_full(self, key: tuple[str, ...], cluster: Cluster) -> None:
        self.full[key] = cluster
        self.by_ends.setdefault((key[0], key[-1]), cluster)
        _append(self.by_last, key[-1], cluster)
        _append(self.by_first, key[0], cluster)

    def find_full(self, key: tuple[str, ...]) -> Cluster | None:
        found = self.full.get(key)
        if found is not None:
            return found
        return self.by_ends.get((key[0], key[-1]))  # "Donald J. Trump" ~ "Donald Trump"

    def candidates(self, word: str) -> list[Cluster]:
        return self.by_last.get(word) or self.by_first.get(word) or []

    def knows(self, word: str) -> bool:
        return word in self.by_last or word in self.by_first


def _append(index: dict[str, list[Cluster]], word: str, cluster: Cluster) -> None:
    bucket = index.setdefault(word, [])
    if cluster not in bucket:
        bucket.append(cluster)


def retag_misread_people(view: DocView, mentions: list[Mention]) -> None:
    """ "Nana Addo Dankwa Akufo-Addo ... Akufo-Addo thanked voters": a long name the tagger read as
    an organisation, that no table knows and whose words name no kind of body, is a person when
    the text names a person by its last words (the long and the short form of one name)."""
    from wirecoder.actors.mentions import org_head_sector

    short = {person_key(view, m) for m in mentions if m.etype == "person" and m.kind == "name"}
    if not short:
        return
    for m in mentions:
        if m.etype != "organization" or m.kind != "name" or m.entry is not None or m.generic:
            continue
        words = name_words(view.span_text(m.start, m.end))
        if len(words) < 2 or not all(t.pos_ in {"PROPN", "PUNCT"} for t in view.tokens[m.start : m.end]):
            continue
        if org_head_sector(view, m.start, m.end)[1] is not None:
            continue  # "Akufo-Addo Foundation" is a body
        if any(words[i:] in short for i in range(1, len(words))):
            m.etype, m.sector = "person", None


def build_person_index(view: DocView, mentions: list[Mention], clusters: Clusters) -> PersonIndex:
    index = PersonIndex()
    keys = [person_key(view, m) for m in mentions if m.etype == "person" and m.kind == "name" and is_full_name(view, m)]
    keys = [k for k in keys if len(k) >= 2]
    # "La Riva" is the family name of "Gloria La Riva", not a full name of its own
    suffixes = {k[i:] for k in keys for i in range(1, len(k) - 1)}
    for key in keys:
        if key in suffixes or index.find_full(key) is not None:
            continue
        index.add_full(key, clusters.new("person", ("person", key)))
    return index


def resolve_person_names(view: DocView, mentions: list[Mention], clusters: Clusters, index: PersonIndex) -> None:
    """Attach every named person mention to a cluster, in text order."""
    for m in mentions:
        if m.etype != "person" or m.kind != "name":
            continue
        if m.label == "HANDLE":
            handle = view.span_text(m.start, m.end).lower()
            owners = [c for key, c in index.full.items() if len(key[-1]) >= 4 and key[-1] in handle]
            chosen = choose_by_recency(view, m, owners)
            if chosen is not None:
                chosen.add(m)
            continue
        key = person_key(view, m)
        if not key:
            continue
        full = index.find_full(key) if len(key) >= 2 and is_full_name(view, m) else None
        if full is not None:
            full.add(m)
            continue
        if len(key) >= 2 and not is_full_name(view, m) and sum(index.knows(w) for w in key) >= 2:
            continue  # "Trump-Biden": two people's names joined, neither of them
        chosen = choose_by_recency(view, m, index.candidates(key[-1] if len(key) >= 2 else key[0]))
        if chosen is not None:
            chosen.add(m)
        else:
            # unresolved: one actor per short name ("Kim"), distinct from every full name
            clusters.get_or_new("person", ("person-short", key)).add(m)


def choose_by_recency(view: DocView, m: Mention, candidates: list[Cluster]) -> Cluster | None:
    """The candidate mentioned most recently; None when the two latest share a sentence."""
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    latest = sorted(((c.last_before(m.start), c) for c in candidates), key=lambda x: x[0], reverse=True)
    if latest[0][0] < 0:
        m.candidates = [c.index for c in candidates]
        return None
    if latest[1][0] >= 0 and view.sent_of[latest[0][0]] == view.sent_of[latest[1][0]]:
        m.candidates = [c.index for c in candidates]
        return None
    return latest[0][1]


# ------------------------------------------------------------------------------------------
# Organisations, countries, governments, groups
# ------------------------------------------------------------------------------------------


def initials(words: tuple[str, ...]) -> str:
    return "".join(w[0] for w in words if w not in {"of", "the", "and", "for", "on", "in", "de"})


def declared_short_forms(view: DocView, mentions: list[Mention]) -> dict[int, str]:
    """ "the Syrian Democratic Forces (SDF)": a one-word name in brackets right after a longer
    name is the short form the text declares for it, whatever its letters (the "PKK" of the
    Kurdistan Workers' Party). Returns the long mention's start -> the short form's word."""
    by_start = {m.start: m for m in mentions}
    out: dict[int, str] = {}
    for m in mentions:
        if m.end - m.start < 2 or m.end + 2 >= len(view.tokens) or view.tokens[m.end].text != "(":
            continue
        short = by_start.get(m.end + 1)
        if short is not None and short.end == short.start + 1 and view.tokens[short.end].text == ")":
            words = name_words(view.span_text(short.start, short.end))
            if len(words) == 1:
                out[m.start] = words[0]
    return out


def resolve_other_names(view: DocView, mentions: list[Mention], clusters: Clusters) -> None:
    acronyms: dict[str, Cluster] = {}
    declared = declared_short_forms(view, mentions)
    for m in mentions:
        if m.cluster is not None or m.modifier or m.etype in {"person", "place", "hashtag"}:
            continue
        if m.etype == "demonym" and m.kind != "demonym":
            continue  # a bare adjective without a role
        if m.etype in {"organization", "group"} and m.kind == "name" and m.end - m.start == 1:
            words = name_words(view.span_text(m.start, m.end))
            if words and words[0] in acronyms and acronyms[words[0]].etype != m.etype:
                acronyms[words[0]].add(m)  # "SDF" after "Syrian Democratic Forces (SDF)", a group
                continue
        if m.etype == "organization":
            resolve_org(view, m, clusters, acronyms)
        elif m.kind == "metonym":
            clusters.get_or_new("country", ("gov", m.country or view.span_text(m.start, m.end))).add(m)
        elif m.etype in {"country", "demonym"}:
            key = ("country", m.country) if m.country else ("country-name", name_words(view.span_text(m.start, m.end)))
            clusters.get_or_new("country", key).add(m)
        elif m.etype == "group":
            key = ("group", name_words(view.span_text(m.start, m.end)))
            clusters.get_or_new("group", key).add(m)
        if m.start in declared and m.cluster is not None:
            acronyms[declared[m.start]] = clusters.items[m.cluster]


def resolve_org(view: DocView, m: Mention, clusters: Clusters, acronyms: dict[str, Cluster]) -> None:
    words = name_words(view.span_text(m.start, m.end))
    key = ("org", words)
    cluster = clusters.by_key.get(key)
    if cluster is None and len(words) == 1:
        cluster = acronyms.get(words[0])  # "CSIS" after "Centre for Strategic and International Studies"
    if cluster is None and len(words) > 1:
        short = ("org", (initials(words),))
        cluster = clusters.by_key.get(short)  # "United Nations" after "UN"
    if cluster is None:
        cluster = clusters.new("organization", key)
    else:
        clusters.by_key[key] = cluster
    if len(words) > 1:
        acronyms.setdefault(initials(words), cluster)
    cluster.add(m)


# ------------------------------------------------------------------------------------------
# Titles and nominals
# ------------------------------------------------------------------------------------------


def title_compatible(info: TitleInfo, held: TitleInfo) -> bool:
    """'the president' refers to a president; 'the leader' (generic) to any head of state."""
    if info.title == held.title:
        return True
    return info.generic and info.group is not None and info.group == held.group


def resolve_title(
    view: DocView, clusters: Clusters, info: TitleInfo, country: str | None, before: int, plural: bool
) -> Cluster | None:
    """The most recent actor holding a title compatible with ``info`` (and ``country``)."""
    best: tuple[int, Cluster] | None = None
    for cluster in clusters.items:
        if cluster.etype not in {"person", "group"} or (cluster.etype == "group") != plural:
            continue
        if not any(title_compatible(info, held) for held in cluster.titles):
            continue
        if country and cluster.country and cluster.country != country:
            continue
        last = cluster.last_before(before)
        if last < 0:
            continue
        if best is None or last > best[0]:
            best = (last, cluster)
    return best[1] if best else None


def recent_cluster(
    view: DocView, clusters: Clusters, etypes: set[str], before: int, window: int, country: str | None = None
) -> Cluster | None:
    """The actor of the given types mentioned last before ``before``, within ``window`` sentences."""
    sent = view.sent_of[before]
    best: tuple[int, Cluster] | None = None
    for cluster in clusters.items:
        if cluster.etype not in etypes:
            continue
        if country and cluster.country != country:
            continue
        last = cluster.last_before(before)
        if last < 0 or sent - view.sent_of[last] > window:
            continue
        if best is None or last > best[0]:
            best = (last, cluster)
    return best[1] if best else None


def determiner_of(head: Token) -> str | None:
    for child in head.children:
        if child.dep_ == "det":
            return child.lower_
        if child.dep_ == "poss":
            return "poss"
    return None


# ------------------------------------------------------------------------------------------
# Pronouns
# ------------------------------------------------------------------------------------------


@dataclass
class Antecedent:
    token: int
    cluster: Cluster
    subject: bool
    sentence: int


def antecedents(view: DocView, mentions: list[Mention], clusters: Clusters) -> list[Antecedent]:
    out = []
    for m in mentions:
        if m.cluster is None or m.modifier:
            continue
        root = view.doc[m.start : m.end].root
        out.append(Antecedent(m.start, clusters.items[m.cluster], is_subject(root), view.sent_of[m.start]))
    out.sort(key=lambda a: a.token)
    return out


def is_subject(root: Token) -> bool:
    """Subjects, and agents of passives and of event nouns ("a letter by Trump")."""
    if root.dep_ in SUBJECT_DEPS:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "by"


def pronoun_targets(word: str) -> tuple[set[str], str | None] | None:
    if word in MALE_PRONOUNS:
        return {"person"}, "m"
    if word in FEMALE_PRONOUNS:
        return {"person"}, "f"
    if word in THING_PRONOUNS:
        return {"organization", "country"}, None
    if word in PLURAL_PRONOUNS:
        return {"group", "organization", "country"}, None
    return None


def is_expletive(tok: Token) -> bool:
    """'it might take more than one meeting to ...', 'it would be a disaster if ...'."""
    if tok.dep_ == "expl":
        return True
    if tok.lower_ != "it" or tok.dep_ not in SUBJECT_DEPS:
        return False
    head = tok.head
    if head.lemma_.lower() in EXPLETIVE_HEADS:
        return any(c.dep_ in {"ccomp", "xcomp", "csubj", "advcl"} for c in head.children)
    return False


def follows_coordinated_people(
    view: DocView, mentions_by_token: list[int], mentions: list[Mention], tok: Token
) -> bool:
    """'Trump and Kim ... their differences': 'their' is both people, which no single actor is."""
    sent_start = view.sent_starts[view.sent_of[tok.i]]
    for i in range(sent_start, tok.i):
        index = mentions_by_token[i]
        if index >= 0 and mentions[index].etype == "person":
            root = view.tokens[i]
            if root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children):
                return True
    return False


def cataphora_target(view: DocView, tok: Token, mentions_by_token: list[int], mentions: list[Mention]) -> int | None:
    """'On his Twitter account, Pompeo posted ...': a possessive before the main subject."""
    if tok.tag_ != "PRP$":
        return None
    verb = tok
    while verb.dep_ not in {"ROOT"} and verb.head.i != verb.i and verb.pos_ not in {"VERB", "AUX"}:
        verb = verb.head
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS and child.i > tok.i:
            if child.left_edge.i <= tok.i:
                continue  # "His spokesman X said": a possessive inside the subject is someone else
            index = mentions_by_token[child.i]
            if index >= 0 and mentions[index].cluster is not None and mentions[index].etype == "person":
                return index
    return None


def choose_antecedent(
    view: DocView,
    ants: list[Antecedent],
    ant_tokens: list[int],
    tok: Token,
    etypes: set[str],
    gender: str | None,
    plural: bool,
) -> Cluster | None:
    """Same-sentence subjects first (nearest), then other same-sentence mentions, then earlier sentences."""
    sent = view.sent_of[tok.i]
    lo = bisect.bisect_left(ant_tokens, view.sent_starts[max(0, sent - PRONOUN_WINDOW)])
    hi = bisect.bisect_left(ant_tokens, tok.i)
    pool = [
        a
        for a in ants[lo:hi]
        if a.cluster.etype in etypes and gender_ok(a.cluster, gender) and not within(a.token, tok)
    ]
    if plural:
        groups = [a for a in pool if a.cluster.etype == "group"]
        pool = groups or pool
    if not pool:
        return None
    same = [a for a in pool if a.sentence == sent]
    if same:
        subjects = [a for a in same if a.subject]
        return (subjects or same)[-1].cluster
    latest_sentence = max(a.sentence for a in pool)
    previous = [a for a in pool if a.sentence == latest_sentence]
    subjects = [a for a in previous if a.subject]
    return (subjects or previous)[0].cluster


def within(token: int, pronoun: Token) -> bool:
    """An antecedent cannot contain the pronoun (no "his" inside "his brother")."""
    return token == pronoun.i


def gender_ok(cluster: Cluster, gender: str | None) -> bool:
    return gender is None or cluster.gender is None or cluster.gender == gender
