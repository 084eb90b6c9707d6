"""Small functions the templates call (registered as Jinja globals in app.py)."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from wirecoder.model import PLOVER_TYPES
from wirecoder.store.filters import STATUSES
from wirecoder.web.annotate import shorten
from wirecoder.web.highlight import Mark, highlight
from wirecoder.web.quads import quad_key


def snippet(text: str | None, limit: int = 220) -> str:
    return shorten(text or "", limit)


def short_title(title: str | None, doc_id: str, limit: int = 48) -> str:
    """A document's title, shortened, or its id when it has none."""
    return shorten(title, limit) if title else shorten(doc_id, 24)


def evidence(row: dict[str, Any]) -> Markup:
    """An event's sentence with its trigger in bold (from the stored offsets, not by searching)."""
    sentence = row.get("sentence") or ""
    base, start, end = row.get("sentence_start"), row.get("start"), row.get("end")
    if not sentence:
        return escape(row.get("trigger") or "")
    if None in (base, start, end):
        return escape(sentence)
    return highlight(sentence, [Mark(start - base, end - base, "trigger")])


def template_globals() -> dict[str, Any]:
    return {
        "quad_key": quad_key,
        "snippet": snippet,
        "short_title": short_title,
        "evidence": evidence,
        "plover_types": PLOVER_TYPES,
        "statuses": STATUSES,
    }
