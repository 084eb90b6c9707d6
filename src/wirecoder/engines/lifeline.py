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
"""

from __future__ import annotations

import os
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
