"""Quote spans (issue 17): one attribution per quote, mixed quotes whole, no datelines."""

from __future__ import annotations


def test_mixed_quote_covers_every_quoted_part(quotes_of):
    text = "Sunak said the judgment “was not the outcome we wanted” and he would “now consider next steps”."
    (q,) = quotes_of(text)
    assert q.kind == "mixed"
    assert q.text == "the judgment “was not the outcome we wanted” and he would “now consider next steps”"


def test_mixed_quote_with_single_marks(quotes_of):
    text = "Sunak said the judgment 'was not the outcome we wanted' and he would 'now consider next steps'."
    (q,) = quotes_of(text)
    assert q.kind == "mixed" and q.text.endswith("'now consider next steps'")


def test_unquoted_conjunct_of_the_cue_is_not_reported(quotes_of):
    (q,) = quotes_of("The mayor said the road was closed and he went home.")
    assert q.text == "the road was closed"


def test_adjacent_paragraphs_attributed_separately_stay_apart(quotes_of):
    text = '"The roads are closed to all traffic," the mayor said.\n\n"We need more help," the governor said.'
    first, second = quotes_of(text)
    assert first.speaker_text == "the mayor" and second.speaker_text == "the governor"
    assert "\n" not in first.text and "\n" not in second.text


def test_quote_carried_on_by_its_opening_mark_is_one_quote(quotes_of):
    text = 'He spoke.\n\n"The roads are closed and the schools too.\n\n"We need help from everyone," the mayor said.'
    (q,) = quotes_of(text)
    assert q.text.startswith('"The roads') and q.text.endswith('everyone,"')


def test_paragraph_closed_by_its_mark_does_not_swallow_the_next(quotes_of):
    text = '"The roads are closed to all traffic," the mayor said.\n\nThe governor later said the schools would reopen.'
    quotes = quotes_of(text)
    assert [q.speaker_text for q in quotes] == ["the mayor", "The governor"]
    assert quotes[0].end < text.index("\n")


def test_dateline_is_never_inside_a_span(quotes_of):
    text = 'Nigeria mourns\n\nLAGOS, Nigeria (AP) — "This attack was cowardly and cruel," the president said on Sunday.'
    (q,) = quotes_of(text)
    assert q.kind == "direct" and q.text == '"This attack was cowardly and cruel,"'


def test_said_in_a_statement_that(quotes_of):
    (q,) = quotes_of("The ministry said in a statement that the border would remain closed.")
    assert q.cue == "said" and q.text == "that the border would remain closed" and q.speaker_text == "The ministry"


def test_closed_quote_is_not_carried_on_by_the_next_paragraph(quotes_of):
    text = '"The roads are closed to all traffic," the mayor said.\n\n"We are working day and night to reopen them."'
    first, second = quotes_of(text)
    assert first.text == '"The roads are closed to all traffic,"'
    assert second.text == '"We are working day and night to reopen them."'
    assert second.speaker_text == "the mayor"


def test_one_attribution_per_quote_for_a_cue_inside_its_own_report(quotes_of):
    (q,) = quotes_of("The mayor refused to comment on the report.")
    assert q.cue == "refused" and q.text == "to comment on the report" and q.negated


def test_nested_report_of_another_speaker_stays(quotes_of):
    quotes = quotes_of("The mayor said the governor told him that the bridge would close.")
    assert {q.cue for q in quotes} == {"said", "told"}


def test_clause_coordinated_after_an_aside_attribution_is_reported_too(quotes_of):
    (q,) = quotes_of("The river rose two meters overnight, officials said, and several roads were closed.")
    assert q.speaker_text == "officials"
    assert q.text == "The river rose two meters overnight, officials said, and several roads were closed"


def test_speakers_own_act_after_an_aside_is_not_reported(quotes_of):
    (q,) = quotes_of("The road is closed, the mayor said, and he went home.")
    assert q.text == "The road is closed"


def test_second_that_clause_coordinated_with_the_first_is_reported(quotes_of):
    (q,) = quotes_of("The company said that sales fell in March, but that profits rose.")
    assert q.text == "that sales fell in March, but that profits rose"


def test_aside_inside_a_second_conjunct_reports_that_conjunct_only(quotes_of):
    (q,) = quotes_of("Sales fell in March, but profits, the company said, rose sharply.")
    assert q.text == "profits, the company said, rose sharply"
