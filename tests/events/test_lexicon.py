"""The events data files: they load, they only use PLOVER's vocabulary, and bad lines fail clearly."""

from __future__ import annotations

import shutil

import pytest

from wirecoder.events.lexicon import LexiconError, cameo_code, data_dir, event_data, load_event_data
from wirecoder.model import PLOVER_TYPES


@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the data folder, to break on purpose."""
    folder = tmp_path / "events"
    shutil.copytree(data_dir(), folder)
    return folder


def test_every_type_has_defaults_future_rules_and_a_cameo_root():
    data = event_data()
    for etype in PLOVER_TYPES:
        assert etype in data.types
        assert set(data.future[etype]) == {"will", "intent", "maybe"}
        assert cameo_code(data, etype, None, []) is not None


def test_trigger_entries_use_plover_types_modes_and_contexts():
    data = event_data()
    entries = [e for group in data.triggers.values() for e in group]
    assert len(entries) > 300
    for e in entries:
        assert e.type is None or e.type in PLOVER_TYPES
        assert e.mode is None or e.mode in data.modes[e.type]
        assert set(e.contexts) <= data.contexts


def test_lookup_is_keyed_on_lemma_and_pos_in_file_order():
    data = event_data()
    impose = data.entries("impose", "V")
    assert [e.type for e in impose][:2] == ["SANCTION", "COERCE"]
    assert data.entries("impose", "N") == []
    assert data.entries("no-such-word", "V") == []


def test_cameo_roots_follow_the_conversion_table():
    data = event_data()
    assert cameo_code(data, "SANCTION", "discontinue", ["economic"]) == "16"
    assert cameo_code(data, "ACCUSE", "investigate", []) == "09"
    assert cameo_code(data, "ACCUSE", "allege", []) == "11"
    assert cameo_code(data, "ASSAULT", "firearms", []) == "19"
    assert cameo_code(data, "ASSAULT", "beat", []) == "18"
    assert cameo_code(data, "ASSAULT", None, ["military"]) == "19"
    assert cameo_code(data, "ASSAULT", "unconventional", []) == "20"
    assert cameo_code(data, "CONSULT", "visit", []) == "04"


def test_sports_guard_words_are_loaded():
    assert {"goal", "striker", "tournament"} <= event_data().sports_cues


def test_copied_data_loads_like_the_packaged_data(data_copy):
    assert load_event_data(data_copy).triggers.keys() == event_data().triggers.keys()


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("frobnicate\tV\t-\tINVADE\t-\t-\t0.5\t-", "unknown type 'INVADE'"),
        ("frobnicate\tV\t-\tASSAULT\tsneaky\t-\t0.5\t-", "mode 'sneaky' is not a PLOVER mode of ASSAULT"),
        ("frobnicate\tV\t-\tASSAULT\t-\tsorcery\t0.5\t-", "unknown context 'sorcery'"),
        ("frobnicate\tV\tobject=x\tASSAULT\t-\t-\t0.5\t-", "bad condition 'object=x'"),
        ("frobnicate\tV\t-\tASSAULT\t-\t-\t1.5\t-", "weight 1.5 outside [0, 1]"),
        ("frobnicate\tV\t-\tASSAULT\t-\t-\t0.5\tloud", "unknown flag 'loud'"),
        ("frobnicate\tX\t-\tASSAULT\t-\t-\t0.5\t-", "bad pos 'X'"),
        ("frobnicate\tV\t-\tASSAULT", "expected 8 columns"),
    ],
)
def test_a_bad_trigger_line_names_file_line_and_problem(data_copy, line, message):
    path = data_copy / "triggers.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_event_data(data_copy)
    assert f"triggers.tsv:{len(lines)}" in str(err.value) and message in str(err.value)


def test_a_type_missing_from_types_table_is_reported(data_copy):
    path = data_copy / "types.tsv"
    kept = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("AID\t")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no row for AID"):
        load_event_data(data_copy)


def test_a_bad_cameo_code_is_reported(data_copy):
    path = data_copy / "cameo.tsv"
    path.write_text(path.read_text(encoding="utf-8") + "ASSAULT\tbeat\t*\t180\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cameo\.tsv"):
        load_event_data(data_copy)
