"""Parties from the parse (issue 16), on sentences written for these tests: passive by-agents,
nominal arguments (of/on/against/with/between), possessors, appositions, coordination; a place
is no party, media are never parties, a named target is kept; the one behind a thing that acts
in a participle ("a letter urging X"); a by-phrase the parser hung on an active verb is its
nominal object's doer ("condemned the attack on Israel by Hamas")."""

from __future__ import annotations

import pytest

CASES = [
    (
        "Indian police clashed with protesters in Kolkata.",
        {"Indian police": "IND", "protesters": "IND", "Kolkata": "IND"},
        "ASSAULT",
        {"IND"},
        set(),
    ),  # reciprocal: every party in source; Kolkata no party
    (
        "Police clashed with protesters in Kolkata.",
        {"Police": "IND", "protesters": None, "Kolkata": "IND"},
        "ASSAULT",
        {"IND", "protesters"},
        set(),
    ),  # the place gives no target
    (
        "The minister told Reuters that China would meet India.",
        {"China": "CHN", "India": "IND", "Reuters": "GBR", "The minister": "CHN"},
        "AGREE",
        {"CHN", "IND"},
        set(),
    ),
    (
        "New U.S. sanctions imposed on Venezuela took effect.",
        {"U.S.": "USA", "Venezuela": "VEN"},
        "SANCTION",
        {"USA"},
        {"VEN"},
    ),
    (
        "Soldiers were killed by Taliban militants.",
        {"Soldiers": "AFG", "Taliban militants": "TAL"},
        "ASSAULT",
        {"TAL"},
        {"AFG"},
    ),
    (
        "Soldiers were killed after Taliban militants ambushed them.",
        {"Soldiers": "AFG", "Taliban militants": "TAL"},
        "ASSAULT",
        {"TAL"},
        {"AFG"},
    ),
    ("Russia's invasion of Ukraine drew protests.", {"Russia": "RUS", "Ukraine": "UKR"}, "ASSAULT", {"RUS"}, {"UKR"}),
    (
        "Germany condemned the attack on Israel by Hamas.",
        {"Germany": "DEU", "Israel": "ISR", "Hamas": "PSE"},
        "ACCUSE",
        {"DEU"},
        {"PSE"},
    ),
    (
        "The Kremlin dismissed the claim from Berlin as groundless.",
        {"The Kremlin": "RUS", "Berlin": "DEU"},
        "REJECT",
        {"RUS"},
        {"DEU"},
    ),
    (
        "Dozens of experts signed a letter urging Congress to act.",
        {"experts": "USA", "Congress": "USA"},
        "REQUEST",
        {"USA"},
        {"USA"},
    ),
    (
        "Iran, the largest Shiite power, threatened Saudi Arabia.",
        {"Iran": "IRN", "Saudi Arabia": "SAU"},
        "THREATEN",
        {"IRN"},
        {"SAU"},
    ),
    (
        "China and Russia criticized Japan.",
        {"China": "CHN", "Russia": "RUS", "Japan": "JPN"},
        "ACCUSE",
        {"CHN", "RUS"},
        {"JPN"},
    ),
    ("Talks between Iran and Iraq began.", {"Iran": "IRN", "Iraq": "IRQ"}, "CONSULT", {"IRN", "IRQ"}, set()),
    ("Protests against the government of Peru continued.", {"government of Peru": "PER"}, "PROTEST", set(), {"PER"}),
    (
        "The mayor was criticized by the opposition.",
        {"The mayor": "FRA", "the opposition": "FRA2"},
        "ACCUSE",
        {"FRA2"},
        {"FRA"},
    ),
    ("Kenya was urged by the UN to hold talks.", {"Kenya": "KEN", "UN": "UNO"}, "REQUEST", {"UNO"}, {"KEN"}),
    (
        "Sanctions were imposed on Venezuela by the United States.",
        {"United States": "USA", "Venezuela": "VEN"},
        "SANCTION",
        {"USA"},
        {"VEN"},
    ),
]


@pytest.mark.parametrize("text,actors,etype,src,tgt", CASES)
def test_parties(code, text, actors, etype, src, tgt):
    out = code(text, actors)
    found = [(out.src(e), out.tgt(e)) for e in out.of_type(etype)]
    assert (src, tgt) in found, out.summary()


def test_a_place_undergoing_a_nominal_attack_is_its_country(code):
    out = code("Israel mounted an invasion of South Lebanon.", {"Israel": "ISR"})
    assert (out.src(out.one("ASSAULT")), out.tgt(out.one("ASSAULT"))) == ({"ISR"}, {"LBN"}), out.summary()


def test_unnamed_doer_outside_of_a_city_is_that_citys_country(code):
    out = code("Three soldiers were killed by a roadside bomb outside of the city of Basra.", {"soldiers": "USA"})
    event = out.one("ASSAULT")
    assert out.src(event) == {"IRQ"} and out.tgt(event) == {"USA"}, out.summary()


def test_the_place_of_a_weapon_as_doer_gives_the_doers_country(code):
    out = code("A bomb near the town of Samarra killed two soldiers.", {"soldiers": "USA"})
    event = out.of_type("ASSAULT")[0]
    assert out.src(event) == {"IRQ"}, out.summary()


def test_an_unnamed_crowd_is_of_the_places_country(code):
    out = code("Several thousand people rallied in Lagos on Saturday.", {})
    event = out.one("PROTEST")
    assert out.src(event) == {"NGA"} and event.source != event.target, out.summary()


