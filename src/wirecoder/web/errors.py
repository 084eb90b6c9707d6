"""Errors a request can run into, each with the HTTP status and one line for the user.

API routes answer them as ``{"detail": message}``; pages show them in the error template.
"""

from __future__ import annotations

from fastapi import HTTPException


class WebError(Exception):
    status = 500

    def __init__(self, message: str, retry_after: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after else {}


class BadRequest(WebError):
    status = 400


class NotFound(WebError):
    status = 404


class ExtractFailed(WebError):
    """The pipeline refused or failed on the article (empty, too long, over its time budget)."""

    status = 422


class Busy(WebError):
    """Every extraction slot is taken: come back shortly (503 + Retry-After)."""

    status = 503


class StoreBusy(WebError):
    """The store stayed locked (an ingest is writing) for longer than the retry window."""

    status = 503


class ExtractTimeout(WebError):
    status = 504


class BodyTooLarge(HTTPException):
    """Raised while the body streams in, so it is an HTTPException: FastAPI's body parsing
    re-raises those untouched (any other error there would become a generic 400)."""

    def __init__(self, limit: int) -> None:
        super().__init__(status_code=413, detail=f"request body over the limit of {limit:,} bytes")
