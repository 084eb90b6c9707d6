"""Reporting frames read off the dependency parse: cue, speaker and content of one attribution.

A frame is built for every token that is a reporting verb of ``cue_verbs.tsv`` (outside any
quotation) and for every "according to X":

* ``c`` (clause) verbs: the content is the verb's clausal complement ("said (that) ...",
  "..., he said" with the clause before the verb), or, when the verb is a parenthetical
  ("North Korea, Terry said, has ..."), the clause the verb interrupts;
* ``o`` (object) verbs: the object and what follows it ("criticised X for Y", "described X as Y");
* ``x`` (infinitive) verbs: the ``to``-clause, with an object before it ("urged X to ...");
* "according to X": the clause the phrase is attached to, without the phrase.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import NOUN, VERB
from spacy.tokens import Doc, Token

from wirecoder.quotes.clauses import (
    adding_after,
    as_clause_content,
    clause_on_addressee,
    clause_on_medium,
    coordinated_after_aside,
    coordinated_that_clause,
    reporters_own_act,
    with_quoted_conjunct,
)
from wirecoder.quotes.evidentials import raising_content
from wirecoder.quotes.lexicon import CueVerb, Lexicon
from wirecoder.quotes.nominal import nominal_content, nominal_speaker
from wirecoder.quotes.nonquotes import aimed_at_someone, asks_question, names_nobody, negated_act, reports_nothing_said
from wirecoder.quotes.spans import Found, contains, dominates, only_punct, sentence_bounds, trim, with_roots
from wirecoder.quotes.speakers import relative_mention, speaker_of
from wirecoder.stage import check_budget

_CLAUSE_DEPS = frozenset({"ccomp", "parataxis"})
# Dependents of an object-taking verb that continue its content ("for voting ...", "as a hero").
_OBJECT_TAIL_DEPS = frozenset({"dobj", "dative", "oprd", "prep", "xcomp", "ccomp", "acomp", "attr"})
# What makes an object frame predicative: "called X a liar", "labelled X as Y".
_PREDICATE_DEPS = frozenset({"oprd", "xcomp", "ccomp", "acomp", "attr"})
_SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
# Quantifiers tagged as adjectives or determiners that still name speakers: "most said ...".
_QUANTIFIER_SPEAKERS = frozenset({"most", "many", "some", "few", "several", "both", "all", "others", "each", "half"})
# Dependents that attach a parenthetical reporting verb to the clause it interrupts.
_PARENTHETICAL_DEPS = frozenset({"parataxis", "ccomp", "advcl", "conj"})


@dataclass
class Frame:
    """One attribution found in the parse.

    ``content`` is a character span (trimmed of edge punctuation), or None for a *bare* cue
    ("..., he said." whose clause the parse did not attach) that can still attribute an adjacent
    quotation; ``speaker`` is the head token of the speaker's noun phrase (None when the text
    names nobody).
    """

    cue: Token
    cue_span: tuple[int, int]
    speaker: Token | None
    content: tuple[int, int] | None
    cls: str
    shape: str
    roots: tuple[Token, ...] = ()  # the cue's dependents whose subtrees are the content
    negated: bool = False  # a negated or refused act ("did not mention", "refused to comment")
    mention: Token | None = None  # the word the text attributes it to when not the speaker ("who")

    def attribution_tokens(self) -> set[int]:
        """Token indices of the attribution itself: the cue's subtree without its content."""
        found = {t.i for t in self.cue.subtree}
        for root in self.roots:
            found.difference_update(t.i for t in root.subtree)
        return found


