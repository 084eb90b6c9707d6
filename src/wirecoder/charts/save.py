"""Writing a figure by the file's extension: PNG, SVG, PDF, or an HTML page with the SVG inline
(and the numbers in a table), which needs no script and no network."""

from __future__ import annotations

import html
import io
from pathlib import Path
from typing import Any

from wirecoder.charts import style
from wirecoder.store.errors import QueryError

SUFFIXES = (".png", ".svg", ".pdf", ".html", ".htm")


def check_target(out: Path) -> None:
    """Refuse a name the charts cannot write, before any work is done."""
    if out.suffix.lower() not in SUFFIXES:
        raise QueryError(f"--plot must end in .png, .svg, .pdf or .html, got '{out.name}'")
    if not out.parent.exists():
        raise QueryError(f"{out.parent}: no such folder")


def save(fig: Any, out: str | Path, rows: list[dict[str, Any]] | None = None, title: str = "wirecoder chart") -> Path:
    """Write ``fig`` to ``out``; an HTML page also lists ``rows`` (the numbers charted)."""
    out = Path(out)
    check_target(out)
    suffix = out.suffix.lower()
    with style.styled():
        if suffix in (".html", ".htm"):
            out.write_text(_page(fig, rows or [], title), encoding="utf-8")
        else:
            fig.savefig(out, format=suffix[1:], dpi=style.PNG_DPI, metadata=_metadata(suffix))
    return out


def _metadata(suffix: str) -> dict[str, Any]:
    # No creation date: the same store gives the same file, byte for byte.
    if suffix == ".png":
        return {"Software": "wirecoder (matplotlib)"}
    if suffix == ".svg":
        return {"Date": None}
    return {"CreationDate": None}


def _page(fig: Any, rows: list[dict[str, Any]], title: str) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg") :]  # drop the XML prolog and doctype inside HTML
    keys = list(dict.fromkeys(k for r in rows for k in r))
    head = "".join(f"<th>{html.escape(k)}</th>" for k in keys)
    body = "\n".join(
        "<tr>" + "".join(f"<td>{html.escape(str(r.get(k, '')))}</td>" for k in keys) + "</tr>" for r in rows
    )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;margin:2em}svg{max-width:100%;height:auto}"
        "table{border-collapse:collapse;margin-top:1em}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
        "</style></head><body>\n"
        f"{svg}\n<table><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>\n</body></html>\n"
    )
