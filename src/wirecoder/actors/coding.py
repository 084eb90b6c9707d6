"""Step 2 (code): country, sector and role of named mentions and of people from their titles."""

from __future__ import annotations

from wirecoder.actors.coref import (
    is_full_name,
)
from wirecoder.actors.mentions import (
    POSSESSIVE_TEXTS,
    DocView,
    Mention,
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
    left_context,
    role_text,
)

# ------------------------------------------------------------------------------------------
# Steps 3-4: coding
# ------------------------------------------------------------------------------------------


def code_named(view: DocView, mentions: list[Mention], owner: list[int]) -> None:
    for m in mentions:
        if m.entry is not None:
            m.country = m.entry.country
            if m.etype == "organization":
                m.sector = m.entry.sector
            elif m.etype == "group" and m.entry.kind == "plural" and not definite(view, m):
                # "Serbians protested": a bare plural is people of the country, civilians;
                # "the Iraqis rejected the plan" names a side, whose sector the text does not give
                m.sector = m.sector or "CVL"
        if m.etype == "group" and m.kind == "name" and m.sector is None:
            m.sector = view.gaz.role_sectors.get(view.span_text(m.start, m.end).lower())  # "Democrats"
        if m.etype == "place":
            classify_place(view, m)
        elif m.etype == "demonym":
            m.kind = "demonym"
    mark_locative_countries(view, mentions)
    for m in mentions:
        if m.etype == "organization":
            code_organization(view, mentions, owner, m)


def title_as_name(view: DocView, m: Mention) -> Coding | None:
    """ "the Queen suspended parliament", "the Pope said": a name that is a title is coded as one."""
    info = view.gaz.title(view.span_text(m.start, m.end).lower())
    if info is None or info.cls == "honorific":
        return None
    return Coding(sector=info.sector, role=view.span_text(m.start, m.end), gender=info.gender)


def definite(view: DocView, m: Mention) -> bool:
    return m.start > 0 and view.tokens[m.start - 1].lower_ in {"the", "these", "those"}


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
        for head in apposition_heads(view, mentions, owner, m, title_by_end):
            coding, title_mention = apposition_coding(view, mentions, owner, head, title_by_end)
            codings.append(coding)
            if head.tag_ not in {"NNS", "NNPS"}:  # a plural names the group the person belongs to
                pairs.append((title_mention, m))
        codings.append(name_affiliation(view, mentions, owner, m))
        codings.append(candidacy(view, mentions, owner, m))
        codings.append(title_as_name(view, m))
        merge_codings(mentions, m, [c for c in codings if c is not None])
        if m.gender is None and is_full_name(view, m):
            m.gender = view.gaz.given_names.get(view.tokens[m.start].lower_)
    return pairs


#: Prepositions after a bare name that name the body a person belongs to ("Raymond Chan of
#: People Power", "Ann Lee from Oxfam", "Tom Ward at Harvard").
NAME_AFFILIATION_PREPS = frozenset({"of", "from", "at"})


def name_affiliation(view: DocView, mentions: list[Mention], owner: list[int], m: Mention) -> Coding | None:
    """The organisation named right after a person's name gives its sector and country."""
    root = view.doc[m.start : m.end].root
    for prep in root.rights:
        if prep.dep_ != "prep" or prep.lower_ not in NAME_AFFILIATION_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and owner[obj.i] >= 0:
                org = mentions[owner[obj.i]]
                if org.etype == "organization" and (org.sector or org.country):
                    return Coding(country=org.country, sector=org.sector)
    return None


#: Verbs of standing in an election: "X is running for the Greens" makes X a party candidate.
CANDIDACY_VERBS = frozenset({"run", "stand"})


def candidacy(view: DocView, mentions: list[Mention], owner: list[int], m: Mention) -> Coding | None:
    """ "Anna Kerr, who is running for the Green Alliance" / "Kerr runs for the Greens": a person
    standing for an organisation is its candidate (PLOVER PTY), and the organisation a party."""
    root = view.doc[m.start : m.end].root
    if seeks_office(view, m):
        return Coding(sector="PTY")
    verbs = [c for c in root.children if c.dep_ == "relcl"]
    if root.dep_ == "nsubj":
        verbs.append(root.head)
    for verb in verbs:
        if verb.lemma_.lower() not in CANDIDACY_VERBS:
            continue
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ != "for":
                continue
            if any(c.dep_ == "pobj" and is_office(view, c) for c in prep.children):
                return Coding(sector="PTY")  # "who is running for governor"
            for obj in prep.children:
                party = party_object(mentions, owner, obj) if obj.dep_ == "pobj" else None
                if party is not None:
                    if party.entry is None and not party.generic:
                        party.etype, party.sector = "organization", "PTY"
                    return Coding(country=party.country, sector="PTY")
    return None


