"""The range of cues (issue 17): verbs of speech, writing, belief and perception, nominal cues,
"according to" and "X's position is that", each with its cue type."""

from __future__ import annotations


def only(quotes, cue):
    hits = [q for q in quotes if q.cue == cue]
    assert len(hits) == 1, [(q.cue, q.text) for q in quotes]
    return hits[0]


def test_speech_and_writing_types(quotes_of):
    assert only(quotes_of("The mayor said the bridge would reopen."), "said").cue_type == "speech"
    assert only(quotes_of("The mayor wrote that the bridge would reopen."), "wrote").cue_type == "writing"


def test_belief_verbs(quotes_of):
    for text, cue in [
        ("Officials believe the fire was started deliberately.", "believe"),
        ("Residents fear the dam could burst.", "fear"),
        ("The coach hopes his team will win the final.", "hopes"),
        ("Many farmers think the drought will last.", "think"),
    ]:
        q = only(quotes_of(text), cue)
        assert q.cue_type == "belief" and q.kind == "indirect", text


def test_perception_verbs(quotes_of):
    q = only(quotes_of("The newspaper has learned that the minister will resign."), "learned")
    assert q.cue_type == "perception" and q.speaker_text == "The newspaper"
    q = only(quotes_of("Doctors noticed that the patients recovered faster."), "noticed")
    assert q.cue_type == "perception"


def test_according_to_is_a_source_cue(quotes_of):
    q = only(quotes_of("Exports rose by ten percent, according to the central bank."), "according to")
    assert q.cue_type == "source"


def test_nominal_cue_with_a_possessor(quotes_of):
    q = only(quotes_of("The judge rejected the mayor's claim that the vote was rigged."), "claim")
    assert q.text == "that the vote was rigged" and q.speaker_text == "the mayor" and q.cue_type == "speech"


def test_nominal_cue_takes_the_subject_for_a_possessive_pronoun(quotes_of):
    q = only(quotes_of("Smith repeated his claim that the vote was rigged."), "claim")
    assert q.speaker_text == "Smith"


def test_nominal_cue_as_the_object_of_the_speaker(quotes_of):
    q = only(quotes_of("The ministry issued a warning that the storm would hit the coast."), "warning")
    assert q.speaker_text == "The ministry" and q.text == "that the storm would hit the coast"


def test_position_is_that(quotes_of):
    q = only(quotes_of("The party's position is that the tax must go."), "position")
    assert q.text == "that the tax must go" and q.speaker_text == "The party" and q.cue_type == "belief"


def test_nominal_cue_without_a_speaker_is_no_quote(quotes_of):
    assert quotes_of("The claim that vaccines cause autism has been disproved.") == []


def test_relative_clause_on_a_cue_noun_is_no_content(quotes_of):
    assert quotes_of("The claim that he made was false.") == []


def test_view_reported_inside_a_quote_is_part_of_it(quotes_of):
    (q,) = quotes_of("The senator said she believes the plan will work.")
    assert q.cue == "said" and q.text == "she believes the plan will work"


def test_as_reported_by_qualifies_the_main_clause(quotes_of):
    q = only(quotes_of("As reported by the Herald, investigators found two thousand emails."), "reported")
    assert q.text == "investigators found two thousand emails" and q.speaker_text == "the Herald"


def test_temporal_as_is_no_report(quotes_of):
    assert quotes_of("The crowd cheered as she said goodbye to the team.") == []


def test_called_with_a_quoted_predicate(quotes_of):
    q = only(quotes_of("Graham called both Smith and Jones “crazy” and left the room."), "called")
    assert q.speaker_text == "Graham" and q.text.endswith("“crazy”")


def test_relative_object_of_called_keeps_the_named_speaker(quotes_of):
    q = only(quotes_of("His anger was aimed at Bannon, who Beck called “a horrible human being.”"), "called")
    assert q.speaker_text == "Beck"


def test_a_group_called_is_a_name_not_a_quote(quotes_of):
    assert quotes_of("She founded a group called Free Speech Now in Ohio.") == []


def test_wants_and_plans_are_views_held(quotes_of):
    q = only(quotes_of("The union wants the factory to stay open."), "wants")
    assert q.cue_type == "belief" and q.text == "the factory to stay open"
    q = only(quotes_of("The ministry plans to reopen the border in May."), "plans")
    assert q.cue_type == "belief" and q.text == "to reopen the border in May"


def test_support_is_no_cue(quotes_of):
    assert quotes_of("Farmers support the new dam.") == []


def test_intentions_and_recognitions(quotes_of):
    assert only(quotes_of("The council intends to close the bridge in May."), "intends").cue_type == "belief"
    assert only(quotes_of("The minister recognized that the plan had failed."), "recognized").cue_type == "belief"


def test_nominal_cue_with_an_infinitive(quotes_of):
    q = only(quotes_of("Mrs. Clinton's plan to raise taxes on the rich was criticized."), "plan")
    assert q.text == "to raise taxes on the rich" and q.speaker_text == "Mrs. Clinton"


def test_an_effort_is_no_cue(quotes_of):
    assert quotes_of("Her effort to win the county failed.") == []


def test_speech_verbs_with_an_object(quotes_of):
    q = only(quotes_of("The minister stressed the need for calm in the capital."), "stressed")
    assert q.text == "the need for calm in the capital" and q.cue_type == "speech"
    q = only(quotes_of("The report highlighted the risks of the new dam."), "highlighted")
    assert q.speaker_text == "The report"


def test_reported_with_an_object(quotes_of):
    q = only(quotes_of("Police reported two arrests near the stadium."), "reported")
    assert q.text == "two arrests near the stadium" and q.cue_type == "writing"


def test_suggested_and_promised_with_an_object(quotes_of):
    q = only(quotes_of("The mayor suggested a new route for the buses."), "suggested")
    assert q.text == "a new route for the buses"
    q = only(quotes_of("The governor promised new schools for the district."), "promised")
    assert q.text == "new schools for the district"


def test_urged_with_an_object_and_asked_for(quotes_of):
    q = only(quotes_of("The envoy urged restraint on both sides of the border."), "urged")
    assert q.text.startswith("restraint")
    q = only(quotes_of("The mayor asked for federal help after the floods."), "asked for")
    assert q.text == "federal help after the floods"
