"""Quotation marks to quoted stretches: styles, nesting, paragraphs, recovery."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from wirecoder.quotes.marks import find_quote_spans


def quoted(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_quote_spans(text)]


def test_curly_quotes():
    assert quoted("She said “we are ready” on Monday.") == ["“we are ready”"]


def test_straight_quotes():
    assert quoted('He called it "a fine plan" and left.') == ['"a fine plan"']


def test_guillemets_and_low_nine_quotes():
    assert quoted("Il a dit «nous partons» hier.") == ["«nous partons»"]
    assert quoted("Er sagte „wir gehen“ gestern.") == ["„wir gehen“"]


def test_ptb_quotes():
    text = "``We will vote no,'' the senator said."
    assert quoted(text) == ["``We will vote no,''"]


def test_doubled_apostrophes_open_and_close():
    text = "The bank ''keeps its books open,'' a clerk said."
    assert quoted(text) == ["''keeps its books open,''"]


def test_single_quotes_inside_double_quotes_stay_inside():
    text = "“He told me ‘never again’ and walked out,” she said."
    assert quoted(text) == ["“He told me ‘never again’ and walked out,”"]


def test_apostrophes_are_not_quotes():
    assert quoted("The mayor’s office and the ’90s rules don’t apply, Jones’ aide said.") == []


def test_headline_single_quotes_are_found_but_marked_single():
    spans = find_quote_spans("Voters Say It’s ‘in Their Hands’ Now")
    assert len(spans) == 1 and not spans[0].double


def test_inches_are_not_quotes():
    assert quoted("The 6'2\" guard said nothing.") == []


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    spans = find_quote_spans("“We will win, he said.\n\nThe vote is on Friday.")
    assert len(spans) == 1 and not spans[0].closed
    assert spans[0].end == len("“We will win, he said.")


def test_closing_mark_without_opening_starts_at_the_paragraph():
    text = "Intro.\nWe will win,” he said."
    spans = find_quote_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["We will win,”"]


def test_multi_paragraph_quote_continues_into_a_paragraph_that_opens_a_mark():
    text = "“The first part goes on.\n\n“And the second part ends here.”\n\nNarration."
    spans = find_quote_spans(text)
    assert len(spans) == 1
    assert spans[0].parts == ((0, 24), (26, 58))
    assert text[spans[0].end - 1] == "”"


def test_closing_style_mark_used_to_open():
    assert quoted("Nota: ”Fear is everywhere,” wrote a reader.") == ["”Fear is everywhere,”"]


@given(st.text(alphabet="ab “”‘’\"'«»„`\n.,", max_size=80))
def test_never_fails_and_spans_are_ordered_and_inside(text):
    spans = find_quote_spans(text)
    last_end = 0
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.start >= last_end
        last_end = span.end
