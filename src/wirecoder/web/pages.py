"""Server-rendered pages.  Thin: each view asks the pipeline or the store, then renders."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from wirecoder.model import Article
from wirecoder.web.annotate import article_view
from wirecoder.web.apidocs import api_reference
from wirecoder.web.corpus import open_corpus
from wirecoder.web.dashboard import MAX_MONTHS, axis_for, corpus_window, dashboard_chart, dyad_options, span_in_months
from wirecoder.web.errors import BadRequest, NotFound, WebError
from wirecoder.web.extraction import article_from_upload
from wirecoder.web.middleware import TOKEN_COOKIE, token_matches
from wirecoder.web.state import templates, web_config, web_extractor

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 50
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PERIOD = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def render(
    request: Request, name: str, status: int = 200, headers: dict[str, str] | None = None, **context: Any
) -> HTMLResponse:
    context.setdefault("auth", web_config(request).token is not None)
    return templates(request).TemplateResponse(request, name, context, status_code=status, headers=headers)


# --- annotate an article ------------------------------------------------------------------


@router.get("/", response_class=HTMLResponse)
def index(request: Request) -> HTMLResponse:
    return render(request, "index.html", form={}, view=None, error=None)


@router.post("/", response_class=HTMLResponse)
async def annotate(request: Request) -> HTMLResponse:
    config = web_config(request)
    # Starlette's default part limit (1 MB) is below the body limit; a pasted article may fill it.
    form = await request.form(max_files=1, max_fields=8, max_part_size=config.max_body)
    values = {key: value for key, value in form.items() if isinstance(value, str)}
    try:
        article = await _article_from_form(form, values)
        result = await web_extractor(request).extract(article)
    except WebError as exc:  # bad input, busy, refused or timed out: shown above the form
        return render(
            request, "index.html", status=exc.status, headers=exc.headers(), form=values, view=None, error=exc.message
        )
    view = article_view(article.text, result.to_json_dict())
    return render(request, "index.html", form=values, view=view, error=None)


async def _article_from_form(form: Any, values: dict[str, str]) -> Article:
    date = values.get("date", "").strip() or None
    title = values.get("title", "").strip() or None
    if date and not _DATE.match(date):
        raise BadRequest(f"the date must be YYYY-MM-DD, got '{date}'")
    upload = form.get("file")
    if isinstance(upload, UploadFile) and upload.filename:
        return article_from_upload(await upload.read(), upload.filename, date, title)
    # Browsers send a textarea's line breaks as CRLF; the article itself has plain newlines.
    text = values.get("text", "").replace("\r\n", "\n")
    if not text.strip():
        raise BadRequest("paste an article or choose a file first")
    return Article(text=text, date=date, title=title)


@router.get("/doc/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, doc_id: str) -> HTMLResponse:
    with open_corpus(web_config(request)) as store:
        found = store.document(doc_id)
    if found is None:
        raise NotFound(f"no document '{doc_id}' in the store")
    view = article_view(found["text"], found["result"])
    return render(request, "doc.html", view=view, doc=found["doc"])


# --- corpus ----------------------------------------------------------------------------------


@router.get("/corpus", response_class=HTMLResponse)
def corpus(request: Request, dyad: str | None = None, pair: str | None = None) -> HTMLResponse:
    # The picker sends "pair"; the free-text box sends "dyad" and wins when filled in.
    dyad = (dyad or "").strip() or (pair or "").strip() or None
    with open_corpus(web_config(request)) as store:
        stats = store.stats()
        since, until = corpus_window(stats)
        by = (
            "year"
            if since and until and span_in_months([{"period": since}, {"period": until}]) > MAX_MONTHS
            else "month"
        )
        overall = store.timeline(by=by, since=since, until=until)
        dated = sum(r["count"] for r in store.timeline(by="year"))
        dyads = store.top_dyads(limit=10)
        speakers = store.top_speakers(limit=10)
        options = dyad_options(store.top_dyads(limit=50))
        dyad_rows = store.timeline(dyad=dyad, by=by, since=since, until=until) if dyad else None
    known = {o.value: o.label for o in options}
    return render(
        request,
        "corpus.html",
        stats=stats,
        by=by,
        dyads=dyads,
        speakers=speakers,
        options=options,
        chart=dashboard_chart(overall, f"Events per {by} by PLOVER quad class", by, axis_for(since, until, by)),
        outside=dated - sum(r["count"] for r in overall),
        dyad=dyad,
        dyad_known=dyad in known,
        db=web_config(request).db,
        dyad_label=known.get(dyad or "", dyad),
        dyad_chart=(
            dashboard_chart(dyad_rows, f"Events per {by} for {dyad}", by, axis_for(since, until, by))
            if dyad_rows is not None
            else None
        ),
    )


def _clean_filters(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    """Non-empty filter values from the query string; bad dates are dropped with a note."""
    filters = {}
    for name in names:
        value = (request.query_params.get(name) or "").strip()
        if value and (name not in ("since", "until") or _PERIOD.match(value)):
            filters[name] = value
    return filters


def _page_number(request: Request) -> int:
    raw = request.query_params.get("page", "1")
    return max(1, int(raw)) if raw.isdigit() else 1


def _pager(request: Request, filters: dict[str, str], page: int, rows: int) -> dict[str, str | None]:
    def link(number: int) -> str:
        return f"{request.url.path}?{urlencode({**filters, 'page': number})}"

    return {
        "previous": link(page - 1) if page > 1 else None,
        "next": link(page + 1) if rows == PAGE_SIZE else None,
        "page": str(page),
    }


@router.get("/events", response_class=HTMLResponse)
def events(request: Request) -> HTMLResponse:
    filters = _clean_filters(request, ("actor", "dyad", "type", "status", "since", "until"))
    page = _page_number(request)
    query = {**filters, "type": filters["type"].upper()} if "type" in filters else filters
    with open_corpus(web_config(request)) as store:
        rows = store.events(**query, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "events.html", rows=rows, filters=filters, pager=_pager(request, filters, page, len(rows)))


@router.get("/quotes", response_class=HTMLResponse)
def quotes(request: Request) -> HTMLResponse:
    filters = _clean_filters(request, ("speaker", "actor_country", "since", "until"))
    page = _page_number(request)
    with open_corpus(web_config(request)) as store:
        rows = store.quotes(**filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "quotes.html", rows=rows, filters=filters, pager=_pager(request, filters, page, len(rows)))


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request) -> HTMLResponse:
    filters = _clean_filters(request, ("country", "sector"))
    page = _page_number(request)
    with open_corpus(web_config(request)) as store:
        rows = store.actors(**filters, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    return render(request, "actors.html", rows=rows, filters=filters, pager=_pager(request, filters, page, len(rows)))


@router.get("/actors/{actor_key:path}", response_class=HTMLResponse)
def actor(request: Request, actor_key: str) -> HTMLResponse:
    with open_corpus(web_config(request)) as store:
        found = store.actor(actor_key)
        if found is None:
            raise NotFound(f"no actor '{actor_key}' in the store")
        events = store.events(actor=actor_key, limit=PAGE_SIZE)
        said = store.quotes(speaker=actor_key, limit=PAGE_SIZE)
    return render(request, "actor.html", actor=found, events=events, quotes=said, page_size=PAGE_SIZE)


# --- API reference and login -------------------------------------------------------------------


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    return render(request, "apidocs.html", reference=api_reference(request.app.openapi()))


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/") -> HTMLResponse:
    return render(request, "login.html", next=_local_path(next), error=None)


@router.post("/login", response_model=None)
async def login(request: Request) -> Response:
    form = await request.form(max_files=0, max_fields=4)
    token = str(form.get("token", ""))
    target = _local_path(str(form.get("next", "/")))
    config = web_config(request)
    if config.token is None or not token_matches(token, config.token):
        return render(request, "login.html", status=401, next=target, error="wrong token")
    response = RedirectResponse(target, status_code=303)
    response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", secure=request.url.scheme == "https")
    return response


def _local_path(target: str) -> str:
    """Only same-site paths: a login form must not redirect to another site."""
    return target if target.startswith("/") and not target.startswith("//") and "\\" not in target else "/"
