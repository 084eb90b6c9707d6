"""End-to-end: the pages in real headless Chromium against a real uvicorn server.

Skipped, with the reason, when Debian's Chromium is not installed (``apt-get install chromium``).
Screenshots of each page go to $WIRECODER_ARTIFACTS (default /tmp/wirecoder-artifacts).
"""

from __future__ import annotations

import pytest

from tests.web.live import CHROMIUM, SKIP_REASON, artifacts_dir, launch_chromium, serve_in_thread
from wirecoder.web import WebConfig, create_app

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=SKIP_REASON),
]

ARTICLE = (
    "Foreign ministers from Chile and Peru met in Lima on Thursday to discuss fishing rights. "
    '"We made real progress," said Chilean Foreign Minister Alberto van Klaveren after the talks.\n\n'
    "Peru rejected a proposal to share patrol boats, officials said on Friday."
)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def base_url(corpus_db):
    with serve_in_thread(create_app(WebConfig(db=corpus_db, preload=True))) as url:
        yield url


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport={"width": 1360, "height": 900}, base_url=base_url)
    page = context.new_page()
    foreign: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else foreign.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    # Console errors include Content-Security-Policy violations (an inline script, a CDN asset).
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield page
    context.close()
    assert foreign == [], f"the page tried to load from other hosts: {foreign}"
    assert errors == [], f"JavaScript or console errors: {errors}"


def test_paste_an_article_and_see_it_annotated(page):
    page.goto("/")
    page.fill("#text", ARTICLE)
    page.fill("#date", "2024-05-16")
    page.click("#submit")
    page.wait_for_selector("#article-text")
    assert page.locator("#article-text .ann-actor").count() >= 2
    assert page.locator("#article-text .ann-timex").count() >= 1
    timex_title = page.locator("#article-text .ann-timex").first.get_attribute("title")
    assert timex_title and "2024-05" in timex_title  # normalised value on hover
    assert page.locator("#event-list li").count() >= 1
    assert page.locator("#article-text .ann-event").count() >= 1
    page.screenshot(path=str(artifacts_dir() / "article.png"), full_page=True)

    # Clicking an event scrolls to its evidence and flashes it.
    first_event = page.locator("#event-list a.jump").first
    target = first_event.get_attribute("data-target")
    first_event.click()
    evidence = page.locator(f"#{target}")
    evidence.wait_for()
    assert "flash" in (evidence.get_attribute("class") or "")
    assert page.evaluate("location.hash") == f"#{target}"
    box = evidence.bounding_box()
    assert box is not None and 0 <= box["y"] <= 900


def test_the_dashboard_draws_its_charts(page):
    page.goto("/corpus")
    bars = page.locator("#overview-chart svg.chart rect.bar")
    assert bars.count() >= 2
    box = bars.first.bounding_box()
    assert box is not None and box["height"] > 5 and box["width"] > 5
    page.screenshot(path=str(artifacts_dir() / "corpus.png"), full_page=True)

    # Picking a pair submits the form on its own and draws that pair's timeline.
    page.select_option("#dyad-select", "NOR,SWE")
    page.wait_for_url("**/corpus?**pair=NOR%2CSWE**")
    assert page.locator("#dyad svg.chart rect.bar").count() >= 2
    page.screenshot(path=str(artifacts_dir() / "corpus-dyad.png"), full_page=True)


def test_tables_link_to_the_annotated_article(page):
    page.goto("/events?actor=NOR")
    assert page.locator("table.events-table tbody tr").count() == 4
    page.screenshot(path=str(artifacts_dir() / "events.png"), full_page=True)
    page.click('a[href="/doc/coded-2#ev-e2"]')
    page.wait_for_selector("#article-text")
    assert "flash" in (page.locator("#ev-e2").get_attribute("class") or "")
    page.screenshot(path=str(artifacts_dir() / "doc.png"), full_page=True)

    page.goto("/quotes")
    assert page.locator("table.quotes-table tbody tr").count() >= 2
    page.screenshot(path=str(artifacts_dir() / "quotes.png"), full_page=True)
    page.goto("/actors/NOR")
    assert page.locator("h1").inner_text().strip() == "Norway"
    page.screenshot(path=str(artifacts_dir() / "actor.png"), full_page=True)


def test_api_reference_page(page):
    page.goto("/docs")
    assert page.locator("section.endpoint").count() >= 8
    page.screenshot(path=str(artifacts_dir() / "apidocs.png"), full_page=True)
