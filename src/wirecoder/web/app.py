"""Build the FastAPI application: API, pages, local static files, limits and auth."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from wirecoder import __version__
from wirecoder.web import api, pages
from wirecoder.web.config import WebConfig
from wirecoder.web.errors import WebError
from wirecoder.web.extraction import Extractor
from wirecoder.web.helpers import template_globals
from wirecoder.web.middleware import BodyLimitMiddleware, SecurityHeadersMiddleware, TokenAuthMiddleware, wants_json

_HERE = Path(str(files("wirecoder.web")))
log = logging.getLogger("wirecoder.web")

DESCRIPTION = """\
Extract actors, time expressions, quotations and PLOVER events from news articles, and query a
corpus store written by `wirecoder ingest`.  Send `Authorization: Bearer <token>` when the
server was started with `--token`.  The machine-readable description is at `/openapi.json`.
"""


def create_app(config: WebConfig | None = None) -> FastAPI:
    config = config or WebConfig()
    extractor = Extractor(config.settings, config.max_concurrent, config.timeout, threads=config.extract_threads)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if config.preload:
            # Load the model before the first request instead of during it.
            await asyncio.get_running_loop().run_in_executor(None, extractor.warm_up)
        yield
        extractor.close()

    # docs_url/redoc_url off: FastAPI's versions load their assets from a CDN.  /docs is ours.
    app = FastAPI(
        title="wirecoder",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.config = config
    app.state.extractor = extractor
    app.state.templates = _templates()
    app.mount("/static", StaticFiles(directory=_HERE / "static"), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    # Added last = runs first: auth before the body is even read, then the size limit.
    app.add_middleware(BodyLimitMiddleware, limit=config.max_body)
    if config.token:
        app.add_middleware(TokenAuthMiddleware, token=config.token)
    app.add_middleware(SecurityHeadersMiddleware)
    return app


def _templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=_HERE / "templates")
    templates.env.globals["version"] = __version__
    templates.env.globals.update(template_globals())
    return templates


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(WebError)
    async def web_error(request: Request, exc: WebError) -> Response:
        if wants_json(request.url.path):
            return JSONResponse({"detail": exc.message}, status_code=exc.status, headers=exc.headers())
        return pages.render(
            request, "error.html", status=exc.status, headers=exc.headers(), message=exc.message, code=exc.status
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        # Unknown page paths get the HTML error page; API clients keep JSON.
        if wants_json(request.url.path) or exc.status_code == 413:
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        message = "no such page" if exc.status_code == 404 else str(exc.detail)
        return pages.render(
            request, "error.html", status=exc.status_code, headers=exc.headers, message=message, code=exc.status_code
        )

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        # A bug: log the traceback for the operator, give the client one line.
        log.exception("internal error on %s %s", request.method, request.url.path)
        message = f"internal error: {type(exc).__name__}: {first_line(exc)}"
        if wants_json(request.url.path):
            return JSONResponse({"detail": message}, status_code=500)
        return pages.render(request, "error.html", status=500, message=message, code=500)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        errors = exc.errors()
        # A body that is not a JSON object at all is a 400; an object with wrong fields is a 422.
        status = 400 if any(_whole_body_wrong(e) for e in errors) else 422
        return JSONResponse({"detail": describe_validation(errors), "errors": _plain(errors)}, status_code=status)


def first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else "no message"


def _whole_body_wrong(error: dict) -> bool:
    return error.get("type") == "json_invalid" or tuple(error.get("loc", ())) == ("body",)


def describe_validation(errors: list[dict]) -> str:
    """One line naming what is wrong: ``body.text: Field required; query.limit: ...``."""
    parts = []
    for error in errors[:5]:
        where = ".".join(str(p) for p in error.get("loc", ()))
        if error.get("type") == "json_invalid":
            return "the request body is not valid JSON"
        if where == "body":
            return "the request body must be a JSON object (send Content-Type: application/json)"
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _plain(errors: list[dict]) -> list[dict]:
    # Pydantic's error dicts may hold exception objects in "ctx"; keep what JSON can carry.
    return [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in errors]
