"""The JSON API under ``/api``.  Thin: extraction is the pipeline, queries are the store."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from wirecoder import __version__
from wirecoder.model import Article, ArticleResult
from wirecoder.web.corpus import open_corpus
from wirecoder.web.errors import NotFound
from wirecoder.web.extraction import article_from_upload
from wirecoder.web.state import web_config, web_extractor

#: Errors any API route may answer with, documented once for the OpenAPI spec (schemathesis
#: checks that every status code the app sends is documented).
COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "Bad request: unreadable body, file or filter value (one-line detail)"},
    401: {"description": "Missing or wrong bearer token (when the server runs with --token)"},
    404: {"description": "No such actor or document in the store"},
    413: {"description": "Body too large"},
    422: {"description": "Bad body or parameters, or the article was refused (one-line detail)"},
    503: {"description": "Busy (extraction queue full, or the store is locked by an ingest): see Retry-After"},
    504: {"description": "The extraction took longer than the server's timeout"},
}

router = APIRouter(prefix="/api", responses=COMMON_ERRORS)

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
#: since/until accept a year, a month or a day (2018, 2018-05, 2018-05-31).
PERIOD_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
MAX_PAGE = 1000


class ExtractRequest(BaseModel):
    """One article to extract from."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article body.")
    date: str | None = Field(default=None, pattern=DATE_PATTERN, description="Document date, YYYY-MM-DD.")
    title: str | None = None
    id: str | None = Field(default=None, description="Article id; defaults to a content hash.")
    url: str | None = None
    source: str | None = None


