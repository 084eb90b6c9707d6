"""``extract --format table`` never cuts dates, types or statuses, at 80 and at 120 columns."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys

import pytest
from rich.console import Console

from tests.store.helpers import A, E, build
from wirecoder.writers import render_summary

TEXT = (
    "The Democratic Republic of the Congo's foreign minister Christophe Lutundula Apala Pen'Apala met "
    "the Rwandan foreign minister Vincent Biruta in Luanda. Angola might host another summit. "
    "Vincent Biruta did not accuse Kinshasa of backing rebels."
)

MINISTER = "Christophe Lutundula Apala Pen'Apala"


def result():
    _, res = build(
        "long-names",
        TEXT,
        "2022-11-23",
        [
            A(MINISTER, "person", "COD", "GOV"),
            A("Vincent Biruta", "person", "RWA", "GOV"),
            A("Angola", "country", "AGO"),
            A("Kinshasa", "country", "COD", "GOV"),
        ],
        [
            E("CONSULT", "met", [MINISTER], ["Vincent Biruta"], "2022-11-23", mode="visit"),
            E("CONSULT", "summit", ["Angola"], [], "2022-12", status="hypothetical", mode="third-party"),
            E("ACCUSE", "accuse", ["Vincent Biruta"], ["Kinshasa"], "2022-11-23", status="negated", mode="allege"),
        ],
    )
    return res


def rendered(width: int) -> str:
    buffer = io.StringIO()
    Console(file=buffer, width=width, color_system=None).print(render_summary(result(), width))
    return buffer.getvalue()


@pytest.mark.parametrize("width", [80, 120])
def test_event_fields_are_whole_on_one_line(width):
    text = rendered(width)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    for event in result().events:
        wanted = [event.id, event.type + (f"/{event.mode}" if event.mode else ""), event.date, event.status]
        assert any(all(w in line for w in wanted) for line in lines), (wanted, text)
    assert "…" not in text


def test_narrow_terminals_get_one_block_per_event():
    assert "┃ status" not in rendered(80).split("Events (3)")[1]
    assert "┃ status" in rendered(120).split("Events (3)")[1]


@pytest.mark.parametrize("width", ["80", "120"])
def test_cli_table_shows_every_event_in_full(width, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(TEXT + " The two ministers agreed on Thursday to meet again in December.\n")
    run = [sys.executable, "-m", "wirecoder", "extract", str(article), "--dct", "2022-11-23"]
    env = {**os.environ, "COLUMNS": width}
    table = subprocess.run([*run, "--format", "table"], capture_output=True, text=True, env=env, timeout=300)
    events = json.loads(subprocess.run(run, capture_output=True, text=True, env=env, timeout=300).stdout)["events"]
    assert table.returncode == 0 and events
    lines = table.stdout.splitlines()
    assert max(len(line) for line in lines) <= int(width)
    for e in events:
        wanted = [e["type"] + (f"/{e['mode']}" if e.get("mode") else ""), e["date"] or "", e["status"]]
        assert any(all(w in line for w in wanted) for line in lines), (wanted, table.stdout)
