"""The entity scorer (wirecoder.eval.entities): reading CoNLL-U, the named subset, P/R/F1."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path
from wirecoder.eval.entities import EntMention, GoldDoc, read_conllu, read_gold, score

# A tiny CoNLL-U document of our own, in GUM's format: entity brackets in MISC.
CONLLU = """# newdoc id = demo_doc
# meta::dateCreated = 2021-03-04
# newpar
# sent_id = demo-1
# text = Mayor Ana Ruiz of Lima met the Red Cross.
1\tMayor\tMayor\tPROPN\tNNP\t_\t3\tcompound\t_\tEntity=(1-person-new-x-cf1-1-coref-Ana_Ruiz
2\tAna\tAna\tPROPN\tNNP\t_\t3\tflat\t_\t_
3\tRuiz\tRuiz\tPROPN\tNNP\t_\t6\tnsubj\t_\t_
4\tof\tof\tADP\tIN\t_\t5\tcase\t_\t_
5\tLima\tLima\tPROPN\tNNP\t_\t3\tnmod\t_\tEntity=(2-place-new-x-cf2-1-sgl)1)
6\tmet\tmeet\tVERB\tVBD\t_\t0\troot\t_\t_
7\tthe\tthe\tDET\tDT\t_\t9\tdet\t_\tEntity=(3-organization-new-x-cf3-1-sgl
8\tRed\tRed\tADJ\tJJ\t_\t9\tamod\t_\t_
9\tCross\tCross\tPROPN\tNNP\t_\t6\tobj\t_\tEntity=3)|SpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

# newpar
# sent_id = demo-2
# text = She thanked the charity and the Bank of Peru.
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\tEntity=(1-person-giv-x-cf1-1-coref)
2\tthanked\tthank\tVERB\tVBD\t_\t0\troot\t_\t_
3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\tEntity=(3-organization-giv-x-cf2-1-coref
4\tcharity\tcharity\tNOUN\tNN\t_\t2\tobj\t_\tEntity=3)
5\tand\tand\tCCONJ\tCC\t_\t8\tcc\t_\t_
6\tthe\tthe\tDET\tDT\t_\t8\tdet\t_\tEntity=(4-organization-new-x-cf3-1-sgl
7\tBank\tBank\tPROPN\tNNP\t_\t4\tconj\t_\t_
8\tof\tof\tADP\tIN\t_\t9\tcase\t_\t_
9\tPeru\tPeru\tPROPN\tNNP\t_\t7\tnmod\t_\tEntity=(5-place-new-x-cf4-1-sgl)4)|SpaceAfter=No
10\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
"""


def gold_doc() -> GoldDoc:
    return read_conllu(CONLLU, "fallback")


def texts(doc: GoldDoc) -> list[tuple[str, str]]:
    return [(doc.text[m.start : m.end], m.type) for m in doc.mentions]


def test_text_id_and_date_are_rebuilt():
    doc = gold_doc()
    assert doc.id == "demo_doc" and doc.date == "2021-03-04"
    assert doc.text == "Mayor Ana Ruiz of Lima met the Red Cross.\n\nShe thanked the charity and the Bank of Peru."


def test_only_named_mentions_are_kept_with_their_name_span():
    assert sorted(texts(gold_doc())) == sorted(
        [
            ("Mayor Ana Ruiz", "person"),  # capitalised title kept, "of Lima" left out for people
            ("Lima", "place"),
            ("Red Cross", "organization"),  # "Red" is ADJ in the gold, capitalised: in
            ("Bank of Peru", "organization"),  # connectors inside organisation names
            ("Peru", "place"),
        ]
    )


def test_gold_as_prediction_scores_one():
    doc = gold_doc()
    summary = score([doc], {doc.id: list(doc.mentions)})
    for key in ("exact_f1", "exact_p", "exact_r", "overlap_f1", "untyped_overlap_f1"):
        assert summary[key] == 1.0
    assert all(row["exact_f1"] == 1.0 for row in summary["per_type"].values() if row["gold"])


def test_a_missing_mention_lowers_recall_by_one_in_five():
    doc = gold_doc()
    summary = score([doc], {doc.id: list(doc.mentions)[1:]})
    assert (summary["exact_p"], summary["exact_r"]) == (1.0, 0.8)
    assert summary["exact_f1"] == round(2 * 0.8 / 1.8, 4)


def test_a_shifted_span_misses_exactly_but_matches_by_overlap():
    doc = gold_doc()
    first, *rest = doc.mentions
    shifted = EntMention(first.start + 1, first.end, first.type)
    summary = score([doc], {doc.id: [shifted, *rest]})
    assert (summary["exact_p"], summary["exact_r"]) == (0.8, 0.8)
    assert summary["overlap_f1"] == 1.0


def test_a_wrong_type_misses_typed_but_not_untyped():
    doc = gold_doc()
    first, *rest = doc.mentions
    other = "place" if first.type != "place" else "person"
    summary = score([doc], {doc.id: [EntMention(first.start, first.end, other), *rest]})
    assert summary["exact_r"] == 0.8 and summary["exact_p"] == 0.8
    assert summary["untyped_overlap_f1"] == 1.0


def test_articles_and_possessives_are_normalised_for_every_system():
    doc = gold_doc()
    start = doc.text.index("the Red Cross")
    with_article = EntMention(start, start + len("the Red Cross"), "organization")
    rest = [m for m in doc.mentions if doc.text[m.start : m.end] != "Red Cross"]
    assert score([doc], {doc.id: [with_article, *rest]})["exact_f1"] == 1.0


def test_extra_prediction_lowers_precision_only():
    doc = gold_doc()
    start = doc.text.index("charity")
    extra = EntMention(start, start + len("charity"), "organization")
    summary = score([doc], {doc.id: [*doc.mentions, extra]})
    assert (summary["exact_p"], summary["exact_r"]) == (round(5 / 6, 4), 1.0)


def test_invalid_prediction_offsets_are_ignored():
    doc = gold_doc()
    summary = score([doc], {doc.id: [*doc.mentions, EntMention(-3, 2, "person"), EntMention(5, 10_000, "place")]})
    assert summary["exact_f1"] == 1.0


@pytest.mark.shared
def test_reads_the_gum_news_folder():
    folder = shared_path("datasets", "ner", "gum-news")
    docs = read_gold(folder)
    assert len(docs) == 24
    assert all(d.date and d.text and d.mentions for d in docs)
    for d in docs:
        for m in d.mentions:
            assert d.text[m.start : m.end].strip() == d.text[m.start : m.end]
    summary = score(docs, {d.id: list(d.mentions) for d in docs})
    assert summary["exact_f1"] == 1.0
