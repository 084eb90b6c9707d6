"""Lines that look like reports but quote nothing said (issue 17, real-news errors 1 and 2)."""

from __future__ import annotations


def cues(quotes):
    return [q.cue for q in quotes]


def test_negated_act_with_a_question_is_no_quote(quotes_of):
    assert quotes_of("The minister did not say if the talks would resume.") == []


def test_not_said_what_is_no_quote(quotes_of):
    assert quotes_of("Police have not said what caused the blast.") == []


def test_refusal_to_say_whether_is_no_quote(quotes_of):
    assert quotes_of("The spokesman declined to say whether the talks would resume.") == []


def test_subject_naming_nobody_is_no_quote(quotes_of):
    assert quotes_of("No group has claimed that the attack was revenge.") == []
    assert quotes_of("Nobody said the bridge would close.") == []


def test_question_put_to_the_subject_is_not_his_quote(quotes_of):
    assert quotes_of("He was asked whether the plan would work.") == []


def test_act_inside_a_question_attributes_nothing(quotes_of):
    text = 'When asked whether the commission hinted at a date, he said: "No, they did not tell us anything."'
    (q,) = quotes_of(text)
    assert q.cue == "said" and q.speaker_text == "he" and q.kind == "direct"


def test_conditional_act_is_no_quote(quotes_of):
    assert "says" not in cues(quotes_of("If the mayor says the roads are safe, the schools will reopen."))


def test_negated_mention_is_kept_and_flagged(quotes_of):
    (q,) = quotes_of("The senator did not mention the governor by name.")
    assert q.negated and q.cue == "mention"


def test_negated_belief_is_a_view_held_and_flagged(quotes_of):
    (q,) = quotes_of("She doesn't think the plan will work.")
    assert q.negated and q.cue_type == "belief" and q.text == "the plan will work"


def test_plain_report_is_not_negated(quotes_of):
    (q,) = quotes_of("The mayor said the roads would reopen on Monday.")
    assert not q.negated and q.cue_type == "speech"


def test_reporters_question_is_no_quote(quotes_of):
    quotes = quotes_of("“Will you resign?” a reporter asked. “No, I will not,” the minister said.")
    assert [(q.cue, q.speaker_text) for q in quotes] == [("said", "the minister")]


def test_transcript_question_label_is_no_speaker(quotes_of):
    quotes = quotes_of("REPORTER: Will you resign?\nSMITH: No, I will stay in office until the end.")
    assert [q.speaker_text for q in quotes] == ["SMITH"]


def test_commonly_known_as_is_a_name_not_a_quote(quotes_of):
    assert quotes_of("Ali, commonly known as “the Butcher of Baghdad and Basra,” was arrested on Monday.") == []


def test_empty_it_is_no_speaker(quotes_of):
    assert quotes_of("It goes without saying that raising taxes on the rich is unpopular.") == []
    assert quotes_of("It seems unfair to simply tell the miners that their jobs are gone.") == []


def test_generic_you_outside_a_quotation_is_no_speaker(quotes_of):
    assert quotes_of("A small state can be as strong as you want it to be.") == []


def test_conceding_an_election_is_no_report(quotes_of):
    assert quotes_of("The president conceded the election on Friday.") == []


def test_an_attack_by_force_is_no_stance(quotes_of):
    assert quotes_of("The militia attacked the town on Monday.") == []
    assert quotes_of("Rebels attacked the airport with rockets.") == []


def test_an_attack_on_someone_or_for_a_reason_is_a_stance(quotes_of):
    q = next(q for q in quotes_of("The senator attacked Clinton over her emails.") if q.cue == "attacked")
    assert q.text == "Clinton over her emails" and q.cue_type == "stance"
    q = next(q for q in quotes_of("The senator attacked the plan as a waste of money.") if q.cue == "attacked")
    assert q.text == "the plan as a waste of money"
