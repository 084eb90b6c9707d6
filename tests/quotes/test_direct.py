"""Direct quotations: attribution, split quotes, paragraphs, posts, scare quotes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def only(quotes):
    assert len(quotes) == 1, [(q.kind, q.text) for q in quotes]
    return quotes[0]


def test_pronoun_after_the_quote(quotes_of):
    q = only(quotes_of("“We will rebuild the bridge by spring,” she said."))
    assert q.kind == "direct"
    assert q.text == "“We will rebuild the bridge by spring,”"
    assert (q.speaker_text, q.cue) == ("she", "said")


def test_inverted_speaker_with_title(quotes_of):
    q = only(quotes_of("“The harbour will reopen next week,” said the port director."))
    assert q.speaker_text == "the port director"
    assert q.kind == "direct"


def test_speaker_before_a_colon(quotes_of):
    q = only(quotes_of("The minister told the assembly: “Nobody will lose their pension.”"))
    assert q.text == "“Nobody will lose their pension.”"
    assert q.speaker_text == "The minister"
    assert q.cue == "told"


def test_quote_split_by_its_attribution_is_one_quotation(quotes_of):
    text = "“The levees held,” the engineer said, “but the pumps failed twice overnight.”"
    q = only(quotes_of(text))
    assert q.start == 0 and q.end == len(text)
    assert q.speaker_text == "the engineer"


def test_next_quoted_sentence_in_the_paragraph_continues_the_quotation(quotes_of):
    text = "“We counted every ballot,” the clerk said. “The totals did not change.”"
    q = only(quotes_of(text))
    assert q.end == len(text)


def test_a_new_narrative_sentence_stops_the_continuation(quotes_of):
    text = "“We counted every ballot,” the clerk said. The board met on “certification day” later."
    q = only(quotes_of(text))
    assert q.text == "“We counted every ballot,”"


def test_unclosed_paragraph_continues_into_the_next_quoted_paragraph(quotes_of):
    text = (
        "“The river rose four metres in a night,” the mayor told reporters. “We moved 300 families.\n\n"
        "“Most of them are back home now.”"
    )
    q = only(quotes_of(text))
    assert q.end == len(text)
    assert q.speaker_text == "the mayor"


def test_quoted_paragraph_without_cue_inherits_the_previous_speaker(quotes_of):
    text = (
        "Farmers say the new tariff will hurt exports, the trade minister said on Monday.\n\n"
        "“We are negotiating a better deal for every grower in the valley.”"
    )
    quotes = quotes_of(text)
    last = quotes[-1]
    assert last.kind == "direct" and last.text.startswith("“We are negotiating")
    assert last.speaker_text == "the trade minister"


def test_scare_quote_without_attribution_is_not_a_quotation(quotes_of):
    assert quotes_of("The so-called “peace dividend” never arrived in the region.") == []


def test_title_in_quotes_is_not_a_quotation(quotes_of):
    assert quotes_of("She starred in “The Long Winter” before moving to Paris.") == []


def test_embedded_post_is_a_direct_quote_of_its_author(quotes_of):
    text = "Great talks with the delegation today. — Jane Doe (@janedoe) May 2, 2019"
    q = only(quotes_of(text))
    assert q.kind == "direct"
    assert q.text == "Great talks with the delegation today."
    assert q.speaker_text == "Jane Doe"
    assert q.cue == "posted"


def test_quote_signed_with_a_dash(quotes_of):
    text = "“The city needs more buses and fewer parking lots.” ― Maria Lopez"
    q = only(quotes_of(text))
    assert q.speaker_text == "Maria Lopez"


def test_cue_inside_a_quotation_is_not_a_second_quotation(quotes_of):
    q = only(quotes_of("“I think the vote was fair and the count was clean,” the observer said."))
    assert q.speaker_text == "the observer"


def test_odd_number_of_marks_never_fails(quotes_of):
    quotes = quotes_of("“The dam is safe, he said. Officials said the “repairs are done.\n\nNext paragraph “here.")
    assert all(q.start < q.end for q in quotes)


def test_transcript_speaker_label(quotes_of):
    text = "HARRIS: The committee will vote on the bill tomorrow morning.\n\nNarration follows."
    q = only(quotes_of(text))
    assert q.speaker_text == "HARRIS"
    assert q.text == "The committee will vote on the bill tomorrow morning"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(
        st.sampled_from(
            ["“", "”", '"', "'", "‘", "’", "«", "»", " said ", " he ", "The mayor", ".", ",", "\n", "Yes", " told "]
        ),
        max_size=30,
    )
)
def test_any_mix_of_marks_and_cues_gives_valid_quotes(quotes_of, pieces):
    quotes_of("".join(pieces))  # the fixture checks every offset


def test_clause_ending_in_a_colon_introduces_the_quotation(quotes_of):
    q = only(quotes_of("The senator scolded him: “The committee has seen no evidence of that at all.”"))
    assert q.speaker_text == "The senator"
    assert q.cue == "scolded"


def test_inverted_said_before_a_colon(quotes_of):
    q = only(quotes_of("Experts disagree. Said Ellis: “I don’t get the sense she cares about tax reform.”"))
    assert (q.speaker_text, q.cue) == ("Ellis", "Said")


def test_name_label_before_a_colon_attributes_the_quotation(quotes_of):
    text = "Voters care about leadership - Frank Newport: “We found that the strongest traits were inspiring ones.”"
    (q,) = quotes_of(text)
    assert q.speaker_text == "Frank Newport" and q.cue == ":" and q.kind == "direct"


def test_name_inside_a_sentence_before_a_colon_is_no_label(quotes_of):
    assert quotes_of("The list includes Paris: “a city that never sleeps at all.”") == []


def test_clause_ending_in_a_colon_introduces_the_quote_even_when_the_colon_hangs_on_its_verb(quotes_of):
    (q,) = quotes_of('A footnote in the report makes that clear: "These rules do not apply to the Secretary."')
    assert q.speaker_text == "A footnote" and q.kind == "direct"


def test_any_verb_before_a_colon_attributes_the_quote_to_its_subject(quotes_of):
    (q,) = quotes_of("Jared Potts, 17, echoed: “He speaks his mind, and I think that might be what the country needs.”")
    assert q.speaker_text.startswith("Jared Potts") and q.cue == "echoed"
