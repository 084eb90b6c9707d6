"""The stages as a spaCy plug-in: ``nlp.add_pipe("wirecoder_actors")`` works in a fresh
interpreter that never imported wirecoder, through the ``spacy_factories`` entry points."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest

from wirecoder.config import DEFAULT_MODEL
from wirecoder.pipeline import BEFORE_SPACY, STAGES

ROOT = Path(__file__).resolve().parents[2]

TEXT = "Japan and South Korea agreed on Monday to resume talks about trade, officials in Tokyo said."
# The README's example (with the article date given), on a short article written for this test.
SCRIPT = f"""
import json, sys, spacy
nlp = spacy.load({DEFAULT_MODEL!r})
for stage in {[name for name, _ in STAGES]!r}:
    nlp.add_pipe(stage, first=stage in {sorted(BEFORE_SPACY)!r} or None)
doc = nlp.make_doc({TEXT!r})
doc._.dct = "2021-03-02"
doc = nlp(doc)
print(json.dumps({{"events": [[e.type, e.date, e.status] for e in doc._.events],
                  "actors": [a.name for a in doc._.actors], "pipes": nlp.pipe_names}}))
"""


def declared() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return project["project"]["entry-points"]["spacy_factories"]


def test_every_stage_has_an_entry_point():
    points = declared()
    assert sorted(points) == sorted(name for name, _ in STAGES)
    for name, module in STAGES:
        assert points[name].split(":")[0] == module, name


def test_entry_points_name_the_factories():
    import importlib

    for name, target in declared().items():
        module, attr = target.split(":")
        factory = getattr(importlib.import_module(module), attr)
        assert callable(factory), name


def _installed_points() -> set[str]:
    return {ep.name for ep in metadata.entry_points(group="spacy_factories") if ep.value.startswith("wirecoder.")}


def test_add_pipe_by_name_in_a_fresh_interpreter(run):
    if _installed_points() != set(declared()):
        pytest.skip("the installed wirecoder predates its spacy_factories entry points: run 'make install'")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300, cwd="/")
    assert proc.returncode == 0, proc.stderr[-2000:]
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert [p for p in found["pipes"] if p.startswith("wirecoder_")] == [name for name, _ in STAGES]
    assert all(found["pipes"].index(name) == 0 for name in BEFORE_SPACY), found["pipes"]
    # The same records as wirecoder's own pipeline gives.
    expected = run(TEXT, "2021-03-02")
    assert found["events"] == [[e.type, e.date, e.status] for e in expected.events] and found["events"], found
    assert found["actors"] == [a.name for a in expected.actors], found
    assert ["AGREE", "2021-03-01", "reported"] in found["events"]  # "on Monday" before 2 March 2021; "officials said"
