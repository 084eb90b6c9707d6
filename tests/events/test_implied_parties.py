"""Countries implied by places: the target of a domestic event, and cities as core arguments."""

from __future__ import annotations

from wirecoder.actors.api import IMPLIED_ROLE
from wirecoder.events.lexicon import event_data


def implied_actors(out):
    return [a for a in out.doc._.actors if a.role == IMPLIED_ROLE]


# ------------------------------------------------------------------ rule 1: domestic events


def test_protest_in_a_city_targets_that_citys_country(code):
    out = code("Farmers from Chile protested in Lima on Monday.", {"Farmers from Chile": "CHL"})
    event = out.one("PROTEST")
    assert (out.src(event), out.tgt(event)) == ({"CHL"}, {"PER"})
    [peru] = implied_actors(out)
    assert peru.kind == "country" and peru.sector is None and peru.mentions == []
    assert peru.id == f"a{len(out.doc._.actors)}"  # the next free id


def test_existing_country_actor_is_reused_rather_than_implied(code):
    out = code("Peru expelled a diplomat. Students protested in Lima.", {"Peru": "PER", "Students": "PER"})
    event = out.one("PROTEST")
    assert out.tgt(event) == {"PER"} and event.target == ["a1"]
    assert implied_actors(out) == []


def test_protest_without_a_place_targets_the_protesters_own_country(code):
    out = code("Kenyan teachers went on strike.", {"Kenyan teachers": "KEN"}, people={"Kenyan teachers"})
    assert out.tgt(out.one("PROTEST")) == {"KEN"}


def test_a_country_is_not_its_own_implied_target(code):
    out = code("Kenya rejected the offer in Nairobi.", {"Kenya": "KEN"})
    assert out.one("REJECT").target == [] and implied_actors(out) == []


def test_no_own_country_fallback_for_types_that_are_not_strictly_domestic(code):
    out = code("Kenyan teachers rejected the offer.", {"Kenyan teachers": "KEN"})
    assert out.one("REJECT").target == []


def test_reciprocal_events_get_no_implied_target(code):
    out = code("Chile and Bolivia agreed in Lima to reopen the border.", {"Chile": "CHL", "Bolivia": "BOL"})
    for event in out.events:
        assert "PER" not in out.tgt(event) | out.src(event)
    assert implied_actors(out) == []


def test_international_body_has_no_home_country(code):
    assert "domestic_types" in event_data().cues
    out = code("The United Nations rejected the report.", {"The United Nations": "UNO"})
    assert out.one("REJECT").target == []


# ------------------------------------------------------------------ rule 2: cities as parties


def test_attacked_city_is_its_countrys_target(code):
    out = code("Turkish jets attacked Jericho on Friday.", {"Turkish jets": "TUR"})
    event = out.one("ASSAULT")
    assert out.src(event) == {"TUR"} and out.tgt(event) == {"PSE"}


def test_city_subject_acts_for_its_country(code):
    out = code("Madrid rejected the plan.", {})
    assert out.src(out.one("REJECT")) == {"ESP"}


def test_city_possessor_is_the_source(code):
    out = code("Canada criticised Ottawa's refusal of the offer.", {"Canada": "CAN"})
    # "Ottawa's refusal" is Canada's: the same, existing country actor
    assert out.one("ACCUSE").target == [] and len(out.doc._.actors) == 1  # no self-accusation
    out = code("Brazil criticised Ottawa's refusal of the offer.", {"Brazil": "BRA"})
    assert out.tgt(out.one("ACCUSE")) == {"CAN"}


def test_city_after_against_is_the_target(code):
    out = code("Rebels launched attacks against Kabul.", {"Rebels": None})
    assert out.tgt(out.one("ASSAULT")) == {"AFG"}


def test_locative_city_stays_a_location(code):
    out = code("The Chilean minister arrived in Lima for talks.", {"The Chilean minister": "CHL"})
    for event in out.events:
        assert "PER" not in out.src(event)


POLICE = {"The Kenyan police": "KEN"}


def test_a_curfew_threat_without_a_place_is_aimed_at_home(code):
    out = code("The Kenyan police threatened to impose a curfew.", POLICE, people=set(POLICE))
    assert out.tgt(out.one("THREATEN")) == {"KEN"}
    out = code("The Kenyan police threatened to retaliate.", POLICE, people=set(POLICE))
    assert all(e.target == [] for e in out.events)  # a threat of some other kind: no guess
