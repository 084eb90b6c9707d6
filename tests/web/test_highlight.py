"""Offsets -> highlighted HTML: nesting, overlaps, escaping, unicode."""

from __future__ import annotations

import html
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from wirecoder.web.highlight import Mark, highlight


class _Walker(HTMLParser):
    """Checks that tags nest and records, for every character of text, which marks cover it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []
        self.cover: list[frozenset[str]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag == "span", tag
        values = dict(attrs)
        self.stack.append(values["data-k"] or "")
        if values.get("id"):
            self.ids.append(values["id"])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, "closing tag without an open one"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        self.cover.extend([frozenset(self.stack)] * len(data))


def walk(markup: str) -> _Walker:
    walker = _Walker()
    walker.feed(markup)
    walker.close()
    assert walker.stack == [], "unclosed tags"
    return walker


def mark(start: int, end: int, key: str, **kw) -> Mark:
    return Mark(start, end, f"m m-{key}", data=(("k", key),), **kw)


def test_no_marks_only_escapes():
    assert highlight("a < b & c > d", []) == "a &lt; b &amp; c &gt; d"


def test_nested_marks_nest():
    out = highlight("Trump said hello", [mark(0, 16, "outer"), mark(0, 5, "inner")])
    assert out.startswith('<span class="m m-outer" data-k="outer"><span class="m m-inner" data-k="inner">Trump</span>')
    assert out.endswith(" said hello</span>")


def test_crossing_marks_are_split_and_stay_well_formed():
    text = "abcdef"
    out = str(highlight(text, [mark(0, 4, "A", id="a"), mark(2, 6, "B", id="b")]))
    walker = walk(out)
    assert "".join(walker.text) == text
    assert walker.cover == [{"A"}, {"A"}, {"A", "B"}, {"A", "B"}, {"B"}, {"B"}]
    # Each id appears once, on the first fragment; the later fragment is marked as a continuation.
    assert sorted(walker.ids) == ["a", "b"]
    assert 'class="m m-B cont"' in out


def test_identical_extents_render_by_priority():
    out = str(highlight("met", [mark(0, 3, "event", priority=4), mark(0, 3, "quote", priority=0)]))
    assert out.index("m-quote") < out.index("m-event")


def test_text_and_attributes_are_escaped():
    text = '<script>alert("x")</script> & more'
    out = str(highlight(text, [Mark(0, 8, "tag", title='say "hi" <b>&', id='x"><img')]))
    assert "<script>" not in out and "<img" not in out
    assert "&lt;script&gt;" in out
    assert 'title="say &#34;hi&#34; &lt;b&gt;&amp;"' in out
    assert html.unescape(out.split(">", 1)[1].split("</span>")[0]) == "<script>"


def test_unicode_offsets_are_code_points():
    text = "Café 🎉 naïve «Zürich» 北京 talks"
    start = text.index("«Zürich»")
    beijing = text.index("北京")
    out = str(highlight(text, [mark(start, start + 8, "q"), mark(beijing, beijing + 2, "city")]))
    walker = walk(out)
    assert "".join(walker.text) == text
    assert "".join(ch for ch, cov in zip(text, walker.cover, strict=True) if "q" in cov) == "«Zürich»"
    assert "".join(ch for ch, cov in zip(text, walker.cover, strict=True) if "city" in cov) == "北京"


def test_out_of_range_and_empty_marks_are_skipped():
    out = highlight("short", [mark(2, 2, "empty"), mark(3, 99, "past"), mark(-1, 2, "neg"), mark(0, 5, "ok")])
    assert out == '<span class="m m-ok" data-k="ok">short</span>'


def test_newlines_are_kept_inside_marks():
    text = "line one\nline two"
    walker = walk(str(highlight(text, [mark(5, 13, "x")])))
    assert "".join(walker.text) == text


@st.composite
def text_and_marks(draw):
    text = draw(st.text(alphabet=st.sampled_from(list("ab <>&\"'\né🎉")), min_size=1, max_size=40))
    count = draw(st.integers(min_value=0, max_value=8))
    marks = []
    for k in range(count):
        start = draw(st.integers(min_value=0, max_value=len(text) - 1))
        end = draw(st.integers(min_value=start + 1, max_value=len(text)))
        marks.append(mark(start, end, f"k{k}", id=f"id{k}"))
    return text, marks


@settings(max_examples=150, deadline=None)
@given(text_and_marks())
def test_any_marks_give_well_formed_html_with_exact_coverage(case):
    text, marks = case
    walker = walk(str(highlight(text, marks)))
    assert "".join(walker.text) == text
    for i in range(len(text)):
        expected = {m.data[0][1] for m in marks if m.start <= i < m.end}
        assert walker.cover[i] == expected, (i, text, marks)
    assert sorted(walker.ids) == sorted(m.id for m in marks)
