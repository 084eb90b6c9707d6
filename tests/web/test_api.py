"""The HTTP API: extraction, limits, auth, and the corpus endpoints over a real store."""

from __future__ import annotations

import threading
import time

import duckdb
import pytest

from wirecoder.model import Article, ArticleResult, DocInfo, Failure
from wirecoder.store import Store
from wirecoder.store.ingest import IngestReport, write_batch
from wirecoder.web.config import is_loopback

from .conftest import coded_result

ARTICLE = (
    "Foreign ministers from Chile and Peru met in Lima on Thursday. "
    '"We will keep talking," said Chilean Foreign Minister Alberto van Klaveren.'
)


# --- extraction ----------------------------------------------------------------------------


def test_extract_returns_the_contract(client):
    response = client.post("/api/extract", json={"text": ARTICLE, "date": "2024-05-16", "title": "Talks"})
    assert response.status_code == 200, response.text
    data = response.json()
    assert data["schema"] == "wirecoder/1"
    assert data["doc"]["dct"] == "2024-05-16" and data["doc"]["title"] == "Talks"
    assert data["doc"]["chars"] == len(ARTICLE)
    ArticleResult.model_validate(data)  # the exact contract, nothing extra
    for actor in data["actors"]:
        for m in actor["mentions"]:
            assert ARTICLE[m["start"] : m["end"]] == m["text"]


def test_extract_can_echo_the_text(client):
    response = client.post("/api/extract?include_text=true", json={"text": ARTICLE})
    assert response.json()["doc"]["text"] == ARTICLE


@pytest.mark.parametrize(
    ("body", "status", "says"),
    [
        (b"{not json", 400, "not valid JSON"),
        (b"[1, 2]", 400, "JSON object"),
        (b'{"txt": "hello"}', 422, "body.text: Field required"),
        (b'{"text": ""}', 422, "body.text"),
        (b'{"text": "Hello.", "date": "31/05/2018"}', 422, "body.date"),
        (b'{"text": 42}', 422, "body.text"),
    ],
)
def test_bad_bodies_get_a_clear_one_line_error(client, body, status, says):
    response = client.post("/api/extract", content=body, headers={"Content-Type": "application/json"})
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert says in detail and "\n" not in detail


def test_whitespace_only_text_is_refused_by_the_pipeline(client):
    response = client.post("/api/extract", json={"text": "   \n  "})
    assert response.status_code == 422
    assert "empty" in response.json()["detail"]


def test_body_over_the_limit_is_413_by_content_length(make_client):
    client = make_client(max_body=1000)
    response = client.post("/api/extract", json={"text": "x" * 2000})
    assert response.status_code == 413
    assert "1,000 bytes" in response.json()["detail"]


