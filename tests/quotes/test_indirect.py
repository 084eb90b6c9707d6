"""Indirect and mixed speech read off the parse: complements, asides, sources, beliefs, stances."""

from __future__ import annotations


def find(quotes, cue):
    hits = [q for q in quotes if q.cue == cue]
    assert hits, [(q.cue, q.text) for q in quotes]
    return hits[0]


def test_said_that_content_keeps_the_complementizer(quotes_of):
    q = find(quotes_of("The governor said that the new bridge would open in June."), "said")
    assert q.kind == "indirect"
    assert q.text == "that the new bridge would open in June"
    assert q.speaker_text == "The governor"


def test_said_without_that(quotes_of):
    q = find(quotes_of("The coach said his team was ready for the final."), "said")
    assert q.text == "his team was ready for the final"


def test_report_after_the_content(quotes_of):
    q = find(quotes_of("The factory will close in March, the company said."), "said")
    assert q.text == "The factory will close in March"
    assert q.speaker_text == "the company"


def test_parenthetical_attribution_keeps_the_whole_sentence(quotes_of):
    text = "The economy, the governor said, is recovering faster than expected."
    q = find(quotes_of(text), "said")
    assert q.start == 0 and q.text.endswith("faster than expected")


def test_told_reporters_that(quotes_of):
    q = find(quotes_of("The general told reporters that the troops would stay until spring."), "told")
    assert q.text == "that the troops would stay until spring"


def test_anonymous_official_is_the_speaker(quotes_of):
    q = find(quotes_of("A senior Treasury official told reporters that sanctions would follow."), "told")
    assert q.speaker_text == "A senior Treasury official"


def test_mixed_quote_is_indirect_content_with_a_quoted_fragment(quotes_of):
    q = find(quotes_of("The envoy said on Friday that the talks had gone “extremely well”."), "said")
    assert q.kind == "mixed"
    assert q.text == "that the talks had gone “extremely well”"


def test_according_to(quotes_of):
    q = find(quotes_of("Exports rose by ten percent last year, according to the central bank."), "according to")
    assert q.text == "Exports rose by ten percent last year"
    assert q.speaker_text == "the central bank"


def test_relative_clause_speaker_is_the_antecedent(quotes_of):
    text = "Oslo, which announced in May that it would cut emissions, hosts the summit."
    q = find(quotes_of(text), "announced")
    assert q.speaker_text == "which"  # the mention; the speaker's actor is the antecedent's (test_speakers)
    assert q.text == "that it would cut emissions"


def test_relative_object_described_as(quotes_of):
    text = "Ms. Ortiz, whom the ministry describes as its “chief negotiator”, arrived on Monday."
    q = find(quotes_of(text), "describes")
    assert q.kind == "mixed"
    assert q.speaker_text == "the ministry"
    assert q.text == "its “chief negotiator”"


def test_content_after_the_cue_in_a_relative_clause(quotes_of):
    text = "The tariffs, which officials said will take effect in May, worry farmers."
    q = find(quotes_of(text), "said")
    assert q.text == "will take effect in May"
    assert q.speaker_text == "officials"


def test_reporting_verbs_beyond_say(quotes_of):
    for verb in ("warned", "insisted", "declared", "claimed", "noted", "stressed"):
        q = find(quotes_of(f"The senator {verb} that the budget was too small."), verb)
        assert q.text == "that the budget was too small", verb


def test_denied_takes_an_object(quotes_of):
    q = find(quotes_of("The minister denied the allegations of bribery."), "denied")
    assert q.text == "the allegations of bribery"


def test_belief_verbs_are_attributions(quotes_of):
    q = find(quotes_of("Economists believe the recession will end soon."), "believe")
    assert q.text == "the recession will end soon"
    assert q.speaker_text == "Economists"


def test_stance_verb_with_object_and_reason(quotes_of):
    q = find(quotes_of("The senator criticized the bill for its high cost."), "criticized")
    assert q.text == "the bill for its high cost"


def test_phrasal_cue(quotes_of):
    q = find(quotes_of("The union called for a national strike in May."), "called for")
    assert q.text == "a national strike in May"


def test_participle_takes_the_subject_of_its_clause(quotes_of):
    q = find(quotes_of("The mayor left the meeting early, saying the vote was rigged."), "saying")
    assert q.speaker_text == "The mayor"
    assert q.text == "the vote was rigged"


