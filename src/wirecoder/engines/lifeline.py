"""Worker processes end when the process that started them (the driver) dies, even by ``kill -9``.

Why this is needed: a local pool's workers are forked from multiprocessing's fork server, not
from the driver, and each inherits the write end of the pipes it reads from, so a worker waiting
for its next batch never sees an end of file when the driver is gone.  The fork server in turn
waits until every worker has exited (the workers hold its "alive" pipe).  Left alone, a killed
driver leaves the fork server and every worker running forever.

Why not ``prctl(PR_SET_PDEATHSIG)``: it fires on the death of the *parent*, and a worker's
parent is the fork server, which outlives the driver.  Setting it on the fork server would
not help either: it fires when the driver *thread* that started the server ends, and a
long-lived driver (the web app) may start its first pool from a short-lived thread.

So each worker runs a watchdog thread that checks, once a second, that the driver is still
the same living process (its pid and its start time, so a recycled pid does not count).  When
it is not, the worker exits at once; when the last worker is gone the fork server and
multiprocessing's resource tracker see their pipes close and exit too.

A private local Ray is another case: Ray's own reaper ends its servers and workers when the
driver dies, but two of its agents (the dashboard and runtime-environment agents) block on the
dead control server and stay.  :func:`start_reaper` starts a small watcher process (this file
run as a script, standard library only) that remembers the driver's Ray processes and ends
whatever of them is still running a few seconds after the driver is gone.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

#: Seconds between two checks of the driver; a worker outlives its driver by at most about this.
CHECK_SECONDS = 1.0

#: Exit code of a worker whose driver died (it is never reported: nobody is left to read it).
ORPHANED_EXIT_CODE = 70

#: A process is identified by its pid and its start time (clock ticks since boot), when known.
Identity = tuple[int, str | None]


def _start_time(pid: int) -> str | None:
    """The process's start time from /proc (None where there is no /proc, or it is gone)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # Fields after the command name (which may hold spaces and parentheses) start at the state.
    return stat.rsplit(")", 1)[1].split()[19]


def _state(pid: int) -> str | None:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return None


def identity(pid: int | None = None) -> Identity:
    """This process (or ``pid``), as the workers will recognise it."""
    pid = os.getpid() if pid is None else pid
    return pid, _start_time(pid)


def is_alive(driver: Identity) -> bool:
    """Whether the process is still running: not gone, not a zombie, not a new one on the same pid."""
    pid, started = driver
    if started is None:  # no /proc: existence is all there is to check
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
    if _start_time(pid) != started:
        return False
    return _state(pid) not in (None, "Z", "X")  # a killed driver stays a zombie until reaped


def watch(driver: Identity, interval: float = CHECK_SECONDS) -> threading.Thread:
    """Start a daemon thread that ends this process as soon as ``driver`` is no longer alive."""

    def check() -> None:
        while is_alive(driver):
            time.sleep(interval)
        os._exit(ORPHANED_EXIT_CODE)  # no cleanup: there is nobody to hand results to

    thread = threading.Thread(target=check, name="wirecoder-lifeline", daemon=True)
    thread.start()
    return thread


def descendants(root: int) -> dict[int, Identity]:
    """Every process below ``root`` (children, their children...), read from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue  # ended between listing and reading
    found: set[int] = set()
    frontier = {root}
    while frontier:
        frontier = {pid for pid, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return {pid: identity(pid) for pid in found}


def _command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def reap_after(driver: Identity, marker: str, interval: float = CHECK_SECONDS, grace: float = 3.0) -> int:
    """Wait for ``driver`` to die, then end its former descendants whose command line holds
    ``marker`` and that are still running ``grace`` seconds later; return how many were ended."""
    me = os.getpid()
    known: dict[int, Identity] = {}
    while is_alive(driver):
        for pid, ident in descendants(driver[0]).items():
            if pid != me and marker.encode() in _command_line(pid):
                known[pid] = ident
        time.sleep(interval)
    time.sleep(grace)  # the owner's own clean-up goes first
    left = [ident for ident in known.values() if is_alive(ident)]
    for sig, wait in ((signal.SIGTERM, 1.0), (signal.SIGKILL, 0.0)):
        for pid, _ in (ident for ident in left if is_alive(ident)):
            with contextlib.suppress(OSError):  # ended in between
                os.kill(pid, sig)
        time.sleep(wait)
    return len(left)


def start_reaper(marker: str) -> subprocess.Popen | None:
    """Start the watcher process for this driver (Linux only: it needs /proc)."""
    pid, started = identity()
    if started is None:
        return None
    return subprocess.Popen(
        [sys.executable, "-S", __file__, str(pid), started, marker],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # a Ctrl-C meant for the driver must not end the watcher first
    )


if __name__ == "__main__":
    reap_after((int(sys.argv[1]), sys.argv[2]), sys.argv[3])
