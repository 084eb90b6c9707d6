"""Turn an annotator's draft (spans written as strings) into offsets-only gold for ``eval articles``.

    python tools/gold_offsets.py DRAFT.json... --csv ../shared/datasets/corpora/X/Y.csv --out eval/gold/DIR

The draft names each span by its words, because that is how a coder reads; the gold keeps only
offsets, so drafts (which hold text from the articles) stay outside the repo. A span is written
``[anchor^^]words[#n]``: the n-th occurrence (default 1) of ``words``, searched from the first
occurrence of ``anchor``; ``words`` may be ``first...last`` for a long span from the start of
``first`` to the end of the next ``last``. Every span gets ``h``, the first 8 hex digits of the
sha1 of its text, so a test can check ``text[start:end]`` without the text.

Draft: ``{"row": N, "id": ..., "events_complete": bool, "quotes_complete": bool,
"actors": [[span, country, sector, kind]], "non_actors": [span],
"events": [{"type", "trigger": span, "source": [[span, country, sector]], "target": [...],
"date", "status", "reciprocal"?, "key"?, "mentions"?: [span], "note"?}],
"quotes": [[span, speaker span | null, kind, speaker actor index?]]}``.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.eval.article_gold import parse_article, sha256  # noqa: E402


def span_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]


def _find(text: str, words: str, start: int, nth: int) -> int:
    at = start - 1
    for _ in range(nth):
        at = text.find(words, at + 1)
        if at < 0:
            raise ValueError(f"not found: {words!r} (occurrence {nth} after {start})")
    return at


def locate(text: str, spec: str) -> dict:
    """The offsets of one span spec in ``text`` (see the module doc)."""
    from_ = 0
    if "^^" in spec:
        anchor, spec = spec.split("^^", 1)
        a_words, _, a_n = anchor.rpartition("#") if _is_nth(anchor) else (anchor, "", "1")
        from_ = _find(text, a_words, 0, int(a_n))
    words, nth = (spec.rsplit("#", 1)[0], int(spec.rsplit("#", 1)[1])) if _is_nth(spec) else (spec, 1)
    if "..." in words and not words.startswith("...") and not words.endswith("..."):
        first, last = words.split("...", 1)
        start = _find(text, first, from_, nth)
        end = _find(text, last, start + len(first), 1) + len(last)
    else:
        start = _find(text, words, from_, nth)
        end = start + len(words)
    return {"start": start, "end": end, "h": span_hash(text[start:end])}


def _is_nth(spec: str) -> bool:
    head, sep, tail = spec.rpartition("#")
    return bool(sep and head and tail.isdigit())


def _party(text: str, item: list) -> dict:
    spec, country, sector = [*item, None, None][:3]
    return {**locate(text, spec), "country": country, "sector": sector}


def build(draft: dict, text: str, meta: dict, csv_rel: str) -> dict:
    gold: dict = {
        "id": draft.get("id") or f"wikinews-2020-{draft['row']:03d}",
        "source": {"file": csv_rel, "row": draft["row"], "url": meta.get("url")},
        "date": meta.get("date"),
        "sha256": sha256(text),
        "chars": len(text),
        "events_complete": bool(draft.get("events_complete")),
        "quotes_complete": bool(draft.get("quotes_complete")),
        "events": [],
        "actors": [],
        "non_actors": [locate(text, s) for s in draft.get("non_actors", [])],
        "quotes": [],
    }
    for e in draft.get("events", []):
        event = {
            "type": e["type"],
            "source": [_party(text, p) for p in e.get("source", [])],
            "target": [_party(text, p) for p in e.get("target", [])],
            "date": e.get("date"),
            "status": e.get("status", "asserted"),
            "trigger": locate(text, e["trigger"]),
        }
        if e.get("mentions"):
            event["mentions"] = [locate(text, m) for m in e["mentions"]]
        if e.get("reciprocal"):
            event["reciprocal"] = True
        if e.get("key") is False:
            event["key"] = False
        if e.get("note"):
            event["note"] = e["note"]
        gold["events"].append(event)
    for spec, country, sector, kind in draft.get("actors", []):
        gold["actors"].append({**locate(text, spec), "country": country, "sector": sector, "kind": kind})
    for item in draft.get("quotes", []):
        spec, speaker, kind = item[:3]
        quote = {**locate(text, spec), "kind": kind, "speaker": locate(text, speaker) if speaker else None}
        if len(item) > 3 and item[3] is not None:
            quote["speaker_actor"] = item[3]
        gold["quotes"].append(quote)
    parse_article(gold, gold["id"])  # the scorer must read what we write
    return gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("drafts", nargs="+", type=Path)
    parser.add_argument("--csv", type=Path, required=True)
    parser.add_argument("--datasets", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    csv.field_size_limit(1 << 30)
    with args.csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    csv_rel = args.csv.resolve().relative_to(args.datasets.resolve()).as_posix()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.drafts:
        draft = json.loads(path.read_text(encoding="utf-8"))
        row = rows[draft["row"]]
        try:
            gold = build(draft, row["text"], row, csv_rel)
        except ValueError as exc:
            sys.exit(f"{path}: {exc}")
        target = args.out / f"{gold['id']}.json"
        target.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{target}: {len(gold['events'])} events, {len(gold['actors'])} actors, {len(gold['quotes'])} quotes")


if __name__ == "__main__":
    main()
