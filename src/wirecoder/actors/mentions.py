"""Named mentions: spaCy's entities, repaired with rules and the gazetteer.

The small English model makes systematic errors on news text.  The repairs here are general
rules, each with a regression test in tests/actors/:

* spans lose leading determiners and trailing possessives ("North Korea’s" -> "North Korea");
* a name the gazetteer knows gets its type from the gazetteer, not from the tagger
  ("Pyongyang" is a capital whatever label the tagger chose);
* a FAC/LOC span whose head word names an institution is an organisation
  ("the Centre for Strategic and International Studies");
* tagger spans inside a title are dropped ("State" in "Secretary of State");
* hashtags are looked up without "#" and with CamelCase split ("#NorthKorea" -> North Korea);
* an all-caps acronym followed by its lower-case expansion is a term, not an organisation
  ("CVID – complete, verifiable ... denuclearisation");
* a hyphenated given name the tagger cut short is completed ("Moon Jae" + "-in");
* the gazetteer adds the names the tagger missed (countries, capitals, international bodies).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from wirecoder.actors.gazetteer import COUNTRY_KINDS, NAME_FUNCTION_WORDS, GazEntry, Gazetteer, cached_pieces

#: Tagger labels that can name actors or places.
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
POSSESSIVE_TEXTS = frozenset({"'s", "’s", "'", "’", "s'"})
LEADING_DROP = frozenset({"the", "a", "an", "#", "@", "'", '"', "“", "‘", "(", "["})
TRAILING_PUNCT = frozenset({",", ".", ":", ";", ")", "]", '"', "”", "’", "'", "-", "–", "—"})
CAMEL_RE = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|[a-z]+|\d+")
DASHES = frozenset({"-", "–", "—", ":", "("})
NOT_NAME_START = frozenset({"ADV", "ADP", "CCONJ", "SCONJ", "PRON", "AUX", "INTJ", "PART", "PUNCT", "SYM"})
NAME_POS = frozenset({"PROPN", "NOUN", "NUM", "X"})
CAPTION_WORDS = frozenset({"Image", "Photo", "File", "Picture"})


@dataclass
class Mention:
    """A stretch of tokens that refers to an actor (or a place), with what is known about it.

    ``etype`` is the referent's type: person, organization, country (a state, or its
    government for metonyms), group, place (not an actor) or demonym (an adjective that only
    gives a country to what it modifies).  ``kind`` says how it is referred to: name,
    metonym, demonym, title, nominal or pronoun.
    """

    start: int
    end: int
    etype: str
    kind: str = "name"
    label: str = ""
    entry: GazEntry | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    former: bool = False
    gender: str | None = None
    plural: bool = False
    anonymous: bool = False
    modifier: bool = False  # only modifies a title/name: not an actor mention of its own
    locative: bool = False  # a place use ("arrived in Washington")
    generic: bool = False  # a generic institution ("the Senate"): its country comes from the context
    cluster: int | None = None
    candidates: list[int] = field(default_factory=list)  # clusters an ambiguous name may mean
    titles: list = field(default_factory=list)  # TitleInfo of the titles this mention holds

    def span(self, doc: Doc) -> Span:
        return doc[self.start : self.end]

    def text(self, doc: Doc) -> str:
        return doc[self.start : self.end].text


@dataclass
class DocView:
    """Per-document caches the actor rules share (computed once per document)."""

    doc: Doc
    gaz: Gazetteer
    tokens: list[Token] = field(default_factory=list)
    text: str = ""
    token_pieces: list[tuple[str, ...]] = field(default_factory=list)
    sent_of: list[int] = field(default_factory=list)
    sent_starts: list[int] = field(default_factory=list)
    #: names that are no actors but still names (a photo credit, "Trump" in "Trump flags"), as
    #: (start token, end token, "person" | "organization"): kept for the entity evaluation.
    non_actor_names: list[tuple[int, int, str]] = field(default_factory=list)

    @classmethod
    def build(cls, doc: Doc, gaz: Gazetteer) -> DocView:
        view = cls(doc, gaz)
        view.tokens = list(doc)  # one Token object per position, reused by every step
        view.text = document_text(doc, view.tokens)
        view.token_pieces = [cached_pieces(t.text) for t in view.tokens]
        sent_of = [0] * len(doc)
        starts: list[int] = []
        for index, sent in enumerate(doc.sents):
            starts.append(sent.start)
            for i in range(sent.start, sent.end):
                sent_of[i] = index
        view.sent_of = sent_of
        view.sent_starts = starts
        return view

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), without trailing whitespace."""
        last = self.tokens[end - 1]
        return self.text[self.tokens[start].idx : last.idx + len(last.text)]

    def key(self, start: int, end: int) -> tuple[str, ...]:
        out: list[str] = []
        for i in range(start, end):
            out.extend(self.token_pieces[i])
        return tuple(out)

    def lookup(self, start: int, end: int) -> GazEntry | None:
        return self.gaz.lookup(self.key(start, end))


