"""The Typer application object that every command module registers on."""

import typer

app = typer.Typer(
    name="wirecoder",
    help="News articles to coded events, quotations, actors and normalised dates.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)
