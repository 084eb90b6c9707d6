"""Write docs/python-api.md: the Python API reference, generated from the docstrings.

    python tools/api_reference.py          # rewrite docs/python-api.md
    python tools/api_reference.py --check  # exit 1 when the file is not current (the tests run this)

It covers ``wirecoder.extract_text``, ``wirecoder.open`` and the :class:`~wirecoder.api.Corpus`
methods, with the DataFrame columns each query returns (``wirecoder.api.frame_columns``).
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from wirecoder.api import Corpus, frame_columns, open  # noqa: E402
from wirecoder.extraction import extract_text  # noqa: E402

OUT = ROOT / "docs" / "python-api.md"
METHODS = ("stats", "events", "quotes", "actors", "timeline", "dyad_timeline", "speakers", "sql", "document", "ingest")


def signature(name: str, fn: object) -> str:
    text = str(inspect.signature(fn)).replace("'", "")
    return f"{name}{text.replace('(self, ', '(').replace('(self)', '()')}"


def docstring(fn: object) -> str:
    return inspect.cleandoc(inspect.getdoc(fn) or "(no docstring)")


def columns_for(method: str, columns: dict[str, list[str]]) -> list[str]:
    lines = []
    for key, names in columns.items():
        if key == method or key.startswith(method + "("):
            lines.append(f"- `{key}`: " + ", ".join(f"`{n}`" for n in names))
    return lines


def render() -> str:
    columns = frame_columns()
    parts = [
        "# Python API",
        "",
        "Generated from the docstrings by `tools/api_reference.py`; do not edit by hand (a test checks",
        "that it is current). The command line is documented in [analysis.md](analysis.md).",
        "",
        f"## `wirecoder.{signature('extract_text', extract_text)}`",
        "",
        docstring(extract_text),
        "",
        f"## `wirecoder.{signature('open', open)}`",
        "",
        docstring(open),
        "",
        "## `Corpus`",
        "",
        docstring(Corpus),
        "",
        "Queries return pandas DataFrames (`pip install 'wirecoder[analysis]'`); `timeline`,",
        "`dyad_timeline` and `speakers` frames also draw their chart with `.plot()` (matplotlib,",
        "`pip install 'wirecoder[plot]'`).",
    ]
    for method in METHODS:
        fn = getattr(Corpus, method)
        parts += ["", f"### `Corpus.{signature(method, fn)}`", "", docstring(fn)]
        found = columns_for(method, columns)
        if found:
            parts += ["", "Columns:", "", *found]
    return "\n".join(parts) + "\n"


def main() -> int:
    text = render()
    if "--check" in sys.argv[1:]:
        if not OUT.is_file() or OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT.relative_to(ROOT)} is not current: run python tools/api_reference.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
