"""Who a reporting verb attributes its content to, and how much of the text names them.

The speaker is read off the dependency parse: the verb's subject, the antecedent of a relative
pronoun subject ("Pyongyang, which declared ..."), the subject of the governing verb for
participles and infinitives ("..., saying", "declined to say"), the author of a document
("a letter by Trump ..., saying"), or the object of "according to".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from wirecoder.quotes.lexicon import Lexicon

_SUBJECT_DEPS = ("nsubj",)
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# NP dependents that belong to the speaker's name ("White House spokeswoman Sarah Sanders").
_NAME_LEFT_DEPS = frozenset(
    {"det", "amod", "compound", "poss", "nmod", "nummod", "quantmod", "case", "advmod", "predet"}
)
# Links through which a participle or infinitive takes the governing verb's subject
# ("declined to say", "..., saying", "began by saying", "stood and said").
_INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp", "prep"})
# Verbs whose subject "it" is empty when a speech verb hangs below them ("It is time to say ...").
_EMPTY_IT_VERBS = frozenset({"be", "seem", "appear", "go", "make", "take", "remain", "become"})


def speaker_of(verb: Token, lexicon: Lexicon) -> Token | None:
    """Head token of the speaker of a reporting verb, or None."""
    subject = _subject(verb)
    if subject is not None and subject.lower_ in lexicon.relative_pronouns and subject.tag_ in _RELATIVE_TAGS:
        # "X, who said ...": the antecedent speaks; a relative pronoun with no antecedent is nobody
        subject = verb.head if verb.dep_ == "relcl" else None
        if subject is None:
            return None
    if subject is None:
        subject = _inherited_subject(verb, lexicon)
    if subject is None:
        return None
    return author_of(subject, lexicon)


def relative_mention(verb: Token, lexicon: Lexicon) -> Token | None:
    """ "an architect who said ...": the relative pronoun is the mention the text attributes the
    report to (the speaker itself is its antecedent), as the output contract's speaker offsets ask."""
    subject = _subject(verb)
    if subject is None or verb.dep_ != "relcl":
        return None
    return subject if subject.lower_ in lexicon.relative_pronouns and subject.tag_ in _RELATIVE_TAGS else None


