"""Lines and what their own form says they are (sentences written for these tests)."""

from __future__ import annotations

import pytest

from wirecoder.zones.classify import classify_line, person_name, reporters
from wirecoder.zones.lines import split_lines
from wirecoder.zones.patterns import load_patterns


def test_lines_index_the_text():
    text = "  Title here \r\n\nBody one.\n   \nBody two.  "
    lines = split_lines(text)
    assert [line.text for line in lines] == ["Title here", "Body one.", "Body two."]
    assert all(text[line.start : line.end] == line.text for line in lines)
    assert [line.opens_paragraph for line in lines] == [True, True, True]


def kinds(text: str, index: int = 0, total: int = 20) -> list[str] | None:
    line = split_lines(text)[0]
    line = type(line)(line.start, line.end, line.text, index, True)
    pieces = classify_line(line, total, load_patterns())
    return None if pieces is None else [p.kind for p in pieces]


@pytest.mark.parametrize(
    "text",
    [
        "Read more: Storm hits the coast",
        "READ MORE",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "We use cookies to give you the best experience on our site.",
        "Accept all cookies",
        "Sign up for our morning newsletter",
        "Subscribe to continue reading",
        "Advertisement",
        "Tags: Farming, Protests, Fuel",
        "Follow us on Twitter",
        "12 comments",
        "Skip to main content",
    ],
)
def test_furniture_lines(text):
    assert kinds(text, index=10) == ["furniture"]


@pytest.mark.parametrize(
    "text",
    [
        "Share prices fell sharply on Monday after the central bank raised rates.",
        "Related talks between the two unions broke down last week.",
        "Readers of the local paper were the first to hear of the plan.",
        "The minister said the cookie factory would close next year after losses mounted.",
    ],
)
def test_body_lines_are_not_furniture(text):
    assert kinds(text, index=10) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Jane Doe", ["byline"]),
        ("By JANE DOE and Omar Said, Reuters", ["byline"]),
        ("Tom Hardy, Political Correspondent", ["byline"]),
        ("Source: Xinhua | 2019-09-02", ["credit"]),
        ("(Photo credit should read STR/AFP/Getty Images)", ["credit"]),
        ("Photo: Reuters", ["credit"]),
        ("Getty Images", ["credit"]),
        ("Reporting by Ana de Souza; Editing by Bo Lind", ["credit"]),
        ("Published 10:32 GMT, 2 September 2019", ["dateline"]),
        ("Updated: 3 hours ago", ["dateline"]),
        ("Tue, 03 Mar 2020 18:45:00 GMT", ["dateline"]),
        ("Camera Icon Opposition leader Sam Oko speaks in Kamba. Credit: AAP", ["furniture", "caption", "credit"]),
        ("Image caption Soldiers on patrol in Kamba", ["furniture", "caption"]),
        ("Residents queue for water in Kamba. (Photo credit should read STR/AFP)", ["caption", "credit"]),
        ("President Ali waves to supporters (AP Photo/Jo Lee)", ["caption", "credit"]),
    ],
)
def test_lines_by_form(text, expected):
    assert kinds(text, index=1) == expected


@pytest.mark.parametrize(
    "text",
    [
        "By Tuesday, the rebels had taken the town.",
        "By the end of the week, talks had collapsed.",
        "Published figures showed a rise in prices.",
    ],
)
def test_sentences_that_open_like_bylines_or_stamps(text):
    assert kinds(text, index=1) is None


def test_bylines_and_stamps_only_near_the_edges():
    assert kinds("By Jane Doe", index=10, total=30) is None


def test_names_and_reporters():
    pats = load_patterns()
    assert person_name("JANE DOE", pats) == "Jane Doe"
    assert person_name("Ana de Souza", pats) == "Ana de Souza"
    assert person_name("Political Correspondent", pats) is None
    assert person_name("Tuesday", pats) is None
    assert reporters("Reporting by Ana Lima in Rio and Bo Lind in Oslo; Editing by Cy Tan") == ["Ana Lima", "Bo Lind"]


def test_long_capitalised_runs_do_not_make_the_patterns_backtrack():
    # Regression: "(?:[A-Z][A-Za-z]*\s?){1,4}/" split a run of capitals in every possible way.
    import time

    from wirecoder.zones.find import find_zones

    lines = ["By " + "A" * 140, "A" * 140 + " / AFP", "Residents " + "B" * 300 + "/AP", "(" * 500]
    text = "\n".join(lines * 5)
    started = time.perf_counter()
    find_zones(text)
    assert time.perf_counter() - started < 2.0  # was about two seconds per line


@pytest.mark.parametrize(
    "text",
    [
        "Registered voters turned out in force on Sunday.",
        "See more than 100 photos of the parade in our gallery below",
        "The newspaper's subscribers fell by half last year, the company said.",
        "The report may not be published before the election, the court ruled.",
        "Copyright law was changed in 2019 after a long campaign.",
        "Video by a bystander showed police beating a man.",
    ],
)
def test_body_sentences_that_share_words_with_furniture_and_credits(text):
    assert kinds(text, index=1) is None


def test_reporting_credits_only_at_the_edges():
    assert kinds("Reporting by Reuters showed the minister had lied.", index=10, total=30) is None
    assert kinds("Reporting by Ana Lima; Editing by Bo Lind", index=29, total=30) == ["credit"]


def test_an_agency_right_after_the_names_in_a_byline():
    from wirecoder.zones.classify import match_byline

    line = split_lines("By JANE DOE Associated Press")[0]
    piece = match_byline(line, load_patterns())
    assert piece is not None and (piece.names, piece.agency) == (("Jane Doe",), "Associated Press")


def test_wrapped_prose_lines_are_no_stamps_or_bylines():
    assert kinds("published on 3 March 2019 by the ministry, the report", index=1) is None
    assert kinds("by Jane Doe and her colleagues at the institute", index=1) is None