def is_office(view: DocView, tok) -> bool:
    """An elected office named as what someone seeks ("president", "vice president", "the Senate")."""
    words = " ".join(t.lower_ for t in tok.subtree if t.dep_ not in {"det", "poss"})
    info = view.gaz.title(words)
    if info is not None:
        return info.cls == "head" or info.sector in {"GOV", "LEG"}
    return view.gaz.institutions.get(tuple(words.split())) == "LEG"


def seeks_office(view: DocView, m: Mention) -> bool:
    """ "a ticket of Tom Maddox for president and Juan Ruiz for vice president": a name right
    before "for <office>" is a candidate for it (PLOVER PTY); read on the surface, since the
    parser often hangs "for president" on the ticket."""
    n = len(view.tokens)
    if m.end + 1 >= n or view.tokens[m.end].lower_ != "for":
        return False
    for size in (3, 2, 1):
        end = m.end + 1 + size
        if end > n:
            continue
        info = view.gaz.title(" ".join(t.lower_ for t in view.tokens[m.end + 1 : end]))
        if info is not None and (info.cls == "head" or info.sector in {"GOV", "LEG"}):
            return end == n or view.tokens[end].pos_ != "PROPN"  # not "for President Biden's visit"
    return False


def party_object(mentions: list[Mention], owner: list[int], obj) -> Mention | None:
    """The named body a candidate runs for: "the Greens", "the Liberal Democrats" (a name the
    tagger may read as a group), "the Fair Australia party" (the name modifies "party")."""
    for tok in [obj, *(c for c in obj.children if c.dep_ == "compound")]:
        if owner[tok.i] >= 0 and mentions[owner[tok.i]].etype in {"organization", "group"}:
            m = mentions[owner[tok.i]]
            if m.kind == "name":
                return m
    return None


def title_before(
    view: DocView, mentions: list[Mention], owner: list[int], m: Mention, title_by_end: dict[int, TitleMatch]
) -> TitleMatch | None:
    """The title right before a name, also across "of <country/body>" ("Vice President of the
    United States Joe Biden") or "for <country>" ("US Special Representative for Iran X")."""
    title = title_by_end.get(m.start)
    if title is not None or m.start == 0:
        return title
    if owner[m.start - 1] < 0:
        return title_over_portfolio(view, owner, m, title_by_end) or coordinated_title(view, m, title_by_end)
    body = mentions[owner[m.start - 1]]
    if body.etype not in {"country", "organization"} or not (body.kind == "name" or body.generic):
        return None  # "speaker of the parliament Ali Larijani": a generic body counts too
    j = body.start
    if j > 0 and view.tokens[j - 1].lower_ == "the":
        j -= 1
    if j > 0 and view.tokens[j - 1].lower_ in {"of", "for"}:
        return title_by_end.get(j - 1)
    return None


#: Longest portfolio between a title and a name ("Minister of Economy and Trade Peter Novak").
PORTFOLIO_WORDS = 4


def title_over_portfolio(
    view: DocView, owner: list[int], m: Mention, title_by_end: dict[int, TitleMatch]
) -> TitleMatch | None:
    """ "Minister of Economy Peter Novak", "Secretary for Health Ann Lee": a title, "of"/"for"
    and a capitalised portfolio no table names, then the name."""
    j = m.start - 1
    while j >= 0 and m.start - j <= PORTFOLIO_WORDS and owner[j] < 0:
        tok = view.tokens[j]
        if tok.lower_ in {"of", "for"} and j < m.start - 1:
            return title_by_end.get(j)
        if not (tok.text[:1].isupper() or tok.lower_ in {"and", "&"}):
            return None
        j -= 1
    return None


def coordinated_title(view: DocView, m: Mention, title_by_end: dict[int, TitleMatch]) -> TitleMatch | None:
    """ "Businessman and Trump loyalist John Kemp": a title coordinated with the word before the
    name still describes the name."""
    root = view.doc[m.start : m.end].root
    for child in root.lefts:
        if child.dep_ in {"nmod", "compound"} and child.i < m.start and any(c.dep_ == "conj" for c in child.children):
            title = title_by_end.get(child.i + 1)
            if title is not None:
                return title
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
        if title.end != m.start and owner[m.start - 1] >= 0:  # "... of the United States": the body codes it
            body = mentions[owner[m.start - 1]]
            body.modifier = True
            if view.tokens[title.end].lower_ != "for":  # "envoy for Iran": that is the brief, not the country
                coding.country = coding.country or body.country
            if body.etype == "organization":
                coding.sector = body.sector or coding.sector
        m.titles.append(title.info)
        return coding
    coding = Coding()
    left_context(view, mentions, owner, m.start, coding)
    apply_modifiers(mentions, coding, None)
    return coding if coding.modifiers else None