class Page(BaseModel):
    """One page of rows; ask for the next with ``offset=next_offset`` (null on the last page)."""

    items: list[dict[str, Any]]
    limit: int
    offset: int
    next_offset: int | None


Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Rows per page (1-{MAX_PAGE}).")]
#: Offsets are bounded so they fit DuckDB's BIGINT (a larger one was a 500, found by schemathesis).
MAX_OFFSET = 2**62
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Since = Annotated[
    str | None, Query(pattern=PERIOD_PATTERN, description="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
]
Until = Annotated[str | None, Query(pattern=PERIOD_PATTERN, description="Up to this date, inclusive.")]
ActorKey = Annotated[str | None, Query(description="Actor: its key, or a country code such as USA.")]
Dyad = Annotated[
    str | None, Query(description="Two actors as 'A,B' or 'A-B' (e.g. USA,PRK): events between them, either direction.")
]

EventType = Annotated[str | None, Query(description="PLOVER event type, e.g. CONSULT.")]
Status = Annotated[str | None, Query(description="asserted, negated, hypothetical, planned or reported.")]
Dedup = Annotated[bool, Query(description="Merge reports of the same event from several articles.")]
DedupDays = Annotated[
    int, Query(ge=0, le=366, description="With dedup: also merge reports whose dates differ by up to this many days.")
]


def page(items: list[dict[str, Any]], limit: int, offset: int) -> Page:
    return Page(items=items, limit=limit, offset=offset, next_offset=offset + limit if len(items) == limit else None)


@router.get("/health", summary="Liveness: the server answers (no auth needed)")
def health(request: Request) -> dict[str, Any]:
    config = web_config(request)
    return {"status": "ok", "version": __version__, "store": str(config.db) if config.db else None}


@router.post(
    "/extract",
    summary="Extract actors, time expressions, quotes and events from one article",
    responses={200: {"model": ArticleResult, "description": "The output contract (schema wirecoder/1)."}},
)
async def extract(
    body: ExtractRequest,
    request: Request,
    include_text: Annotated[bool, Query(description="Add the input text as doc.text.")] = False,
) -> JSONResponse:
    article = Article(**body.model_dump())
    result = await web_extractor(request).extract(article, include_text=include_text)
    return JSONResponse(result.to_json_dict())


@router.post(
    "/extract/upload",
    summary="Extract from an uploaded file (.txt or .html)",
    responses={200: {"model": ArticleResult, "description": "The output contract (schema wirecoder/1)."}},
)
async def extract_upload(
    request: Request,
    file: Annotated[UploadFile, File(description="A plain-text or HTML article.")],
    date: Annotated[str | None, Form(pattern=DATE_PATTERN, description="Document date, YYYY-MM-DD.")] = None,
    title: Annotated[str | None, Form()] = None,
) -> JSONResponse:
    data = await file.read()
    article = article_from_upload(data, file.filename, date, title)
    result = await web_extractor(request).extract(article)
    return JSONResponse(result.to_json_dict())


# The corpus endpoints are plain functions: FastAPI runs them on its thread pool, so a slow
# DuckDB query (or a wait for the ingest's lock) never blocks the event loop.


@router.get("/stats", summary="Counts of documents, events, quotes, actors and failures in the store")
def stats(request: Request) -> dict[str, Any]:
    with open_corpus(web_config(request)) as store:
        return store.stats()


@router.get("/events", summary="Coded events, oldest first, with filters", response_model=Page)
def events(
    request: Request,
    limit: Limit = 100,
    offset: Offset = 0,
    actor: ActorKey = None,
    dyad: Dyad = None,
    type: EventType = None,
    status: Status = None,
    since: Since = None,
    until: Until = None,
    dedup: Dedup = False,
    dedup_days: DedupDays = 0,
) -> Page:
    with open_corpus(web_config(request)) as store:
        rows = store.events(
            actor=actor,
            dyad=dyad,
            type=type.upper() if type else None,
            status=status,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
            dedup=dedup,
            dedup_days=dedup_days,
        )
    return page(rows, limit, offset)


@router.get("/quotes", summary="Quotations with their speakers, with filters", response_model=Page)
def quotes(
    request: Request,
    limit: Limit = 100,
    offset: Offset = 0,
    speaker: Annotated[str | None, Query(description="Speaker: actor key or name.")] = None,
    actor_country: Annotated[str | None, Query(description="Speaker's country code, e.g. USA.")] = None,
    since: Since = None,
    until: Until = None,
) -> Page:
    with open_corpus(web_config(request)) as store:
        rows = store.quotes(
            speaker=speaker, actor_country=actor_country, since=since, until=until, limit=limit, offset=offset
        )
    return page(rows, limit, offset)


@router.get("/actors", summary="Actors across the corpus, most mentioned first", response_model=Page)
def actors(
    request: Request,
    limit: Limit = 100,
    offset: Offset = 0,
    country: Annotated[str | None, Query(description="Country code, e.g. PRK.")] = None,
    sector: Annotated[str | None, Query(description="PLOVER sector code, e.g. GOV.")] = None,
) -> Page:
    with open_corpus(web_config(request)) as store:
        rows = store.actors(limit=limit, offset=offset, country=country, sector=sector)
    return page(rows, limit, offset)


@router.get("/actors/{actor_key:path}", summary="One actor, by key")
def actor(request: Request, actor_key: str) -> dict[str, Any]:
    with open_corpus(web_config(request)) as store:
        found = store.actor(actor_key)
    if found is None:
        raise NotFound(f"no actor '{actor_key}' in the store")
    return found


@router.get("/timeline", summary="Event counts per period (and PLOVER type), for an actor or a dyad")
def timeline(
    request: Request,
    actor: ActorKey = None,
    dyad: Dyad = None,
    by: Annotated[Literal["day", "week", "month", "year"], Query(description="Period length.")] = "month",
    dedup: Dedup = False,
    dedup_days: DedupDays = 0,
    type: EventType = None,
    status: Status = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    with open_corpus(web_config(request)) as store:
        rows = store.timeline(
            actor=actor,
            dyad=dyad,
            by=by,
            dedup=dedup,
            dedup_days=dedup_days,
            type=type.upper() if type else None,
            status=status,
            since=since,
            until=until,
        )
    return {"by": by, "items": rows}


@router.get("/documents/{doc_id:path}", summary="One stored document: its text and its contract JSON")
def document(request: Request, doc_id: str) -> dict[str, Any]:
    with open_corpus(web_config(request)) as store:
        found = store.document(doc_id)
    if found is None:
        raise NotFound(f"no document '{doc_id}' in the store")
    return found