def document_text(doc: Doc, tokens: list[Token]) -> str:
    """The input text: the article's when the pipeline set it (``doc.text`` is rebuilt from the
    tokens on every access, which is slow for long documents)."""
    article = doc._.article if doc.has_extension("article") else None
    if article is not None and tokens:
        last = tokens[-1]
        if len(article.text) == last.idx + len(last.text_with_ws):
            return article.text
    return doc.text


# ------------------------------------------------------------------------------------------
# Span repair
# ------------------------------------------------------------------------------------------


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop leading determiners/symbols and trailing possessives/punctuation; stop at a line
    break or an opening bracket ("World Health Organisation (WHO" -> the name before it)."""
    for i in range(start + 1, end):
        tok = doc[i]
        if tok.text in {"(", "["} or (tok.is_space and "\n" in tok.text) or "\n" in doc[i - 1].whitespace_:
            end = i
            break
    if end - start > 1 and doc[end - 1].text in CAPTION_WORDS and end < len(doc) and doc[end].text == ":":
        end -= 1  # photo captions: "... Ahmed Mohamed Image: Twitter"
    while start < end and (
        doc[start].lower_ in LEADING_DROP
        or doc[start].is_space
        or doc[start].is_punct
        or doc[start].pos_ in NOT_NAME_START
    ):
        start += 1  # "Later Okafor" tagged as one span: the adverb is not part of the name
    while end > start and (
        doc[end - 1].text in POSSESSIVE_TEXTS
        or doc[end - 1].tag_ == "POS"
        or doc[end - 1].text in TRAILING_PUNCT
        or doc[end - 1].is_space
    ):
        end -= 1
    return start, end


def extend_hyphenated(doc: Doc, start: int, end: int) -> int:
    """'Moon Jae' + '-in': take in a hyphen and the next token when written without spaces."""
    while (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].is_alpha
        and len(doc[end + 1].text) <= 5
    ):
        end += 2
    return end


def camel_words(text: str) -> str:
    """'NorthKorea' -> 'North Korea'; 'KimJongUn' -> 'Kim Jong Un'."""
    return " ".join(CAMEL_RE.findall(text))


def is_hashtag(doc: Doc, start: int) -> bool:
    return start > 0 and doc[start - 1].text == "#" and not doc[start - 1].whitespace_


def is_acronym_term(doc: Doc, start: int, end: int) -> bool:
    """An all-caps word followed by a dash/colon/bracket and lower-case words explains a term."""
    if end - start != 1 or not doc[start].is_upper or len(doc[start].text) < 3:
        return False
    nxt = end
    if nxt < len(doc) and doc[nxt].text in DASHES:
        words = [t for t in doc[nxt + 1 : nxt + 5] if t.is_alpha]
        return len(words) >= 2 and all(t.is_lower for t in words)
    return False


def has_capitalised_words(doc: Doc, start: int, end: int) -> bool:
    """Every content word starts with a capital (names, not common phrases)."""
    for tok in doc[start:end]:
        if tok.is_alpha and tok.lower_ not in NAME_FUNCTION_WORDS and not tok.text[0].isupper():
            return False
    return True


# ------------------------------------------------------------------------------------------
# Typing a span
# ------------------------------------------------------------------------------------------

_ETYPE_OF_KIND = {
    "country": "country",
    "capital": "place",
    "city": "place",
    "demonym": "demonym",
    "plural": "group",
    "metonym": "organization",
    "igo": "organization",
    "body": "organization",
    "org": "organization",
}


def etype_from_entry(entry: GazEntry) -> str:
    return _ETYPE_OF_KIND[entry.kind]


def org_head_sector(view: DocView, start: int, end: int) -> tuple[bool, str | None]:
    """(has an institution head word, its sector): the last such word in the span decides.

    "Centre"/"Center" counts only with a complement ("Centre for ... Studies"): as the last
    word it usually names a building ("World Trade Center").
    """
    for i in range(end - 1, start - 1, -1):
        word = view.tokens[i].lower_
        if word in view.gaz.org_heads:
            if word in {"centre", "center"} and i == end - 1:
                return False, None
            return True, view.gaz.org_heads[word]
    return False, None


def etype_from_label(view: DocView, label: str, start: int, end: int) -> str | None:
    doc = view.doc
    if label == "PERSON":
        return "person"
    if label == "ORG":
        return "organization"
    if label == "GPE":
        return "place"
    if label in {"FAC", "LOC"}:
        is_org, _ = org_head_sector(view, start, end)
        return "organization" if is_org else "place"
    if label == "NORP":
        last = doc[end - 1]
        return "group" if last.tag_ in {"NNPS", "NNS"} else "demonym"
    return None


# ------------------------------------------------------------------------------------------
# Candidates
# ------------------------------------------------------------------------------------------


def entity_mentions(view: DocView) -> list[Mention]:
    """The tagger's entities, repaired and typed."""
    doc = view.doc
    out: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        mention = repair_entity(view, ent)
        if mention is not None:
            out.append(mention)
    return out


