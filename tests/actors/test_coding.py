"""Country, sector and role from titles, modifiers, appositions and affiliations."""

from __future__ import annotations

import pytest

from tests.actors.conftest import actor_of_text, by_name


def coding(actor) -> tuple:
    return actor.kind, actor.country, actor.sector


def test_country_and_title_before_a_name(parse):
    doc = parse("US Defense Secretary Paul Reyes met reporters in Manila.")
    reyes = by_name(doc, "Paul Reyes")
    assert coding(reyes) == ("person", "USA", "GOV")
    assert reyes.role == "Defense Secretary"


def test_possessive_country_before_a_title(parse):
    doc = parse("Russia's Deputy Foreign Minister Pavel Orlov rejected the offer.")
    orlov = by_name(doc, "Pavel Orlov")
    assert coding(orlov) == ("person", "RUS", "GOV")
    assert orlov.role == "Deputy Foreign Minister"


def test_demonym_before_a_title(parse):
    doc = parse("Iranian envoy Reza Karimi arrived in Vienna on Tuesday.")
    assert coding(by_name(doc, "Reza Karimi")) == ("person", "IRN", "GOV")


def test_organisation_before_a_title_gives_country_and_sector(parse):
    doc = parse("White House spokesman Tom Keller declined to comment.")
    keller = by_name(doc, "Tom Keller")
    assert coding(keller) == ("person", "USA", "GOV")
    assert keller.role == "spokesman"


def test_affiliation_beats_the_title_and_a_topic_demonym(parse):
    doc = parse(
        "Lena Ortiz, a Chinese expert at the Institute for Security Studies in Paris, said the plan would fail."
    )
    ortiz = by_name(doc, "Lena Ortiz")
    assert coding(ortiz) == ("person", "FRA", "EDU")
    assert ortiz.role == "Chinese expert"


def test_military_title(parse):
    doc = parse("General Ahmed Saleh, the army chief, ordered the troops back.")
    assert by_name(doc, "Ahmed Saleh").sector == "MIL"


def test_former_office_holder_is_elite_when_that_is_all_we_know(parse):
    doc = parse("Jon Berg, a former defence minister, criticised the budget.")
    berg = by_name(doc, "Jon Berg")
    assert berg.sector == "ELI"


def test_current_role_wins_over_a_former_one(parse):
    doc = parse(
        "Ana Silva, an economist at the University of Lisbon, spoke first. "
        "Silva, a former finance minister, said rates must rise."
    )
    silva = by_name(doc, "Ana Silva")
    assert silva.sector == "EDU"


def test_anonymous_official_is_an_actor(parse):
    doc = parse("A senior Foreign Office official told reporters in London that talks would continue.")
    official = actor_of_text(doc, "official")
    assert official is not None
    assert coding(official) == ("person", "GBR", "GOV")
    assert official.name == "senior Foreign Office official"


def test_plural_title_with_country_is_a_group(parse):
    doc = parse("Turkish officials said the border would reopen.")
    officials = actor_of_text(doc, "officials")
    assert coding(officials) == ("group", "TUR", "GOV")


@pytest.mark.parametrize(
    ("sentence", "name", "country", "sector"),
    [
        ("The UN Security Council met on Friday.", "UN Security Council", "UNO", None),
        ("The European Commission fined the firm.", "European Commission", "EUR", "GOV"),
        ("NATO sent more jets.", "NATO", "IGO", None),
        ("Amnesty International condemned the arrests.", "Amnesty International", "NGO", "SOC"),
        ("Reuters reported the deal first.", "Reuters", None, "JRN"),
        ("The Japanese Defence Ministry denied the report.", "Japanese Defence Ministry", "JPN", "GOV"),
        ("The Kremlin denied the report.", "Kremlin", "RUS", "GOV"),
    ],
)
def test_organisations(parse, sentence, name, country, sector):
    actor = by_name(parse(sentence), name)
    assert (actor.kind, actor.country, actor.sector) == ("organization", country, sector)


def test_country_actor_has_no_sector(parse):
    doc = parse("Chile signed the treaty on Monday.")
    assert coding(by_name(doc, "Chile")) == ("country", "CHL", None)


def test_people_of_a_country_are_a_group(parse):
    doc = parse("The Iraqis have rejected the plan.")
    assert coding(by_name(doc, "Iraqis")) == ("group", "IRQ", None)