def test_document_author_is_the_speaker(quotes_of):
    text = "The crisis ended with a letter by Lee to the board, saying he would resign at once."
    q = find(quotes_of(text), "saying")
    assert q.speaker_text == "Lee"


def test_finding_of_a_named_poll(quotes_of):
    q = find(quotes_of("Support for the plan reached 60 percent in a new Gallup poll."), "in")
    assert q.text == "Support for the plan reached 60 percent"
    assert q.speaker_text == "a new Gallup poll"


def test_colon_introduces_the_rest_of_the_paragraph(quotes_of):
    text = "The governor added: The plan is sound. Taxes will fall next year.\n\nOther news."
    q = find(quotes_of(text), "added")
    assert q.text == "The plan is sound. Taxes will fall next year"


def test_colon_at_paragraph_end_introduces_the_next_paragraph(quotes_of):
    text = "Then the chairman continued:\n\nWe have never seen a harvest this poor in forty years."
    q = find(quotes_of(text), "continued")
    assert q.text == "We have never seen a harvest this poor in forty years"


def test_phrasal_cue_with_a_gerund_object(quotes_of):
    q = find(quotes_of("The senator called for raising the minimum wage."), "called for")
    assert q.text == "raising the minimum wage"
    assert q.speaker_text == "The senator"


def test_that_clause_hung_on_the_addressee(quotes_of):
    q = find(quotes_of("The mayor told a meeting of local leaders that the budget would be cut."), "told")
    assert q.text == "that the budget would be cut"
    assert q.speaker_text == "The mayor"


def test_relative_clause_on_the_addressee_is_no_content(quotes_of):
    quotes = quotes_of("The mayor told the leaders that attended the meeting about the budget.")
    assert not any(q.text.startswith("that attended") for q in quotes)


def test_expected_that_is_a_view(quotes_of):
    q = find(quotes_of("The adviser expected that the president would change the speech."), "expected")
    assert q.text == "that the president would change the speech"
    assert q.cue_type == "belief"


def test_echoed_reports_its_object(quotes_of):
    q = find(quotes_of("Several senators echoed the warnings of the central bank."), "echoed")
    assert q.text == "the warnings of the central bank"


def test_raising_verb_with_an_infinitive_is_a_view_without_a_speaker(quotes_of):
    q = find(quotes_of("Turnout appears to have fallen sharply in the north."), "appears")
    assert q.text == "Turnout appears to have fallen sharply in the north"
    assert q.speaker is None and q.speaker_text is None
    assert q.cue_type == "evidence"


def test_it_seems_reports_the_clause(quotes_of):
    q = find(quotes_of("It seems the council will approve the budget."), "seems")
    assert q.text == "the council will approve the budget"
    assert q.speaker_text is None


def test_a_forecast_in_the_passive_is_no_view(quotes_of):
    assert quotes_of("The mayor is expected to sign the bill on Friday.") == []


def test_raising_verbs_without_a_clause_report_nothing(quotes_of):
    assert quotes_of("The mayor appeared on television on Monday.") == []
    assert quotes_of("The senator seemed tired after the vote.") == []


def test_a_view_inside_what_someone_said_is_part_of_that_quote(quotes_of):
    quotes = quotes_of("The minister said the plan seems to work.")
    assert [q.cue for q in quotes] == ["said"]


def test_topics_discussed_are_no_quote(quotes_of):
    # an interview's list of topics says what was talked about, not what was said
    assert quotes_of("The candidate discusses her background, the pandemic and the economy.") == []


def test_apologised_for_reports_what_was_regretted(quotes_of):
    q = find(quotes_of("The minister apologised to the voters for “a terrible mistake in the budget.”"),
             "apologised to the voters for")  # fmt: skip
    assert q.text == "“a terrible mistake in the budget.”" and q.speaker_text == "The minister"


def test_encouraged_to(quotes_of):
    q = find(quotes_of("The coach encouraged the players to stay calm."), "encouraged")
    assert q.text == "the players to stay calm"


def test_adding_ends_what_was_said_before_it(quotes_of):
    text = "The mayor said the roads would reopen, adding that the governor had directed crews to work overnight."
    quotes = quotes_of(text)
    assert find(quotes, "said").text == "the roads would reopen"
    adding = find(quotes, "adding")
    assert adding.text == "that the governor had directed crews to work overnight"
    assert adding.speaker_text == "The mayor"
