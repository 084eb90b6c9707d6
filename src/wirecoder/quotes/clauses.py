"""Content clauses the parse hides: an "as"-report, a quoted conjunct, a clause hung on the medium."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from wirecoder.quotes.lexicon import Lexicon, load_lexicon
from wirecoder.quotes.nominal import nominal_content
from wirecoder.quotes.spans import Found, trim, with_roots

if TYPE_CHECKING:
    from wirecoder.quotes.frames import QuoteIndex


def as_clause_content(verb: Token) -> Found:
    """ "X met Y, as the Times reported", "As reported by the Times, X": the clause the
    "as"-report qualifies is its content.  A temporal "as" ("as she said goodbye") has an object
    or complement of its own and is left alone."""
    if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp", "attr") for c in verb.children):
        return None
    head = verb.head
    start, end = head.left_edge.i, head.right_edge.i + 1
    if verb.left_edge.i <= start:
        start = verb.right_edge.i + 1
    elif verb.right_edge.i + 1 >= end:
        end = verb.left_edge.i
    else:
        return None
    return with_roots(trim(verb.doc, start, end, keep_out=verb), [head])


def with_quoted_conjunct(
    verb: Token, content: tuple[int, int], roots: tuple[Token, ...], quotes: QuoteIndex, lexicon: Lexicon
) -> tuple[tuple[int, int], tuple[Token, ...]]:
    """ "said the ruling 'was not what we wanted' and he would 'consider next steps'": the parser
    coordinates the second clause with the cue, but its quoted words show it is reported too.
    A conjunct of the cue with a subject of its own, no cue of its own and a quotation inside
    joins the content."""
    doc = verb.doc
    for conj in verb.rights:
        if conj.dep_ != "conj" or doc[conj.left_edge.i].idx < content[1]:
            continue
        if not any(c.dep_ == "nsubj" for c in conj.children) or lexicon.verb(conj.lemma_.lower(), conj.lower_):
            continue
        subtree = doc[conj.left_edge.i : conj.right_edge.i + 1]
        if not any(t.is_punct and quotes.containing(t.idx) is not None for t in subtree):
            continue
        trimmed = trim(doc, conj.left_edge.i, conj.right_edge.i + 1, keep_out=verb)
        if trimmed is not None:
            content, roots = (content[0], trimmed[1]), (*roots, conj)
    return content, roots


def clause_on_medium(verb: Token) -> list[Token]:
    """ "said in a statement that ...": the parser hangs the verb's clause on the medium's noun."""
    for prep in verb.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "on", "at", "during"):
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj":
                found = nominal_content(noun)
                if found is not None:
                    return [found[0]]
    return []


def clause_on_addressee(verb: Token) -> list[Token]:
    """ "told a meeting of local leaders that the budget would be cut": the parser hangs the
    verb's "that" clause on its object as if it were a relative clause.  A relative clause has
    "that" as its subject or object; a clause with "that" as its complementizer (``mark``) and
    a subject of its own is the verb's content."""
    for obj in verb.rights:
        if obj.dep_ not in ("dobj", "dative"):
            continue
        nouns = [obj] + [g for p in obj.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        for noun in nouns:
            for clause in noun.rights:
                # only relative-clause misparses: an "acl" clause is the noun's own ("his claim that")
                if clause.dep_ == "relcl" and _complement_clause(clause):
                    return [clause]
    return []


def _complement_clause(clause: Token) -> bool:
    marked = any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    return marked and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children)


def adding_after(verb: Token, end: int) -> int:
    """ "said the roads would reopen, adding that ...": the participle the parser hangs inside the
    content is the speaker's next act (a quote of its own, see speakers._reporting_ancestor);
    the content ends at its comma."""
    doc, lexicon = verb.doc, load_lexicon()
    for k in range(verb.i + 2, end):
        token = doc[k]
        if token.tag_ != "VBG" or token.dep_ not in ("advcl", "conj") or doc[k - 1].text != ",":
            continue
        cue = lexicon.verb(token.lemma_.lower(), token.lower_)
        if cue is not None and cue.cls in ("speech", "writing") and verb.is_ancestor(token):
            return k - 1
    return end


def reporters_own_act(comps: list[Token], end: int) -> int:
    """ "said there was fraud and urged the crowd ...": a conjunct of a reported clause with an
    empty subject cannot share "there"; it is the reporter's own act and ends the content."""
    for comp in comps:
        if not any(c.dep_ == "expl" for c in comp.children):
            continue
        for conj in comp.rights:
            if conj.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in conj.children):
                cc = [c.i for c in comp.rights if c.dep_ == "cc" and c.i < conj.i]
                end = min(end, cc[-1] if cc else conj.left_edge.i)
    return end


# Subjects that continue the speaker's own story rather than what was reported:
# "the road is closed, the mayor said, and he went home".
_SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you"})


def coordinated_after_aside(verb: Token, comps: list[Token]) -> list[Token]:
    """ "Exports grew, the agency said, and imports fell": when the content comes before the
    reporting verb, the verb is an aside and a clause joined after it by ", and" / ", but" is more
    of what was reported (the parser hangs it on the verb).  Not when the conjunct is a reporting
    act of its own, has its own complement, or has a pronoun subject that can be the speaker."""
    if not comps or any(c.right_edge.i >= verb.i for c in comps):
        return []
    doc, lexicon = verb.doc, load_lexicon()
    found = []
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.pos_ not in ("VERB", "AUX"):
            continue
        ccs = [c for c in verb.rights if c.dep_ == "cc" and c.i < conj.i and c.lower_ in ("and", "but")]
        if not ccs or ccs[-1].i == 0 or doc[ccs[-1].i - 1].text != ",":
            continue
        subjects = [c for c in conj.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or any(s.lower_ in _SPEAKER_PRONOUNS for s in subjects):
            continue
        if lexicon.verb(conj.lemma_.lower(), conj.lower_) is not None:
            continue
        if any(c.dep_ in ("ccomp", "xcomp") for c in conj.children):
            continue
        found.append(conj)
    return found


def coordinated_that_clause(verb: Token, comps: list[Token]) -> list[Token]:
    """ "said that sales fell, but that profits rose": a second that-clause coordinated with the
    verb's that-complement is more of the same report, though the parser may hang it on the verb
    (and read its "that" as a determiner)."""
    marked = [c for c in comps if c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if not marked:
        return []
    last = max(c.right_edge.i for c in marked)
    found = []
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.i <= last or conj.pos_ not in ("VERB", "AUX"):
            continue
        start = conj.left_edge
        if start.lower_ != "that" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in conj.children):
            continue
        if any(c.dep_ == "cc" and last < c.i < start.i for c in verb.rights):
            found.append(conj)
    return found
