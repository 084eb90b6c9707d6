"""``wirecoder eval quotes``: PolNeAR brat standoff gold, scored by overlap matching.

The rules are those of ``datasets/quotes/polnear/README.md``:

1. one ``.ann`` file per article (the annotator code that sorts first); every ``E`` line with
   a Content fragment is one gold quote; role names lose trailing digits (``Content2``);
2. a gold quote's span is the union of its Content fragments, gaps included; gold quotes are
   ordered by (start, end, E number);
3. predictions are product output objects keyed by ``doc.id`` (else ``id``; the last line wins);
   a quote is valid when ``0 <= start < end <= len(text)`` with integer offsets;
4. matching at 0.3 and at 0.8: each gold quote in order takes the unmatched valid prediction
   with the largest overlap (shared characters / gold length), strictly above the threshold;
   ties by shared / prediction length, then prediction order;
5. speakers are judged on the 0.3 matches: a prediction's speaker spans must share a character
   with a gold Source fragment (or, when the gold has none, the prediction must name no one);
6. gold quotes are direct when their text holds a double quotation mark; unmatched predictions
   when the text one character around them does;
7. the summary's first keys are fixed; every float is rounded to 4 decimals.

The scorer (:func:`score`) is a pure function of gold documents and prediction dicts, so it is
tested without the pipeline; :func:`gold_as_predictions` turns gold into prediction dicts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.table import Table

from wirecoder.errors import InputError
from wirecoder.eval.base import EvalReport, index_predictions, predict, save_predictions, select_split
from wirecoder.model import Article

THRESHOLDS = (0.3, 0.8)
SUMMARY_KEYS = ["docs", "f1_03", "f1_08", "p_03", "r_03", "speaker_acc", "direct_f1_03", "indirect_f1_03"]
#: Double quotation marks that make a quote "direct" (rule 6).
DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u00ab\u00bb\uff02')

Frag = tuple[int, int]

# --------------------------------------------------------------------------- gold reading


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    eid: int
    content: tuple[Frag, ...]
    sources: tuple[Frag, ...] = ()
    cues: tuple[Frag, ...] = ()


@dataclass
class GoldDoc:
    id: str
    text: str
    date: str | None
    quotes: list[GoldQuote] = field(default_factory=list)


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ROLE_DIGITS = re.compile(r"\d+$")


def read_gold(path: Path) -> list[GoldDoc]:
    """The gold articles of one PolNeAR split folder (with ``text/`` and ``attributions/``)."""
    text_dir, ann_dir = path / "text", path / "attributions"
    if not text_dir.is_dir() or not ann_dir.is_dir():
        raise InputError(f"{path}: not a PolNeAR split folder (expected text/ and attributions/ inside)")
    dates = read_dates(path)
    chosen: dict[str, tuple[str, Path]] = {}
    for ann in sorted(ann_dir.glob("*.ann")):
        article, _, annotator = ann.stem.rpartition("_")
        if not article:
            continue
        if article not in chosen or annotator < chosen[article][0]:
            chosen[article] = (annotator, ann)
    docs: list[GoldDoc] = []
    for article in sorted(chosen):
        text_file = text_dir / f"{article}.txt"
        if not text_file.is_file():
            continue
        with text_file.open(encoding="utf-8", newline="") as fh:
            text = fh.read()
        with chosen[article][1].open(encoding="utf-8", newline="") as fh:
            quotes = parse_brat(fh.read())
        docs.append(GoldDoc(id=article, text=text, date=dates.get(article), quotes=quotes))
    return docs


def read_dates(path: Path) -> dict[str, str]:
    """article -> publication_date (``YYYY-MM-DD`` only) from ``metadata.tsv`` beside or above."""
    for folder in (path, path.parent):
        meta = folder / "metadata.tsv"
        if meta.is_file():
            break
    else:
        return {}
    dates: dict[str, str] = {}
    lines = meta.read_text(encoding="utf-8").splitlines()
    if not lines:
        return dates
    header = lines[0].split("\t")
    try:
        name_col, date_col = header.index("filename"), header.index("publication_date")
    except ValueError:
        return dates
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(name_col, date_col) and _DATE.match(cols[date_col].strip()):
            dates[cols[name_col].strip()] = cols[date_col].strip()
    return dates


def parse_brat(ann: str) -> list[GoldQuote]:
    """Gold quotes from one brat standoff file, ordered by (start, end, E number)."""
    spans: dict[str, tuple[Frag, ...]] = {}
    events: list[tuple[int, list[str]]] = []
    for line in ann.split("\n"):
        cols = line.rstrip("\r").split("\t")
        if len(cols) < 2:
            continue
        ident = cols[0]
        if ident.startswith("T"):
            frags = _fragments(cols[1])
            if frags is not None:
                spans[ident] = frags
        elif ident.startswith("E") and ident[1:].isdigit():
            events.append((int(ident[1:]), cols[1].split()))
    quotes: list[GoldQuote] = []
    for eid, args in events:
        roles: dict[str, set[Frag]] = {"Content": set(), "Source": set(), "Cue": set()}
        for arg in args:
            role, _, ref = arg.partition(":")
            role = _ROLE_DIGITS.sub("", role)
            if role in roles and ref in spans:
                roles[role].update(spans[ref])
        content = tuple(sorted(roles["Content"]))
        if not content:
            continue
        quotes.append(
            GoldQuote(
                start=min(s for s, _ in content),
                end=max(e for _, e in content),
                eid=eid,
                content=content,
                sources=tuple(sorted(roles["Source"])),
                cues=tuple(sorted(roles["Cue"])),
            )
        )
    quotes.sort(key=lambda q: (q.start, q.end, q.eid))
    return quotes


def _fragments(field_text: str) -> tuple[Frag, ...] | None:
    """``Label s e;s e`` -> ((s, e), ...); None when the offsets do not parse."""
    _, _, ranges = field_text.partition(" ")
    frags: list[Frag] = []
    for part in ranges.split(";"):
        nums = part.split()
        if len(nums) != 2 or not all(n.isdigit() for n in nums):
            return None
        frags.append((int(nums[0]), int(nums[1])))
    return tuple(frags) if frags else None


def to_articles(docs: Iterable[GoldDoc]) -> list[Article]:
    return [Article(id=d.id, text=d.text, date=d.date, origin=d.id) for d in docs]


def gold_as_predictions(docs: Iterable[GoldDoc]) -> list[dict]:
    """The gold written as product output (speaker span = the Source fragments' union)."""
    lines: list[dict] = []
    for doc in docs:
        quotes = []
        for n, q in enumerate(doc.quotes, 1):
            entry: dict = {"id": f"q{n}", "start": q.start, "end": q.end, "text": doc.text[q.start : q.end]}
            if q.sources:
                s, e = min(a for a, _ in q.sources), max(b for _, b in q.sources)
                entry.update(speaker_text=doc.text[s:e], speaker_start=s, speaker_end=e)
            quotes.append(entry)
        lines.append({"doc": {"id": doc.id}, "actors": [], "quotes": quotes})
    return lines


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True)
class PredQuote:
    index: int
    valid: bool
    start: int
    end: int
    direct: bool
    names_speaker: bool
    speaker_spans: tuple[Frag, ...]
    raw: dict


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _valid_span(start: object, end: object, size: int) -> bool:
    return _is_int(start) and _is_int(end) and 0 <= start < end <= size  # type: ignore[operator]


