"""The stages ignore bylines, credits and furniture, and say nothing twice for a restating
headline or caption (articles written for these tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT, assert_offsets
from tests.zones.articles import AGENCY_FEED, AGENCY_WIRE, ALL, BROADCASTER_PAGE, NEWSPAPER_PAGE, RSS_ITEM
from wirecoder.model import ArticleResult
from wirecoder.zones.find import EXCLUDED_KINDS

NOT_ACTORS = {"Reuters", "AFP", "AAP", "Getty Images", "Xinhua", "GMT", "Camera Icon", "Wang Li", "STR"}
NOT_ACTORS |= {"Tom Hardy", "Lisa Grant", "Peter Mwale", "Anne Cole"}  # the messy articles' authors and editors


def zone_kind(result: ArticleResult, i: int) -> str | None:
    return next((z.kind for z in result.doc.zones if z.start <= i < z.end), None)


def assert_no_furniture_items(result: ArticleResult) -> None:
    for actor in result.actors:
        for m in actor.mentions:
            assert zone_kind(result, m.start) not in EXCLUDED_KINDS, (actor.name, m)
    for q in result.quotes:
        assert zone_kind(result, q.start) not in EXCLUDED_KINDS, q
    for e in result.events:
        assert zone_kind(result, e.trigger.start) not in EXCLUDED_KINDS, e


@pytest.mark.parametrize("name", sorted(ALL))
def test_messy_articles_keep_offsets_and_ignore_furniture(run, name):
    text = ALL[name]
    result = run(text)
    assert_offsets(result, text)
    for zone in result.doc.zones:
        assert 0 <= zone.start < zone.end <= len(text)
    assert_no_furniture_items(result)
    assert not NOT_ACTORS & {a.name for a in result.actors}


def test_the_story_itself_is_still_read(run):
    result = run(NEWSPAPER_PAGE)
    names = {a.name for a in result.actors}
    assert {"Jonas Weber", "Clara Voss"} <= names
    assert any(q.text.startswith('"We cannot keep working') for q in result.quotes)
    assert any(e.type == "PROTEST" for e in result.events)
    assert result.doc.authors == ["Tom Hardy", "Lisa Grant"]


def test_source_and_authors_come_from_credits(run):
    wire = run(AGENCY_WIRE)
    assert (wire.doc.source, wire.doc.authors) == ("Reuters", ["Peter Mwale"])
    assert run(AGENCY_FEED).doc.source == "Xinhua"
    assert run(AGENCY_FEED, source="Feed X").doc.source == "Feed X"  # the input's own source wins


@pytest.mark.parametrize(
    ("text", "dct"),
    [(NEWSPAPER_PAGE, "2019-09-02"), (AGENCY_FEED, "2019-09-02"), (RSS_ITEM, "2020-03-03")],
)
def test_zone_dates_give_the_dct(run, text, dct):
    result = run(text)
    assert (result.doc.dct, result.doc.dct_source) == (dct, "inferred")


def test_a_date_in_a_furniture_link_does_not_date_the_article(run):
    text = (
        "Read more: Floods hit the coast on 3 March 2015\n\n"
        "Rescuers searched for survivors on Tuesday after the river burst its banks, officials said.\n"
    )
    assert run(text).doc.dct is None


REYES = (
    "MADRID, May 3 (Wire) - Labour minister Ana Reyes said on Tuesday she would not resign. "
    '"We will not resign," she said.'
)


def test_a_repeated_headline_gives_one_quote_and_one_actor(run):
    headline = 'Ana Reyes says "we will not resign"'
    result = run(f"{headline}\n{headline}\n\n{REYES}\n")
    resign = [q for q in result.quotes if q.text.lower().strip('",') == "we will not resign"]
    assert len(resign) == 1 and zone_kind(result, resign[0].start) == "body"
    assert [a.name for a in result.actors] == ["Ana Reyes"]
    assert [e.type for e in result.events].count("RETREAT") == 2  # the lede's and the quote's, not the headline's


def test_a_headline_that_restates_the_lede_adds_no_event_or_quote(run):
    text = (
        "Egypt accuses Ethiopia of filling the dam\n\n"
        "CAIRO, March 3 (Wire) - Egypt accused Ethiopia of filling the dam without consent on Tuesday.\n"
    )
    result = run(text)
    accuse = [e for e in result.events if e.type == "ACCUSE"]
    assert len(accuse) == 1 and zone_kind(result, accuse[0].trigger.start) == "body"
    assert all(zone_kind(result, q.start) == "body" for q in result.quotes)
    assert [e.id for e in result.events] == [f"e{n}" for n in range(1, len(result.events) + 1)]


def test_a_headline_event_the_body_does_not_repeat_stays(run):
    result = run(f"Egypt accuses Ethiopia of filling the dam\n\n{REYES}\n")
    assert any(e.type == "ACCUSE" and zone_kind(result, e.trigger.start) == "headline" for e in result.events)


def test_a_caption_holds_its_own_event_but_not_a_repeat(run):
    result = run(BROADCASTER_PAGE)
    in_captions = [e for e in result.events if zone_kind(result, e.trigger.start) == "caption"]
    assert in_captions  # "Soldiers patrol the streets of Kamba": only the caption says it
    assert [e.type for e in result.events].count("ASSAULT") == 1
    text = (
        "Rebels attack army base\n\n"
        "Rebels attacked an army base near Kamba. Photo: AFP\n\n"
        "Rebels attacked an army base near Kamba on Thursday, the army said.\n"
    )
    assert [e.type for e in run(text).events].count("ASSAULT") == 1


def test_the_example_dateline_gives_no_actor_quote_or_event(run):
    text = Path(ROOT, "examples", "article.txt").read_text(encoding="utf-8")
    result = run(text)
    opening = [z for z in result.doc.zones if z.kind in {"dateline", "credit"}]
    assert [z.kind for z in opening] == ["dateline", "credit"]
    edge = opening[-1].end
    assert all(m.start >= edge for a in result.actors for m in a.mentions)
    assert all(q.start >= edge for q in result.quotes)
    assert all(e.trigger.start >= edge for e in result.events)
    assert "Wirecoder Wire" not in {a.name for a in result.actors}
    assert result.doc.source == "Wirecoder Wire"


def test_a_surname_in_a_read_more_link_is_no_mention(run):
    # The byline's author is also the story's subject here: the body's mentions stay, the link's go.
    text = (
        "Union chief vows to fight on\n\nBy Jonas Weber, Reuters\n\n"
        "BERLIN (Reuters) - Union leader Jonas Weber said on Monday the strike would go on. "
        "Weber told Reuters the talks had failed.\n\n"
        "Read more: Weber rejects offer\n"
    )
    result = run(text)
    assert_no_furniture_items(result)
    weber = next(a for a in result.actors if a.name == "Jonas Weber")
    assert [m.text for m in weber.mentions] == ["Jonas Weber", "Weber"]
    assert (result.doc.authors, result.doc.source) == (["Jonas Weber"], "Reuters")


def test_an_input_title_marks_the_headline_and_its_repeat(run):
    text = "Talks end.\nTalks end.\n\nThe talks between Chad and Niger ended on Friday without a deal.\n"
    result = run(text, title="Talks end.")
    assert [z.kind for z in result.doc.zones] == ["headline", "furniture", "body"]


def test_the_table_names_the_source_and_authors(run):
    from rich.console import Console

    from wirecoder.writers.table import render_summary

    console = Console(width=200, record=True)
    console.print(render_summary(run(AGENCY_WIRE)))
    header = console.export_text().splitlines()[0]
    assert "source=Reuters" in header and "authors=Peter Mwale" in header
