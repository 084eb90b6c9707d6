"""``wirecoder eval time|quotes|events|entities|articles``: score the pipeline against public gold."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from wirecoder.cli.app import app
from wirecoder.cli.common import out
from wirecoder.errors import InputError

eval_app = typer.Typer(help="Score the pipeline against public gold data.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

#: task -> (module with an ``evaluate`` function, peers it can run beside wirecoder)
TASKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "time": ("wirecoder.eval.time", ("dateparser",)),
    "quotes": ("wirecoder.eval.quotes", ("textacy",)),
    "events": ("wirecoder.eval.events", ()),
    "entities": ("wirecoder.eval.entities", ("spacy",)),
    "articles": ("wirecoder.eval.articles", ()),
}


#: A gold folder holding this file is a blind test set: it is only ever scored as a whole.
BLIND_MARKER = "BLIND"


def check_blind(gold: Path, errors: int, save: Path | None, split: str) -> None:
    """Refuse to show a blind test set's errors, predictions or parts (their README says why)."""
    if not (gold.is_dir() and (gold / BLIND_MARKER).exists()):
        return
    if errors or save is not None or split != "all":
        raise InputError(
            f"{gold} is a blind test set: it is scored only as a whole (--split all, no --errors, no --save)"
        )


def run_task(
    task: str, gold: Path, fmt: str, baseline: list[str], errors: int, save: Path | None, split: str = "all"
) -> None:
    module_name, peers = TASKS[task]
    if not gold.exists():
        raise InputError(f"{gold}: no such file or directory")
    check_blind(gold, errors, save, split)
    unknown = [b for b in baseline if b not in peers]
    if unknown:
        raise InputError(f"no baseline '{unknown[0]}' for {task} (choose from: {', '.join(peers) or 'none'})")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise InputError(f"the {task} evaluation is not available ({exc})") from None
    report = module.evaluate(gold, baselines=baseline, errors=errors, save=save, split=split)
    if fmt == "json":
        summary = dict(report.summary)
        if report.baselines:
            summary["baselines"] = report.baselines
        sys.stdout.write(json.dumps(summary) + "\n")
        return
    for table in report.tables:
        out.print(table)
    for line in report.errors:
        out.print(line, highlight=False, markup=False)


GoldOpt = Annotated[Path, typer.Option("--gold", help="Gold file or folder.")]
FmtOpt = Annotated[str, typer.Option("--format", "-f", help="table or json (one object, last line).")]
BaseOpt = Annotated[list[str] | None, typer.Option("--baseline", help="Peer tool to score in the same run.")]
ErrOpt = Annotated[int, typer.Option("--errors", help="List the N worst cases.")]
SaveOpt = Annotated[Path | None, typer.Option("--save", help="Write wirecoder's predictions (JSONL) here.")]
SplitOpt = Annotated[
    str,
    typer.Option(
        "--split",
        help="all, dev (two documents in three, whose errors may be read) or setaside (scored only, never read).",
    ),
]


#: task -> the one-line help of its command
HELP: dict[str, str] = {
    "time": "TimeML (.tml) gold, TempEval-3 scoring.",
    "quotes": "PolNeAR brat gold, overlap matching at 0.3 and 0.8.",
    "events": "PLOVER gold-standard records (JSONL): type / source / target matching.",
    "entities": "GUM news (.conllu): named mentions of people, organisations and places.",
    "articles": "Whole real articles (offsets-only hand gold, texts from ../shared): key events, actors, quotes.",
}


def _command(task: str):
    """One ``wirecoder eval TASK`` command: every task takes the same options."""

    def command(
        gold: GoldOpt,
        format: FmtOpt = "table",
        baseline: BaseOpt = None,
        errors: ErrOpt = 0,
        save: SaveOpt = None,
        split: SplitOpt = "all",
    ) -> None:
        run_task(task, gold, format, baseline or [], errors, save, split)

    command.__doc__ = HELP[task]
    command.__name__ = f"eval_{task}"
    return command


for _task in TASKS:
    eval_app.command(_task)(_command(_task))
