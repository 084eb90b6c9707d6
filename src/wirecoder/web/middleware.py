"""ASGI middleware: request body limit and bearer-token auth.

Both are plain ASGI so they see every request (pages, API, uploads) before any parsing.
"""

from __future__ import annotations

import hmac
from urllib.parse import quote

from starlette.requests import HTTPConnection
from starlette.responses import JSONResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wirecoder.web.errors import BodyTooLarge

#: Cookie the login page sets so a browser can carry the token on page loads.
TOKEN_COOKIE = "wirecoder_token"
#: Paths reachable without the token: the login form, its stylesheet, and a liveness probe.
PUBLIC_PREFIXES = ("/static/", "/login", "/api/health")


class BodyLimitMiddleware:
    """Refuse bodies over ``limit`` bytes with 413: at once when Content-Length says so, else
    as soon as the streamed bytes pass the limit (a client may send no length, or lie)."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.limit:
            await _too_large(self.limit)(scope, receive, send)
            return
        received = 0
        started = False

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise BodyTooLarge(self.limit)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except BodyTooLarge:
            # Reached only when a handler read the body outside FastAPI's own parsing.
            if not started:
                await _too_large(self.limit)(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    for key, value in scope.get("headers", []):
        if key == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _too_large(limit: int) -> JSONResponse:
    return JSONResponse({"detail": BodyTooLarge(limit).detail}, status_code=413, headers={"Connection": "close"})


def token_matches(given: str | None, token: str) -> bool:
    # Constant-time comparison, so response timing does not leak the token.
    return given is not None and hmac.compare_digest(given.encode(), token.encode())


def presented_token(conn: HTTPConnection) -> str | None:
    """The token from ``Authorization: Bearer ...`` or, for browsers, the login cookie."""
    header = conn.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return conn.cookies.get(TOKEN_COOKIE)


def wants_json(path: str) -> bool:
    return path.startswith("/api/") or path == "/openapi.json"


class TokenAuthMiddleware:
    """Every request but the public ones must present the token; API calls get 401, page
    loads are sent to the login form."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(PUBLIC_PREFIXES):
            await self.app(scope, receive, send)
            return
        conn = HTTPConnection(scope)
        if token_matches(presented_token(conn), self.token):
            await self.app(scope, receive, send)
            return
        if wants_json(scope["path"]) or scope["method"] not in ("GET", "HEAD"):
            response = JSONResponse(
                {"detail": "authentication required: send 'Authorization: Bearer <token>'"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        else:
            target = scope["path"] + (f"?{scope['query_string'].decode('latin-1')}" if scope["query_string"] else "")
            response = RedirectResponse(f"/login?next={quote(target, safe='')}", status_code=303)
        await response(scope, receive, send)


#: Everything comes from this server: a stray CDN reference would be blocked, and injected markup
#: could not run scripts.  (No inline scripts or styles are used anywhere.)
SECURITY_HEADERS = [
    (
        b"content-security-policy",
        b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
        b"form-action 'self'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
]


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, with_headers)