class QuoteIndex:
    """Answers "is this character inside a quotation?" by binary search over sorted spans."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None


def find_frames(doc: Doc, lexicon: Lexicon, quotes: QuoteIndex) -> list[Frame]:
    frames: list[Frame] = []
    for n, i in enumerate(candidate_indices(doc, lexicon)):
        if n % 128 == 0:
            check_budget(doc)
        token = doc[int(i)]
        if quotes.containing(token.idx) is not None:
            continue  # attributions inside a quotation belong to the quoted speaker, not to us
        if token.lower_ == "according":
            frame = _according_frame(token, lexicon)
        elif token.lower_ == "in":
            frame = _study_frame(token, lexicon)
        elif token.pos_ == "NOUN":
            frame = _nominal_frame(token, lexicon)
        else:
            frame = _verb_frame(token, lexicon, quotes)
        if frame is not None:
            frames.append(frame)
    return frames


def candidate_indices(doc: Doc, lexicon: Lexicon) -> numpy.ndarray:
    """Indices of the tokens that may start a frame, found on the doc's arrays.

    Building a Python ``Token`` for every word costs more than the rest of the stage, so the
    verbs (by lemma or form hash) and the source prepositions are picked out with numpy first.
    """
    if not len(doc):
        return numpy.empty(0, dtype=numpy.int64)
    arr = doc.to_array([POS, LEMMA, LOWER])
    hashes = lexicon.hashes()
    verbs = (arr[:, 0] == VERB) & (numpy.isin(arr[:, 1], hashes.lemmas) | numpy.isin(arr[:, 2], hashes.forms))
    preps = numpy.isin(arr[:, 2], hashes.preps)
    nouns = (arr[:, 0] == NOUN) & numpy.isin(arr[:, 1], hashes.nouns)
    return numpy.flatnonzero(verbs | preps | nouns)


# --------------------------------------------------------------------------- verbs


def _verb_frame(token: Token, lexicon: Lexicon, quotes: QuoteIndex) -> Frame | None:
    if token.pos_ != "VERB":
        return None
    lemma = token.lemma_.lower()
    verb = lexicon.verb(lemma, token.lower_)
    phrasal = lexicon.phrasal_for(lemma, token.lower_)
    if (verb is None or not verb.frames) and not phrasal:
        return None
    speaker = _checked_speaker(speaker_of(token, lexicon), token, quotes) or _name_after_quotation(token, quotes)
    if reports_nothing_said(token, speaker, lexicon.questioners):
        return None
    negated = negated_act(token)
    if phrasal and speaker is not None:
        frame = _phrasal_frame(token, speaker, phrasal)
        if frame is not None:
            frame.negated = negated
            return frame
    if verb is None or not verb.frames:
        return None
    if "r" in verb.frames:
        raised = raising_content(token)
        if raised is not None:  # "turnout appears to have fallen": a view held by no one named
            return Frame(token, _cue_extent(token), None, raised[0], verb.cls, "r", raised[1], negated)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
    for shape in ("c", "x", "o", "p", "a"):
        if shape not in verb.frames:
            continue
        found = _CONTENT_BY_SHAPE[shape](token, speaker)
        if found is None:
            continue
        if shape == "o" and lemma in lexicon.physical_stance_verbs and not aimed_at_someone(found[1]):
            return None  # "forces attacked the town": an act of force, not a stance
        if speaker is None and not (shape == "c" and passive):
            return None  # an unattributed verb is not a report ("to say the least")
        content, roots = found
        if shape == "c":
            content, roots = with_quoted_conjunct(token, content, roots, quotes, lexicon)
        if negated and asks_question(roots):
            return None  # "did not say if ...": nothing was said
        mention = relative_mention(token, lexicon) if speaker is not None else None
        return Frame(token, _cue_extent(token), speaker, content, verb.cls, shape, roots, negated, mention)
    if speaker is not None and not negated and (verb.cls in ("speech", "writing") or "k" in verb.frames):
        mention = relative_mention(token, lexicon)
        return Frame(token, _cue_extent(token), speaker, None, verb.cls, "bare", mention=mention)
    return None


def _phrasal_frame(token: Token, speaker: Token, phrasal: dict[str, CueVerb]) -> Frame | None:
    """ "called for a ban", "pointed to the polls": the content is the particle's object."""
    for particle in token.rights:
        verb = phrasal.get(particle.lower_)
        if verb is None or particle.dep_ not in ("prep", "prt"):
            continue
        # the particle's object is a noun or a gerund clause ("called for raising taxes")
        objects = [c for c in particle.children if c.dep_ in ("pobj", "pcomp")]
        tail = [c for c in token.rights if c.i > particle.i and c.dep_ in _OBJECT_TAIL_DEPS]
        parts = objects + tail
        if not parts or (contains(particle, speaker) and not objects):
            return None
        start = min(p.left_edge.i for p in parts)
        end = max(p.right_edge.i for p in parts) + 1
        content = trim(token.doc, start, end, keep_out=token)
        if content is None:
            return None
        cue_span = (token.idx, particle.idx + len(particle.text))
        return Frame(token, cue_span, speaker, content, verb.cls, "f", (particle, *tail))
    return None