def _has_mark(text: str) -> bool:
    return any(ch in DOUBLE_MARKS for ch in text)


def read_predicted_quotes(obj: dict | None, text: str) -> list[PredQuote]:
    """The prediction's quotes, ordered by (valid first, start, end, list index)."""
    if not obj:
        return []
    raw_quotes = obj.get("quotes") or []
    mentions = _actor_mentions(obj.get("actors") or [], len(text))
    preds: list[PredQuote] = []
    for index, q in enumerate(raw_quotes if isinstance(raw_quotes, list) else []):
        if not isinstance(q, dict):
            q = {}
        start, end = q.get("start"), q.get("end")
        valid = _valid_span(start, end, len(text))
        s, e = (start, end) if valid else (0, 0)
        preds.append(
            PredQuote(
                index=index,
                valid=valid,
                start=s,  # type: ignore[arg-type]
                end=e,  # type: ignore[arg-type]
                direct=valid and _has_mark(text[max(0, s - 1) : e + 1]),  # type: ignore[operator]
                names_speaker=_names_speaker(q),
                speaker_spans=_speaker_spans(q, text, s, e, mentions) if valid else (),  # type: ignore[arg-type]
                raw=q,
            )
        )
    preds.sort(key=lambda p: (not p.valid, p.start, p.end, p.index))
    return preds


