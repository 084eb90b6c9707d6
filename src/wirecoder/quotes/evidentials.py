"""Views the text reports without naming who holds them: "X appears to Y", "it seems Y".

With a raising verb ("seem", "appear") the grammatical subject is not a source: "Turnout
appears to have fallen" reports a view (the writer's, or that of unnamed observers) that
turnout fell.  Such a frame has no speaker and
its content is the whole proposition, the subject included ("Turnout ... fallen"); the cue
sits inside it.  A raising verb with no clause after it ("appeared on television", "seems
tired") reports nothing.  A forecast in the passive ("X is expected to Y") is left out: it is
the reporter's own scheduling ("the minister is expected to arrive on Friday"), not a view.

The verbs are the ``r`` frame of ``cue_verbs.tsv``.
"""

from __future__ import annotations

from spacy.tokens import Token

from wirecoder.quotes.spans import Found, trim, with_roots

_SUBJECTS = ("nsubj", "nsubjpass", "expl")
_EMPTY_SUBJECTS = frozenset({"it", "there"})


def raising_content(verb: Token) -> Found:
    """Content of a source-less view, or None when ``verb`` is not used as a raising verb."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    infinitive = next((c for c in verb.rights if c.dep_ == "xcomp" and _has_to(c)), None)
    if infinitive is not None and subject is not None and subject.lower_ not in _EMPTY_SUBJECTS:
        # "Turnout appears to have fallen": the subject belongs to the proposition
        start = subject.left_edge.i
        return with_roots(trim(verb.doc, start, infinitive.right_edge.i + 1, keep_out=verb), [subject, infinitive])
    if subject is None or subject.lower_ != "it":
        return None
    clause = next((c for c in verb.rights if c.dep_ == "ccomp"), None)
    if clause is None:  # "it seems likely (that) ...": the adjective and its clause
        clause = next((c for c in verb.rights if c.dep_ in ("acomp", "oprd") and _has_clause(c)), None)
    if clause is None:
        return None
    return with_roots(trim(verb.doc, clause.left_edge.i, clause.right_edge.i + 1, keep_out=verb), [clause])


def _has_to(clause: Token) -> bool:
    return any(c.lower_ == "to" and c.dep_ == "aux" for c in clause.lefts)


def _has_clause(adjective: Token) -> bool:
    return any(c.dep_ in ("ccomp", "xcomp") for c in adjective.children)
