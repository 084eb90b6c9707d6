"""``wirecoder doctor``: check the install, the model, a database and the browser for tests."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import typer

from wirecoder.cli.app import app
from wirecoder.cli.common import Exit, out


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    required: bool = True


def _check_python() -> Check:
    ok = sys.version_info >= (3, 11)
    return Check("python", ok, sys.version.split()[0] + ("" if ok else " (3.11 or newer is needed)"))


def _check_model() -> Check:
    from wirecoder.config import Settings
    from wirecoder.integrity import distribution_problems

    model = Settings.from_env().model
    problems = distribution_problems(model.replace("_", "-")) if not Path(model).exists() else []
    if problems:
        return Check("model files", False, f"{model}: {problems[0]}")
    return Check("model files", True, f"{model}: every file matches its recorded sha256")


def _check_pipeline() -> Check:
    from wirecoder.config import Settings
    from wirecoder.errors import WirecoderError
    from wirecoder.pipeline import extract_text

    try:
        result = extract_text(
            "Ghana's president met Togo's foreign minister in Accra on Monday.",
            date="2024-01-10",
            settings=Settings.from_env(),
        )
    except WirecoderError as exc:
        return Check("pipeline", False, str(exc))
    return Check("pipeline", True, f"ran on a test sentence: {len(result.actors)} actors, {len(result.events)} events")


def _check_database(db: Path | None) -> Check:
    path = db or Path(os.environ.get("WIRECODER_DB", "wirecoder.duckdb"))
    if not path.exists():
        return Check("database", True, f"{path}: not created yet (wirecoder ingest creates it)", required=False)
    try:
        import duckdb

        con = duckdb.connect(str(path), read_only=True)
        try:
            tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        finally:
            con.close()
    except Exception as exc:
        return Check("database", False, f"{path}: cannot open read-only ({str(exc).splitlines()[0]})")
    return Check("database", True, f"{path}: opens read-only, {len(tables)} tables")


def _check_optional(module: str, purpose: str) -> Callable[[], Check]:
    def run() -> Check:
        import importlib.util

        found = importlib.util.find_spec(module) is not None
        return Check(module, found, ("installed" if found else "not installed") + f" ({purpose})", required=False)

    return run


def _check_chromium() -> Check:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if not exe:
        return Check("chromium", False, "not found (browser tests skip; apt-get install chromium)", required=False)
    try:
        version = subprocess.run([exe, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("chromium", False, f"{exe} does not run ({exc})", required=False)
    return Check("chromium", True, version or exe, required=False)


@app.command()
def doctor(
    db: Annotated[
        Path | None, typer.Option(help="Database to check (default: $WIRECODER_DB or ./wirecoder.duckdb).")
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Check the install: Python, model files and hashes, the pipeline, a database, optional extras."""
    checks = [_check_python(), _check_model()]
    if checks[-1].ok:
        checks.append(_check_pipeline())
    checks.append(_check_database(db))
    checks += [_check_optional("ray", "the Ray engine")(), _check_optional("pandas", "wirecoder.open() DataFrames")()]
    checks.append(_check_optional("matplotlib", "--plot charts ('wirecoder[plot]')")())
    checks.append(_check_chromium())
    failed = [c for c in checks if c.required and not c.ok]
    if format == "json":
        sys.stdout.write(json.dumps({"ok": not failed, "checks": [c.__dict__ for c in checks]}) + "\n")
    else:
        for c in checks:
            mark = "[green]ok[/]" if c.ok else ("[red]FAIL[/]" if c.required else "[yellow]--[/]")
            out.print(f"{mark:>16}  {c.name:<12} {c.detail}", highlight=False)
    if failed:
        raise typer.Exit(Exit.BAD_INPUT)
