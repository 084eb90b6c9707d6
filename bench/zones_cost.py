"""What the zones stage costs: its time against the whole pipeline's, stage by stage.

    python bench/zones_cost.py [--limit 50] [--corpus PATH]

It runs the same stage-by-stage timing as ``make bench`` (``measure.py stages``, which the
benchmark report also turns into a "zones stage takes x% of the pipeline" line) on the first
``--limit`` articles of one corpus file, and prints the zones stage's share.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import stage_times

from wirecoder.model import Article
from wirecoder.readers import read_paths

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "datasets" / "corpora" / "wikinews-2019-2020" / "wikinews_2019.csv"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        raise SystemExit(f"corpus not found: {args.corpus}")
    articles = [a for a in read_paths([str(args.corpus)], warn=lambda _m: None) if isinstance(a, Article)]
    articles = [a for a in articles if a.text.strip()][: args.limit]
    result = stage_times(articles, args)
    stages = result["stages"]
    total = sum(stages.values())
    print(json.dumps({k: round(v, 3) for k, v in stages.items()}, indent=1))
    print(f"{len(articles)} articles: zones {stages['zones']:.3f} s of {total:.2f} s = {stages['zones'] / total:.2%}")


if __name__ == "__main__":
    main()