def test_demonym_on_a_thing_is_a_country_mention(parse):
    from wirecoder.actors.api import MentionRef

    doc = parse("Officials reported North Korean missile tests near the coast.")
    korea = actor_of_text(doc, "North Korean")
    assert korea is not None and korea.country == "PRK"
    kinds = {r.kind for r in doc._.actor_mentions if r.actor_id == korea.id}
    assert kinds == {"demonym"} and all(isinstance(r, MentionRef) for r in doc._.actor_mentions)


def test_title_without_a_sector_stays_without_one(parse):
    doc = parse("Ruth Adler, a lawyer for the family, filed the appeal.")
    assert by_name(doc, "Ruth Adler").sector is None


def test_envoy_for_a_country_is_not_from_that_country(parse):
    doc = parse("Mark Ellis, the special envoy for Syria, arrived in Geneva on Monday.")
    assert by_name(doc, "Mark Ellis").country != "SYR"


def test_company_tagged_as_a_person_is_an_organisation(parse):
    doc = parse("Twitter suspended the account on Friday.")
    actor = actor_of_text(doc, "Twitter")
    assert (actor.kind, actor.sector) == ("organization", "JRN")


def test_title_of_a_country_before_a_name(parse):
    doc = parse("Former Prime Minister of Japan Taro Sato visited Seoul.")
    sato = by_name(doc, "Taro Sato")
    assert (sato.country, sato.sector, sato.role) == ("JPN", "ELI", "Prime Minister")
    assert not any(a.name.endswith("Prime Minister") for a in doc._.actors)


def test_capitalised_verb_is_not_a_name(parse):
    doc = parse("Started in 2010, the project grew quickly.")
    assert all(a.name != "Started" for a in doc._.actors)


def test_well_known_people_fill_what_the_text_leaves_out(parse):
    doc = parse("Angela Merkel met farmers on Tuesday.", date="2015-06-02")
    merkel = by_name(doc, "Angela Merkel")
    assert (merkel.country, merkel.sector, merkel.role) == ("DEU", "GOV", "Chancellor")


def test_the_office_depends_on_the_article_date(parse):
    early = by_name(parse("Joe Biden spoke in Ohio.", date="2012-03-01"), "Joe Biden")
    late = by_name(parse("Joe Biden spoke in Ohio.", date="2022-03-01"), "Joe Biden")
    assert (early.role, late.role) == ("Vice President", "President")


def test_the_text_wins_over_the_people_table(parse):
    doc = parse("Boris Johnson, a Danish farmer, sold his cows.", date="2020-01-10")
    johnson = by_name(doc, "Boris Johnson")
    assert (johnson.country, johnson.role) == ("DNK", "farmer")
    assert johnson.sector != "GOV"


def test_well_known_surname_alone_gets_its_country(parse):
    doc = parse("Putin met the Finnish president on Monday.", date="2003-05-01")
    assert coding(by_name(doc, "Putin")) == ("person", "RUS", "GOV")


def test_leader_administration_is_that_country_government(parse):
    doc = parse("The Clinton administration criticised the ruling on Friday.", date="1998-03-02")
    assert coding(actor_of_text(doc, "Clinton")) == ("person", "USA", "GOV")


def test_text_title_beats_the_people_table(parse):
    # a namesake: the text's own "Iranian envoy" decides, not the famous holder of the name
    doc = parse("Iranian envoy Vladimir Putin arrived in Vienna on Tuesday.", date="2003-05-01")
    assert by_name(doc, "Vladimir Putin").country == "IRN"


# ------------------------------------------------------------------ countries of unnamed groups


def test_group_takes_the_country_of_a_place_in_its_phrase(parse):
    doc = parse("Rebels in Kirkuk attacked a convoy on Monday.")
    assert coding(by_name(doc, "Rebels")) == ("group", "IRQ", "REB")


def test_demonstrators_take_the_country_where_the_sentence_places_them(parse):
    doc = parse("Demonstrators blocked roads in Cairo on Monday.")
    assert coding(by_name(doc, "Demonstrators")) == ("group", "EGY", "CVL")


def test_named_group_takes_the_demonym_before_it(parse):
    doc = parse("Thousands of Iraqi Kurds marched on Sunday.")
    assert by_name(doc, "Kurds").country == "IRQ"


def test_a_country_the_group_acts_on_does_not_give_its_nationality(parse):
    doc = parse("Protesters blocked roads to show their anger at the United States.")
    assert by_name(doc, "Protesters").country is None


