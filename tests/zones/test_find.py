"""The zones of messy articles in each input style (articles written for these tests)."""

from __future__ import annotations

import itertools

import pytest

from tests.zones.articles import (
    AGENCY_FEED,
    AGENCY_WIRE,
    ALL,
    BROADCASTER_PAGE,
    NEWSPAPER_PAGE,
    NEWSPAPER_PAGE_2,
    RSS_ITEM,
    TABLOID_PAGE,
)
from wirecoder.zones.find import find_zones


def layout(text: str, title: str | None = None) -> list[tuple[str, str]]:
    """(kind, text) of every zone."""
    return [(z.kind, text[z.start : z.end]) for z in find_zones(text, title).zones]


@pytest.mark.parametrize("name", sorted(ALL))
def test_zones_index_the_input_in_order_without_overlap(name):
    text = ALL[name]
    zones = find_zones(text).zones
    assert zones
    for zone in zones:
        assert 0 <= zone.start < zone.end <= len(text)
        assert text[zone.start : zone.end] == text[zone.start : zone.end].strip()
    for before, after in itertools.pairwise(zones):
        assert before.end <= after.start
    covered = "".join(text[z.start : z.end] for z in zones)
    assert "".join(covered.split()) == "".join(text.split())  # every word is in a zone


def test_agency_wire():
    found = find_zones(AGENCY_WIRE)
    kinds = layout(AGENCY_WIRE)
    assert kinds[:2] == [("dateline", "LUSAKA, Aug 10"), ("credit", "(Reuters) -")]
    assert kinds[2][0] == "body" and kinds[2][1].startswith("Zambia's finance minister")
    assert kinds[-1] == ("credit", "Reporting by Peter Mwale in Lusaka; Editing by Anne Cole")
    assert found.agency == "Reuters"
    assert found.authors == ["Peter Mwale"]


def test_newspaper_page():
    found = find_zones(NEWSPAPER_PAGE)
    kinds = layout(NEWSPAPER_PAGE)
    assert kinds[0] == ("furniture", "Skip to main content")
    assert kinds[1] == ("headline", "Farmers block highway in protest over fuel prices")
    assert kinds[2] == ("furniture", "Farmers block highway in protest over fuel prices")  # the repeat
    assert kinds[3][0] == "standfirst"
    assert kinds[4] == ("byline", "By Tom Hardy and Lisa Grant, Political Correspondent")
    assert kinds[5][0] == "dateline" and kinds[5][1].startswith("Published 10:32 GMT")
    assert kinds[6] == ("furniture", "Share this article")
    assert ("furniture", "Read more: Fuel prices hit record high as refinery shuts") in kinds
    assert kinds[-1][0] == "furniture" and "cookies" in kinds[-1][1] and "newsletter" in kinds[-1][1]
    assert [k for k, _ in kinds].count("body") == 2
    assert found.authors == ["Tom Hardy", "Lisa Grant"]
    assert found.agency is None


def test_broadcaster_page():
    kinds = layout(BROADCASTER_PAGE)
    assert kinds[0] == ("headline", "Rebels attack army base near border town")
    assert ("credit", "Image copyright Getty Images") in kinds
    assert ("furniture", "Camera Icon") in [(k, t.strip()) for k, t in kinds]
    assert ("caption", "Opposition leader Samuel Okoro speaks to supporters in Kamba.") in kinds
    assert ("credit", "Credit: AAP") in kinds
    assert ("caption", "Residents wait for food aid outside a church in Kamba.") in kinds
    assert ("credit", "(Photo credit should read STR/AFP/Getty Images)") in kinds
    assert ("caption", "Soldiers patrol the streets of Kamba after the attack") in kinds
    assert find_zones(BROADCASTER_PAGE).agency is None  # picture agencies did not write the story


def test_rss_item():
    kinds = layout(RSS_ITEM)
    assert [k for k, _ in kinds] == ["headline", "dateline", "body", "furniture"]
    assert kinds[1][1] == "Tue, 03 Mar 2020 18:45:00 GMT"


def test_agency_feed():
    found = find_zones(AGENCY_FEED)
    kinds = layout(AGENCY_FEED)
    assert [k for k, _ in kinds] == ["headline", "credit", "body"]
    assert kinds[1][1].startswith("Source: Xinhua | 2019-09-02")
    assert found.agency == "Xinhua"


def test_a_given_title_is_the_headline_even_when_it_ends_with_a_stop():
    text = "Talks end.\n\nThe talks ended on Friday without a deal, the mediators said."
    assert layout(text, title="Talks end.")[0] == ("headline", "Talks end.")
    assert layout(text)[0][0] == "body"


