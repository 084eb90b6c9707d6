"""Document-level check of event types on the NGEC synthetic stories (pseudo-labelled, MIT).

Not an evaluation against gold: each synthetic story was written to elicit one PLOVER type, so
this only tells whether that type comes out at all (recall) and how many of the coded events
have it (a rough precision).  A fixed sample, stratified by label, is drawn with a seed.

Usage:  python tools/ngec_check.py [--per-label 10] [--shared DIR]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
import sys
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from wirecoder.config import Settings
from wirecoder.model import Article, Failure
from wirecoder.pipeline import process, shared_nlp

ROOT = Path(__file__).resolve().parents[1]
NGEC = ROOT.parent / "shared" / "datasets" / "events" / "ngec-synthetic"
DEFAULT = NGEC / "gpt_synthetic_events_2023-10-19_19.csv.zip"


def sample(path: Path, per_label: int, seed: int = 16) -> list[dict]:
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        rows = list(csv.DictReader(io.TextIOWrapper(zf.open(name), encoding="utf-8")))
    by_label: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_label[row["label"]].append(row)
    rng = random.Random(seed)
    out: list[dict] = []
    for label in sorted(by_label):
        out.extend(rng.sample(by_label[label], min(per_label, len(by_label[label]))))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--per-label", type=int, default=10)
    parser.add_argument("--zip", type=Path, default=DEFAULT)
    args = parser.parse_args(argv)
    if not args.zip.exists():
        print(f"error: {args.zip} not found", file=sys.stderr)
        return 2
    rows = sample(args.zip, args.per_label)
    settings = Settings()
    articles = [Article(id=str(n), text=r["text"], date="2023-10-19") for n, r in enumerate(rows)]
    found, events, matching = Counter(), 0, 0
    per_label = Counter()
    for row, result in zip(rows, process(articles, settings, nlp=shared_nlp(settings)), strict=True):
        if isinstance(result, Failure):
            continue
        types = [e.type for e in result.events]
        per_label[row["label"]] += 1
        events += len(types)
        matching += types.count(row["label"])
        if row["label"] in types:
            found[row["label"]] += 1
    recall = sum(found.values()) / max(1, sum(per_label.values()))
    summary = {
        "stories": sum(per_label.values()),
        "label_found": round(recall, 3),
        "events_with_label": round(matching / max(1, events), 3),
        "events_per_story": round(events / max(1, sum(per_label.values())), 2),
        "per_label_found": {k: round(found[k] / per_label[k], 2) for k in sorted(per_label)},
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
