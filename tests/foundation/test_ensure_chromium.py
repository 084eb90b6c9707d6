"""``make test`` on a fresh machine: tools/ensure_chromium.sh installs Debian's chromium when it
can (root + apt-get), and otherwise says in one line why the browser tests will skip.

The script runs with stub ``apt-get`` and ``id`` commands on PATH, so nothing is installed."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tools" / "ensure_chromium.sh"


def stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(0o755)


def run(tmp_path: Path, uid: int, apt: str | None) -> tuple[subprocess.CompletedProcess, Path]:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(exist_ok=True)
    browser = tmp_path / "chromium"
    stub(bin_dir, "id", f"echo {uid}")
    if apt is not None:
        stub(bin_dir, "apt-get", apt.replace("{browser}", str(browser)).replace("{log}", str(tmp_path / "apt.log")))
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "WIRECODER_CHROMIUM": str(browser)}
    proc = subprocess.run(["bash", str(SCRIPT)], capture_output=True, text=True, env=env, timeout=30)
    return proc, browser


def test_present_chromium_is_silent(tmp_path):
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    proc = subprocess.run(
        ["bash", str(SCRIPT)], capture_output=True, text=True, env={**os.environ, "WIRECODER_CHROMIUM": str(browser)}
    )
    assert proc.returncode == 0 and proc.stderr == ""


def test_root_installs_it_with_apt(tmp_path):
    apt = 'echo "$@" >> {log}\n[ "$1" = install ] && printf "#!/bin/sh\\n" > {browser} && chmod +x {browser}\nexit 0'
    proc, browser = run(tmp_path, 0, apt)
    assert proc.returncode == 0 and os.access(browser, os.X_OK)
    calls = (tmp_path / "apt.log").read_text().splitlines()
    assert calls == ["update -qq", "install -y -qq chromium"]
    assert proc.stderr.count("\n") == 1 and "installing Debian's chromium" in proc.stderr


def test_failed_install_says_so_in_one_more_line(tmp_path):
    proc, _ = run(tmp_path, 0, "exit 100")
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 0 and len(lines) == 2 and "sudo apt-get install chromium" in lines[1]


@pytest.mark.parametrize("apt", [None, "exit 0"])
def test_without_root_one_line_names_the_command(tmp_path, apt):
    proc, _ = run(tmp_path, 1000, apt)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 0 and len(lines) == 1
    assert "browser tests will skip" in lines[0] and "sudo apt-get install chromium" in lines[0]
    assert not (tmp_path / "apt.log").exists()


def test_make_test_runs_it_before_pytest():
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("\ntest: ")[1].split("\n\n")[0]
    assert recipe.index("tools/ensure_chromium.sh") < recipe.index("pytest")
