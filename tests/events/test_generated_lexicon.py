"""The PLOVER trigger lexicon generated from the PETRARCH2 verb dictionary, and its merge with
the hand lexicon (hand entries win; generated ones add recall)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from wirecoder.events.generated import ACTOR_PAIR, merge_triggers
from wirecoder.events.lexicon import (
    GENERATED_TRIGGERS,
    TriggerEntry,
    data_dir,
    event_data,
    load_triggers,
    load_vocab,
    parse_conditions,
)

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("build_event_lexicon", ROOT / "tools" / "build_event_lexicon.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("build_event_lexicon", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_script_reproduces_the_committed_file(shared):
    events = shared("datasets", "events")
    tool = _tool()
    rows = tool.build_rows(events / "petrarch2" / "CAMEO.2.0.txt", events / "codebook" / "CAMEO2PLOVER-2021.txt")
    assert tool.render(rows) == (data_dir() / GENERATED_TRIGGERS).read_text(encoding="utf-8")


def test_generated_file_names_its_source_and_licence_and_loads():
    text = (data_dir() / GENERATED_TRIGGERS).read_text(encoding="utf-8")
    assert "PETRARCH2" in text[:800] and "MIT" in text[:800] and "CC BY-SA 4.0" in text[:800]
    modes, contexts = load_vocab(data_dir() / "vocab.json")
    generated = load_triggers(data_dir() / GENERATED_TRIGGERS, modes, contexts, generated=True)
    assert len(generated) > 1000
    entries = [e for es in generated.values() for e in es]
    assert all(e.generated and e.cameo for e in entries if e.type)


def test_pattern_parsing_of_the_tool():
    tool = _tool()
    synsets = {"&FOOD": ["RICE", "WHEAT_FLOUR"]}
    assert tool.pattern_conditions("SANCTIONS", synsets) == "obj=sanctions|sanction"
    assert tool.pattern_conditions("(TO BORDER)", synsets) == "pp=to:border"
    assert tool.pattern_conditions("&FOOD", synsets) == "obj=rice|flour"
    assert tool.pattern_conditions("DOWN", synsets) == "prt=down"
    assert tool.verb_lemma("+CALL_OFF [160]") == ("call", "prt=off")
    assert tool.verb_lemma("WIRE_+TAP") is None
    assert tool.clean_code("[042:043]") == "042" and tool.clean_code("[:190]") == "190"
    assert tool.clean_code("[---]") is None


def _entry(lemma: str, when: str) -> TriggerEntry:
    return TriggerEntry(lemma, "V", parse_conditions(when, "test"), "AID", None, (), 0.6, frozenset(), generated=True)


def test_hand_entries_win_and_structural_verbs_stay_out():
    hand = {("meet", "V"): ["hand"]}
    airlift = _entry("airlift", "obj=food")
    generated = {
        ("meet", "V"): [_entry("meet", "obj=aid")],
        ("airlift", "V"): [airlift],
        ("stage", "V"): [_entry("stage", "obj=aid")],
    }
    merged = merge_triggers(hand, generated, frozenset({"stage"}))
    assert merged == {("meet", "V"): ["hand"], ("airlift", "V"): [airlift]}


def test_generated_verbs_alone_come_after_the_patterns_and_need_two_actors():
    alone, actor, pattern = _entry("sell", "-"), _entry("sell", "obj=@actor"), _entry("sell", "obj=weapon")
    merged = merge_triggers({}, {("sell", "V"): [pattern, actor, alone], ("regard", "V"): [alone]})
    assert merged[("sell", "V")][0] == pattern
    assert [e.conditions for e in merged[("sell", "V")][1:]] == [ACTOR_PAIR, ACTOR_PAIR]
    assert merged[("regard", "V")][0].conditions == ACTOR_PAIR


def test_generated_verb_alone_is_coded_between_two_actors_only(code):
    # "congratulate"-like verbs of PETRARCH2 not in the hand lexicon: "felicitate" (CAMEO 051)
    actors = {"Peru": "PER", "Chile": "CHL"}
    out = code("Peru felicitated Chile on its election.", actors)
    event = out.one("SUPPORT")
    assert (out.src(event), out.tgt(event)) == ({"PER"}, {"CHL"})
    assert not code("Peru felicitated the winners of the race.", actors).events


def test_passive_by_agent_is_the_subject_of_a_generated_verb_alone(code):
    out = code("Chile was felicitated by Peru.", {"Peru": "PER", "Chile": "CHL"})
    event = out.one("SUPPORT")
    assert (out.src(event), out.tgt(event)) == ({"PER"}, {"CHL"})


def test_packaged_data_keeps_hand_entries_and_adds_generated_ones():
    data = event_data()
    assert not any(e.generated for e in data.entries("meet", "V"))
    assert not data.entries("stage", "V") or not any(e.generated for e in data.entries("stage", "V"))
    assert any(e.generated for e in data.entries("parachute", "V"))


def test_generated_verb_with_its_object_pattern_is_coded(code):
    # "parachute" is not in the hand lexicon; PETRARCH2 codes parachuting food as 073.
    out = code("Canada parachuted food to Mexico.", {"Canada": "CAN", "Mexico": "MEX"})
    event = out.one("AID")
    assert out.src(event) == {"CAN"}


def test_generated_lexicon_does_not_turn_light_verbs_into_events(code):
    out = code("Canada expressed support for Mexico.", {"Canada": "CAN", "Mexico": "MEX"})
    assert [e.type for e in out.events] == ["SUPPORT"]


def test_a_pattern_goes_to_the_verb_its_comment_names():
    tool = _tool()
    lines = [
        "--- ANNOUNCE [---] ---",
        "ANNOUNCE",
        "DESCRIBE",
        "- * SANCTIONS [163]  # ANNOUNCE",
        "- * AID [033]",
        "- * TROOPS [154]  # oy 2005",
    ]
    (block,) = tool.read_blocks(lines, {})
    owners = {when: owner for when, _, owner in block.patterns}
    assert owners["obj=sanctions|sanction"] == ("announce", None)
    assert block.applies(owners["obj=sanctions|sanction"], "announce", None)
    assert not block.applies(owners["obj=sanctions|sanction"], "describe", None)
    assert block.applies(owners["obj=aid"], "describe", None)  # no owner: every verb's
    assert block.applies(owners["obj=troops|troop"], "describe", None)  # a note, not a verb


def test_a_synonym_does_not_take_the_patterns_of_its_block(code):
    # PETRARCH2's "promise peacekeepers" pattern [0333] is not "ship"'s, which shares the block
    out = code("Kenya shipped peacekeepers to Uganda.", {"Kenya": "KEN", "Uganda": "UGA"})
    assert not out.of_type("AGREE")
