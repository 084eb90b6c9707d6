"""What the commands share: consoles, exit codes and one-line error reporting."""

from __future__ import annotations

import logging
import sys
from enum import IntEnum

from rich.console import Console

from wirecoder import logs

#: Results on stdout; messages, warnings and progress on stderr.
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


class Exit(IntEnum):
    """Exit codes, documented in the README."""

    OK = 0
    SOME_FAILED = 1  # the batch ran, but at least one document failed (see stderr)
    BAD_INPUT = 2  # bad usage or unreadable input: nothing was processed
    INTERNAL = 3  # a bug: please report it
    INTERRUPTED = 130


_log = logging.getLogger("wirecoder.cli")


def warn(message: str) -> None:
    if logs.json_mode:
        _log.warning(message)
        return
    err.print(f"[yellow]warning:[/] {message}", markup=True, highlight=False, emoji=False)


def error_line(message: str) -> None:
    """Print one line to stderr; the message is escaped so brackets in it are kept."""
    from rich.markup import escape

    first = str(message).strip().splitlines()[0] if str(message).strip() else "unknown error"
    if logs.json_mode:
        _log.error(first)
        return
    # emoji=False: "file.csv:100:" must not turn into "file.csv💯".
    err.print(f"[red]error:[/] {escape(first)}", markup=True, highlight=False, emoji=False)


def stderr_is_terminal() -> bool:
    return sys.stderr.isatty()
