"""Bugs found while tuning, each pinned by a short sentence."""

from __future__ import annotations


def test_while_clause_is_not_a_parenthetical_report(quotes_of):
    text = "The army remains on alert in the north, while the navy maintains a fleet in the gulf."
    assert quotes_of(text) == []


def test_lets_say_has_no_speaker(quotes_of):
    assert all(q.speaker_text not in ("'s", "’s") for q in quotes_of("Let's say you think the fee is too high."))


def test_participle_after_an_object_is_its_own_report(quotes_of):
    text = "He defended the remark, saying the joke was harmless."
    quotes = {q.cue: q for q in quotes_of(text)}
    assert "defended" not in quotes or quotes["defended"].text == "the remark"
    assert quotes["saying"].text == "the joke was harmless"


def test_content_never_leaks_into_another_paragraph(quotes_of):
    text = "Voters head to the polls in record numbers\n\nThe governor said turnout would be high."
    for q in quotes_of(text):
        assert "\n" not in q.text, q.text


def test_subject_found_inside_the_quotation_is_not_the_speaker(quotes_of):
    text = "“My reaction was anger,” the former aide said."
    (q,) = quotes_of(text)
    assert q.speaker_text == "the former aide"


def test_quantifier_subjects_speak(quotes_of):
    (q,) = quotes_of("Most of the workers said they had liked the plant.")
    assert q.speaker_text == "Most"


def test_seen_with_a_predicate_is_no_belief_report(quotes_of):
    assert quotes_of("We have never seen a harvest this poor in forty years.") == []


def test_according_to_at_the_root_does_not_loop(quotes_of):
    assert isinstance(quotes_of("According to the report."), list)


def test_relative_clause_report_ends_at_its_comma(quotes_of):
    text = "The tariffs, which officials said will take effect in May, worry farmers."
    (q,) = quotes_of(text)
    assert q.text == "will take effect in May"


def test_second_part_of_a_split_quote_joins_the_first(quotes_of):
    text = "“The levees held,” the engineer said, “but the pumps failed twice overnight.”"
    assert len(quotes_of(text)) == 1