def _names_speaker(q: dict) -> bool:
    speaker, speaker_text = q.get("speaker"), q.get("speaker_text")
    return speaker not in (None, "") or (isinstance(speaker_text, str) and bool(speaker_text.strip()))


def _actor_mentions(actors: list, size: int) -> dict[str, list[Frag]]:
    by_id: dict[str, list[Frag]] = {}
    for actor in actors:
        if not isinstance(actor, dict) or actor.get("id") is None:
            continue
        spans = by_id.setdefault(str(actor["id"]), [])
        for m in actor.get("mentions") or []:
            if isinstance(m, dict) and _valid_span(m.get("start"), m.get("end"), size):
                spans.append((m["start"], m["end"]))
    return by_id


def _speaker_spans(q: dict, text: str, start: int, end: int, mentions: dict[str, list[Frag]]) -> tuple[Frag, ...]:
    """Rule 5: the explicit speaker span, else a search for ``speaker_text``; plus the actor's mentions."""
    spans: list[Frag] = []
    s, e = q.get("speaker_start"), q.get("speaker_end")
    box = q.get("speaker_span")
    if not _valid_span(s, e, len(text)) and isinstance(box, dict):
        s, e = box.get("start"), box.get("end")
    if _valid_span(s, e, len(text)):
        spans.append((s, e))  # type: ignore[arg-type]
    else:
        found = find_speaker_text(q.get("speaker_text"), text, start, end)
        if found is not None:
            spans.append(found)
    speaker = q.get("speaker")
    if speaker is not None:
        spans.extend(mentions.get(str(speaker), []))
    return tuple(spans)


def find_speaker_text(speaker_text: object, text: str, start: int, end: int) -> Frag | None:
    """The hit of the stripped speaker text nearest the quote, whole-word hits preferred."""
    if not isinstance(speaker_text, str) or not speaker_text.strip():
        return None
    needle = speaker_text.strip()
    hits: list[int] = []
    pos = text.find(needle)
    while pos >= 0:
        hits.append(pos)
        pos = text.find(needle, pos + 1)
    if not hits:
        return None
    whole = [h for h in hits if _whole_word(text, needle, h)]
    pool = whole or hits

    def rank(h: int) -> tuple[int, int, int]:
        he = h + len(needle)
        inside = start <= h and he <= end
        distance = max(0, start - he, h - end)
        return (0 if inside else 1, distance, h)

    best = min(pool, key=rank)
    return (best, best + len(needle))


def _whole_word(text: str, needle: str, at: int) -> bool:
    if _word_char(needle[0]) and at > 0 and _word_char(text[at - 1]):
        return False
    after = at + len(needle)
    return not (_word_char(needle[-1]) and after < len(text) and _word_char(text[after]))


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


# --------------------------------------------------------------------------- scoring


@dataclass
class DocAlignment:
    """One document's gold, predictions and matches (gold index -> prediction index)."""

    gold: GoldDoc
    preds: list[PredQuote]
    matches: dict[float, dict[int, int]]
    speaker_right: dict[float, dict[int, bool]]


def match(gold: list[GoldQuote], preds: list[PredQuote], threshold: float) -> dict[int, int]:
    """Rule 4: greedy matching in gold order; returns gold index -> prediction index."""
    taken: set[int] = set()
    result: dict[int, int] = {}
    for gi, g in enumerate(gold):
        glen = g.end - g.start
        if glen <= 0:
            continue
        best: tuple[float, float, int] | None = None
        best_pi = -1
        for pi, p in enumerate(preds):
            if pi in taken or not p.valid:
                continue
            shared = min(g.end, p.end) - max(g.start, p.start)
            if shared <= 0:
                continue
            overlap = shared / glen
            if overlap <= threshold:
                continue
            key = (overlap, shared / (p.end - p.start), -pi)
            if best is None or key > best:
                best, best_pi = key, pi
        if best is not None:
            taken.add(best_pi)
            result[gi] = best_pi
    return result