def test_a_named_crowd_keeps_its_own_country(code):
    out = code("Ethiopian migrants rallied in Lagos on Saturday.", {"Ethiopian migrants": "ETH"})
    assert out.src(out.one("PROTEST")) == {"ETH"}, out.summary()


def test_the_first_locative_with_a_known_country_gives_the_crowds_country(code):
    out = code("Several thousand people rallied at Freedom Plaza in the US capital on Saturday.", {})
    assert out.src(out.one("PROTEST")) == {"USA"}, out.summary()


def test_a_city_a_claim_comes_from_is_its_author(code):
    out = code("The Kremlin dismissed the claim from Berlin as groundless.", {"The Kremlin": "RUS"})
    assert out.tgt(out.one("REJECT")) == {"DEU"}, out.summary()


def test_a_city_a_flight_comes_from_is_no_party(code):
    out = code("Kim met Pompeo after a flight from Beijing.", {"Kim": "PRK", "Pompeo": "USA"})
    assert "CHN" not in out.src(out.one("CONSULT")) | out.tgt(out.one("CONSULT")), out.summary()


def test_condemning_a_deed_told_before_accuses_its_doers(code):
    actors = {"Kenyan police": "KEN", "Odinga": "KEN", "opposition supporters": "KEN"}
    text = "Kenyan police arrested opposition supporters on Monday. Odinga condemned the arrests."
    out = code(text, actors, people={"Odinga"})
    accuse = out.one("ACCUSE")
    assert [out.names[a] for a in accuse.target] == ["Kenyan police"], out.summary()


def test_condemning_a_deed_never_told_keeps_no_target(code):
    out = code("Odinga condemned the arrests.", {"Odinga": "KEN"}, people={"Odinga"})
    assert out.one("ACCUSE").target == [], out.summary()


def test_a_capital_in_a_partys_slot_stands_for_its_government(code):
    out = code("The European Union imposed new sanctions on Moscow.", {"European Union": "EUR"})
    assert out.tgt(out.one("SANCTION")) == {"RUS"}, out.summary()


def test_talks_with_a_capital_are_talks_with_its_government(code):
    out = code("Iran held talks with Washington.", {"Iran": "IRN"})
    assert out.src(out.one("CONSULT")) == {"IRN", "USA"}, out.summary()


def test_a_capital_after_a_locative_is_only_the_place(code):
    out = code(
        "The European Union imposed new sanctions on Iran at a meeting in Moscow.",
        {"European Union": "EUR", "Iran": "IRN"},
    )
    assert out.tgt(out.one("SANCTION")) == {"IRN"}, out.summary()


def test_the_two_countries_refer_back_to_the_pair_last_coordinated(code):
    text = "Turkey and Greece had poor relations, but the leaders of the two countries met on Friday."
    out = code(text, {"Turkey": "TUR", "Greece": "GRC"})
    assert out.src(out.one("CONSULT")) == {"TUR", "GRC"}, out.summary()


def test_two_countries_with_no_pair_before_name_no_one(code):
    out = code("The leaders of the two countries met Turkey on Friday.", {"Turkey": "TUR"})
    assert out.src(out.one("CONSULT")) == {"TUR"}, out.summary()  # a joint act: every party in source


def test_the_by_agent_of_a_participle_on_the_object_is_the_target(code):
    out = code("The Supreme Court rejected a lawsuit filed by Texas.", {"The Supreme Court": "USA", "Texas": "USA"})
    assert [out.names[a] for a in out.one("REJECT").target] == ["Texas"], out.summary()


def test_the_by_agent_of_a_participle_on_a_nominal_event_is_its_source(code):
    out = code("An attack carried out by rebels killed five soldiers.", {"rebels": "COD", "soldiers": "COD"})
    assert any("rebels" in {out.names[a] for a in e.source} for e in out.of_type("ASSAULT")), out.summary()


def test_sanctions_imposed_by_a_bloc_come_from_it(code):
    out = code("The sanctions imposed by the EU on Russia took effect.", {"the EU": "EUR", "Russia": "RUS"})
    event = out.one("SANCTION")
    assert out.src(event) == {"EUR"} and out.tgt(event) == {"RUS"}, out.summary()


def test_their_refers_to_the_whole_coordinated_subject(code):
    text = "Turkey and Greece spoke on Friday and expressed their willingness to help each other."
    out = code(text, {"Turkey": "TUR", "Greece": "GRC"}, pronouns={"their": "Turkey"})
    assert out.src(out.one("AGREE")) == {"TUR", "GRC"}, out.summary()


def test_their_naming_someone_outside_the_subject_is_kept(code):
    text = "Greece welcomed the Kurds and expressed their support for the plan."
    out = code(text, {"Greece": "GRC", "the Kurds": "KRD"}, pronouns={"their": "the Kurds"})
    assert all("GRC" not in out.src(e) for e in out.of_type("SUPPORT")), out.summary()


def test_their_after_the_leaders_of_two_countries_is_both(code):
    text = "Turkey and Greece met. The leaders of the two countries spoke and expressed their willingness to help."
    out = code(text, {"Turkey": "TUR", "Greece": "GRC", "leaders": None}, pronouns={"their": "leaders"})
    assert out.src(out.one("AGREE")) == {"TUR", "GRC"}, out.summary()
