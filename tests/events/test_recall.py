"""Whole classes of events that were missed (issue 16), each shown on a short sentence written
for these tests: relative clauses, selection of candidates, apologies, willingness, poisoning,
and the to-clauses of modal nouns that report no event."""

from __future__ import annotations

KE_UG = {"Kenya": "KEN", "Uganda": "UGA"}


def test_relative_pronoun_subject_stands_for_the_noun_it_modifies(code):
    out = code("The court of Kenya, which rejected the appeal of Uganda, met on Monday.", KE_UG)
    event = out.one("REJECT")
    assert out.src(event) == {"KEN"}


def test_a_relative_who_is_no_open_question(code):
    actors = {"Japan": "JPN", "China": "CHN", "Korea": "KOR"}
    out = code("The minister of Japan, who denounced China on Monday, urged Korea to act.", actors)
    event = out.one("ACCUSE")
    assert (out.src(event), out.tgt(event)) == ({"JPN"}, {"CHN"})


def test_an_open_question_still_reports_no_event(code):
    out = code("Nobody knows whom Kenya will support.", KE_UG)
    assert not out.of_type("SUPPORT")


def test_relative_pronoun_object_stands_for_the_noun_it_modifies(code):
    # "lift" reads its object: the curfew, reached through "which"
    out = code("Kenya imposed a curfew, which the army of Kenya lifted on Friday.", KE_UG)
    assert out.of_type("CONCEDE")


def test_choosing_a_running_mate_is_support(code):
    out = code("Kenya's president selected Uganda's envoy as his running mate.", {**KE_UG, "Kenya's president": "KEN"})
    assert out.of_type("SUPPORT")


def test_tapping_someone_to_be_the_nominee_is_support(code):
    actors = {"The Liberal Party": "CAN", "Jane Doe": "CAN"}
    out = code("The Liberal Party tapped Jane Doe to be its presidential nominee.", actors)
    assert out.of_type("SUPPORT")


def test_selecting_a_site_is_no_event(code):
    out = code("Kenya selected Nairobi as the venue.", KE_UG)
    assert not out.events


def test_an_apology_is_support_as_in_the_cameo_to_plover_table(code):
    out = code("Kenya apologised to Uganda for the border incident.", KE_UG)
    event = out.one("SUPPORT")
    assert (out.src(event), out.tgt(event)) == ({"KEN"}, {"UGA"})
    assert not out.of_type("CONCEDE")


def test_expressed_willingness_to_cooperate_is_agree(code):
    out = code("Kenya expressed its willingness to hold talks with Uganda.", KE_UG)
    assert out.of_type("AGREE")


def test_poisoning_is_an_assault(code):
    out = code("Agents of Kenya poisoned the envoy of Uganda.", {**KE_UG, "Agents of Kenya": "KEN"})
    event = out.one("ASSAULT")
    assert out.tgt(event) == {"UGA"}


def test_no_evidence_to_support_a_claim_is_no_support(code):
    out = code("There is no evidence to support the claims of Uganda.", KE_UG)
    assert not out.events


def test_the_power_to_arrest_is_no_arrest(code):
    out = code("A new law of Kenya gives police the power to arrest leaders of Uganda.", KE_UG)
    assert not out.of_type("COERCE")


def test_expelling_diplomats_is_still_a_sanction(code):
    out = code("Kenya expelled two diplomats of Uganda on Monday.", KE_UG)
    assert out.of_type("SANCTION")


def test_receiving_a_party_nomination_is_no_visit(code):
    actors = {"Jane Doe": "CAN", "Labour Party": "CAN"}
    out = code("Jane Doe received the Labour Party's nomination in May.", actors)
    assert not out.of_type("CONSULT")
    assert out.of_type("SUPPORT")


def test_welcoming_a_decision_of_an_actor_is_support_not_a_visit(code):
    out = code("Kenya welcomed Uganda's decision to reopen the border.", KE_UG)
    assert out.of_type("SUPPORT") and not out.of_type("CONSULT")


def test_receiving_an_envoy_is_still_a_visit(code):
    out = code("The president of Kenya received the envoy of Uganda.", {**KE_UG, "The president of Kenya": "KEN"})
    assert out.of_type("CONSULT")


def test_signing_a_ceasefire_is_a_ceasefire(code):
    out = code("Kenya and Uganda signed a ceasefire.", KE_UG)
    event = out.one("RETREAT")
    assert event.mode == "ceasefire"


def test_warning_of_serious_consequences_is_a_threat(code):
    out = code("Kenya warned Uganda of serious consequences.", KE_UG)
    event = out.one("THREATEN")
    assert (out.src(event), out.tgt(event)) == ({"KEN"}, {"UGA"})


def test_warning_of_a_disaster_is_no_threat(code):
    assert not code("Kenya warned of a disaster in the north.", KE_UG).events


def test_an_invitation_to_visit_is_one_event(code):
    out = code("Kenya invited the president of Uganda to visit Nairobi.", KE_UG)
    assert [e.type for e in out.events] == ["AGREE"]


def test_a_ban_on_imports_from_a_country_is_a_sanction(code):
    out = code("Kenya announced a ban on imports from Uganda.", KE_UG)
    event = out.one("SANCTION")
    assert out.src(event) == {"KEN"}


def test_filing_charges_is_a_legal_accusation(code):
    out = code("Prosecutors of Kenya filed charges against the minister of Uganda.", {**KE_UG, "Prosecutors": "KEN"})
    event = out.one("ACCUSE")
    assert event.mode == "allege" and out.tgt(event) == {"UGA"}


def test_issuing_a_warning_to_a_country_is_a_threat(code):
    out = code("Kenya issued a warning to Uganda.", KE_UG)
    assert out.of_type("THREATEN")


