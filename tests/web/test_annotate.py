"""Contract JSON -> annotated-article view: marks, speaker colours, side tables."""

from __future__ import annotations

from wirecoder.web.annotate import article_view, speaker_colours

TEXT = 'Ministers met in Oslo on Monday. "We agree," said Ana Silva. Lee rejected the plan & left.'


def span(text: str, part: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def contract() -> dict:
    silva, lee = span(TEXT, "Ana Silva"), span(TEXT, "Lee")
    quote = span(TEXT, '"We agree,"')
    monday = span(TEXT, "Monday")
    return {
        "schema": "wirecoder/1",
        "doc": {"id": "d1", "dct": "2024-03-04", "dct_source": "given", "chars": len(TEXT)},
        "actors": [
            {"id": "a1", "name": "Ana Silva", "kind": "person", "country": "NOR", "sector": "GOV", "mentions": [silva]},
            {"id": "a2", "name": "Lee", "kind": "person", "country": None, "sector": None, "mentions": [lee]},
        ],
        "timexes": [{"id": "t1", **monday, "type": "DATE", "value": "2024-03-04"}],
        "quotes": [
            {
                "id": "q1",
                **quote,
                "kind": "direct",
                "speaker": "a1",
                "speaker_text": "Ana Silva",
                "speaker_start": silva["start"],
                "speaker_end": silva["end"],
                "cue": "said",
            },
        ],
        "events": [
            {
                "id": "e1",
                "type": "CONSULT",
                "source": ["a1"],
                "target": [],
                "date": "2024-03-04",
                "status": "asserted",
                "trigger": span(TEXT, "met"),
                "sentence": {"start": 0, "end": 32},
            },
            {
                "id": "e2",
                "type": "REJECT",
                "source": ["a2"],
                "target": ["a1"],
                "date": None,
                "status": "asserted",
                "trigger": span(TEXT, "rejected"),
                "sentence": {"start": 61, "end": len(TEXT)},
            },
        ],
    }


def test_every_annotation_kind_is_marked():
    view = article_view(TEXT, contract())
    html = str(view.html)
    assert 'id="ev-e1"' in html and 'id="ev-e2"' in html
    assert 'id="q-q1"' in html and 'class="ann ann-quote spk-0"' in html
    assert 'title="DATE 2024-03-04"' in html  # the normalised value shows on hover
    assert "ann ann-actor kind-person" in html and 'data-actor="a1"' in html
    assert "quad-vcoop" in html and "quad-vconf" in html
    assert "plan &amp; left" in html  # text is escaped, not dropped


def test_side_tables_use_actor_names():
    view = article_view(TEXT, contract())
    reject = next(e for e in view.events if e.type == "REJECT")
    assert reject.sources == ["Lee"] and reject.targets == ["Ana Silva"]
    assert reject.anchor == "ev-e2" and reject.quad == "vconf"
    assert view.quotes[0].speaker == "Ana Silva" and view.quotes[0].colour == 0
    assert [a.mentions for a in view.actors] == [1, 1]
    assert view.timexes[0].value == "2024-03-04"


def test_speaker_colours_follow_first_appearance_and_cycle():
    quotes = [{"speaker": f"a{i}"} for i in range(10)] + [{"speaker": "a0"}, {"speaker": None}]
    colours = speaker_colours(quotes)
    assert colours["a0"] == 0 and colours["a7"] == 7 and colours["a8"] == 0
    assert None not in colours


def test_unknown_speaker_and_unknown_event_type_still_render():
    data = contract()
    data["quotes"][0]["speaker"] = None
    data["events"][0]["type"] = "NOT_A_TYPE"
    view = article_view(TEXT, data)
    assert "spk-none" in str(view.html)
    assert view.events[0].quad == "other"


def test_furniture_credits_and_bylines_are_dimmed_zones():
    text = "By Jo Lee\nShare this\nChad and Niger met."
    data = {
        "doc": {
            "id": "d2",
            "chars": len(text),
            "zones": [
                {"kind": "byline", "start": 0, "end": 9},
                {"kind": "furniture", "start": 10, "end": 20},
                {"kind": "body", "start": 21, "end": len(text)},
            ],
        }
    }
    html = str(article_view(text, data).html)
    assert '<span class="zone zone-byline" title="byline">By Jo Lee</span>' in html
    assert '<span class="zone zone-furniture" title="furniture">Share this</span>' in html
    assert "zone-body" not in html