def _checked_speaker(speaker: Token | None, cue: Token, quotes: QuoteIndex) -> Token | None:
    """Reject subjects that cannot speak ("Let's say"), and subjects the parser found inside the
    quotation itself: then the speaker is the noun phrase between the quotation and the cue."""
    if speaker is None:
        return None
    quantifier = speaker.lower_ in _QUANTIFIER_SPEAKERS and speaker.dep_ == "nsubj"
    if (speaker.pos_ not in _SPEAKER_POS and not quantifier) or speaker.lower_ in ("'s", "\u2019s"):
        return None
    inside = quotes.containing(speaker.idx)
    if inside is None:
        return speaker
    return _head_between(cue.doc, inside[1], cue.idx) if inside[1] <= cue.idx else None


def _name_after_quotation(cue: Token, quotes: QuoteIndex) -> Token | None:
    """ "“...,” Flynn, a top adviser, said": the parser may hang the name on the quotation and
    leave the cue without a subject; a noun phrase alone between a quotation's end and the cue
    is the speaker."""
    i = bisect.bisect_right(quotes.starts, cue.idx) - 1
    if i < 0 or quotes.spans[i][1] > cue.idx or cue.idx - quotes.spans[i][1] > 80:
        return None
    gap = cue.doc.char_span(quotes.spans[i][1], cue.idx, alignment_mode="contract")
    if gap is None or not len(gap) or any(t.pos_ in ("VERB", "AUX") or t.text in ".!?\n" for t in gap):
        return None
    return _head_between(cue.doc, quotes.spans[i][1], cue.idx)


def _head_between(doc: Doc, start: int, end: int) -> Token | None:
    """The highest noun or pronoun in the characters [start, end): '“…,” Obama's adviser said'."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return None
    inside = {t.i for t in span}
    heads = [t for t in span if t.pos_ in _SPEAKER_POS and t.head.i not in inside]
    return heads[-1] if heads else None


def _cue_extent(token: Token) -> tuple[int, int]:
    """The verb with an adjacent particle ("pointed out")."""
    end_tok = token
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    if nxt is not None and nxt.dep_ == "prt" and nxt.head.i == token.i:
        end_tok = nxt
    return token.idx, end_tok.idx + len(end_tok.text)


def _clause_content(verb: Token, speaker: Token | None) -> Found:
    comps = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS and not dominates(c, speaker)]
    if not comps:
        comps = clause_on_medium(verb) or clause_on_addressee(verb)
    if comps:
        # a subordinate clause the parser hung on the verb belongs to what was said:
        # "said the claim smacked of hypocrisy, because ..."
        last = max(c.i for c in comps)
        comps += [c for c in verb.rights if c.dep_ == "advcl" and c.i > last and _has_marker(c)]
        comps += coordinated_after_aside(verb, comps)
        comps += coordinated_that_clause(verb, comps)
        start = min(c.left_edge.i for c in comps)
        end = max(c.right_edge.i for c in comps) + 1
        if start < verb.i < end and _only_relative_before(verb, start, speaker):
            start = verb.i + 1  # "changes, which officials said will ...": what follows the cue
        end = min(_close_aside(verb, start, end), reporters_own_act(comps, end), adding_after(verb, end))
        return with_roots(trim(verb.doc, start, end, keep_out=verb), comps)
    as_clause = as_clause_content(verb)
    if as_clause is not None:
        return as_clause
    return with_roots(_parenthetical_content(verb, speaker), [])


def _close_aside(verb: Token, start: int, end: int) -> int:
    """A reporting verb in a comma-bounded relative clause ("Oslo, which said X, hosts ...") ends
    its content at the comma that closes the clause, whatever the parser attached after it."""
    doc = verb.doc
    in_relative = verb.dep_ == "relcl" or any(t.dep_ == "relcl" for t in verb.ancestors)
    if not in_relative:
        return end
    for k in range(max(start, verb.i + 1), end - 1):
        if doc[k].text == "," and doc[k + 1].pos_ in ("VERB", "AUX"):
            return k
    return end


def _only_relative_before(verb: Token, start: int, speaker: Token | None) -> bool:
    """Between the content's start and the cue there is only a relative pronoun and the speaker."""
    doc = verb.doc
    for token in doc[start : verb.i]:
        if token.tag_ in ("WDT", "WP", "WP$") or token.lower_ == "that" or token.is_punct:
            continue
        if speaker is not None and (dominates(speaker, token)):
            continue
        if token.head.i == verb.i:  # adverbs of the cue: "which officials also said"
            continue
        return False
    return True


