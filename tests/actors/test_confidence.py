"""Step build, confidence: the score says how sure we are that an actor can act or speak."""

from __future__ import annotations

from tests.actors.conftest import actor_of_text, names
from wirecoder.actors.analyse import analyse
from wirecoder.actors.confidence import MIN_CONFIDENCE, name_evidence, no_name_signal
from wirecoder.actors.gazetteer import load_gazetteer
from wirecoder.actors.mentions import DocView, Mention


def view_and_mention(doc, text: str, etype: str, label: str = ""):
    view = DocView.build(doc, load_gazetteer())
    start = next(t.i for t in doc if doc.text[t.idx :].startswith(text))
    end = next(t.i + 1 for t in doc if t.idx + len(t.text) == doc.text.index(text) + len(text))
    return view, Mention(start, end, etype, label=label)


def test_a_source_scores_higher_than_a_name_that_only_appears(parse):
    said = actor_of_text(parse("Charité said in a statement that the patient was stable."), "Charité")
    assert said is not None and said.confidence >= 0.8
    view, source = view_and_mention(parse("Okonjo said in a statement that he was fine."), "Okonjo", "person")
    assert name_evidence(view, source) >= 0.8
    view, bystander = view_and_mention(parse("The photo shows a man near Okonjo."), "Okonjo", "person")
    assert name_evidence(view, bystander) < MIN_CONFIDENCE


def test_the_agent_of_a_passive_is_a_source(parse):
    doc = parse("The rally was organised by Women for America First on Saturday.")
    assert actor_of_text(doc, "Women for America First").confidence >= 0.8


def test_scores_follow_the_strength_of_the_evidence(parse):
    doc = parse("President Emmanuel Macron met Okonjo. The European Union and Okafor Holdings agreed.")
    known = actor_of_text(doc, "European Union").confidence
    full = actor_of_text(doc, "Emmanuel Macron").confidence
    bare = actor_of_text(doc, "Okonjo").confidence
    assert known >= full > bare >= MIN_CONFIDENCE


def test_a_capitalised_common_word_opening_a_sentence_is_no_name(parse):
    doc = parse("Reports said at least 116 people died.")
    view, m = view_and_mention(doc, "Reports", "organization", "ORG")
    assert no_name_signal(view, m)
    assert name_evidence(view, m) < MIN_CONFIDENCE


def test_a_people_opening_a_sentence_is_a_name(parse):
    assert "Kurds" in names(parse("Kurds protested the vote."))


def test_capitals_in_a_shouted_line_make_no_name(parse):
    doc = parse('Trump wrote on Twitter: "I WON THIS ELECTION, BY A LOT!"')
    assert not any(name in {"LOT", "ELECTION"} for name in names(doc))


def test_a_one_word_place_name_scores_lower_as_a_person(parse):
    doc = parse("The report quoted Okonjo and Omsk.")
    view, person = view_and_mention(doc, "Okonjo", "person", "PERSON")
    _, place = view_and_mention(doc, "Omsk", "person", "PERSON")
    assert name_evidence(view, place) < name_evidence(view, person)


def test_the_threshold_is_a_setting_of_the_component(nlp, parse):
    assert nlp.config["components"]["actors"]["min_confidence"] == MIN_CONFIDENCE
    assert nlp.get_pipe("actors").min_confidence == MIN_CONFIDENCE
    doc = parse("The rally was organised by Women for America First on Saturday.")
    strict = analyse(doc, load_gazetteer(), min_confidence=0.99)
    assert not any(a.name == "Women for America First" for a in strict.actors)
    assert any(a.name == "Women for America First" for a in analyse(doc, load_gazetteer()).actors)


def test_the_body_a_named_person_belongs_to_is_a_participant(parse):
    doc = parse("Wong Kwok-kin of FTU was re-elected on Sunday.")
    view, m = view_and_mention(doc, "FTU", "organization", "ORG")
    assert name_evidence(view, m) >= 0.6
