"""Coverage-guided fuzzing of the input readers (JSONL, CSV, HTML, plain text) with atheris.

    python tools/fuzz_readers.py -atheris_runs=20000      # what `make fuzz` runs (bounded)
    python tools/fuzz_readers.py -max_total_time=600      # a longer session

The property: whatever bytes come in, a reader yields Articles or Failures, or raises
InputError (a one-line, user-facing error).  Any other exception is a crash, which atheris
reports with the input that caused it; each one found becomes a regression test in
tests/reliability/test_readers_regressions.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from wirecoder.errors import InputError
    from wirecoder.model import Article, Failure
    from wirecoder.readers.formats import TableColumns, read_html, read_jsonl, read_table, read_txt

_TMP = Path(tempfile.mkdtemp(prefix="wirecoder-fuzz-"))
_FORMATS = ("jsonl", "csv", "html", "txt")


def _check(items: object) -> None:
    for item in items:  # type: ignore[attr-defined]
        assert isinstance(item, Article | Failure), type(item)
        if isinstance(item, Article):
            assert item.text.strip(), "a reader produced an article with no text"


def fuzz_one(data: bytes) -> None:
    if not data:
        return
    kind = _FORMATS[data[0] % len(_FORMATS)]
    body = data[1:]
    try:
        if kind == "jsonl":
            _check(read_jsonl(body, "fuzz.jsonl", lambda m: None))
        elif kind == "txt":
            _check(read_txt(body, "fuzz.txt", lambda m: None))
        elif kind == "html":
            _check(read_html(body, "fuzz.html", lambda m: None))
        else:
            path = _TMP / "fuzz.csv"
            path.write_bytes(body)
            _check(read_table(path, TableColumns(), parquet=False, data=body))
    except InputError:
        pass  # a clean, user-facing refusal is a correct answer


_SEEDS = {
    "jsonl": b'\x00{"id": "a", "text": "Chad\'s army said \u201cno\u201d.", "date": "2020-01-02"}\n{"text": 5}\n',
    "csv": b'\x01url,date,title,text\nhttp://x,2020-01-01,"T","Body, with ""quotes""\nand lines"\n',
    "html": b"\x02<html><head><meta name='date' content='2021-03-04'></head><body><article><p>Talks resumed "
    b"in Doha on Monday.</p></article></body></html>",
    "txt": b"\x03GENEVA, May 2 (Wire) - Officials met.\r\n\xe9t\xe9",
}


def _seed_corpus() -> str:
    corpus = _TMP / "corpus"
    corpus.mkdir(exist_ok=True)
    for name, data in _SEEDS.items():
        (corpus / name).write_bytes(data)
    return str(corpus)


def main() -> None:
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        argv += [_seed_corpus(), "-max_len=4096"]
    atheris.Setup(argv, fuzz_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
