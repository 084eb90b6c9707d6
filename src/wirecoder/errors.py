"""Exceptions that carry a one-line message meant for the user."""


class WirecoderError(Exception):
    """An error the user can act on; the CLI prints its message on one line, no traceback."""

    exit_code = 2


class InputError(WirecoderError):
    """Input that cannot be read: a missing file, a binary file, a bad JSON line."""


class LimitExceeded(WirecoderError):
    """A document over a configured limit (size, tokens, time)."""


class ModelError(WirecoderError):
    """The spaCy model package is missing or damaged."""
