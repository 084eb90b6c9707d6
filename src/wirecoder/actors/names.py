"""Step 1 (mentions): reconcile named mentions with title phrases; link single names to full names."""

from __future__ import annotations

from wirecoder.actors.coref import (
    is_full_name,
    name_words,
    person_key,
)
from wirecoder.actors.mentions import (
    DocView,
    Mention,
    camel_words,
    etype_from_entry,
    org_head_sector,
    token_in_mention,
)
from wirecoder.actors.roles import (
    TitleMatch,
)

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
    """Single names of people named in full become person mentions, whatever the tagger said;
    a capital or city the gazetteer knows does too when it is the surname of a person named in
    full and not used as a place ("Sudesh Amman ... Amman was released", not "in Amman")."""
    mentions = join_adjacent_names(view, mentions)
    relabel_person_like_orgs(view, mentions)
    relabel_titled_orgs(view, mentions, titles)
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
    surnames = {k[i:] for k in full for i in range(1, len(k))}
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
        elif words in surnames and is_city_entry(m) and not is_located(view, m):
            m.etype, m.entry, m.label = "person", None, "SURNAME"  # "Sudesh Amman ... Amman said"
        out.append(m)
    out.extend(missed_names(view, out, titles, known, last_names))
    out.sort(key=lambda m: m.start)
    return out


#: Prepositions after which a city name is the city, even when a person shares it ("in Amman").
PLACE_PREPS = frozenset({"in", "at", "from", "to", "into", "near", "outside", "inside", "across", "via", "through"})


def is_city_entry(m: Mention) -> bool:
    return m.entry is not None and m.entry.kind in {"capital", "city"}


def is_located(view: DocView, m: Mention) -> bool:
    root = view.doc[m.start : m.end].root
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def join_adjacent_names(view: DocView, mentions: list[Mention]) -> list[Mention]:
    """Two person names with only a space between are one long name the tagger cut in two
    ("Nana Addi" + "Dankwa Akufo-Addo"); a comma, "and" or a line break keeps them apart."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.etype == "person"
            and m.etype == "person"
            and prev.kind == m.kind == "name"
            and prev.end == m.start
            and view.tokens[prev.end - 1].whitespace_ == " "
            and view.tokens[m.start].text[:1].isupper()
        ):
            out[-1] = Mention(prev.start, m.end, "person", label=prev.label or m.label)
            continue
        out.append(m)
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


#: Title classes that only people hold ("Opposition leader X", "X, the opposition leader").
PERSON_TITLE_CLASSES = frozenset({"head", "office", "honorific"})


def relabel_titled_orgs(view: DocView, mentions: list[Mention], titles: list[TitleMatch]) -> None:
    """A name the tagger called an organisation is a person when a person's title stands right
    before it or in apposition to it ("Opposition leader Morgan Tsvangirai"), unless the name
    itself has an institution head word or the gazetteer knows it."""
    title_by_end = {t.end: t for t in titles if t.info.cls in PERSON_TITLE_CLASSES and not t.info.plural}
    title_by_head = {t.end - 1: t for t in title_by_end.values()}
    for m in mentions:
        if m.etype != "organization" or m.entry is not None or m.kind != "name":
            continue
        tokens = view.tokens[m.start : m.end]
        if not 2 <= len(tokens) <= 4 or not all(t.text[:1].isupper() for t in tokens if t.is_alpha):
            continue
        if org_head_sector(view, m.start, m.end)[0]:
            continue
        root = view.doc[m.start : m.end].root
        appositive = any(c.dep_ == "appos" and c.i in title_by_head for c in root.children)
        if m.start in title_by_end or appositive:
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