def speaker_is_right(g: GoldQuote, p: PredQuote) -> bool:
    if not g.sources:
        return not p.names_speaker
    return any(ps < ge and gs < pe for ps, pe in p.speaker_spans for gs, ge in g.sources)


def align(doc: GoldDoc, obj: dict | None) -> DocAlignment:
    preds = read_predicted_quotes(obj, doc.text)
    matches = {th: match(doc.quotes, preds, th) for th in THRESHOLDS}
    right = {th: {gi: speaker_is_right(doc.quotes[gi], preds[pi]) for gi, pi in m.items()} for th, m in matches.items()}
    return DocAlignment(doc, preds, matches, right)


def is_direct(doc: GoldDoc, q: GoldQuote) -> bool:
    return _has_mark(doc.text[q.start : q.end])


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return p, r, _f1(p, r)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    right: int = 0


def score_alignments(alignments: list[DocAlignment]) -> dict:
    """The summary (rule 7) of already aligned documents."""
    totals = {th: Counts() for th in THRESHOLDS}
    kinds = {"direct": Counts(), "indirect": Counts()}
    by_class: dict[str, Counts] = {}
    n_gold = 0
    for al in alignments:
        n_gold += len(al.gold.quotes)
        for th in THRESHOLDS:
            m = al.matches[th]
            c = totals[th]
            c.tp += len(m)
            c.fn += len(al.gold.quotes) - len(m)
            c.fp += len(al.preds) - len(m)
            c.right += sum(al.speaker_right[th].values())
        _count_kinds(al, kinds)
        _count_classes(al, by_class)
    summary: dict = {"docs": len(alignments)}
    p3, r3, f3 = _prf(totals[0.3].tp, totals[0.3].fp, totals[0.3].fn)
    p8, r8, f8 = _prf(totals[0.8].tp, totals[0.8].fp, totals[0.8].fn)
    summary.update(f1_03=f3, f1_08=f8, p_03=p3, r_03=r3, speaker_acc=_ratio(totals[0.3].right, totals[0.3].tp))
    dp, dr, df = _prf(kinds["direct"].tp, kinds["direct"].fp, kinds["direct"].fn)
    ip, ir, if_ = _prf(kinds["indirect"].tp, kinds["indirect"].fp, kinds["indirect"].fn)
    summary.update(direct_f1_03=df, indirect_f1_03=if_)
    summary.update(p_08=p8, r_08=r8, speaker_acc_08=_ratio(totals[0.8].right, totals[0.8].tp))
    summary.update(direct_p_03=dp, direct_r_03=dr, indirect_p_03=ip, indirect_r_03=ir)
    for name in sorted(by_class):
        c = by_class[name]
        if c.tp + c.fn:  # a class with no gold quotes says nothing
            summary[f"r_03_{name}"] = _ratio(c.tp, c.tp + c.fn)
            summary[f"speaker_acc_{name}"] = _ratio(c.right, c.tp)
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in summary.items()}


def _count_kinds(al: DocAlignment, kinds: dict[str, Counts]) -> None:
    m = al.matches[0.3]
    for gi, g in enumerate(al.gold.quotes):
        c = kinds["direct" if is_direct(al.gold, g) else "indirect"]
        if gi in m:
            c.tp += 1
        else:
            c.fn += 1
    matched = set(m.values())
    for pi, p in enumerate(al.preds):
        if pi not in matched:
            kinds["direct" if p.direct else "indirect"].fp += 1


def _count_classes(al: DocAlignment, by_class: dict[str, Counts]) -> None:
    m, right = al.matches[0.3], al.speaker_right[0.3]
    for gi, g in enumerate(al.gold.quotes):
        for name in (f"src_{source_class(al.gold.text, g)}", f"cue_{cue_class(al.gold.text, g)}"):
            c = by_class.setdefault(name, Counts())
            if gi in m:
                c.tp += 1
                c.right += int(right[gi])
            else:
                c.fn += 1


