"""The quotes stage's data files load, and their loader rejects malformed rows."""

from __future__ import annotations

import pytest

from wirecoder.quotes.lexicon import (
    LexiconError,
    build_lexicon,
    data_dir,
    inflections,
    load_lexicon,
    read_nouns,
    read_verbs,
)


def test_speech_verbs_and_their_forms_are_known():
    lex = load_lexicon()
    for lemma in ("say", "tell", "add", "warn", "insist", "declare", "announce", "deny", "claim", "note", "stress"):
        assert lemma in lex.verbs, lemma
    assert lex.verb("xyz", "said").lemma == "say"
    assert lex.verb("xyz", "told").lemma == "tell"
    assert lex.verbs["say"].cls == "speech"
    assert lex.verbs["believe"].cls == "belief"


def test_phrasal_cues_are_kept_apart_from_single_verbs():
    lex = load_lexicon()
    assert "for" in lex.phrasal_for("call", "called")
    assert lex.phrasal_for("call", "called")["for"].frames == frozenset("f")


def test_inflections_follow_english_spelling():
    assert {"notes", "noted", "noting"} <= inflections("note")
    assert {"denies", "denied", "denying"} <= inflections("deny")
    assert {"stresses", "stressed"} <= inflections("stress")
    assert {"quipped", "quipping"} <= inflections("quip")


def test_speech_forms_serve_the_evaluation_breakdown():
    forms = load_lexicon().speech_forms
    assert {"said", "says", "told", "wrote", "tweeted"} <= forms
    assert "believes" not in forms


def test_marks_cover_every_quotation_style():
    marks = load_lexicon().marks
    for mark in ("\u201c", "\u201d", "\u2018", "\u2019", '"', "'", "\u00ab", "\u00bb", "\u201e", "``", "''"):
        assert mark in marks, mark


def test_a_bad_class_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "cue_verbs.tsv"
    bad.write_text("# header\nsay\tchatter\tc\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cue_verbs\.tsv:2"):
        read_verbs(bad)


def test_a_bad_frame_letter_is_rejected(tmp_path):
    bad = tmp_path / "cue_verbs.tsv"
    bad.write_text("say\tspeech\tz\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="frames"):
        read_verbs(bad)


def test_the_packaged_folder_builds():
    lex = build_lexicon(data_dir())
    assert lex.posts and lex.min_quote_words >= 2


def test_nominal_cues_are_loaded_with_their_class():
    nouns = load_lexicon().nouns
    assert nouns["claim"] == "speech" and nouns["position"] == "belief" and nouns["letter"] == "writing"


def test_a_nominal_cue_with_a_bad_class_is_rejected(tmp_path):
    bad = tmp_path / "cue_nouns.tsv"
    bad.write_text("claim\tgossip\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cue_nouns\.tsv:1"):
        read_nouns(bad)
