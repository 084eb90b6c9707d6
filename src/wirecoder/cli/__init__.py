"""The ``wirecoder`` command line.  Each module registers its commands on :data:`app`."""

from __future__ import annotations

import os
import sys

import click
import typer

# Importing a command module registers its commands on the app.
from wirecoder.cli import charts as _charts  # noqa: F401
from wirecoder.cli import doctor as _doctor  # noqa: F401
from wirecoder.cli import eval as _eval  # noqa: F401
from wirecoder.cli import extract as _extract  # noqa: F401
from wirecoder.cli import ingest as _ingest  # noqa: F401
from wirecoder.cli import serve as _serve  # noqa: F401
from wirecoder.cli import store as _store  # noqa: F401
from wirecoder.cli.app import app
from wirecoder.cli.common import Exit, error_line
from wirecoder.errors import WirecoderError

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Entry point: every error becomes one line on stderr and an exit code, never a traceback
    (set WIRECODER_DEBUG=1 to see tracebacks)."""
    command = typer.main.get_command(app)
    try:
        # Without standalone mode, click returns the code of a typer.Exit instead of raising.
        returned = command.main(args=argv, prog_name="wirecoder", standalone_mode=False)
        return returned if isinstance(returned, int) else Exit.OK
    except click.exceptions.Exit as exc:
        return exc.exit_code
    # typer checks option values (min=0) itself and raises its own BadParameter, not click's.
    except (click.ClickException, typer.BadParameter) as exc:
        exc.show()
        return Exit.BAD_INPUT
    except (click.exceptions.Abort, KeyboardInterrupt):
        error_line("interrupted")
        return Exit.INTERRUPTED
    except WirecoderError as exc:
        error_line(str(exc))
        return exc.exit_code
    except BrokenPipeError:
        return Exit.OK  # output piped into `head`: not an error
    except Exception as exc:
        if os.environ.get("WIRECODER_DEBUG"):
            raise
        error_line(f"internal error: {type(exc).__name__}: {exc} (set WIRECODER_DEBUG=1 for a traceback)")
        return Exit.INTERNAL


def run() -> None:
    sys.exit(main())
