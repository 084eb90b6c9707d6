"""Regenerate the README screenshots: the annotated seed article and the corpus dashboard.

    .venv/bin/python tests/web/make_screenshots.py --article ../shared/seeds/000_b715a2aa16f49594.txt \
        --db /tmp/wikinews.duckdb --out docs

Runs the real app on a free loopback port and photographs it in Debian's Chromium.  Not a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.web.live import launch_chromium, serve_in_thread  # noqa: E402
from wirecoder.web import WebConfig, create_app  # noqa: E402

VIEWPORT = {"width": 1360, "height": 900}
#: The article shot shows the top of the page (the whole seed article would be a very tall image).
ARTICLE_VIEWPORT = {"width": 1360, "height": 1250}


def shoot_article(browser, base_url: str, article: Path, date: str | None, out: Path) -> None:
    page = browser.new_page(viewport=ARTICLE_VIEWPORT, base_url=base_url)
    page.goto("/")
    page.fill("#text", article.read_text(encoding="utf-8"))
    if date:
        page.fill("#date", date)
    page.click("#submit")
    page.wait_for_selector("#article-text", timeout=120_000)
    page.screenshot(path=str(out))
    page.close()


def shoot_corpus(browser, base_url: str, out: Path) -> None:
    page = browser.new_page(viewport=VIEWPORT, base_url=base_url)
    page.goto("/corpus")
    options = page.locator("#dyad-select option")
    if options.count() > 1:  # show the dyad timeline of the most frequent pair
        page.select_option("#dyad-select", options.nth(1).get_attribute("value"))
        page.wait_for_load_state("load")
    page.screenshot(path=str(out), full_page=True)
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--article", type=Path, required=True)
    parser.add_argument("--date", default=None, help="document date for the article (default: inferred)")
    parser.add_argument("--db", type=Path, required=True, help="an ingested store for the dashboard")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from playwright.sync_api import sync_playwright

    with serve_in_thread(create_app(WebConfig(db=args.db, preload=True))) as url, sync_playwright() as pw:
        browser = launch_chromium(pw)
        shoot_article(browser, url, args.article, args.date, args.out / "screenshot-article.png")
        shoot_corpus(browser, url, args.out / "screenshot-corpus.png")
        browser.close()
    print(f"wrote {args.out / 'screenshot-article.png'} and {args.out / 'screenshot-corpus.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
