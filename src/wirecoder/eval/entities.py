"""``wirecoder eval entities``: named mentions of people, organisations and places on GUM news.

Gold (``datasets/ner/gum-news/*.conllu``, see its README):

1. the text is rebuilt from the word tokens: a space after each token except where MISC has
   ``SpaceAfter=No``, and a blank line (``"\\n\\n"``) instead of the space before each
   ``# newpar``; the DCT is ``# meta::dateCreated``;
2. mentions come from the ``Entity=`` brackets (type is the second field);
3. **the subset scored** ("named mentions"): mentions of type person, organization or place
   whose *head* -- the one token of the mention whose syntactic head lies outside it (the first,
   if several) -- is a proper noun (UPOS ``PROPN``), or whose head has a proper noun attached
   as ``flat``/``appos`` (GUM heads "pan-democrat Eddie Chu" on the title noun; the name is
   then "Eddie Chu").  Pronouns, nominals ("the company") and names used as adjectives are out;
4. **the gold span** is the name inside the mention: the head plus the neighbouring tokens
   inside the mention that are name words -- ``PROPN`` or capitalised (GUM tags "United" in
   "United States" VERB and "New", "Saudi", "Grand" ADJ) but not determiners -- and hyphens;
   organisation and place names also take ``&`` and runs of the connectors
   "of/and/for/de/du/la/the" between two name words ("Centre for Strategic and International
   Studies", "State of Texas"); people's names do not ("Lee Cheuk-yan of the Labour Party" ->
   "Lee Cheuk-yan"); never "the" in front, "'s" or appositions.  Capitalised titles stay in
   ("US President Donald Trump"), so systems that leave titles out of names, as NER conventions
   do, miss those exactly but match them by overlap.

Predictions are normalised the same way for every system: a leading "the"/"a"/"an" and a
trailing possessive ("'s", "’s", "'") are cut off.

* wirecoder: the actors stage's ``name`` and ``metonym`` mentions (actor kind person -> person,
  group -> person, organization -> organization, country -> place), its places ("in New
  York"), and country/organisation names it used as modifiers ("US" in "US President");
  titles, nominals, demonyms and pronouns are not names and are not scored;
* ``spacy`` baseline: the entities of the same spaCy model (PERSON -> person, ORG ->
  organization, GPE/LOC/FAC -> place; NORP is skipped).

Scoring, per document and type: **exact** -- same characters after normalisation;
**overlap** -- the spans share a character, matched one-to-one (largest overlap first).
Precision, recall and F1 are micro-averaged over documents, per type and over the three types;
``untyped`` ignores the type.  ``--errors N`` lists the first N exact-match misses and false
alarms of wirecoder.  The corpus is small (24 documents): counts are reported with scores.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from wirecoder.config import Settings
from wirecoder.errors import InputError
from wirecoder.eval.base import EvalReport, save_predictions, select_split, summary_table
from wirecoder.model import Article

TYPES = ("person", "organization", "place")
SUMMARY_KEYS = ["docs", "gold", "predicted", "exact_f1", "exact_p", "exact_r", "overlap_f1", "untyped_overlap_f1"]
CONNECTORS = frozenset({"of", "and", "for", "de", "du", "la", "the", "&"})
JOINERS = frozenset({"-", "&", "–"})
LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
TRAILING = re.compile(r"(?:\s*(?:'s|’s|'|’))$")
SPACY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place", "FAC": "place"}
ACTOR_TYPES = {"person": "person", "group": "person", "organization": "organization", "country": "place"}
NAME_KINDS = frozenset({"name", "metonym"})


@dataclass(frozen=True, order=True)
class EntMention:
    """A typed character span."""

    start: int
    end: int
    type: str


@dataclass
class GoldDoc:
    id: str
    text: str
    date: str | None
    mentions: list[EntMention] = field(default_factory=list)


# ------------------------------------------------------------------------------------------
# Reading GUM
# ------------------------------------------------------------------------------------------


@dataclass
class _Token:
    form: str
    upos: str
    head: int  # sentence-relative, 0 = root
    index: int  # sentence-relative id
    deprel: str
    start: int
    end: int


def read_gold(path: Path) -> list[GoldDoc]:
    """Every ``*.conllu`` file under ``path`` (or ``path`` itself), one document each."""
    files = [path] if path.is_file() else sorted(path.glob("*.conllu"))
    if not files:
        raise InputError(f"{path}: no .conllu files (expected the GUM news folder)")
    return [read_conllu(f.read_text(encoding="utf-8"), f.stem) for f in files]


def read_conllu(content: str, fallback_id: str) -> GoldDoc:
    doc_id, date = fallback_id, None
    parts: list[str] = []
    offset = 0
    tokens: list[_Token] = []  # whole document
    sentences: list[list[_Token]] = []
    entity_fields: list[str] = []
    pending_break = False
    current: list[_Token] = []
    for line in content.splitlines():
        if line.startswith("# newdoc id"):
            doc_id = line.split("=", 1)[1].strip()
        elif line.startswith("# meta::dateCreated"):
            date = line.split("=", 1)[1].strip()[:10]
        elif line.startswith("# newpar") and not line.startswith("# newpar_"):
            pending_break = True
        elif not line.strip():
            if current:
                sentences.append(current)
                current = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if len(cols) < 10 or not cols[0].isdigit():
                continue  # multi-word token ranges and empty nodes carry no text of their own
            if pending_break and parts:
                parts[-1] = parts[-1].rstrip(" ") + "\n\n"
                offset = sum(len(p) for p in parts)
            pending_break = False
            form = cols[1]
            head = int(cols[6]) if cols[6].isdigit() else 0
            token = _Token(form, cols[3], head, int(cols[0]), cols[7], offset, offset + len(form))
            misc = cols[9].split("|")
            sep = "" if "SpaceAfter=No" in misc else " "
            parts.append(form + sep)
            offset += len(form) + len(sep)
            tokens.append(token)
            current.append(token)
            entity_fields.append(next((m[len("Entity=") :] for m in misc if m.startswith("Entity=")), ""))
    if current:
        sentences.append(current)
    text = "".join(parts).rstrip()
    sentence_of = {id(t): s for s in sentences for t in s}
    mentions = [
        m for m in (gold_name(tokens, sentence_of, s, e, etype) for s, e, etype in entity_spans(entity_fields)) if m
    ]
    return GoldDoc(doc_id, text, date, sorted(set(mentions)))


def entity_spans(fields: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, type) of every bracketed mention."""
    open_: dict[str, list[tuple[int, str]]] = {}
    out: list[tuple[int, int, str]] = []
    for i, value in enumerate(fields):
        j = 0
        while j < len(value):
            ch = value[j]
            if ch == "(":
                k = j + 1
                while k < len(value) and value[k] not in "()":
                    k += 1
                parts = value[j + 1 : k].split("-", 7)
                group, etype = parts[0], parts[1] if len(parts) > 1 else ""
                if k < len(value) and value[k] == ")":
                    out.append((i, i, etype))
                    k += 1
                else:
                    open_.setdefault(group, []).append((i, etype))
                j = k
            elif ch.isdigit():
                k = j
                while k < len(value) and value[k].isdigit():
                    k += 1
                group = value[j:k]
                if k < len(value) and value[k] == ")" and open_.get(group):
                    start, etype = open_[group].pop()
                    out.append((start, i, etype))
                j = k + 1
            else:
                j += 1
    return out


