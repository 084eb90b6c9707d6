"""What every task's evaluation shares: running the pipeline over gold articles, and the report."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol, TypeVar

from rich.table import Table

from wirecoder.config import Settings
from wirecoder.errors import InputError
from wirecoder.model import Article
from wirecoder.pipeline import process
from wirecoder.writers import dumps_result

#: ``dev``: the part of a gold set whose errors may be read; ``setaside``: the part that is only
#: ever scored (DEVELOPERS.md), so that a gap between the two shows fitting to what was read.
Split = Literal["all", "dev", "setaside"]
SPLITS: tuple[str, ...] = ("all", "dev", "setaside")


class _HasId(Protocol):
    id: str


G = TypeVar("G", bound=_HasId)


def is_setaside(doc_id: str) -> bool:
    """One document in three, chosen by a stable hash of its id (not by file order)."""
    return zlib.crc32(doc_id.encode("utf-8")) % 3 == 0


def select_split(docs: Sequence[G], split: str, errors: int = 0) -> list[G]:
    """The gold documents of ``split``; listing errors is allowed on the dev part only."""
    if split not in SPLITS:
        raise InputError(f"unknown split '{split}' (choose from: {', '.join(SPLITS)})")
    if errors and split != "dev":
        raise InputError("--errors lists cases from the dev split only: add --split dev")
    if split == "all":
        return list(docs)
    want = split == "setaside"
    return [d for d in docs if is_setaside(d.id) == want]


@dataclass
class EvalReport:
    """The outcome of one ``wirecoder eval TASK`` run.

    ``summary`` is the JSON object whose first keys are fixed by the dataset README;
    ``baselines`` maps a peer's name to its summary from the same run; ``tables`` are the
    per-category breakdowns for the readable output; ``errors`` the worst cases, already
    formatted for reading.
    """

    task: str
    summary: dict
    baselines: dict[str, dict] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def predict(articles: Iterable[Article], settings: Settings | None = None) -> list[dict]:
    """Run the same pipeline as ``extract`` and return the output objects as parsed JSON.

    Failed documents come back as ``{"id": ..., "error": reason}`` lines, which every
    scorer treats as a document with no predictions.
    """
    results: list[dict] = []
    for result in process(list(articles), settings or Settings.from_env()):
        results.append(json.loads(dumps_result(result)))
    return results


def save_predictions(predictions: list[dict], path: Path) -> None:
    path.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in predictions))


def prediction_id(obj: dict) -> str | None:
    """The document id of a prediction line: ``doc.id``, else top-level ``id``."""
    doc = obj.get("doc")
    if isinstance(doc, dict) and doc.get("id") is not None:
        return str(doc["id"])
    return str(obj["id"]) if obj.get("id") is not None else None


def index_predictions(
    predictions: Iterable[dict], gold_ids: set[str] | None = None, keep: Literal["first", "last"] = "last"
) -> dict[str, dict]:
    """Prediction objects by document id (``doc.id``, else ``id``).

    The datasets' rules differ on a repeated id: TempEval keeps the first line, PolNeAR and
    the PLOVER GSR the last.  Ids outside ``gold_ids`` (when given) and non-objects are ignored.
    """
    index: dict[str, dict] = {}
    for obj in predictions:
        if not isinstance(obj, dict):
            continue
        pid = prediction_id(obj)
        if pid is None or (gold_ids is not None and pid not in gold_ids):
            continue
        if keep == "last" or pid not in index:
            index[pid] = obj
    return index


def summary_table(title: str, rows: dict[str, dict], keys: list[str]) -> Table:
    """A table with one row per system (wirecoder, peers) and one column per metric."""
    table = Table(title=title, title_justify="left")
    table.add_column("system")
    for key in keys:
        table.add_column(key, justify="right")
    for system, summary in rows.items():
        table.add_row(system, *(_fmt(summary.get(key)) for key in keys))
    return table


def per_type_table(title: str, per_type: dict[str, dict], rates: tuple[str, ...]) -> Table:
    """One row per gold event type: its gold count and the ``rates`` (columns of 4 decimals)."""
    table = Table(title=title, title_justify="left")
    for column in ("type", "gold", *rates):
        table.add_column(column, justify="left" if column == "type" else "right")
    for etype, row in per_type.items():
        table.add_row(etype, str(row["gold"]), *(f"{row[key]:.4f}" for key in rates))
    return table


def _fmt(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


Evaluator = Callable[..., EvalReport]
