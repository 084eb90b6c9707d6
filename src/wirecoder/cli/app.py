"""The Typer application object that every command module registers on."""

from typing import Annotated

import typer

from wirecoder import logs

app = typer.Typer(
    name="wirecoder",
    help="News articles to coded events, quotations, actors and normalised dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@app.callback()
def main_options(
    log_json: Annotated[bool, typer.Option("--log-json", help="Log as JSON lines on stderr.")] = False,
    log_level: Annotated[str, typer.Option("--log-level", help="debug, info, warning or error.")] = "warning",
) -> None:
    """News articles to coded events, quotations, actors and normalised dates."""
    logs.configure(json_lines=log_json, level=log_level)
