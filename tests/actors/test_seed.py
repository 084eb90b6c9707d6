"""The seed article (shared data): the coding the actors issue asks for.

Nothing in the product knows this article; the rules that produce these codes are tested one
by one, with sentences of our own, in the other modules of this folder.
"""

from __future__ import annotations

import pytest

from tests.actors.conftest import actor_of_text
from tests.conftest import shared_path
from wirecoder.actors.api import actor_at


@pytest.fixture(scope="module")
def seed(parse):
    path = shared_path("seeds", "000_b715a2aa16f49594.txt")
    return parse(path.read_text(encoding="utf-8"))


def find(doc, name):
    found = [a for a in doc._.actors if a.name == name]
    assert len(found) == 1, (name, [a.name for a in doc._.actors])
    return found[0]


@pytest.mark.parametrize("name", ["Donald Trump", "Mike Pompeo", "Mike Pence", "Sarah Sanders"])
def test_us_officials(seed, name):
    actor = find(seed, name)
    assert (actor.kind, actor.country, actor.sector) == ("person", "USA", "GOV")


@pytest.mark.parametrize("name", ["Kim Yong-chol", "Kim Jong-un"])
def test_north_korean_officials(seed, name):
    actor = find(seed, name)
    assert (actor.country, actor.sector) == ("PRK", "GOV")


def test_organisations_and_countries(seed):
    assert find(seed, "United Nations Security Council").country == "UNO"
    assert (find(seed, "North Korea").kind, find(seed, "North Korea").country) == ("country", "PRK")


def test_analyst_and_anonymous_official(seed):
    terry = find(seed, "Sue Mi Terry")
    assert (terry.country, terry.sector) == ("USA", "EDU")
    official = find(seed, "senior State Department official")
    assert (official.kind, official.country, official.sector) == ("person", "USA", "GOV")


def test_short_kims_follow_the_discourse(seed):
    text = seed.text
    with_kim = text.index("meetings with Kim on") + len("meetings with ")
    letter = text.index("by Trump to Kim") + len("by Trump to ")
    assert actor_at(seed, with_kim, with_kim + 3) == find(seed, "Kim Yong-chol").id
    assert actor_at(seed, letter, letter + 3) == find(seed, "Kim Jong-un").id
    assert actor_of_text(seed, "president added").name == "Donald Trump"


def test_lede_titles_join_the_people_named_next(seed):
    assert actor_of_text(seed, "top diplomat").name == "Mike Pompeo"
    assert actor_of_text(seed, "senior North Korean envoy").name == "Kim Yong-chol"
