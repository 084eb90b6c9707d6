"""The whole-article scorer (``wirecoder eval articles``) on a small article and gold written here."""

from __future__ import annotations

import json

import pytest

from wirecoder.errors import InputError
from wirecoder.eval.article_gold import load_text, parse_article, read_gold, sentence_range, sha256
from wirecoder.eval.articles import gold_as_predictions, score
from wirecoder.eval.base import select_split

TEXT = (
    "France accused Spain of blocking the fishing deal on Monday. "
    "Spanish police arrested three French fishermen in Bilbao. "
    '"We will not accept this," the French minister Anne Roux said. '
    "Roux said talks would be held in Brussels next week."
)


def at(needle: str, nth: int = 1) -> dict:
    start = -1
    for _ in range(nth):
        start = TEXT.index(needle, start + 1)
    return {"start": start, "end": start + len(needle)}


def party(needle: str, country, sector=None) -> dict:
    return {**at(needle), "country": country, "sector": sector}


def gold_object() -> dict:
    quote = at('"We will not accept this,"')
    indirect = at("talks would be held in Brussels next week")
    return {
        "id": "synthetic-1",
        "source": {"file": "corpora/none.csv", "row": 0},
        "date": "2001-02-06",
        "sha256": sha256(TEXT),
        "events_complete": True,
        "quotes_complete": True,
        "events": [
            {
                "type": "ACCUSE",
                "source": [party("France", "FRA")],
                "target": [party("Spain", "ESP")],
                "date": "2001-02-05",
                "status": "asserted",
                "trigger": at("accused"),
            },
            {
                "type": "COERCE",
                "source": [party("Spanish police", "ESP", "COP")],
                "target": [party("French fishermen", "FRA", "CVL")],
                "date": ["2001-02-06", "2001-02-05"],
                "status": "asserted",
                "trigger": at("arrested"),
            },
            {
                "type": "CONSULT",
                "source": [
                    party(
                        "Roux",
                        "FRA",
                        "GOV",
                    ),
                    party("Brussels", "BEL"),
                ],
                "target": [],
                "date": "2001-W07",
                "status": ["planned", "reported"],
                "trigger": at("talks"),
            },
        ],
        "actors": [
            {**at("Spanish police"), "country": "ESP", "sector": "COP", "kind": "organization"},
            {**at("Anne Roux"), "country": "FRA", "sector": ["GOV"], "kind": "person"},
        ],
        "non_actors": [at("Bilbao")],
        "quotes": [
            {**quote, "kind": "direct", "speaker": at("the French minister Anne Roux"), "speaker_actor": 1},
            {**indirect, "kind": "indirect", "speaker": at("Roux", 2)},
        ],
    }


@pytest.fixture
def gold():
    return [parse_article(gold_object(), "test")]


TEXTS = {"synthetic-1": TEXT}


def test_gold_fed_back_scores_one(gold):
    summary = score(gold, TEXTS, gold_as_predictions(gold)).summary
    rates = [k for k, v in summary.items() if isinstance(v, float) and k not in ("non_actor_rate", "events_per_doc")]
    assert rates and all(summary[k] == 1.0 for k in rates), summary
    assert summary["non_actor_rate"] == 0.0
    assert summary["key_events"] == 3 and summary["key_actors"] == 2 and summary["quotes"] == 2


def output(events=(), actors=(), quotes=()) -> dict:
    return {"doc": {"id": "synthetic-1"}, "actors": list(actors), "events": list(events), "quotes": list(quotes)}


def actor(aid, needle, country, sector=None, nth=1):
    return {"id": aid, "country": country, "sector": sector, "mentions": [at(needle, nth)]}


ACTORS = [
    actor("a1", "France", "FRA"),
    actor("a2", "Spain", "ESP"),
    actor("a3", "Spanish police", "ESP", "COP"),
    actor("a4", "French fishermen", "FRA", "CVL"),
    actor("a5", "Anne Roux", "FRA", "GOV"),
]


def test_type_parties_date_status_are_scored_in_that_order(gold):
    events = [
        # right type and parties, wrong date: counts for parties, not full
        {"type": "ACCUSE", "source": ["a1"], "target": ["a2"], "date": "2001-02-06", "trigger": at("accused")},
        # right type, reversed parties
        {"type": "COERCE", "source": ["a4"], "target": ["a3"], "date": "2001-02-06", "trigger": at("arrested")},
        # a CONSULT elsewhere in the article does not count for the talks sentence
        {
            "type": "CONSULT",
            "source": ["a5"],
            "target": [],
            "date": "2001-W07",
            "status": "planned",
            "trigger": at("accused"),
        },
    ]
    summary = score(gold, TEXTS, [output(events, ACTORS)]).summary
    assert summary["event_type_recall"] == round(2 / 3, 4)
    assert summary["event_parties_recall"] == round(1 / 3, 4)
    assert summary["event_full_recall"] == 0.0
    assert summary["event_precision"] == round(2 / 3, 4)  # the misplaced CONSULT is at no gold CONSULT


def test_pooled_sides_and_alternatives_make_a_full_match(gold):
    events = [
        {
            "type": "CONSULT",
            "source": [{"country": "BEL"}],
            "target": ["a5"],
            "date": "2001-W07",
            "status": "reported",
            "trigger": at("talks"),
        }
    ]
    result = score(gold, TEXTS, [output(events, ACTORS)])
    assert [e.full for e in result.events] == [False, False, True]