def _subject(verb: Token) -> Token | None:
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if len(subjects) > 1:  # "Bannon, who Beck called ...": the parser makes both subjects; Beck speaks
        subjects = [c for c in subjects if c.tag_ not in _RELATIVE_TAGS] or subjects
    if subjects:
        return subjects[0]
    for child in verb.children:
        if child.dep_ == "agent":  # "was announced by the ministry"
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _inherited_subject(verb: Token, lexicon: Lexicon) -> Token | None:
    """The subject a non-finite or coordinated reporting verb takes from its context."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head  # "a statement saying ..."
    if verb.dep_ == "compound" and verb.head.pos_ in ("NOUN", "PROPN") and verb.i < verb.head.i:
        return verb.head  # "Said Ellis: ...", parsed as if "Said" were part of the name
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        document = _document_before(verb, lexicon)
        if document is not None:
            return document  # "... a letter by Trump to Kim, saying ..."
    reporter = _reporting_ancestor(verb, lexicon)
    if reporter is not None:
        return reporter
    seen = 0
    current = verb
    while current.dep_ in _INHERIT_DEPS and current.head.i != current.i and seen < 6:
        current = current.head
        seen += 1
        subject = _subject(current)
        if subject is None and _expletive_report(current):
            # "Flynn said there was fraud and urged ...": no one shares "there"; the reporter acts
            current = current.head
            subject = _subject(current)
        if subject is not None:
            if subject.lower_ in lexicon.relative_pronouns and subject.tag_ in _RELATIVE_TAGS:
                return current.head if current.dep_ == "relcl" else None
            if subject.lower_ == "it" and current.lemma_.lower() in _EMPTY_IT_VERBS:
                return None  # "It seems unfair to tell them ...", "It goes without saying ...": nobody
            return subject
    return None


def _expletive_report(clause: Token) -> bool:
    """A reported clause with an empty subject ("said there was ...")."""
    return clause.dep_ == "ccomp" and any(c.dep_ == "expl" for c in clause.children)


def _reporting_ancestor(verb: Token, lexicon: Lexicon) -> Token | None:
    """ "The mayor said the roads would reopen, adding that ...": a participle the parser hangs
    inside what someone said continues that speaker, not the subject of the reported clause."""
    if verb.tag_ != "VBG" or verb.dep_ not in ("advcl", "conj"):
        return None
    inside_content = False
    for ancestor in verb.ancestors:
        if inside_content and ancestor.pos_ == "VERB":
            cue = lexicon.verb(ancestor.lemma_.lower(), ancestor.lower_)
            if cue is not None and cue.cls in ("speech", "writing"):
                return _subject(ancestor)
        inside_content = inside_content or ancestor.dep_ in ("ccomp", "parataxis")
    return None


def _document_before(verb: Token, lexicon: Lexicon) -> Token | None:
    """A document noun in the phrase just before ", saying" (the document is the speaker).

    Scans back at most a few words and never past a verb or punctuation, so "a letter by
    Trump to Kim, saying ..." finds "letter" whatever the parser attached "to Kim" to.
    """
    doc = verb.doc
    i = verb.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    for k in range(i - 1, max(-1, i - 9), -1):
        token = doc[k]
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            return None
        if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in lexicon.document_nouns:
            if token.dep_ == "pobj" and token.head.lower_ == "to":
                return None  # "responded to her letter, calling ...": who responds calls, not the letter
            return token
    return None


def author_of(noun: Token, lexicon: Lexicon) -> Token:
    """For a document noun, its author ("a letter by Trump", "Trump's statement"); for an occasion
    of speech, who spoke at it ("opened a rally blasting ..."); else the noun."""
    if noun.lemma_.lower() in lexicon.event_nouns:
        return _issuer(noun, lexicon, any_verb=True) or noun
    if noun.lemma_.lower() not in lexicon.document_nouns and noun.lower_ not in lexicon.document_nouns:
        return noun
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") and child.ent_type_ not in ("DATE", "TIME"):
            return child  # "Trump's statement", not "Tuesday's statement"
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in lexicon.agent_preps:
            for grand in child.children:
                if grand.dep_ == "pobj" and grand.pos_ in ("PROPN", "NOUN", "PRON"):
                    return grand
    return _issuer(noun, lexicon) or noun


_MEDIUM_PREPS = frozenset({"in", "at", "during"})


def _issuer(document: Token, lexicon: Lexicon, any_verb: bool = False) -> Token | None:
    """Who issued a document the text does not sign: "a speech Mrs. Clinton delivered", "the Council
    issued a statement calling ...", "spoke at a briefing announcing ..." (a poll found "in a
    poll" is its own source, not the subject's)."""
    for child in document.rights:
        if child.dep_ == "relcl" and not any(c.tag_ in _RELATIVE_TAGS and c.dep_ == "nsubj" for c in child.children):
            subject = _subject(child)
            if subject is not None and subject.pos_ in ("PROPN", "NOUN", "PRON"):
                return subject
    head = document.head
    if document.dep_ == "pobj" and head.lower_ in _MEDIUM_PREPS and document.lemma_.lower() not in lexicon.study_nouns:
        document, head = head, head.head
        for _ in range(3):  # "said as much in an interview": the parser may hang "in" on "much"
            if head.pos_ == "VERB" or head.head.i == head.i:
                break
            head = head.head
    medium = document.dep_ == "prep"  # "spoke at a news conference announcing ...": any verb
    issued = document.dep_ == "dobj" and (any_verb or head.lemma_.lower() in lexicon.issuing_verbs)
    if head.pos_ == "VERB" and (medium or issued):
        subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ in ("PROPN", "NOUN", "PRON") and subject.tag_ not in _RELATIVE_TAGS:
            return subject
    return None


def name_extent(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase that names the speaker, without appositions or clauses.

    Coordinated speakers ("Trump and Pence") are kept together.
    """
    first = head
    for child in head.lefts:
        if child.dep_ in _NAME_LEFT_DEPS and child.pos_ != "VERB":  # not the cue in "Said Ellis"
            first = min(first, child.left_edge, key=lambda t: t.i)
    while first.i < head.i and (first.is_punct or first.is_space):
        first = first.doc[first.i + 1]
    last = head
    for child in head.rights:
        if child.dep_ in ("compound", "flat"):
            last = max(last, child, key=lambda t: t.i)
        elif child.dep_ == "conj":
            conj_end = name_extent(child)[1]
            last_tok = _token_ending_at(head.doc, conj_end) or child
            last = max(last, last_tok, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _token_ending_at(doc: Doc, end: int) -> Token | None:
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    return span[-1] if span is not None and len(span) else None