def test_a_lone_paragraph_is_body():
    text = "Rebels attacked an army base on Thursday"
    assert layout(text) == [("body", text)]


def test_a_clean_story_is_one_body_zone():
    text = "Chad and Niger signed a border deal on Monday.\n\nThe deal ends a long dispute, officials said.\n"
    assert layout(text) == [("body", text.strip())]


def test_a_dateline_after_the_headline_opens_the_body():
    text = "Dam talks to resume\n\nADDIS ABABA, May 2 (Wire) - Ethiopia and Egypt will resume talks, officials said."
    assert [k for k, _ in layout(text)] == ["headline", "dateline", "credit", "body"]


def test_an_ap_story_with_contributors_and_rights_notice():
    text = (
        "WASHINGTON (AP) — The Senate voted 52-48 on Tuesday to confirm the nominee.\n\n"
        "Associated Press writers Jane Doe in Paris and John Roe in Rome contributed to this report.\n\n"
        "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, "
        "broadcast, rewritten or redistributed.\n"
    )
    found = find_zones(text)
    assert [k for k, _ in layout(text)] == ["dateline", "credit", "body", "credit", "furniture"]
    assert (found.agency, found.authors) == ("AP", ["Jane Doe", "John Roe"])


def test_an_agency_opener_and_web_furniture():
    text = (
        "(CNN) — Floods swept through the valley on Sunday, officials said.\n\n"
        "FILE PHOTO: A man walks past a flooded shop in Kamba. REUTERS/Jason Lee/File Photo\n\n"
        "Image caption, Residents wade through water\n\n"
        "Story continues below advertisement\n\n#Floods #Kamba\n\n"
        "The post Floods hit Kamba appeared first on Daily Example.\n"
    )
    assert layout(text) == [
        ("credit", "(CNN) —"),
        ("body", "Floods swept through the valley on Sunday, officials said."),
        ("furniture", "FILE PHOTO:"),
        ("caption", "A man walks past a flooded shop in Kamba."),
        ("credit", "REUTERS/Jason Lee/File Photo"),
        ("furniture", "Image caption,"),
        ("caption", "Residents wade through water"),
        (
            "furniture",
            "Story continues below advertisement\n\n#Floods #Kamba\n\n"
            "The post Floods hit Kamba appeared first on Daily Example.",
        ),
    ]
    assert find_zones(text).agency == "CNN"


@pytest.mark.parametrize(
    ("opener", "kinds"),
    [
        ("NAIROBI, Kenya (AP) _", ["dateline", "credit", "body"]),
        ("WASHINGTON (AP) --", ["dateline", "credit", "body"]),
        ("INDEPENDENCE, MO. (AP)--", ["dateline", "credit", "body"]),
        ("MIAMI _", ["dateline", "body"]),
    ],
)
def test_a_dateline_on_a_line_of_its_own(opener, kinds):
    text = f"{opener}\nThe talks resumed on Monday, officials said.\n"
    assert [k for k, _ in layout(text)] == kinds


def test_newspaper_page_with_topic_links():
    found = find_zones(NEWSPAPER_PAGE_2)
    kinds = layout(NEWSPAPER_PAGE_2)
    assert [k for k, _ in kinds] == [
        "headline", "standfirst", "byline", "dateline", "caption", "credit", "body", "furniture"
    ]  # fmt: skip
    assert kinds[0][1] == "World news\nProtesters defy curfew in capital as crackdown widens"
    assert kinds[-1][1].startswith("Topics\nZimbabwe") and kinds[-1][1].endswith("Reuse this content")
    assert found.authors == ["Jane Doe"]


def test_tabloid_page():
    found = find_zones(TABLOID_PAGE)
    kinds = layout(TABLOID_PAGE)
    assert kinds[:4] == [
        ("furniture", "Home | News | World"),
        ("dateline", "UPDATED: 14:32, Mon, Sep 2, 2019"),
        ("headline", "Storm hits coast"),
        ("byline", "By Sam Ray for Daily Example"),
    ]
    assert kinds[-1] == ("furniture", "Comments (12)\nShare or comment on this article:")
    assert (found.authors, found.agency) == (["Sam Ray"], "Daily Example")


def test_a_title_case_headline_is_no_byline():
    text = "Trump Meets Kim in Singapore\n\nJane Roe in Singapore\n\nThe two leaders met on Tuesday for the first time."
    assert [k for k, _ in layout(text)] == ["headline", "byline", "body"]