def test_actors_need_acceptable_country_and_sector_and_non_actors_count(gold):
    actors = [actor("a3", "police", "ESP", "MIL"), actor("a5", "Roux", "FRA", "GOV"), actor("a9", "Bilbao", "ESP")]
    summary = score(gold, TEXTS, [output((), actors)]).summary
    assert summary["actor_found"] == 1.0
    assert summary["actor_ok"] == 0.5
    assert summary["non_actor_rate"] == 1.0


def test_quotes_overlap_and_speaker(gold):
    quotes = [
        # a third of the direct quote, speaker by the actor's mention
        {"start": at("We will not")["start"], "end": at("We will not")["end"], "speaker": "a5"},
        # the indirect quote, speaker given as a wrong span
        {**at("talks would be held in Brussels next week"), "speaker_start": 0, "speaker_end": 6},
        # a quote that is not in the gold
        {**at("blocking the fishing deal")},
    ]
    summary = score(gold, TEXTS, [output((), ACTORS, quotes)]).summary
    assert summary["quote_found"] == 1.0
    assert summary["quote_speaker"] == 0.5
    assert summary["quote_precision"] == round(2 / 3, 4)


def test_a_short_overlap_is_no_match(gold):
    quotes = [{**at("We will"), "speaker": "a5"}]  # 7 of 26 characters: under 0.3
    assert score(gold, TEXTS, [output((), ACTORS, quotes)]).summary["quote_found"] == 0.0


def test_missing_prediction_scores_zero(gold):
    summary = score(gold, TEXTS, []).summary
    assert summary["event_type_recall"] == 0.0 and summary["actor_ok"] == 0.0 and summary["quote_found"] == 0.0


def test_sentence_range_splits_on_punctuation_and_newlines():
    text = 'He left. "Go," she said.\nThen it rained.'
    assert text[slice(*sentence_range(text, 0, 2))] == "He left."
    assert text[slice(*sentence_range(text, 15, 18))] == '"Go," she said.'
    assert text[slice(*sentence_range(text, 30, 32))] == "Then it rained."


def test_read_gold_folder_and_split(tmp_path):
    for n in range(6):
        obj = gold_object() | {"id": f"doc-{n}"}
        (tmp_path / f"doc-{n}.json").write_text(json.dumps(obj))
    docs = read_gold(tmp_path)
    assert [d.id for d in docs] == [f"doc-{n}" for n in range(6)]
    dev, aside = select_split(docs, "dev"), select_split(docs, "setaside")
    assert len(dev) + len(aside) == 6 and not {d.id for d in dev} & {d.id for d in aside}


@pytest.mark.parametrize(
    "change",
    [
        {"source": {}},
        {"events": [{"type": "ACCUSE", "trigger": {"start": 5, "end": 2}}]},
        {"quotes": [{"start": 0, "end": 4, "kind": "rumour"}]},
    ],
)
def test_bad_gold_is_an_input_error(change):
    with pytest.raises(InputError):
        parse_article(gold_object() | change, "test")


def test_text_is_checked_against_its_hash(tmp_path, gold):
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / "none.csv").write_text(
        'url,date,title,text\nx,2001-02-06,t,"' + TEXT.replace('"', '""') + '"\n'
    )
    assert load_text(gold[0], tmp_path) == TEXT
    (tmp_path / "corpora" / "none.csv").write_text("url,date,title,text\nx,2001-02-06,t,other text\n")
    with pytest.raises(InputError, match="sha256"):
        load_text(gold[0], tmp_path)
    with pytest.raises(InputError, match="not found"):
        load_text(gold[0], tmp_path / "elsewhere")
    with pytest.raises(InputError, match="not here"):
        load_text(gold[0], None)


def test_report_tables_list_every_metric(gold):
    from wirecoder.eval.article_report import metrics_table, per_type_table

    summary = score(gold, TEXTS, gold_as_predictions(gold)).summary
    assert metrics_table(summary).row_count == sum(1 for v in summary.values() if not isinstance(v, dict))
    assert per_type_table(summary).row_count == 3


def test_errors_list_each_kind_of_miss(gold):
    from wirecoder.eval.article_report import error_cases

    actors = [actor("a3", "police", "ESP", "MIL"), actor("a9", "Bilbao", "ESP")]
    result = score(gold, TEXTS, [output((), actors)])
    lines = error_cases(result, TEXTS, 10)
    kinds = [line.split("]")[0] + "]" for line in lines]
    assert kinds.count("[type]") == 3 and kinds.count("[non-actor]") == 1 and kinds.count("[quote]") == 2
    assert any("'Spanish police' gold ESP COP | got ESP MIL" in line for line in lines)
    assert error_cases(result, TEXTS, 0) == []


def test_events_that_are_not_key_count_for_precision_only():
    obj = gold_object()
    obj["events"][2]["key"] = False
    gold = [parse_article(obj, "test")]
    talks = {"type": "CONSULT", "source": ["a5"], "status": "planned", "date": "2001-W07", "trigger": at("talks")}
    summary = score(gold, TEXTS, [output([talks], ACTORS)]).summary
    assert summary["key_events"] == 2 and summary["codeable_events"] == 3
    assert summary["event_type_recall"] == 0.0 and summary["event_precision"] == 1.0