def test_a_name_followed_by_of_a_party_takes_the_party_s_sector(parse):
    doc = parse("Raymond Chan of the Labour Party won the seat, officials in Hong Kong said.")
    assert actor_of_text(doc, "Raymond Chan").sector == "PTY"


def test_former_before_a_person_modifier_makes_a_former_elite(parse):
    doc = parse("Another former Trump adviser, Sebastian Gorka, spoke at the rally in Washington.", date="2020-12-14")
    assert (by_name(doc, "Sebastian Gorka").country, by_name(doc, "Sebastian Gorka").sector) == ("USA", "ELI")


def test_a_modifier_of_a_topic_title_is_its_subject_not_its_sector(parse):
    doc = parse("Military analysts said the new tanks were slow.")
    assert by_name(doc, "Military analysts").sector != "MIL"


def test_an_office_holder_out_of_office_at_the_article_date_is_a_former_elite(parse):
    doc = parse("Joe Biden said he would work for every American.", date="2020-12-14")
    assert by_name(doc, "Joe Biden").sector == "ELI"


def test_a_person_running_for_an_organisation_is_its_party_candidate(parse):
    doc = parse("We spoke to Anna Kerr, who is running for the Green Alliance in Brisbane.")
    assert by_name(doc, "Anna Kerr").sector == "PTY"
    assert by_name(doc, "Green Alliance").sector == "PTY"


def test_a_running_mate_is_a_party_candidate(parse):
    doc = parse("His running mate, Sarah Lee, would become the first vice president from Maine.")
    assert by_name(doc, "Sarah Lee").sector == "PTY"


def test_a_year_before_a_role_noun_does_not_stop_the_apposition(parse):
    doc = parse("Tom Reed, the party's 2016 nominee for governor of Ohio, was picked on Monday.")
    assert by_name(doc, "Tom Reed").sector == "PTY"
    assert actor_of_text(doc, "governor") is None  # the office sought, not a person


def test_a_name_after_a_title_with_an_of_phrase_is_in_apposition_to_the_title(parse):
    doc = parse("The prosecutor general of Tehran, Reza Karimi, said the men must face charges.")
    assert (by_name(doc, "Reza Karimi").country, by_name(doc, "Reza Karimi").sector) == ("IRN", "JUD")


def test_a_title_for_a_country_keeps_the_holders_own_country(parse):
    doc = parse("At a press conference in Riyadh, US Special Representative for Iran Mark Dole said it was political.")
    assert (by_name(doc, "Mark Dole").country, by_name(doc, "Mark Dole").sector) == ("USA", "GOV")


def test_a_member_of_a_named_body_is_coded_from_the_body(parse):
    doc = parse("Reza Ahmadi, a council member of the Expediency Discernment Council, died on Monday in Tehran.")
    assert by_name(doc, "Reza Ahmadi").sector == "GOV"


def test_a_capitalised_title_in_apposition_codes_the_name(parse):
    doc = parse(
        "The resolution awaited the Iraqi government. Reuters said John Mahdi, the caretaker Prime Minister, agreed."
    )
    assert (by_name(doc, "John Mahdi").country, by_name(doc, "John Mahdi").sector) == ("IRQ", "GOV")


def test_a_title_of_a_generic_institution_before_a_name(parse):
    doc = parse("Offering his condolence, speaker of the parliament Ali Reza said the loss was great. Iran mourned.")
    assert (by_name(doc, "Ali Reza").country, by_name(doc, "Ali Reza").sector) == ("IRN", "LEG")


def test_in_a_list_of_office_holders_a_title_shares_the_nearest_nationality_before_it(parse):
    doc = parse(
        "The meeting was attended by Israeli prime minister Dan Oren and energy minister Yossi Tal, "
        "Greek prime minister Nikos Pappas and energy minister Kostas Bakas."
    )
    assert by_name(doc, "Yossi Tal").country == "ISR"
    assert by_name(doc, "Kostas Bakas").country == "GRC"


def test_a_hand_written_surname_alone_finds_its_person(parse):
    doc = parse("Later on Tuesday the Greek leader met President Trump in Washington.", date="2020-01-10")
    assert (by_name(doc, "Trump").country, by_name(doc, "Trump").sector) == ("USA", "GOV")
    assert actor_of_text(doc, "Greek leader").name != "Trump"  # two people of one sentence


def test_a_bare_plural_demonym_that_acts_is_the_countrys_civilians(parse):
    doc = parse("For the fourth night in a row, Serbians protested in Belgrade.")
    assert coding(by_name(doc, "Serbians")) == ("group", "SRB", "CVL")