def _has_marker(clause: Token) -> bool:
    return any(c.dep_ == "mark" for c in clause.children)


def _parenthetical_content(verb: Token, speaker: Token | None) -> tuple[int, int] | None:
    """The clause a reporting verb interrupts or follows: "X, Terry said, ..." / "X, he said."."""
    head = verb.head
    if head.i == verb.i or verb.dep_ not in _PARENTHETICAL_DEPS or head.pos_ not in ("VERB", "AUX"):
        return None
    if verb.i < head.i and verb.dep_ != "parataxis":
        return None  # "He said and left": not a parenthetical
    if not _small_attribution(verb):
        return None  # "while the US maintains a presence": a clause of its own, not an aside
    before = verb.doc[verb.left_edge.i - 1].text if verb.left_edge.i > 0 else ""
    if before not in (",", "\u2014", "\u2013", "-", "(") and verb.dep_ != "parataxis":
        return None
    # the whole sentence is what was said, but for the attribution at its start or end
    start, end = sentence_bounds(verb)
    inner_start, inner_end = verb.left_edge.i, verb.right_edge.i + 1
    start = max(start, _interrupted_conjunct_start(head, inner_start))
    if only_punct(verb.doc, inner_end, end):
        end = inner_start
    elif only_punct(verb.doc, start, inner_start):
        start = inner_end
    return trim(verb.doc, start, end, keep_out=verb)


def _interrupted_conjunct_start(head: Token, before: int) -> int:
    """ "Sales fell, but profits, the company said, rose": an aside inside the second of two
    clauses joined by ", and" / ", but" reports that clause only."""
    if head.dep_ != "conj":
        return 0
    doc = head.doc
    ccs = [c.i for c in head.head.children if c.dep_ == "cc" and 0 < c.i < before and doc[c.i - 1].text == ","]
    return ccs[-1] + 1 if ccs else 0


def _small_attribution(verb: Token) -> bool:
    """A parenthetical attribution is the speaker, the verb and a few modifiers, nothing more."""
    if any(c.dep_ in ("mark", "ccomp", "xcomp", "acomp", "attr") for c in verb.children):
        return False
    return verb.right_edge.i - verb.left_edge.i < 14


def _object_content(verb: Token, speaker: Token | None) -> Found:
    rights = [c for c in verb.rights if c.dep_ in _OBJECT_TAIL_DEPS and not contains(c, speaker)]
    first_obj = next((i for i, c in enumerate(rights) if c.dep_ == "dobj"), None)
    if first_obj is None:
        return _relative_object_content(verb, rights)
    tail = rights[first_obj:]
    start = tail[0].left_edge.i
    end = max(c.right_edge.i for c in tail) + 1
    return with_roots(trim(verb.doc, start, end, keep_out=verb), tail)


def _relative_object_content(verb: Token, rights: list[Token]) -> Found:
    """ "whom the ministry describes as a hero": the object is a relative pronoun, the content its
    description ("a hero")."""
    if not any(c.dep_ == "dobj" and c.tag_ in ("WP", "WDT") for c in verb.lefts):
        return None
    tail = [c for c in rights if c.dep_ in ("prep", "oprd") and (c.dep_ == "oprd" or c.lower_ == "as")]
    if not tail:
        return None
    first = tail[0]
    if first.dep_ == "prep":
        objects = [c for c in first.children if c.dep_ == "pobj"]
        if not objects:
            return None
        start = objects[0].left_edge.i
    else:
        start = first.left_edge.i
    end = max(c.right_edge.i for c in tail) + 1
    return with_roots(trim(verb.doc, start, end, keep_out=verb), tail)


def _infinitive_content(verb: Token, speaker: Token | None) -> Found:
    xcomps = [c for c in verb.rights if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.lefts)]
    if not xcomps:
        return None
    start = xcomps[0].left_edge.i
    objects = [c for c in verb.rights if c.dep_ in ("dobj", "dative") and c.i < xcomps[0].i]
    if objects:
        start = objects[0].left_edge.i  # "urged lawmakers to ...": the addressee is part of it
    end = xcomps[-1].right_edge.i + 1
    return with_roots(trim(verb.doc, start, end, keep_out=verb), objects[:1] + xcomps)


