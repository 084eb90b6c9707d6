"""Server-rendered pages, through TestClient (the browser tests drive the same pages in Chromium)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import wirecoder.web
from wirecoder.model import Article, ArticleResult, DocInfo

WEB = Path(wirecoder.web.__file__).parent

ARTICLE = 'Officials from Chile & Peru met in Lima on Thursday. "<We> will talk," said Ana Soto.'


def test_start_page_has_the_form(client):
    page = client.get("/")
    assert page.status_code == 200
    assert '<form method="post" action="/" enctype="multipart/form-data"' in page.text
    assert 'name="text"' in page.text and 'name="file"' in page.text and 'type="date"' in page.text


def test_pasted_article_is_annotated(client):
    page = client.post("/", data={"text": ARTICLE, "date": "2024-05-16"})
    assert page.status_code == 200, page.text
    assert 'id="article-text"' in page.text
    assert "Chile &amp; Peru" in page.text and "&lt;We&gt;" in page.text  # escaped, never raw
    assert "<We>" not in page.text
    assert "ann-actor" in page.text  # the actors stage marks at least the named countries/people
    assert "2024-05-16" in page.text


def test_uploaded_file_is_annotated(client):
    page = client.post("/", data={"text": ""}, files={"file": ("../../x.txt", ARTICLE.encode(), "text/plain")})
    assert page.status_code == 200
    assert 'id="article-text"' in page.text


def test_form_errors_are_shown_above_the_form(client):
    empty = client.post("/", data={"text": "  "})
    assert empty.status_code == 400 and "paste an article" in empty.text
    bad_date = client.post("/", data={"text": ARTICLE, "date": "yesterday"})
    assert bad_date.status_code == 400 and "YYYY-MM-DD" in bad_date.text
    assert ARTICLE.replace("&", "&amp;").replace('"', "&#34;").split(" met")[0] in bad_date.text  # text kept


def test_a_pasted_article_up_to_the_body_limit_is_accepted(make_client):
    client = make_client(max_body=3_000_000)
    seen: list[int] = []

    def count_only(article: Article) -> ArticleResult:
        seen.append(len(article.text))
        return ArticleResult(doc=DocInfo(id="x", chars=len(article.text)))

    client.app.state.extractor.runner = count_only
    long_text = (ARTICLE + "\n") * 14_000  # about 1.2 MB: over Starlette's default 1 MB form-part limit
    page = client.post("/", data={"text": long_text})
    assert page.status_code == 200, page.text[:300]
    assert seen == [len(long_text)]


def test_document_page_renders_a_stored_article(corpus_client):
    page = corpus_client.get("/doc/coded-2")
    assert page.status_code == 200
    assert 'id="ev-e1"' in page.text and 'id="ev-e2"' in page.text
    assert 'href="#ev-e2"' in page.text  # the event list links to the evidence
    assert corpus_client.get("/doc/missing").status_code == 404


def test_dashboard_shows_counts_chart_and_tops(corpus_client):
    page = corpus_client.get("/corpus")
    assert page.status_code == 200
    assert re.search(r'<div class="value">5</div><div class="label">Documents</div>', page.text)
    assert '<svg class="chart"' in page.text and "series-vconf" in page.text
    assert "Ana Berg" in page.text  # top speaker
    assert 'value="NOR,SWE"' in page.text  # the dyad picker offers the top pair


def test_dyad_picker_draws_the_pair(corpus_client):
    page = corpus_client.get("/corpus", params={"pair": "NOR,SWE"})
    assert page.text.count('<svg class="chart"') == 2
    assert "2024-01 · Verbal conflict: 2" in page.text
    typed = corpus_client.get("/corpus", params={"pair": "", "dyad": "NOR,FIN"})
    assert "Material conflict: 1" in typed.text.split('id="dyad"')[1]


def test_tables_link_back_to_the_article(corpus_client):
    events = corpus_client.get("/events", params={"type": "REJECT"})
    assert 'href="/doc/coded-2#ev-e2"' in events.text
    assert events.text.count("<tr>") == 2  # header + one row
    quotes = corpus_client.get("/quotes", params={"speaker": "Ana Berg"})
    assert 'href="/doc/coded-1#q-q1"' in quotes.text and 'href="/doc/coded-3#q-q1"' in quotes.text
    actors = corpus_client.get("/actors", params={"country": "NOR"})
    assert 'href="/actors/NOR"' in actors.text
    actor = corpus_client.get("/actors/NOR")
    assert actor.status_code == 200 and "Most frequent counterparts" in actor.text
    assert 'href="/doc/coded-3#ev-e1"' in actor.text


def test_tables_page_through_results(corpus_client):
    from wirecoder.web import pages

    original = pages.PAGE_SIZE
    pages.PAGE_SIZE = 2
    try:
        first = corpus_client.get("/events", params={"actor": "NOR"})
        assert 'rel="next"' in first.text and 'rel="prev"' not in first.text
        second = corpus_client.get("/events", params={"actor": "NOR", "page": 2})
        assert 'rel="prev"' in second.text
    finally:
        pages.PAGE_SIZE = original


def test_corpus_pages_without_a_store_explain_themselves(client):
    page = client.get("/corpus")
    assert page.status_code == 404 and "--db FILE" in page.text and "<html" in page.text


def test_a_new_store_shows_an_empty_corpus_with_a_hint(make_client, tmp_path):
    new = make_client(db=tmp_path / "new.duckdb")
    page = new.get("/corpus")
    assert page.status_code == 200 and "The store is empty" in page.text
    assert f"wirecoder ingest FILES --db {tmp_path / 'new.duckdb'}" in page.text
    for path in ("/events", "/quotes"):
        assert new.get(path).status_code == 200, path
    assert new.get("/").status_code == 200


def test_a_filled_store_shows_no_hint(corpus_client):
    assert "The store is empty" not in corpus_client.get("/corpus").text


def test_api_reference_is_self_hosted(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/api/extract" in page.text and "/api/timeline" in page.text and "openapi.json" in page.text
    assert "swagger" not in page.text.lower() and "cdn" not in page.text.lower()


@pytest.mark.parametrize(
    "path",
    sorted(p.relative_to(WEB).as_posix() for p in WEB.rglob("*") if p.suffix in (".html", ".css", ".js", ".svg")),
)
def test_no_asset_is_loaded_from_another_host(path):
    text = (WEB / path).read_text(encoding="utf-8")
    urls = re.findall(r"(?:https?:)?//[\w.-]+\.[a-z]{2,}[^\s\"')]*", text)
    # The one URL allowed is the SVG namespace name, which is an identifier, not a download.
    assert [u for u in urls if u != "http://www.w3.org/2000/svg"] == [], path


def test_static_files_are_served(client):
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")
    assert "javascript" in client.get("/static/app.js").headers["content-type"]
    assert client.get("/static/../app.py").status_code == 404


def test_unknown_paths_get_html_for_pages_and_json_for_the_api(client):
    page = client.get("/no/such/page")
    assert page.status_code == 404 and "<html" in page.text and "no such page" in page.text
    api = client.get("/api/no-such-endpoint")
    assert api.status_code == 404 and api.json() == {"detail": "Not Found"}


def test_textarea_line_breaks_are_plain_newlines(make_client):
    client = make_client()
    seen: list[str] = []

    def record(article: Article) -> ArticleResult:
        seen.append(article.text)
        return ArticleResult(doc=DocInfo(id="x", chars=len(article.text)))

    client.app.state.extractor.runner = record
    client.post("/", data={"text": "First line.\r\nSecond line."})
    assert seen == ["First line.\nSecond line."]


def test_busy_page_keeps_the_form_and_says_retry(make_client):
    client = make_client(max_concurrent=1)
    client.app.state.extractor.in_flight = 1  # every slot taken
    page = client.post("/", data={"text": ARTICLE})
    assert page.status_code == 503 and "Retry-After" in page.headers
    assert "busy" in page.text and 'name="text"' in page.text