def test_body_over_the_limit_is_413_when_streamed_without_length(make_client):
    client = make_client(max_body=1000)

    def chunks():
        yield b'{"text": "'
        for _ in range(30):
            yield b"y" * 100
        yield b'"}'

    response = client.post("/api/extract", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413


@pytest.mark.parametrize("path", ["/api/extract/upload", "/"])
def test_streamed_upload_over_the_limit_is_413(make_client, path):
    client = make_client(max_body=1000)
    boundary = "wcboundary"

    def chunks():
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        for _ in range(30):
            yield b"z" * 100
        yield f"\r\n--{boundary}--\r\n".encode()

    headers = {"Content-Type": f"multipart/form-data; boundary={boundary}"}
    assert client.post(path, content=chunks(), headers=headers).status_code == 413


def _fake_result(article: Article) -> ArticleResult:
    return ArticleResult(doc=DocInfo(id=article.doc_id(), chars=len(article.text)))


def test_busy_server_answers_503_with_retry_after(make_client):
    client = make_client(max_concurrent=1)
    release = threading.Event()
    started = threading.Event()

    def slow(article: Article) -> ArticleResult:
        started.set()
        release.wait(10)
        return _fake_result(article)

    client.app.state.extractor.runner = slow
    first: dict = {}
    worker = threading.Thread(target=lambda: first.update(r=client.post("/api/extract", json={"text": "one"})))
    worker.start()
    try:
        assert started.wait(10)
        second = client.post("/api/extract", json={"text": "two"})
        assert second.status_code == 503
        assert int(second.headers["Retry-After"]) >= 1
        assert "busy" in second.json()["detail"]
    finally:
        release.set()
        worker.join(10)
    assert first["r"].status_code == 200
    # The slot is free again once the first extraction has finished.
    assert client.post("/api/extract", json={"text": "three"}).status_code == 200


def test_slow_extraction_times_out_with_504_and_frees_its_slot_when_done(make_client):
    client = make_client(timeout=0.3, max_concurrent=1)
    extractor = client.app.state.extractor

    def slow(article: Article) -> ArticleResult:
        time.sleep(0.8)
        return _fake_result(article)

    extractor.runner = slow
    response = client.post("/api/extract", json={"text": "slow"})
    assert response.status_code == 504
    deadline = time.monotonic() + 5
    while extractor.in_flight and time.monotonic() < deadline:
        time.sleep(0.05)
    assert extractor.in_flight == 0


def test_pipeline_failure_is_422_with_its_reason(make_client):
    client = make_client()
    client.app.state.extractor.runner = lambda a: Failure(id=a.doc_id(), origin="", reason="over the time budget")
    response = client.post("/api/extract", json={"text": "anything"})
    assert response.status_code == 422 and response.json()["detail"] == "over the time budget"


def test_upload_reads_text_and_html(client):
    response = client.post(
        "/api/extract/upload", files={"file": ("note.txt", ARTICLE.encode(), "text/plain")}, data={"date": "2024-05-16"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["doc"]["chars"] == len(ARTICLE)
    page = f"<html><head><title>T</title></head><body><article><p>{ARTICLE}</p></article></body></html>"
    response = client.post("/api/extract/upload", files={"file": ("page.html", page.encode(), "text/html")})
    assert response.status_code == 200, response.text
    assert response.json()["doc"]["chars"] > 50


def test_upload_never_uses_the_client_file_name_as_a_path(client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("../../escape.txt", "/tmp/absolute.txt", "..\\..\\win.txt", "a/b/../../c.txt"):
        response = client.post("/api/extract/upload", files={"file": (name, b"Peru and Chile met.", "text/plain")})
        assert response.status_code == 200, (name, response.text)
    assert list(tmp_path.rglob("*")) == []
    assert not (tmp_path.parent.parent / "escape.txt").exists()


def test_upload_of_binary_data_is_a_clear_400(client):
    response = client.post("/api/extract/upload", files={"file": ("x.txt", b"\x00\x01\x02" * 50, "text/plain")})
    assert response.status_code == 400
    assert response.json()["detail"] == "uploaded file: binary file, not text"


# --- auth and binding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("::", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_loopback_detection(host, loopback):
    assert is_loopback(host) is loopback


def test_token_is_required_on_api_and_pages(make_client):
    client = make_client(token="s3cret")
    assert client.post("/api/extract", json={"text": "x"}).status_code == 401
    response = client.get("/api/stats")
    assert response.status_code == 401 and response.headers["WWW-Authenticate"] == "Bearer"
    assert client.get("/api/events", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/openapi.json").status_code == 401
    page = client.get("/corpus", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/login?next=%2Fcorpus"
    # Public: the liveness probe, the login form and its stylesheet.
    assert client.get("/api/health").status_code == 200
    assert client.get("/login").status_code == 200
    assert client.get("/static/style.css").status_code == 200
    ok = client.post("/api/extract", json={"text": ARTICLE}, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200


def test_login_sets_a_cookie_that_opens_the_pages(make_client):
    client = make_client(token="s3cret")
    bad = client.post("/login", data={"token": "nope", "next": "/docs"}, follow_redirects=False)
    assert bad.status_code == 401
    good = client.post("/login", data={"token": "s3cret", "next": "/docs"}, follow_redirects=False)
    assert good.status_code == 303 and good.headers["location"] == "/docs"
    assert "httponly" in good.headers["set-cookie"].lower()
    assert client.get("/docs").status_code == 200


def test_login_never_redirects_off_site(make_client):
    client = make_client(token="t")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        response = client.post("/login", data={"token": "t", "next": target}, follow_redirects=False)
        assert response.headers["location"] == "/"


def test_serve_refuses_a_public_address_without_a_token(capsys, monkeypatch):
    from wirecoder.cli import main

    monkeypatch.delenv("WIRECODER_TOKEN", raising=False)
    assert main(["serve", "--host", "0.0.0.0", "--port", "0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: refusing to listen on 0.0.0.0 without --token")
    assert len(err.splitlines()) == 1


def test_serve_reports_a_port_in_use_in_one_line(capsys):
    import socket

    from wirecoder.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["serve", "--port", str(port)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: cannot listen on 127.0.0.1:{port}") and len(err.splitlines()) == 1


# --- corpus endpoints ------------------------------------------------------------------------


def test_health_and_stats(corpus_client):
    assert corpus_client.get("/api/health").json()["status"] == "ok"
    stats = corpus_client.get("/api/stats").json()
    assert stats["documents"] == 5
    assert stats["events"] >= 4 and stats["quotes"] >= 2


def test_events_filters_and_paging(corpus_client):
    sanction = corpus_client.get("/api/events", params={"type": "sanction"}).json()
    assert [e["type"] for e in sanction["items"]] == ["SANCTION"]
    assert sanction["items"][0]["doc_id"] == "coded-3"
    dyad = corpus_client.get("/api/events", params={"dyad": "NOR,SWE"}).json()["items"]
    assert {e["type"] for e in dyad} == {"CONSULT", "ACCUSE", "REJECT"}
    since = corpus_client.get("/api/events", params={"actor": "NOR", "since": "2024-02"}).json()["items"]
    assert [e["type"] for e in since] == ["SANCTION"]
    first = corpus_client.get("/api/events", params={"actor": "NOR", "limit": 2}).json()
    second = corpus_client.get("/api/events", params={"actor": "NOR", "limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and first["next_offset"] == 2
    assert len(second["items"]) == 2 and second["next_offset"] == 4
    third = corpus_client.get("/api/events", params={"actor": "NOR", "limit": 2, "offset": 4}).json()
    assert third["items"] == [] and third["next_offset"] is None
    ids = [(e["doc_id"], e["event_id"]) for e in first["items"] + second["items"]]
    assert len(set(ids)) == 4


@pytest.mark.parametrize(
    ("params", "status", "says"),
    [
        ({"type": "HUG"}, 400, "unknown event type 'HUG'"),
        ({"status": "maybe"}, 400, "unknown status"),
        ({"limit": 0}, 422, "query.limit"),
        ({"limit": 5000}, 422, "query.limit"),
        ({"offset": -1}, 422, "query.offset"),
        ({"since": "last week"}, 422, "query.since"),
        ({"dyad": "USA"}, 400, "dyad"),
    ],
)
def test_bad_filters_are_clear_errors(corpus_client, params, status, says):
    response = corpus_client.get("/api/events", params=params)
    assert response.status_code == status, response.text
    assert says in response.json()["detail"]


def test_quotes_actors_timeline_and_documents(corpus_client):
    quotes = corpus_client.get("/api/quotes", params={"actor_country": "NOR"}).json()["items"]
    assert {q["speaker"] for q in quotes} == {"Ana Berg"} and len(quotes) == 2
    actors = corpus_client.get("/api/actors", params={"country": "SWE"}).json()["items"]
    assert [a["actor_key"] for a in actors] == ["SWE"]
    norway = corpus_client.get("/api/actors/NOR").json()
    assert norway["events"] == 4
    assert corpus_client.get("/api/actors/nobody-at-all").status_code == 404
    timeline = corpus_client.get("/api/timeline", params={"dyad": "NOR,SWE"}).json()
    assert timeline["by"] == "month"
    assert {(r["period"], r["quad_class"], r["count"]) for r in timeline["items"]} == {
        ("2024-01", 1, 1),
        ("2024-01", 3, 2),
    }
    doc = corpus_client.get("/api/documents/coded-3").json()
    assert doc["text"].startswith("Norway sanctioned Finland") and doc["result"]["events"][0]["type"] == "SANCTION"
    assert corpus_client.get("/api/documents/none").status_code == 404


def test_corpus_endpoints_without_a_store_say_how_to_get_one(client):
    response = client.get("/api/events")
    assert response.status_code == 404 and "--db FILE" in response.json()["detail"]


def test_a_store_not_created_yet_is_an_empty_corpus(make_client, tmp_path):
    new = make_client(db=tmp_path / "new.duckdb")
    for path in ("/api/events", "/api/quotes", "/api/actors", "/api/events?dedup=true"):
        response = new.get(path)
        assert response.status_code == 200, path
        assert response.json()["items"] == [] and response.json()["next_offset"] is None, path
    timeline = new.get("/api/timeline", params={"by": "month"})
    assert timeline.status_code == 200 and timeline.json() == {"by": "month", "items": []}
    stats = new.get("/api/stats").json()
    assert stats["documents"] == stats["events"] == stats["quotes"] == stats["actors"] == stats["failures"] == 0
    assert new.get("/api/actors/nobody").status_code == 404
    assert not (tmp_path / "new.duckdb").exists()  # reading never creates the user's file


def test_queries_wait_for_an_ingest_batch_then_answer(corpus_client, corpus_db, monkeypatch):
    monkeypatch.setenv("WIRECODER_DB_TIMEOUT", "10")
    writer = duckdb.connect(str(corpus_db))  # what an ingest batch holds while it writes
    threading.Timer(0.5, writer.close).start()
    started = time.monotonic()
    response = corpus_client.get("/api/stats")
    assert response.status_code == 200 and response.json()["documents"] == 5
    assert time.monotonic() - started >= 0.3


def test_store_locked_for_too_long_is_503_with_retry_after(corpus_client, corpus_db, monkeypatch):
    monkeypatch.setenv("WIRECODER_DB_TIMEOUT", "0.3")
    writer = duckdb.connect(str(corpus_db))
    try:
        response = corpus_client.get("/api/events")
    finally:
        writer.close()
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2" and "busy" in response.json()["detail"]


def test_openapi_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/extract",
        "/api/extract/upload",
        "/api/events",
        "/api/quotes",
        "/api/actors",
        "/api/timeline",
        "/api/stats",
        "/api/health",
    ):
        assert path in paths
    assert not any(p in paths for p in ("/", "/corpus", "/login"))  # pages stay out of the API spec


def test_a_bug_in_a_request_is_one_json_line_not_a_traceback(make_client):
    client = make_client()

    def broken(article: Article) -> ArticleResult:
        raise RuntimeError("stage exploded\nwith a second line")

    client.app.state.extractor.runner = broken
    # raise_server_exceptions=False: answer as the real server would, instead of re-raising in the test.
    client = type(client)(client.app, raise_server_exceptions=False)
    response = client.post("/api/extract", json={"text": "x"})
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error: RuntimeError: stage exploded"}


def test_every_response_carries_the_security_headers(client):
    for response in (client.get("/"), client.get("/api/health"), client.get("/static/style.css")):
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_huge_offset_is_a_422_not_a_server_error(corpus_client):
    """Regression (schemathesis): offset 2**63 overflowed DuckDB's BIGINT and gave a 500."""
    response = corpus_client.get("/api/actors", params={"offset": 2**63})
    assert response.status_code == 422


def _same_event_on_two_days(path):
    """Two articles report one Norway-Sweden meeting, dated a day apart."""
    with Store(path):  # creates the schema
        pass
    batch = []
    for doc_id, date in (("report-a", "2024-05-01"), ("report-b", "2024-05-02")):
        text = "Norway met Sweden in Oslo."
        events = [("CONSULT", "met", ["Norway"], ["Sweden"])]
        batch.append((Article(id=doc_id, date=date, text=text), coded_result(doc_id, date, text, events, [])))
    write_batch(path, batch, IngestReport())
    return path


def test_dedup_days_joins_reports_of_neighbouring_days(make_client, tmp_path):
    client = make_client(db=_same_event_on_two_days(tmp_path / "two.duckdb"))
    same_day = client.get("/api/events", params={"dedup": "true"}).json()["items"]
    a_day_apart = client.get("/api/events", params={"dedup": "true", "dedup_days": 1}).json()["items"]
    assert len(same_day) == 2 and len(a_day_apart) == 1
    timeline = client.get("/api/timeline", params={"dedup": "true", "dedup_days": 1, "by": "month"}).json()
    assert [(r["period"], r["count"]) for r in timeline["items"]] == [("2024-05", 1)]
    assert client.get("/api/events", params={"dedup_days": -1}).status_code == 422


def test_timeline_takes_the_event_filters(corpus_client):
    params = {"actor": "NOR", "type": "sanction", "since": "2024-03"}
    items = corpus_client.get("/api/timeline", params=params).json()["items"]
    assert sum(r["count"] for r in items) == 1
    assert corpus_client.get("/api/timeline", params={"type": "HUG"}).status_code == 400