def apposition_heads(
    view: DocView, mentions: list[Mention], owner: list[int], m: Mention, title_by_end: dict[int, TitleMatch]
) -> list:
    """Nouns in apposition to a name: 'Terry, a Korean expert ...' / 'the leader, Kim'."""
    root = view.doc[m.start : m.end].root
    while root.dep_ == "conj" and root.head.i < root.i and root.head.pos_ == "PROPN":
        root = root.head  # "Two Democratic Representatives, Collin Peterson and Jeff Van Drew"
    heads = [c for c in root.children if c.dep_ == "appos" and is_noun(c, title_by_end) and owner[c.i] < 0]
    if root.dep_ == "appos" and is_noun(root.head, title_by_end) and owner[root.head.i] < 0:
        heads.append(root.head)
    elif root.dep_ == "appos" and root.head.i < m.start:
        heads += phrase_head_before(owner, root.head)
    heads += predicate_nouns(owner, root)
    return [h for h in heads if is_role_noun(view, mentions, owner, h, title_by_end)]


def predicate_nouns(owner: list[int], root) -> list:
    """ "al-Muhandis was the deputy commander of the PMF": a role noun predicated of the name
    by "be" describes it as an apposition does."""
    verb = root.head
    if root.dep_ not in {"nsubj", "nsubjpass", "dobj"}:
        return []
    copulas = [verb] if verb.lemma_ == "be" and root.dep_ == "nsubj" else []
    # "X was picked to be his running mate", "the party tapped X to be its nominee"
    copulas += [c for c in verb.children if c.dep_ in {"xcomp", "oprd"} and c.lemma_ == "be"]
    return [c for v in copulas for c in v.children if c.dep_ == "attr" and c.pos_ == "NOUN" and owner[c.i] < 0]


def is_noun(tok, title_by_end: dict[int, TitleMatch]) -> bool:
    """A common noun, or a capitalised title the tagger read as a name ("the caretaker Prime Minister")."""
    return tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and tok.i + 1 in title_by_end)


def phrase_head_before(owner: list[int], tok) -> list:
    """ "the prosecutor general of Tehran, Reza Karimi": the parser hangs the name on the place
    ending the title's "of" phrase; a person is in apposition to the whole phrase, whose head
    is the role noun."""
    if owner[tok.i] < 0 or tok.dep_ != "pobj" or tok.head.lower_ != "of":
        return []
    noun = tok.head.head
    return [noun] if noun.pos_ == "NOUN" and owner[noun.i] < 0 else []


def is_role_noun(
    view: DocView, mentions: list[Mention], owner: list[int], head, title_by_end: dict[int, TitleMatch]
) -> bool:
    """An apposition names a role when its noun ends a title or is a role word ("42 percent" is
    not; "the party's 2016 nominee" is: a year dates the role, it does not count it), or when it
    belongs to a named body ("a council member of the Expediency Council", "director at Oxfam")."""
    if head.i + 1 in title_by_end:
        return True  # "Two Democratic Representatives, X and Y": a number counts the holders
    if any(c.dep_ == "nummod" and not is_year(c) for c in head.children):
        return False
    if view.gaz.title(head.lower_) is not None or view.gaz.sector_of_role(head.lower_) is not None:
        return True
    return head.tag_ == "NN" and any(
        prep.dep_ == "prep" and prep.lower_ in {"of", "at"} and body_object(mentions, owner, prep) is not None
        for prep in head.children
    )


def body_object(mentions: list[Mention], owner: list[int], prep) -> Mention | None:
    """The named organisation a preposition governs ("of the Expediency Council")."""
    for obj in prep.children:
        if obj.dep_ == "pobj" and owner[obj.i] >= 0 and mentions[owner[obj.i]].etype == "organization":
            return mentions[owner[obj.i]]
    return None


def is_year(tok) -> bool:
    return tok.ent_type_ == "DATE" or (len(tok.text) == 4 and tok.text.isdigit() and tok.text[:2] in {"18", "19", "20"})


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
    for m in [m for m in mentions if m.generic]:  # "the Egyptian foreign ministry": Egypt only modifies it
        coding = Coding()
        left_context(view, mentions, owner, m.start, coding)
        for index in coding.modifiers:
            mod = mentions[index]
            possessor = mod.end < len(view.doc) and (
                view.tokens[mod.end].tag_ == "POS" or view.tokens[mod.end].text in POSSESSIVE_TEXTS
            )
            if mod.etype in {"country", "demonym", "place"} and not possessor:  # "Russia's navy": Russia acts too
                mod.modifier = True
                m.country = m.country or mod.country
    for tok in view.tokens:
        if tok.pos_ == "NOUN" and owner[tok.i] < 0 and tok.lower_ in view.gaz.nominals and tok.dep_ != "compound":
            coding = Coding()
            left_context(view, mentions, owner, tok.i, coding)
            for index in coding.modifiers:
                mentions[index].modifier = True
