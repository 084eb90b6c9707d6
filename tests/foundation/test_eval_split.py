"""The dev / set-aside split that every ``wirecoder eval`` task shares."""

from dataclasses import dataclass

import pytest

from wirecoder.errors import InputError
from wirecoder.eval.base import is_setaside, select_split


@dataclass
class Doc:
    id: str


DOCS = [Doc(f"doc-{i}") for i in range(300)]


def test_the_two_parts_partition_the_gold_about_one_in_three():
    dev, aside = select_split(DOCS, "dev"), select_split(DOCS, "setaside")
    assert {d.id for d in dev} | {d.id for d in aside} == {d.id for d in DOCS}
    assert not {d.id for d in dev} & {d.id for d in aside}
    assert 70 <= len(aside) <= 130


def test_membership_depends_on_the_id_not_on_the_order():
    assert [d.id for d in select_split(DOCS[::-1], "setaside")] == [d.id for d in select_split(DOCS, "setaside")][::-1]
    assert is_setaside("doc-1") == is_setaside("doc-1")


def test_errors_are_listed_only_for_the_dev_part():
    assert select_split(DOCS, "dev", errors=5)
    for split in ("all", "setaside"):
        with pytest.raises(InputError, match="--split dev"):
            select_split(DOCS, split, errors=5)


def test_an_unknown_split_is_a_usage_error():
    with pytest.raises(InputError, match="unknown split"):
        select_split(DOCS, "test")