def source_class(text: str, g: GoldQuote) -> str:
    """pronoun / named / none: how the gold names the source (named includes descriptions)."""
    if not g.sources:
        return "none"
    from wirecoder.quotes.lexicon import load_lexicon

    words = " ".join(text[s:e] for s, e in g.sources).strip().lower()
    return "pronoun" if words in load_lexicon().pronouns else "named"


def cue_class(text: str, g: GoldQuote) -> str:
    """speech (a form of a speech or writing verb in the cue) / other."""
    from wirecoder.quotes.lexicon import load_lexicon

    forms = load_lexicon().speech_forms
    words = re.findall(r"[a-z]+", " ".join(text[s:e] for s, e in g.cues).lower())
    return "speech" if any(w in forms for w in words) else "other"


def score(gold: list[GoldDoc], predictions: dict[str, dict]) -> tuple[dict, list[DocAlignment]]:
    """Pure scorer: gold documents and id -> prediction object, to (summary, alignments)."""
    alignments = [align(doc, predictions.get(doc.id)) for doc in gold]
    return score_alignments(alignments), alignments


# --------------------------------------------------------------------------- baselines


def textacy_predictions(gold: list[GoldDoc]) -> list[dict]:
    """textacy 0.13 ``direct_quotations`` over the same spaCy model's parses (README setup)."""
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        raise InputError("the textacy baseline needs textacy (pip install 'wirecoder[peers]')") from None
    from wirecoder.config import Settings
    from wirecoder.pipeline import load_base_model

    nlp = load_base_model(Settings.from_env().model)
    nlp.max_length = max(nlp.max_length, max((len(d.text) for d in gold), default=0) + 1)
    lines: list[dict] = []
    for doc_gold, doc in zip(gold, nlp.pipe(d.text for d in gold), strict=True):
        quotes: list[dict] = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:
            triples = []  # textacy refuses documents with an odd number of quotation marks
        for n, (speaker, cue, content) in enumerate(triples, 1):
            s, e = speaker[0].idx, speaker[-1].idx + len(speaker[-1].text)
            quotes.append(
                {
                    "id": f"q{n}",
                    "start": content.start_char,
                    "end": content.end_char,
                    "text": content.text,
                    "kind": "direct",
                    "cue": " ".join(t.text for t in cue),
                    "speaker_text": doc.text[s:e],
                    "speaker_start": s,
                    "speaker_end": e,
                }
            )
        lines.append({"doc": {"id": doc_gold.id}, "actors": [], "quotes": quotes})
    return lines


BASELINES = {"textacy": textacy_predictions}

# --------------------------------------------------------------------------- report


def evaluate(
    gold: Path, baselines: list[str], errors: int = 0, save: Path | None = None, split: str = "all"
) -> EvalReport:
    docs = select_split(read_gold(gold), split, errors)
    if not docs:
        raise InputError(f"{gold}: no annotated articles found")
    preds = predict(to_articles(docs))
    if save is not None:
        save_predictions(preds, save)
    summary, alignments = score(docs, index_predictions(preds))
    report = EvalReport(task="quotes", summary=summary)
    for name in baselines:
        report.baselines[name] = score(docs, index_predictions(BASELINES[name](docs)))[0]
    rows = {"wirecoder": summary, **report.baselines}
    report.tables.append(metric_table("PolNeAR quotes (overlap matching)", rows, SUMMARY_KEYS[1:]))
    report.tables.append(breakdown_table(rows))
    report.tables.append(counts_table(alignments))
    report.errors = worst_cases(alignments, errors) if errors > 0 else []
    return report


def breakdown_table(rows: dict[str, dict]) -> Table:
    prefixes = ("r_03_", "speaker_acc_src", "speaker_acc_cue")
    keys = sorted({k for summary in rows.values() for k in summary if k.startswith(prefixes)})
    return metric_table("Recall and speaker accuracy by gold source / cue class", rows, keys)


def metric_table(title: str, rows: dict[str, dict], keys: list[str]) -> Table:
    """One row per metric, one column per system: stays readable in a narrow terminal."""
    table = Table(title=title, title_justify="left")
    table.add_column("metric")
    for system in rows:
        table.add_column(system, justify="right")
    for key in keys:
        values = [rows[system].get(key) for system in rows]
        table.add_row(key, *("–" if v is None else f"{v:.4f}" for v in values))
    return table


