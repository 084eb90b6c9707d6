"""Step 2b (code): generic state institutions ("the Senate", "parliament", "the foreign ministry").

Every country has a senate, a parliament, police and an army, so these names carry no country
of their own: a generated table that says "Senate" is American is right only for American
stories.  Names in ``institutions.tsv`` lose any gazetteer country, take the table's sector and
are marked ``generic``; :mod:`wirecoder.actors.context` gives them the country of their phrase,
sentence or article.  Written in lower case ("the election commission said"), they are found
here too, as long as they head a noun phrase ("police station" is a building, not the police).
"""

from __future__ import annotations

from wirecoder.actors.mentions import DocView, Mention, token_in_mention
from wirecoder.actors.roles import TitleMatch

#: Determiners and possessives that let a lower-case institution name a body ("the army").
INSTITUTION_DETS = frozenset({"the", "its", "their", "his", "her", "our"})


def mark_generic(view: DocView, mentions: list[Mention]) -> None:
    """Named mentions that are generic institutions lose their fixed country."""
    for m in mentions:
        if m.etype not in {"organization", "place"} or m.kind != "name":
            continue
        sector = view.gaz.institutions.get(view.key(m.start, m.end))
        if sector is None:
            continue
        m.etype, m.entry, m.country, m.sector, m.generic = "organization", None, None, sector, True


def find_institutions(view: DocView, mentions: list[Mention], titles: list[TitleMatch]) -> list[Mention]:
    """Lower-case generic institutions the tagger left out ("the foreign ministry said")."""
    doc = view.doc
    mentions = institutions_ending_in_titles(view, mentions, titles)
    owned = token_in_mention(mentions, len(doc))
    for t in titles:
        for i in range(t.start, t.end):
            owned[i] = len(mentions)  # titles ("police") are coded as people and groups already
    trie = view.gaz.institution_trie
    first = trie.first_pieces()
    found: list[Mention] = []
    i, n = 0, len(doc)
    while i < n:
        tp = view.token_pieces[i]
        if owned[i] >= 0 or not tp or tp[0] not in first:
            i += 1
            continue
        match = trie.longest_at(view.token_pieces, i, n)
        if match is None or any(owned[j] >= 0 for j in range(i, match[0])):
            i += 1
            continue
        end, keys = match
        if heads_phrase(view, i, end):
            sector = view.gaz.institutions[keys[0]]
            kind = "name" if view.tokens[i].text[:1].isupper() else "nominal"  # "the army" describes, not names
            found.append(Mention(i, end, "organization", kind=kind, label="INST", sector=sector, generic=True))
            i = end
            continue
        i += 1
    if not found:
        return mentions
    return sorted(mentions + found, key=lambda m: (m.start, -m.end))


#: How far before a title an institution's name may start ("Chamber of | Deputies").
INSTITUTION_LEAD = 4


def institutions_ending_in_titles(view: DocView, mentions: list[Mention], titles: list[TitleMatch]) -> list[Mention]:
    """ "the Chamber of Deputies", "the House of Representatives": an institution whose name ends
    in a title of its members is the body, not a group of deputies; the title is used up and
    the pieces of the name the tagger kept give way to one generic institution."""
    trie = view.gaz.institution_trie
    out = mentions
    for t in titles:
        for i in range(max(0, t.start - INSTITUTION_LEAD), t.start):
            match = trie.longest_at(view.token_pieces, i, t.end)
            if match is None or match[0] != t.end or not heads_phrase(view, i, t.end):
                continue
            t.used = True
            sector = view.gaz.institutions[match[1][0]]
            inside = [m for m in out if i <= m.start and m.end <= t.end]
            kept = [m for m in out if m not in inside and not (m.start < t.end and m.end > i)]
            if len(kept) + len(inside) != len(out):
                break  # a name crosses the institution's edge: leave it alone
            body = Mention(i, t.end, "organization", kind="name", label="INST", sector=sector, generic=True)
            out = sorted([*kept, body], key=lambda m: (m.start, -m.end))
            break
    return out


def heads_phrase(view: DocView, start: int, end: int) -> bool:
    """The last word heads its noun phrase, with a determiner or a modifier before it."""
    last = view.tokens[end - 1]
    if last.pos_ not in {"NOUN", "PROPN"}:
        return False
    if last.dep_ in {"compound", "amod", "nmod"} and last.head.i > last.i:
        return False
    if view.tokens[start].text[:1].isupper():
        return True  # "Parliament will sit": written as a name
    before = view.tokens[start - 1] if start > 0 else None
    if before is None:
        return False
    return before.lower_ in INSTITUTION_DETS or before.tag_ in {"POS", "JJ", "NNP"} or before.dep_ == "poss"