def gold_name(tokens: list[_Token], sentence_of: dict, first: int, last: int, etype: str) -> EntMention | None:
    """The name of a mention in the scored subset (rules 3 and 4), or None."""
    if etype not in TYPES:
        return None
    span = tokens[first : last + 1]
    sentence = sentence_of.get(id(span[0]))
    if sentence is None or any(sentence_of.get(id(t)) is not sentence for t in span):
        return None
    inside = {t.index for t in span}
    heads = [i for i, t in enumerate(span) if t.head not in inside]
    if not heads:
        return None
    h = heads[0]
    if span[h].upos != "PROPN":
        attached = [
            i for i, t in enumerate(span) if t.upos == "PROPN" and t.head == span[h].index and t.deprel in NAME_RELS
        ]
        if not attached:
            return None
        h = attached[0]
    connectors = etype != "person"
    lo = hi = h
    while lo > 0 and _name_part(span, lo - 1, -1, connectors):
        lo -= 1
    while hi < len(span) - 1 and _name_part(span, hi + 1, +1, connectors):
        hi += 1
    return EntMention(span[lo].start, span[hi].end, etype)


NAME_RELS = frozenset({"flat", "flat:name", "appos"})


def _name_word(tok: _Token) -> bool:
    if tok.upos == "PROPN":
        return True
    return tok.upos not in {"DET", "PRON", "PUNCT", "ADP", "CCONJ", "PART"} and tok.form[:1].isupper()