def counts_table(alignments: list[DocAlignment]) -> Table:
    table = Table(title="wirecoder counts at 0.3", title_justify="left")
    for col in ("gold", "predicted", "tp", "fp", "fn", "speaker right"):
        table.add_column(col, justify="right")
    gold = sum(len(a.gold.quotes) for a in alignments)
    pred = sum(len(a.preds) for a in alignments)
    tp = sum(len(a.matches[0.3]) for a in alignments)
    right = sum(sum(a.speaker_right[0.3].values()) for a in alignments)
    table.add_row(*(str(n) for n in (gold, pred, tp, pred - tp, gold - tp, right)))
    return table


# --------------------------------------------------------------------------- error listing


def worst_cases(alignments: list[DocAlignment], limit: int) -> list[str]:
    """The longest misses, spurious quotes and wrong speakers, taken in turn, formatted for reading."""
    missed: list[tuple[int, str]] = []
    spurious: list[tuple[int, str]] = []
    speakers: list[tuple[int, str]] = []
    for al in alignments:
        text, m = al.gold.text, al.matches[0.3]
        matched = set(m.values())
        for gi, g in enumerate(al.gold.quotes):
            if gi not in m:
                near = _nearest(al.preds, g.start, g.end)
                got = (
                    "nothing nearby"
                    if near is None
                    else f"{_clip(text, near.start, near.end)} [{near.start}:{near.end}]"
                )
                missed.append((g.end - g.start, _case("MISSED", al, g.start, g.end, _gold_expect(text, g), got)))
            elif not al.speaker_right[0.3][gi]:
                p = al.preds[m[gi]]
                got = _pred_speaker(text, p)
                speakers.append((g.end - g.start, _case("SPEAKER", al, g.start, g.end, _gold_expect(text, g), got)))
        for pi, p in enumerate(al.preds):
            if pi not in matched:
                start, end = (p.start, p.end) if p.valid else (0, 0)
                expect = "no quote here"
                got = f"{_clip(text, start, end)} speaker={_pred_speaker(text, p)}" if p.valid else f"invalid {p.raw}"
                spurious.append((end - start, _case("SPURIOUS", al, start, end, expect, got)))
    queues = [sorted(q, key=lambda x: -x[0]) for q in (missed, spurious, speakers)]
    out: list[str] = []
    while len(out) < limit and any(queues):
        for q in queues:
            if q and len(out) < limit:
                out.append(q.pop(0)[1])
    return out


def _case(kind: str, al: DocAlignment, start: int, end: int, expect: str, got: str) -> str:
    text = al.gold.text
    context = text[max(0, start - 80) : start] + "⟦" + text[start:end] + "⟧" + text[end : end + 80]
    context = " ".join(context.split())
    return f"{kind} {al.gold.id}:{start}-{end}\n  context:  {context}\n  expected: {expect}\n  got:      {got}\n"


def _gold_expect(text: str, g: GoldQuote) -> str:
    src = " / ".join(text[s:e] for s, e in g.sources) or "(no source)"
    cue = " / ".join(text[s:e] for s, e in g.cues) or "-"
    return f"{_clip(text, g.start, g.end)} speaker={src!r} cue={cue!r}"


def _pred_speaker(text: str, p: PredQuote) -> str:
    raw = p.raw
    shown = raw.get("speaker_text") or raw.get("speaker") or "(none)"
    return f"{shown!r} cue={raw.get('cue')!r} kind={raw.get('kind')!r}"


def _clip(text: str, start: int, end: int, width: int = 90) -> str:
    piece = " ".join(text[start:end].split())
    return repr(piece if len(piece) <= width else piece[: width // 2] + " … " + piece[-width // 2 :])


def _nearest(preds: list[PredQuote], start: int, end: int) -> PredQuote | None:
    best, best_shared = None, 0
    for p in preds:
        shared = min(end, p.end) - max(start, p.start) if p.valid else 0
        if shared > best_shared:
            best, best_shared = p, shared
    return best
