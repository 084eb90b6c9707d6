"""``wirecoder eval articles`` end to end, on an article and gold written here (texts in a temp "shared")."""

from __future__ import annotations

import csv
import json

from typer.testing import CliRunner

from tests.eval.test_articles import TEXT, gold_object
from wirecoder.cli import app, main
from wirecoder.eval.articles import SUMMARY_KEYS


def write_shared(root) -> None:
    folder = root / "datasets" / "corpora"
    folder.mkdir(parents=True)
    with (folder / "none.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["url", "date", "title", "text"])
        writer.writerow(["x", "2001-02-06", "t", TEXT])


def test_cli_runs_the_pipeline_and_prints_one_json_line(tmp_path, monkeypatch):
    write_shared(tmp_path / "shared")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "synthetic-1.json").write_text(json.dumps(gold_object()), encoding="utf-8")
    monkeypatch.setenv("WIRECODER_SHARED", str(tmp_path / "shared"))
    result = CliRunner().invoke(app, ["eval", "articles", "--gold", str(gold), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert list(summary)[: len(SUMMARY_KEYS)] == SUMMARY_KEYS
    assert summary["docs"] == 1 and summary["key_events"] == 3
    assert summary["actor_found"] is not None


def test_missing_texts_are_a_one_line_error(tmp_path, monkeypatch, capsys):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(gold_object()), encoding="utf-8")
    monkeypatch.setenv("WIRECODER_SHARED", str(tmp_path / "nowhere"))
    assert main(["eval", "articles", "--gold", str(gold)]) == 2
    err = capsys.readouterr().err.strip()
    assert "not here" in err and len(err.splitlines()) == 1
