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


def test_a_blind_test_set_is_scored_only_as_a_whole(tmp_path, monkeypatch, capsys):
    write_shared(tmp_path / "shared")
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "synthetic-1.json").write_text(json.dumps(gold_object()), encoding="utf-8")
    (gold / "BLIND").write_text("blind test set\n", encoding="utf-8")
    monkeypatch.setenv("WIRECODER_SHARED", str(tmp_path / "shared"))
    refused = [
        ["--split", "dev", "--errors", "5"],
        ["--split", "setaside"],
        ["--save", str(tmp_path / "predictions.jsonl")],
    ]
    for options in refused:
        assert main(["eval", "articles", "--gold", str(gold), *options]) == 2
        message = capsys.readouterr().err.strip()
        assert "blind test set" in message and len(message.splitlines()) == 1
    assert not (tmp_path / "predictions.jsonl").exists()
    assert main(["eval", "articles", "--gold", str(gold), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["docs"] == 1


def test_the_repo_test_gold_is_marked_blind():
    from pathlib import Path

    from wirecoder.cli.eval import BLIND_MARKER

    test_gold = Path(__file__).resolve().parents[2] / "eval" / "gold" / "wikinews-2020-test"
    assert (test_gold / BLIND_MARKER).is_file()