def repair_entity(view: DocView, ent: Span) -> Mention | None:
    doc = view.doc
    start, end = trim(doc, ent.start, ent.end)
    if start >= end:
        return None
    if ent.label_ == "PERSON":
        end = extend_hyphenated(doc, start, end)
    if is_hashtag(doc, start):
        return hashtag_mention(view, start, end)
    if doc[start].text.startswith("@"):
        return None  # handles are linked to people later (see coref.handle_mentions)
    entry = view.lookup(start, end)
    # the generated company/NGO list is long and noisy: it only codes what the tagger calls ORG
    if entry is not None and (entry.kind != "org" or ent.label_ in {"ORG", "FAC"}):
        return Mention(start, end, etype_from_entry(entry), label=ent.label_, entry=entry)
    if ent.label_ == "ORG" and is_acronym_term(doc, start, end):
        return None
    if ent.label_ in {"ORG", "FAC", "PRODUCT"} and start > 0 and doc[start - 1].lower_ == "aboard":
        return None  # a ship or plane: "aboard Air Force One"
    if ent.label_ in {"ORG", "PERSON"} and not any(t.is_alpha for t in doc[start:end]):
        return None
    if not any(t.pos_ in NAME_POS for t in doc[start:end]):
        return None  # "Started", "Saturated": a capitalised verb or adjective, not a name
    etype = etype_from_label(view, ent.label_, start, end)
    if etype is None or etype == "demonym":
        return None  # an adjective the gazetteer does not know ("Korean") tells nothing
    return Mention(start, end, etype, label=ent.label_)


def hashtag_mention(view: DocView, start: int, end: int) -> Mention | None:
    """A hashtag names an actor only when its words are a known name."""
    words = camel_words(view.doc[start:end].text)
    entry = view.gaz.lookup(words)
    if entry is None:
        return Mention(start, end, "hashtag", label="HASHTAG")  # may still be a person's name
    return Mention(start, end, etype_from_entry(entry), label="HASHTAG", entry=entry)


def gazetteer_mentions(view: DocView, taken: list[bool]) -> list[Mention]:
    """Names the tagger missed: scan the document for capitalised gazetteer names."""
    doc = view.doc
    trie = view.gaz.names
    first = trie.first_pieces()
    out: list[Mention] = []
    i = 0
    n = len(doc)
    while i < n:
        tp = view.token_pieces[i]
        if taken[i] or not tp or tp[0] not in first or not view.tokens[i].text[:1].isupper():
            i += 1
            continue
        found = trie.longest_at(view.token_pieces, i, n)
        if found is None:
            i += 1
            continue
        end, keys = found
        entry = view.gaz.lookup(keys[0])
        if entry is None or not entry.scan or any(taken[i:end]) or not plausible_name(doc, i, end):
            i += 1
            continue
        out.append(Mention(i, end, etype_from_entry(entry), label="GAZ", entry=entry))
        i = end
    return out


def plausible_name(doc: Doc, start: int, end: int) -> bool:
    """Capitalised, and tagged as a proper noun (or written in capitals) somewhere in it."""
    if not has_capitalised_words(doc, start, end):
        return False
    if end < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
        return False  # first half of a hyphenated compound ("Washington-based")
    return any(t.pos_ == "PROPN" or (t.is_upper and len(t.text) > 1) for t in doc[start:end])


def find_named_mentions(view: DocView) -> list[Mention]:
    """Entity mentions plus gazetteer matches, without overlaps, in document order."""
    mentions = entity_mentions(view)
    taken = [False] * len(view.doc)
    for m in mentions:
        for i in range(m.start, m.end):
            taken[i] = True
    mentions.extend(gazetteer_mentions(view, taken))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return drop_overlaps(mentions)


def drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    last_end = -1
    for m in mentions:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


def token_in_mention(mentions: list[Mention], n_tokens: int) -> list[int]:
    """Index: token -> position of the mention covering it in ``mentions`` (-1 for none)."""
    owner = [-1] * n_tokens
    for index, m in enumerate(mentions):
        for i in range(m.start, m.end):
            owner[i] = index
    return owner


def is_possessive_after(doc: Doc, end: int) -> bool:
    return end < len(doc) and (doc[end].tag_ == "POS" or doc[end].text in POSSESSIVE_TEXTS)


def root_of(doc: Doc, start: int, end: int) -> Token:
    return doc[start:end].root


def is_country_kind(m: Mention) -> bool:
    return m.entry is not None and m.entry.kind in COUNTRY_KINDS