def test_a_visit_that_was_postponed_did_not_take_place(code):
    out = code("The visit of the president of Kenya to Uganda was postponed.", KE_UG)
    assert out.one("CONSULT").status == "negated"


def test_fighting_terrorism_is_no_assault_but_working_together_is_cooperation(code):
    out = code("Kenya and Uganda worked together to fight terrorism.", KE_UG)
    assert [e.type for e in out.events] == ["COOPERATE"]


def test_granting_amnesty_is_a_concession(code):
    out = code("Kenya granted amnesty to rebels from Uganda.", KE_UG)
    assert out.of_type("CONCEDE")


def test_reopening_a_border_gives_access(code):
    out = code("Kenya reopened its border with Uganda.", KE_UG)
    assert out.one("RETREAT").mode == "access"


def test_vowing_to_retaliate_is_a_threat(code):
    out = code("Kenya vowed to retaliate against Uganda.", KE_UG)
    event = out.one("THREATEN")
    assert (out.src(event), out.tgt(event)) == ({"KEN"}, {"UGA"})


def test_ending_a_military_operation_is_a_withdrawal(code):
    out = code("Kenya ended its military operation in Uganda.", KE_UG)
    assert out.one("RETREAT").mode == "withdraw"


def test_laying_down_weapons_is_disarming(code):
    out = code("Rebels from Uganda laid down their weapons.", {"Rebels from Uganda": "UGA"})
    assert out.one("RETREAT").mode == "disarm"


def test_calling_a_move_a_provocation_is_an_accusation(code):
    out = code("Kenya called the move by Uganda a provocation.", KE_UG)
    event = out.one("ACCUSE")
    assert (out.src(event), out.tgt(event)) == ({"KEN"}, {"UGA"})


def test_calling_someone_a_friend_is_no_accusation(code):
    assert not code("Kenya called the president of Uganda a friend.", KE_UG).of_type("ACCUSE")


def test_hitting_out_at_a_country_is_criticism(code):
    out = code("Kenya hit out at Uganda over the raid.", KE_UG)
    assert out.one("ACCUSE").mode == "disapprove"


def test_backing_a_countrys_bid_is_support(code):
    out = code("Kenya backed the bid of Uganda to join the council.", KE_UG)
    event = out.one("SUPPORT")
    assert (out.src(event), out.tgt(event)) == ({"KEN"}, {"UGA"})


def test_expressing_solidarity_with_a_country_is_support(code):
    out = code("Kenya expressed solidarity with Uganda.", KE_UG)
    event = out.one("SUPPORT")
    assert out.tgt(event) == {"UGA"}


def test_voicing_outrage_is_criticism_but_concern_is_no_event(code):
    assert code("Kenya voiced outrage over the raid by Uganda.", KE_UG).of_type("ACCUSE")
    assert not code("Kenya voiced concern over the talks with Uganda.", KE_UG).of_type("ACCUSE")


def test_a_missile_test_is_a_show_of_force_not_an_attack(code):
    out = code("Kenya test-fired a ballistic missile.", KE_UG)
    assert [(e.type, e.mode) for e in out.events] == [("MOBILIZE", "weapons")]


def test_stationing_warships_is_mobilization(code):
    assert code("Kenya stationed warships off the coast of Uganda.", KE_UG).of_type("MOBILIZE")


def test_arming_a_militia_is_military_aid(code):
    out = code("Kenya armed the rebels of Uganda.", {**KE_UG, "rebels of Uganda": "UGA"})
    assert out.of_type("AID")


def test_resuming_trade_is_material_cooperation(code):
    out = code("Kenya and Uganda resumed trade.", KE_UG)
    event = out.one("COOPERATE")
    assert out.src(event) == {"KEN", "UGA"}


def test_economic_cooperation_is_cooperate_but_ties_are_support(code):
    assert code("Kenya and Uganda expanded economic cooperation.", KE_UG).of_type("COOPERATE")
    assert code("Kenya and Uganda expanded diplomatic ties.", KE_UG).of_type("SUPPORT")


def test_writing_off_debt_is_aid(code):
    assert code("Kenya wrote off the debt of Uganda.", KE_UG).of_type("AID")


def test_letting_inspectors_in_is_access(code):
    out = code("Kenya allowed inspectors from Uganda into the country.", KE_UG)
    assert out.one("RETREAT").mode == "access"


def test_airlifting_a_patient_is_aid_and_airlifting_troops_a_deployment(code):
    out = code("Kenya airlifted the wounded envoy of Uganda to Nairobi.", KE_UG)
    assert out.src(out.one("AID")) == {"KEN"}
    assert code("Kenya airlifted troops to the border with Uganda.", KE_UG).of_type("MOBILIZE")


def test_seeking_a_nomination_is_no_support(code):
    out = code("Jane Doe is seeking the Labour Party's nomination.", {"Jane Doe": "CAN", "Labour Party": "CAN"})
    assert not out.of_type("SUPPORT")


def test_the_lexicon_loads_the_verbs_of_every_codebook_class():
    # the trigger words the PLOVER codebook names for SUPPORT, ACCUSE, AID, COERCE and SANCTION
    from wirecoder.events.lexicon import event_data

    data = event_data()
    expected = {
        "SUPPORT": ["endorse", "back", "praise", "welcome", "commend", "nominate", "apologize"],
        "ACCUSE": ["accuse", "blame", "condemn", "criticise", "criticize", "denounce", "sue"],
        "AID": ["send", "deliver", "donate", "airlift"],
        "COERCE": ["arrest", "ban", "detain"],
        "SANCTION": ["sanction", "expel"],
    }
    for etype, verbs in expected.items():
        for verb in verbs:
            assert any(e.type == etype for e in data.entries(verb, "V")), (verb, etype)
