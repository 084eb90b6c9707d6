"""Speakers on real-news shapes (issue 17): Q&A turns, "adding that", pronouns."""

from __future__ import annotations


def test_adding_that_keeps_the_speaker_of_the_quote(quotes_of):
    text = "“We will rebuild the town,” he said, adding that the governor had directed extra crews to the area."
    quotes = quotes_of(text)
    assert [q.speaker_text for q in quotes] == ["he", "he"]
    assert quotes[1].cue == "adding" and quotes[1].text.startswith("that the governor")


def test_adding_that_after_an_indirect_report(quotes_of):
    quotes = quotes_of("The mayor said the roads would reopen, adding that the governor had sent extra crews.")
    assert [q.speaker_text for q in quotes] == ["The mayor", "The mayor"]


def test_answer_to_a_question_is_the_answerers(quotes_of):
    text = "When asked whether the board had set a date, the chairman said: “Not yet, but we are close.”"
    (q,) = quotes_of(text)
    assert q.speaker_text == "the chairman" and q.kind == "direct"


def test_quote_after_a_colon_belongs_to_the_clause_it_ends(quotes_of):
    text = "Asked if the unions had agreed, she replied: “They have signed the deal tonight.”"
    (q,) = quotes_of(text)
    assert q.speaker_text == "she" and q.cue == "replied"


def test_document_issued_by_the_subject_speaks_for_it(quotes_of):
    (q,) = quotes_of("The council issued a statement calling the test a clear violation of its rules.")
    assert q.speaker_text == "The council"


def test_document_only_received_does_not_speak_for_the_receiver(quotes_of):
    (q,) = quotes_of("The mayor received a letter saying the state needed help.")
    assert q.speaker_text == "a letter"


def test_document_with_a_relative_author(quotes_of):
    (q,) = quotes_of("The goal is growth, according to a speech Mrs. Clinton delivered in July.")
    assert q.speaker_text == "Mrs. Clinton"


def test_event_noun_hands_its_speech_to_the_subject(quotes_of):
    (q,) = quotes_of("She spoke at a news conference announcing that the city would sue the state.")
    assert q.speaker_text == "She"


def test_medium_under_an_adverb_still_hands_its_speech_to_the_subject(quotes_of):
    text = "Robby Mook said as much in an interview on Thursday, arguing that the senator had lashed out."
    q = next(q for q in quotes_of(text) if q.cue == "arguing")
    assert q.speaker_text == "Robby Mook"


def test_poll_found_in_is_its_own_source(quotes_of):
    (q,) = quotes_of("Smith leads the race by ten points in a new Gallup poll.")
    assert q.speaker_text == "a new Gallup poll"


def test_act_asked_of_the_subject_is_no_quote(quotes_of):
    text = "Asked to describe the device that caused the blast, the chief said, “Not going to go into that.”"
    (q,) = quotes_of(text)
    assert q.cue == "said" and q.kind == "direct"


def test_occasion_of_speech_never_speaks(quotes_of):
    (q,) = quotes_of("On Tuesday, the senator opened a Rochester rally blasting Clinton for promoting fracking.")
    assert q.speaker_text == "the senator"


def test_a_date_is_no_author(quotes_of):
    text = "“We have the right to choose,” he said at Tuesday's rally, insisting that the state had enough delegates."
    assert [q.speaker_text for q in quotes_of(text)] == ["he", "he"]


def test_first_person_report_inside_a_labelled_turn_is_the_labelled_speakers(quotes_of):
    quotes = quotes_of("SMITH: I think the plan will fail because nobody funds it.\nJONES: We believe it will work.")
    assert [(q.speaker_text, q.cue) for q in quotes] == [("SMITH", ":"), ("JONES", ":")]


def test_relative_pronoun_is_the_speaker_mention_and_the_antecedent_speaks(quotes_of):
    text = "The firm hired an architect who said the tower would be finished in May."
    q = next(q for q in quotes_of(text) if q.cue == "said")
    assert q.speaker_text == "who"
    assert q.text == "the tower would be finished in May"


def test_relative_pronoun_speaker_resolves_to_the_antecedent_actor(run):
    result = run("Reporters met Senator Maria Lopez, who said that the budget would pass in March.")
    q = next(q for q in result.quotes if q.cue == "said")
    assert q.speaker_text == "who"
    actor = next(a for a in result.actors if a.id == q.speaker)
    assert "Lopez" in actor.name


def test_conjunct_of_a_clause_with_an_empty_subject_is_the_reporters_act(quotes_of):
    text = "The mayor said there was a shortage of buses and urged residents to walk to work."
    quotes = quotes_of(text)
    said = next(q for q in quotes if q.cue == "said")
    urged = next(q for q in quotes if q.cue == "urged")
    assert said.text == "there was a shortage of buses"
    assert urged.speaker_text == "The mayor" and urged.text == "residents to walk to work"


def test_a_document_responded_to_is_not_the_speaker(quotes_of):
    text = "The president responded to her letter on Twitter, calling for the start of a transition."
    q = next(q for q in quotes_of(text) if q.cue == "calling for")
    assert q.speaker_text == "The president"


def test_a_document_before_saying_still_speaks(quotes_of):
    text = "The ministry published a report on the floods, saying the dams had held."
    q = next(q for q in quotes_of(text) if q.cue == "saying")
    assert q.speaker_text in ("a report", "The ministry")


def test_name_between_quotation_and_subjectless_cue_is_the_speaker(base_nlp):
    # the parse the real-news error showed, built by hand: the name hangs on the quotation
    # ("Flynn" as an apposition of "army") and "said" has no subject
    from spacy.tokens import Doc

    from wirecoder.quotes.frames import QuoteIndex, find_frames
    from wirecoder.quotes.lexicon import load_lexicon

    words = ["“", "It", "is", "wrong", "for", "the", "army", ",", "”", "Flynn", ",", "an", "adviser", ",", "said", "."]
    heads = [2, 2, 14, 2, 2, 6, 4, 6, 6, 6, 9, 12, 9, 14, 14, 14]
    deps = ["punct", "nsubj", "ccomp", "acomp", "prep", "det", "pobj", "punct", "punct", "appos", "punct", "det",
            "appos", "punct", "ROOT", "punct"]  # fmt: skip
    pos = ["PUNCT", "PRON", "AUX", "ADJ", "ADP", "DET", "NOUN", "PUNCT", "PUNCT", "PROPN", "PUNCT", "DET", "NOUN",
           "PUNCT", "VERB", "PUNCT"]  # fmt: skip
    spaces = [False, True, True, True, True, True, False, False, True, False, True, True, False, True, False, False]
    doc = Doc(base_nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=[w.lower() for w in words], sent_starts=[True] + [False] * 15)  # fmt: skip
    quote_end = doc[8].idx + 1
    frames = find_frames(doc, load_lexicon(), QuoteIndex([(0, quote_end)]))
    said = next(f for f in frames if f.cue.text == "said")
    assert said.speaker is not None and said.speaker.text == "Flynn"
