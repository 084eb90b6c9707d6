"""The zones data file loads, compiles, and refuses broken tables."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

from wirecoder.zones.patterns import PATTERN_LISTS, compile_patterns, load_patterns


def raw() -> dict:
    text = resources.files("wirecoder").joinpath("data/zones/patterns.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def test_every_list_is_present_and_compiles():
    data = raw()
    for key in (*PATTERN_LISTS, "agencies", "not_name_words", "name_particles"):
        assert data[key], key
    pats = load_patterns()
    assert "reuters" in pats.agencies and "xinhua" in pats.agencies
    assert "tuesday" in pats.not_name_words and "de" in pats.name_particles


def test_agency_placeholder_is_expanded():
    pats = load_patterns()
    assert pats.picture_credit.match("STR/AFP/Getty Images")
    assert any(r.match("(Reuters)") for r in pats.credit_lines)
    assert "{AGENCY}" not in pats.picture_credit.pattern


def test_a_missing_list_is_an_error():
    data = raw()
    del data["furniture"]
    with pytest.raises(ValueError, match="furniture"):
        compile_patterns(data)


def test_a_broken_pattern_is_an_error():
    data = raw()
    data["bylines"] = ["(unclosed"]
    with pytest.raises(ValueError, match="bad pattern"):
        compile_patterns(data)