def _name_part(span: list[_Token], i: int, direction: int, connectors: bool) -> bool:
    tok = span[i]
    if _name_word(tok):
        return True
    glue = JOINERS | CONNECTORS if connectors else frozenset({"-", "–"})
    beyond = i
    while 0 <= beyond < len(span) and (span[beyond].form in glue or span[beyond].form.lower() in glue):
        beyond += direction  # "Daughters of the American Revolution": a run of connectors
    return beyond != i and 0 <= beyond < len(span) and _name_word(span[beyond])


# ------------------------------------------------------------------------------------------
# Scoring (pure functions of gold and predictions)
# ------------------------------------------------------------------------------------------


def normalize_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut a leading article and a trailing possessive (the same for every system)."""
    piece = text[start:end]
    lead = LEADING.match(piece)
    if lead and lead.end() < len(piece):
        start += lead.end()
        piece = piece[lead.end() :]
    trail = TRAILING.search(piece)
    if trail and trail.start() > 0:
        end = start + trail.start()
    return start, end


def normalize_mentions(text: str, mentions: Iterable[EntMention]) -> list[EntMention]:
    out = set()
    for m in mentions:
        if not (0 <= m.start < m.end <= len(text)):
            continue
        start, end = normalize_span(text, m.start, m.end)
        out.add(EntMention(start, end, m.type))
    return sorted(out)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn


def match_exact(gold: list[EntMention], pred: list[EntMention], typed: bool) -> int:
    key = (lambda m: (m.start, m.end, m.type)) if typed else (lambda m: (m.start, m.end))
    gold_keys = {key(m) for m in gold}
    return len(gold_keys & {key(m) for m in pred})


def match_overlap(gold: list[EntMention], pred: list[EntMention], typed: bool) -> int:
    """One-to-one matches of spans that share a character, largest overlap first."""
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            shared = min(g.end, p.end) - max(g.start, p.start)
            if shared > 0 and (not typed or g.type == p.type):
                pairs.append((-shared, gi, pi))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
    return len(used_g)


def _prf(c: Counts) -> tuple[float, float, float]:
    p = c.tp / (c.tp + c.fp) if c.tp + c.fp else 0.0
    r = c.tp / (c.tp + c.fn) if c.tp + c.fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


def score(gold: list[GoldDoc], predictions: dict[str, list[EntMention]]) -> dict:
    """The summary for one system: exact and overlap P/R/F1, per type and overall."""
    exact = {t: Counts() for t in TYPES}
    overlap = {t: Counts() for t in TYPES}
    all_exact, all_overlap, untyped = Counts(), Counts(), Counts()
    predicted = 0
    for doc in gold:
        pred = normalize_mentions(doc.text, predictions.get(doc.id, []))
        gold_m = normalize_mentions(doc.text, doc.mentions)
        predicted += len(pred)
        for t in TYPES:
            g = [m for m in gold_m if m.type == t]
            p = [m for m in pred if m.type == t]
            e = match_exact(g, p, typed=True)
            o = match_overlap(g, p, typed=True)
            exact[t].add(e, len(p) - e, len(g) - e)
            overlap[t].add(o, len(p) - o, len(g) - o)
            all_exact.add(e, len(p) - e, len(g) - e)
            all_overlap.add(o, len(p) - o, len(g) - o)
        u = match_overlap(gold_m, pred, typed=False)
        untyped.add(u, len(pred) - u, len(gold_m) - u)
    ep, er, ef = _prf(all_exact)
    op, orr, of = _prf(all_overlap)
    up, ur, uf = _prf(untyped)
    summary = {
        "docs": len(gold),
        "gold": sum(len(d.mentions) for d in gold),
        "predicted": predicted,
        "exact_f1": ef,
        "exact_p": ep,
        "exact_r": er,
        "overlap_f1": of,
        "overlap_p": op,
        "overlap_r": orr,
        "untyped_overlap_f1": uf,
        "untyped_overlap_p": up,
        "untyped_overlap_r": ur,
        "per_type": {},
    }
    for t in TYPES:
        tp, tr, tf = _prf(exact[t])
        vp, vr, vf = _prf(overlap[t])
        summary["per_type"][t] = {
            "gold": exact[t].tp + exact[t].fn,
            "predicted": exact[t].tp + exact[t].fp,
            "exact_p": tp,
            "exact_r": tr,
            "exact_f1": tf,
            "overlap_p": vp,
            "overlap_r": vr,
            "overlap_f1": vf,
        }
    return summary


# ------------------------------------------------------------------------------------------
# Predictions
# ------------------------------------------------------------------------------------------


def to_articles(docs: Iterable[GoldDoc]) -> list[Article]:
    return [Article(id=d.id, text=d.text, date=d.date) for d in docs]


def wirecoder_mentions(doc) -> list[EntMention]:
    """Named mentions of the actors stage (see the module docstring)."""
    from wirecoder.actors.api import MODIFIERS_KEY, PLACES_KEY

    kinds = {a.id: a.kind for a in doc._.actors or []}
    out = set()
    for ref in doc._.actor_mentions or []:
        etype = ACTOR_TYPES.get(kinds.get(ref.actor_id, ""))
        if ref.kind in NAME_KINDS and etype:
            out.add(EntMention(ref.start, ref.end, etype))
    state = doc._.wc_state or {}
    for place in state.get(PLACES_KEY) or []:
        out.add(EntMention(place.start, place.end, "place"))
    for start, end, etype in state.get(MODIFIERS_KEY) or []:
        out.add(EntMention(start, end, etype))
    return sorted(out)


def spacy_mentions(doc) -> list[EntMention]:
    return sorted(
        {EntMention(e.start_char, e.end_char, SPACY_TYPES[e.label_]) for e in doc.ents if e.label_ in SPACY_TYPES}
    )


def run_pipeline(articles: list[Article], settings: Settings | None = None) -> list:
    """Parse the articles with the full pipeline, keeping the spaCy docs (stage state included)."""
    from wirecoder.pipeline import make_doc, shared_nlp

    settings = settings or Settings.from_env()
    nlp = shared_nlp(settings)
    docs = [make_doc(nlp, a, settings) for a in articles]
    return list(nlp.pipe(docs, batch_size=settings.batch_size))


# ------------------------------------------------------------------------------------------
# The command
# ------------------------------------------------------------------------------------------


def evaluate(
    gold: Path, baselines: list[str], errors: int = 0, save: Path | None = None, split: str = "all"
) -> EvalReport:
    gold_docs = select_split(read_gold(gold), split, errors)
    docs = run_pipeline(to_articles(gold_docs))
    ours = {g.id: wirecoder_mentions(d) for g, d in zip(gold_docs, docs, strict=True)}
    summary = score(gold_docs, ours)
    report = EvalReport(task="entities", summary=summary)
    if "spacy" in baselines:
        theirs = {g.id: spacy_mentions(d) for g, d in zip(gold_docs, docs, strict=True)}
        report.baselines["spacy"] = score(gold_docs, theirs)
    rows = {"wirecoder": summary, **report.baselines}
    report.tables.append(
        summary_table("Named mentions (GUM news, PROPN-headed person/organization/place)", rows, SUMMARY_KEYS)
    )
    report.tables.append(type_table(rows))
    if errors:
        report.errors = error_lines(gold_docs, ours, errors)
    if save is not None:
        save_predictions(saved_predictions(docs), save)
    return report


def type_table(rows: dict[str, dict]) -> Table:
    table = Table(title="Per type (exact / overlap F1, gold and predicted counts)", title_justify="left")
    for column in ("system", "type", "gold", "predicted", "exact_f1", "overlap_f1"):
        table.add_column(column, justify="left" if column in {"system", "type"} else "right")
    for system, summary in rows.items():
        for t in TYPES:
            row = summary["per_type"][t]
            table.add_row(
                system, t, str(row["gold"]), str(row["predicted"]), f"{row['exact_f1']:.4f}", f"{row['overlap_f1']:.4f}"
            )
    return table


def error_lines(gold: list[GoldDoc], predictions: dict[str, list[EntMention]], limit: int) -> list[str]:
    lines: list[str] = []
    for doc in gold:
        gold_m = set(normalize_mentions(doc.text, doc.mentions))
        pred = set(normalize_mentions(doc.text, predictions.get(doc.id, [])))
        for kind, items in (("missed", sorted(gold_m - pred)), ("false", sorted(pred - gold_m))):
            for m in items:
                if len(lines) >= limit:
                    return lines
                context = doc.text[max(0, m.start - 40) : m.end + 40].replace("\n", " ")
                lines.append(f"{doc.id} {kind:6} {m.type:12} {doc.text[m.start : m.end]!r:40} …{context}…")
    return lines


def saved_predictions(docs: list) -> list[dict]:
    import json

    from wirecoder.pipeline import to_result
    from wirecoder.writers import dumps_result

    out = []
    for doc in docs:
        if doc._.wc_errors:
            out.append({"id": doc._.article.doc_id(), "error": "; ".join(doc._.wc_errors)})
        else:
            out.append(json.loads(dumps_result(to_result(doc))))
    return out
