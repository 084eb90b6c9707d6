"""The whole-article gold format of ``eval/gold/wikinews-2020/`` (offsets and labels, never the text).

One JSON object per article (a ``.json`` file, or one line of a ``.jsonl`` file). The text stays
in the shared datasets: ``source.file`` (relative to ``datasets/``) and ``source.row`` (0-based
data row of the CSV) locate it, ``sha256`` proves it is the same text the offsets were made on.
The fields are described in ``eval/gold/wikinews-2020/README.md``.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from wirecoder.errors import InputError
from wirecoder.eval.events import normalise_country

STATUSES = frozenset({"asserted", "negated", "hypothetical", "planned", "reported"})
QUOTE_KINDS = frozenset({"direct", "indirect", "mixed"})


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    countries: tuple[str, ...]  # acceptable codes, normalised; empty: unknown
    sectors: tuple[str, ...] | None  # acceptable sectors; None: not scored


@dataclass(frozen=True)
class GoldEvent:
    type: str
    source: tuple[Party, ...]
    target: tuple[Party, ...]
    dates: tuple[str, ...] | None  # acceptable dates; None: not scored
    statuses: tuple[str, ...]
    trigger: tuple[int, int]
    mentions: tuple[tuple[int, int], ...] = ()  # other triggers of the same happening
    reciprocal: bool = False
    key: bool = True  # False: codeable but not a key event; counts for precision only


@dataclass(frozen=True)
class GoldActor:
    start: int
    end: int
    countries: tuple[str, ...]
    sectors: tuple[str, ...] | None
    kind: str | None


@dataclass(frozen=True)
class GoldQuote:
    start: int
    end: int
    kind: str
    speaker: tuple[int, int] | None
    speaker_actor: int | None = None  # index into the key actors: the speaker's other mentions count


@dataclass
class GoldArticle:
    id: str
    file: str
    row: int
    date: str | None
    sha256: str
    events: list[GoldEvent] = field(default_factory=list)
    actors: list[GoldActor] = field(default_factory=list)
    non_actors: list[tuple[int, int]] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    events_complete: bool = False
    quotes_complete: bool = False


# --------------------------------------------------------------------------- reading


def _alternatives(value: object, upper: bool = True) -> tuple[str, ...]:
    values = value if isinstance(value, list) else [value]
    out = [str(v).strip() for v in values if isinstance(v, str) and v.strip()]
    return tuple(v.upper() if upper else v for v in out)


def _countries(value: object) -> tuple[str, ...]:
    return tuple(c for c in (normalise_country(v) for v in _alternatives(value)) if c)


def _sectors(value: object) -> tuple[str, ...] | None:
    return _alternatives(value) if value is not None else None


def _range(raw: object, where: str) -> tuple[int, int]:
    if not isinstance(raw, dict) or not isinstance(raw.get("start"), int) or not isinstance(raw.get("end"), int):
        raise InputError(f"{where}: a span needs integer 'start' and 'end'")
    if not 0 <= raw["start"] < raw["end"]:
        raise InputError(f"{where}: bad span {raw['start']}..{raw['end']}")
    return raw["start"], raw["end"]


def _party(raw: dict, where: str) -> Party:
    start, end = _range(raw, where)
    return Party(start, end, _countries(raw.get("country")), _sectors(raw.get("sector")))


def _event(raw: dict, where: str) -> GoldEvent:
    statuses = tuple(s.lower() for s in _alternatives(raw.get("status") or "asserted"))
    bad = [s for s in statuses if s not in STATUSES]
    if bad:
        raise InputError(f"{where}: unknown status '{bad[0]}'")
    dates = raw.get("date")
    return GoldEvent(
        type=str(raw.get("type", "")).strip().upper(),
        source=tuple(_party(p, where) for p in raw.get("source") or []),
        target=tuple(_party(p, where) for p in raw.get("target") or []),
        dates=_alternatives(dates, upper=False) if dates is not None else None,
        statuses=statuses,
        trigger=_range(raw.get("trigger"), where),
        mentions=tuple(_range(m, where) for m in raw.get("mentions") or []),
        reciprocal=bool(raw.get("reciprocal")),
        key=raw.get("key", True) is not False,
    )


def _quote(raw: dict, where: str) -> GoldQuote:
    start, end = _range(raw, where)
    kind = str(raw.get("kind") or "direct")
    if kind not in QUOTE_KINDS:
        raise InputError(f"{where}: unknown quote kind '{kind}'")
    speaker = raw.get("speaker")
    actor = raw.get("speaker_actor")
    return GoldQuote(
        start,
        end,
        kind,
        _range(speaker, where) if speaker is not None else None,
        actor if isinstance(actor, int) else None,
    )


def parse_article(raw: object, where: str) -> GoldArticle:
    """One gold article from its JSON object (``where`` names it in error messages)."""
    if not isinstance(raw, dict) or "id" not in raw or not isinstance(raw.get("source"), dict):
        raise InputError(f"{where}: a gold article needs 'id' and 'source' {{file, row}}")
    src = raw["source"]
    if not isinstance(src.get("file"), str) or not isinstance(src.get("row"), int) or not raw.get("sha256"):
        raise InputError(f"{where}: 'source' needs 'file' and an integer 'row', and the article a 'sha256'")
    return GoldArticle(
        id=str(raw["id"]),
        file=src["file"],
        row=src["row"],
        date=raw.get("date"),
        sha256=str(raw["sha256"]),
        events=[_event(e, f"{where} event {n}") for n, e in enumerate(raw.get("events") or [])],
        actors=[
            GoldActor(
                *_range(a, f"{where} actor {n}"), _countries(a.get("country")), _sectors(a.get("sector")), a.get("kind")
            )
            for n, a in enumerate(raw.get("actors") or [])
        ],
        non_actors=[_range(s, f"{where} non-actor {n}") for n, s in enumerate(raw.get("non_actors") or [])],
        quotes=[_quote(q, f"{where} quote {n}") for n, q in enumerate(raw.get("quotes") or [])],
        events_complete=bool(raw.get("events_complete")),
        quotes_complete=bool(raw.get("quotes_complete")),
    )


def _objects(path: Path) -> list[tuple[object, str]]:
    text = path.read_text(encoding="utf-8")
    try:
        if path.suffix == ".jsonl":
            return [(json.loads(line), f"{path}:{n}") for n, line in enumerate(text.splitlines(), 1) if line.strip()]
        return [(json.loads(text), str(path))]
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not valid JSON ({exc.msg})") from None


def read_gold(path: Path) -> list[GoldArticle]:
    """Gold articles from a folder of ``.json``/``.jsonl`` files, or from one such file, sorted by id."""
    files = sorted(p for p in path.iterdir() if p.suffix in (".json", ".jsonl")) if path.is_dir() else [path]
    docs = [parse_article(raw, where) for f in files for raw, where in _objects(f)]
    if not docs:
        raise InputError(f"{path}: no gold articles (.json or .jsonl)")
    return sorted(docs, key=lambda d: d.id)


# --------------------------------------------------------------------------- texts


def find_shared(gold: Path) -> Path | None:
    """The shared ``datasets`` folder: ``$WIRECODER_SHARED``, else a ``shared/datasets`` above the gold."""
    env = os.environ.get("WIRECODER_SHARED")
    if env:
        root = Path(env)
        return root / "datasets" if (root / "datasets").is_dir() else root if root.is_dir() else None
    for parent in [gold.resolve(), *gold.resolve().parents]:
        candidate = parent / "shared" / "datasets"
        if candidate.is_dir():
            return candidate
    return None


def _csv_texts(path: Path) -> tuple[str, ...]:
    stat = path.stat()
    return _read_csv_texts(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _read_csv_texts(path: Path, _mtime: int, _size: int) -> tuple[str, ...]:
    """The ``text`` column of a CSV, cached per file version (the file is read once per run)."""
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(row.get("text") or "" for row in csv.DictReader(handle))


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_text(doc: GoldArticle, datasets: Path | None) -> str:
    """The article's text from the shared datasets, checked against its sha256."""
    if datasets is None:
        raise InputError("the article texts are in ../shared/datasets, which is not here (set WIRECODER_SHARED)")
    path = datasets / doc.file
    if not path.is_file():
        raise InputError(f"{path}: not found (the gold's texts live in the shared datasets)")
    texts = _csv_texts(path)
    if not 0 <= doc.row < len(texts):
        raise InputError(f"{doc.id}: row {doc.row} is not in {path} ({len(texts)} rows)")
    text = texts[doc.row]
    if sha256(text) != doc.sha256:
        raise InputError(f"{doc.id}: the text of {path} row {doc.row} is not the one the gold was made on (sha256)")
    return text


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


def sentence_range(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``start..end`` by a plain punctuation/newline split (documented in the README)."""
    left, right = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end:
            right = m.start()
            break
    return left, right
