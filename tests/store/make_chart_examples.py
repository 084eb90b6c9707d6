"""Regenerate the example charts in docs/charts/ (shown in docs/analysis.md).

    .venv/bin/python tests/store/make_chart_examples.py --out docs/charts

The store is an illustration, not data: short articles written from templates for this
script, one to three a month from January 2018 to December 2019, with hand-coded events
(built like the store tests' results), and one article that recalls a 1979 event.  Each
chart is then drawn by the same CLI command the docs show.  Not a test.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import random
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.store.helpers import A, E, Q, build  # noqa: E402
from wirecoder.cli import main  # noqa: E402
from wirecoder.store import Store  # noqa: E402

ACTORS = {
    "Washington": A("Washington", "country", "USA", "GOV"),
    "Pyongyang": A("Pyongyang", "country", "PRK", "GOV"),
    "Seoul": A("Seoul", "country", "KOR", "GOV"),
    "Beijing": A("Beijing", "country", "CHN", "GOV"),
}
SPEAKERS = [
    A("Mike Pompeo", "person", "USA", "GOV"),
    A("Moon Jae-in", "person", "KOR", "GOV"),
    A("Kim Yo-jong", "person", "PRK", "GOV"),
    A("Wang Yi", "person", "CHN", "GOV"),
    A("Stephen Biegun", "person", "USA", "GOV"),
    A("Ri Yong-ho", "person", "PRK", "GOV"),
]
#: (type, trigger word, status) of the events the templates write.
KINDS = [
    ("CONSULT", "met", "asserted"),
    ("AGREE", "agreed", "asserted"),
    ("SUPPORT", "praised", "reported"),
    ("AID", "aid", "planned"),
    ("ACCUSE", "accused", "asserted"),
    ("THREATEN", "threatened", "asserted"),
    ("REJECT", "rejected", "asserted"),
    ("SANCTION", "sanctions", "hypothetical"),
    ("MOBILIZE", "drills", "planned"),
    ("ASSAULT", "fired on", "negated"),
]


def article(i: int, year: int, month: int, rng: random.Random):
    day = rng.randint(1, 28)
    dct = f"{year}-{month:02d}-{day:02d}"
    names = list(ACTORS)
    sentences, events, quotes = [], [], []
    cooling = year == 2019 and month >= 3  # after the Hanoi summit, more conflict in these examples
    for n in range(rng.randint(2, 5)):
        kind = rng.choice(KINDS[4:] if cooling and rng.random() < 0.6 else KINDS)
        source, target = rng.sample(names, 2)
        trigger = f"{kind[1]} {n}"  # unique trigger text per sentence, so offsets are unambiguous
        sentences.append(f"{source} {trigger} {target}.")
        events.append(E(kind[0], trigger, [source], [target], dct, status=kind[2]))
    speaker = rng.choice(SPEAKERS[: 2 + i % 5])
    quote = f"We remain ready to talk {i}"
    sentences.append(f'"{quote}," said {speaker.name}.')
    quotes.append(Q(quote, speaker.name))
    used = [ACTORS[n] for n in names if any(n in s for s in sentences[:-1])] + [speaker]
    return build(f"ex{i}", " ".join(sentences), dct, used, events, quotes, source="Example Wire")


def example_store(path: Path) -> None:
    rng = random.Random(21)
    pairs = []
    i = 0
    for year in (2018, 2019):
        for month in range(1, 13):
            for _ in range(rng.randint(1, 3)):
                pairs.append(article(i, year, month, rng))
                i += 1
    pairs.append(
        build(
            "ex-history",
            "In 1979 Washington sanctioned Pyongyang, officials recalled.",
            "2019-06-12",
            [ACTORS["Washington"], ACTORS["Pyongyang"]],
            [E("SANCTION", "sanctioned", ["Washington"], ["Pyongyang"], "1979")],
        )
    )
    Store(path).add_results(pairs)


COMMANDS = {
    "timeline-quad.png": ["timeline", "--by", "month"],
    "timeline-type.png": ["timeline", "--by", "month", "--group", "type"],
    "dyad.png": ["timeline", "--dyad", "USA-PRK", "--by", "month"],
    "speakers.png": ["speakers", "--limit", "6"],
    "status.png": ["timeline", "--by", "month", "--group", "status"],
}


def main_(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "news.duckdb"
        example_store(db)
        for name, args in COMMANDS.items():
            with contextlib.redirect_stdout(io.StringIO()):  # the numbers; the charts are what we want
                code = main([*args, "--db", str(db), "--plot", str(out / name), "--format", "json"])
            if code:
                raise SystemExit(f"{name}: exit {code}")
    print(f"wrote {len(COMMANDS)} charts to {out}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "charts")
    main_(parser.parse_args().out)
