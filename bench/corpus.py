"""The benchmark corpus: Wikinews articles from ../shared, read with wirecoder's own readers.

The articles stay where they are (nothing is copied into the repository); the benchmark hands
them to its measuring subprocesses through a temporary JSON Lines file.
"""

from __future__ import annotations

import json
from itertools import zip_longest
from pathlib import Path

from wirecoder.engines.wire import decode_article, encode_article
from wirecoder.model import Article
from wirecoder.readers import read_paths

#: Corpus files under <shared>/datasets/corpora, and a short name for each in the report.
CORPUS_FILES = {
    "wikinews-2019": "wikinews-2019-2020/wikinews_2019.csv",
    "wikinews-2020": "wikinews-2019-2020/wikinews_2020.csv",
    "wikinews-politics": "wikinews-politics/politics.jsonl",
}


class CorpusMissing(Exception):
    pass


def corpus_paths(shared: Path) -> dict[str, Path]:
    root = shared / "datasets" / "corpora"
    paths = {name: root / rel for name, rel in CORPUS_FILES.items()}
    missing = [str(p) for p in paths.values() if not p.exists()]
    if missing:
        raise CorpusMissing(f"benchmark corpora not found ({', '.join(missing)}); skipping the benchmarks")
    return paths


def _articles(path: Path) -> list[Article]:
    # Empty pages (the politics file has hundreds) measure nothing, so they are left out.
    return [a for a in read_paths([str(path)], warn=lambda _m: None) if isinstance(a, Article) and a.text.strip()]


def load_corpus(shared: Path, limit: int | None) -> tuple[list[Article], dict[str, int]]:
    """Articles taken in turn from each corpus file (in file order), up to ``limit`` in all.

    Taking them in turn mixes the 2020 interviews (long), the 2019 reports (medium) and the
    politics pages (short, damaged) in every part of the run, as a real mixed input would.
    """
    per_file = {name: _articles(path) for name, path in corpus_paths(shared).items()}
    chosen: list[Article] = []
    counts = dict.fromkeys(per_file, 0)
    for row in zip_longest(*per_file.values()):
        for name, article in zip(per_file, row, strict=True):
            if article is None or (limit is not None and len(chosen) >= limit):
                continue
            chosen.append(article)
            counts[name] += 1
    return chosen, counts


def write_articles(articles: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            out.write(encode_article(article) + "\n")


def read_articles(path: Path) -> list[Article]:
    with path.open(encoding="utf-8") as lines:
        return [decode_article(line) for line in lines if line.strip()]


def corpus_summary(articles: list[Article]) -> dict[str, int]:
    lengths = sorted(len(a.text) for a in articles)
    return {
        "articles": len(articles),
        "chars": sum(lengths),
        "median_chars": lengths[len(lengths) // 2] if lengths else 0,
        "max_chars": lengths[-1] if lengths else 0,
    }


def dump_json(data: object) -> str:
    return json.dumps(data, sort_keys=True)