def test_a_director_takes_the_sector_of_the_word_before_it(parse):
    doc = parse("Police director Marko Ilic said 71 people were arrested in Belgrade.")
    assert (by_name(doc, "Marko Ilic").country, by_name(doc, "Marko Ilic").sector) == ("SRB", "COP")


def test_a_title_with_a_portfolio_before_a_name(parse):
    doc = parse("Minister of Economy Peter Novak failed to buy enough tests, Slovak officials said.")
    assert (by_name(doc, "Peter Novak").country, by_name(doc, "Peter Novak").sector) == ("SVK", "GOV")


def test_candidates_of_parties_the_tagger_reads_as_groups_or_modifiers(parse):
    doc = parse(
        "We spoke to Tom Grant, who is running for the Liberal Democrats in Queensland. "
        "Ann Bell, who is running for the Fair Australia party, agreed."
    )
    assert by_name(doc, "Tom Grant").sector == "PTY"
    assert by_name(doc, "Ann Bell").sector == "PTY"
    assert coding(by_name(doc, "Liberal Democrats")) == ("organization", "AUS", "PTY")


def test_a_title_coordinated_before_a_name(parse):
    doc = parse("Businessman and Trump loyalist John Kemp said the president should move on.")
    assert by_name(doc, "John Kemp").sector == "BUS"


def test_a_role_predicated_by_be_codes_the_name(parse):
    doc = parse("He was met by Abu Karim, who was also killed. Karim was the deputy commander of the Popular Front.")
    assert by_name(doc, "Abu Karim").role == "deputy commander"
    doc = parse("Mary Hill was the mayor of Akron, Ohio.")
    assert (by_name(doc, "Mary Hill").country, by_name(doc, "Mary Hill").sector) == ("USA", "GOV")


def test_a_plural_title_in_apposition_codes_each_coordinated_name(parse):
    doc = parse("Two Democratic Representatives, Collin Reed and Jeff Van Dorn, opposed both articles.")
    assert by_name(doc, "Collin Reed").sector == "LEG"
    assert by_name(doc, "Jeff Van Dorn").sector == "LEG"


def test_a_name_that_is_a_title_is_coded_as_the_title(parse):
    doc = parse("At the request of Prime Minister Boris Johnson, the Queen suspended parliament in London.")
    assert (by_name(doc, "Queen").country, by_name(doc, "Queen").sector) == ("GBR", "GOV")


def test_plural_titles_ending_in_general(parse):
    doc = parse("On Monday, attorneys general from sixteen states filed a lawsuit in California.")
    assert coding(actor_of_text(doc, "attorneys general")) == ("group", "USA", "GOV")


def test_a_name_for_an_office_is_a_candidate(parse):
    doc = parse("Its first ticket of Tom Maddox for president and Juan Ruiz for vice president appeared in Colorado.")
    assert by_name(doc, "Tom Maddox").sector == "PTY"
    assert by_name(doc, "Juan Ruiz").sector == "PTY"
    assert actor_of_text(doc, "vice president") is None  # the office sought


def test_thanking_a_name_for_something_is_no_candidacy(parse):
    doc = parse("Voters thanked Tom Maddox for his work in Colorado.")
    assert by_name(doc, "Tom Maddox").sector != "PTY"


def test_a_role_given_through_to_be_codes_the_name(parse):
    doc = parse("Four years later, the Libertarian Party tapped Jo Jensen to be its vice presidential nominee.")
    assert by_name(doc, "Jo Jensen").sector == "PTY"
    doc = parse("Podcaster Spike Dunn was picked to be the party's vice presidential nominee.")
    assert by_name(doc, "Spike Dunn").sector == "PTY"


def test_running_for_an_office_makes_a_candidate(parse):
    doc = parse("Mary Cole, who is running for governor, spoke in Denver. Tom Hale ran for the Senate in 2018.")
    assert by_name(doc, "Mary Cole").sector == "PTY"
    assert by_name(doc, "Tom Hale").sector == "PTY"


def test_a_noun_in_apposition_says_what_kind_of_body_a_name_is(parse):
    doc = parse("Charité, a hospital in Berlin, said the patient was stable. Lonmin, a mining company, said no.")
    assert (by_name(doc, "Charité").country, by_name(doc, "Charité").sector) == ("DEU", "MED")
    assert by_name(doc, "Lonmin").sector == "BUS"
