"""Readers: every input format, and bad input as one-line reasons."""

from __future__ import annotations

import json

import pytest

from wirecoder.errors import InputError
from wirecoder.model import Article, Failure
from wirecoder.readers import TableColumns, read_paths


def _read(paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def test_txt_file_is_one_article(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Kenya's parliament passed the budget on Tuesday.\n")
    [art] = _read([f])
    assert isinstance(art, Article) and art.text.startswith("Kenya") and art.origin == str(f)


def test_jsonl_keeps_fields_and_reports_bad_lines(tmp_path):
    f = tmp_path / "b.jsonl"
    lines = [
        json.dumps({"id": "one", "text": "Talks resumed.", "date": "2021-02-03T10:00:00Z", "title": "T"}),
        "{not json",
        json.dumps({"id": "three", "title": "no text"}),
        "",
        json.dumps({"text": "Second article."}),
    ]
    f.write_text("\n".join(lines))
    items = _read([f])
    assert [type(i).__name__ for i in items] == ["Article", "Failure", "Failure", "Article"]
    assert items[0].date == "2021-02-03" and items[0].title == "T"
    assert items[1].origin.endswith("b.jsonl:2") and "not JSON" in items[1].reason
    assert "no 'text'" in items[2].reason and items[2].id == "three"


def test_csv_with_default_and_custom_columns(tmp_path):
    f = tmp_path / "c.csv"
    f.write_text('url,date,title,text\nhttp://x/1,2019-01-04,"A","Body one,\nwith a newline"\n')
    [art] = _read([f])
    assert art.text == "Body one,\nwith a newline" and art.date == "2019-01-04" and art.id == "http://x/1"
    g = tmp_path / "d.csv"
    g.write_text("body,day\nHello there.,2020-05-06\n")
    [art] = _read([g], columns=TableColumns(text="body", date="day"))
    assert art.text == "Hello there." and art.date == "2020-05-06"


def test_csv_without_text_column_is_a_failure(tmp_path):
    f = tmp_path / "e.csv"
    f.write_text("a,b\n1,2\n")
    [fail] = _read([f])
    assert isinstance(fail, Failure) and "--text-col" in fail.reason


def test_html_main_text_and_meta_date(tmp_path):
    f = tmp_path / "p.html"
    body = " ".join(["The finance ministry of Ghana announced new measures on Monday."] * 6)
    f.write_text(
        "<html><head><title>Ghana news</title>"
        '<meta property="article:published_time" content="2022-07-11T08:00:00Z"></head>'
        f"<body><nav>Home | About</nav><article><h1>Ghana</h1><p>{body}</p></article></body></html>"
    )
    [art] = _read([f])
    assert "finance ministry of Ghana" in art.text and "Home | About" not in art.text
    assert art.date == "2022-07-11"


def test_folder_is_walked_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second.")
    (tmp_path / "sub" / "a.txt").write_text("Third.")
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "notes.bin").write_bytes(b"\x00\x01")
    assert [a.text for a in _read([tmp_path])] == ["First.", "Second.", "Third."]


def test_latin1_text_is_detected_with_a_warning(tmp_path):
    f = tmp_path / "l.txt"
    f.write_bytes("Le président français a rencontré le ministre à Genève à midi.".encode("cp1252"))
    warnings: list[str] = []
    [art] = _read([f], warn=warnings.append)
    assert "président" in art.text and warnings and "not UTF-8" in warnings[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\x00\x01\x02binary\x00", "binary file"), (b"   \n\n", "empty file")],
)
def test_bad_files_become_failures(tmp_path, content, reason):
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    [fail] = _read([f])
    assert isinstance(fail, Failure) and reason in fail.reason


def test_missing_path_and_empty_folder_raise(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        _read([tmp_path / "nope.txt"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no readable articles"):
        _read([tmp_path / "empty"])