def _predicate_content(verb: Token, speaker: Token | None) -> Found:
    """Object frames that need a predicate after the object: "called X a liar", not "called X"."""
    found = _object_content(verb, speaker)
    if found is None:
        # "called both Trump and Clinton “crazy”": the parser may hang the object on the predicate
        predicate = next((c for c in verb.rights if c.dep_ == "oprd" and not contains(c, speaker)), None)
        if predicate is None or not any(c.dep_ == "nsubj" for c in verb.children):
            return None  # "a group called Free Speech" names; it reports nothing
        content = trim(verb.doc, predicate.left_edge.i, predicate.right_edge.i + 1, keep_out=verb)
        return with_roots(content, [predicate])
    _, roots = found
    predicative = any(r.dep_ in _PREDICATE_DEPS or (r.dep_ == "prep" and r.lower_ == "as") for r in roots)
    return found if predicative else None


def _as_content(verb: Token, speaker: Token | None) -> Found:
    """Object frames that need "as" after the object: "sees X as Y", not "saw X"."""
    found = _object_content(verb, speaker)
    if found is None:
        return None
    _, roots = found
    return found if any(r.dep_ == "prep" and r.lower_ == "as" for r in roots) else None


_CONTENT_BY_SHAPE = {
    "c": _clause_content,
    "o": _object_content,
    "x": _infinitive_content,
    "p": _predicate_content,
    "a": _as_content,
}


# --------------------------------------------------------------------------- nouns


def _nominal_frame(noun: Token, lexicon: Lexicon) -> Frame | None:
    """ "his claim that ...", "the party's position is that ..." (see :mod:`nominal`)."""
    cls = lexicon.nouns.get(noun.lemma_.lower())
    if cls is None:
        return None
    found = nominal_content(noun)
    if found is None:
        return None
    speaker = nominal_speaker(noun)
    if speaker is None or names_nobody(speaker):
        return None
    clause, (start, end) = found
    content = trim(noun.doc, start, end, keep_out=noun)
    if content is None:
        return None
    return Frame(noun, (noun.idx, noun.idx + len(noun.text)), speaker, content, cls, "nominal", (clause,))


# --------------------------------------------------------------------------- according to


def _according_frame(token: Token, lexicon: Lexicon) -> Frame | None:
    doc = token.doc
    if token.i + 1 >= len(doc) or doc[token.i + 1].lower_ != "to":
        return None
    to = doc[token.i + 1]
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase_end = max(token.right_edge.i, to.right_edge.i) + 1
    return _source_phrase_frame(token, to, source, phrase_end, "according", lexicon)


def _study_frame(token: Token, lexicon: Lexicon) -> Frame | None:
    """ "Clinton led by 9 points in a Marist poll": a finding reported by a poll or study."""
    if token.dep_ != "prep":
        return None
    source = next((c for c in token.children if c.dep_ == "pobj"), None)
    if source is None or source.lemma_.lower() not in lexicon.study_nouns or source.tag_ not in ("NN", "NNP"):
        return None  # one named poll or study, not "in the polls"
    if not any(c.dep_ in ("amod", "compound", "nmod", "poss", "nummod") for c in source.children):
        return None
    head = token.head
    for _ in range(3):  # "60 percent in a poll": climb from the noun to its verb
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or lexicon.verb(head.lemma_.lower(), head.lower_) is not None:
        return None  # "said in a statement": the verb is the cue
    if head.dep_ == "relcl":
        return None  # "who leads in the Marist poll" describes someone; it reports nothing
    return _source_phrase_frame(token, token, source, token.right_edge.i + 1, "study", lexicon)


def _source_phrase_frame(
    first: Token, last: Token, source: Token, phrase_end: int, shape: str, lexicon: Lexicon
) -> Frame | None:
    """The clause a source phrase ("according to X", "in a poll") qualifies, without the phrase."""
    doc = first.doc
    head = first.head if first.head.i != first.i else None
    if head is None:
        return None
    # climb from a noun or preposition to the clause the phrase qualifies
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    start, end = head.left_edge.i, head.right_edge.i + 1
    phrase_start = first.i
    if phrase_start <= start:
        start = phrase_end
    elif only_punct(doc, phrase_end, end):
        end = phrase_start
    content = trim(doc, start, end, keep_out=first)
    if content is None:
        return None
    from wirecoder.quotes.speakers import author_of

    speaker = author_of(source, lexicon)
    cue_span = (first.idx, last.idx + len(last.text))
    return Frame(first, cue_span, speaker, content, "evidence" if shape == "study" else "source", shape)
