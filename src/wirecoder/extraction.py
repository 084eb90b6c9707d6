"""The Python entry point for one article: ``wirecoder.extract_text(text, date=...)``.

    import wirecoder
    result = wirecoder.extract_text("Japan and South Korea agreed on Monday to resume talks.", date="2021-03-02")
    [(e.type, e.date, e.status) for e in result.events]

The pipeline is built once per process (the model loads on the first call).
"""

from __future__ import annotations

from typing import Any

from wirecoder.errors import InputError
from wirecoder.model import Article, ArticleResult, Failure


def extract_text(text: str, date: str | None = None, **meta: Any) -> ArticleResult:
    """Actors, time expressions, quotes and events of one article, as an :class:`ArticleResult`
    (the output contract: ``result.to_json_dict()`` is what ``wirecoder extract`` prints).

    ``date`` is the article date (YYYY-MM-DD; inferred from the text when absent); ``meta`` takes
    the other :class:`Article` fields (``id``, ``title``, ``url``, ``source``).  An article the
    pipeline refuses (empty, over a limit) raises :class:`~wirecoder.errors.InputError` with the reason.
    """
    from wirecoder.pipeline import process

    result = next(process([Article(text=text, date=date, **meta)]))
    if isinstance(result, Failure):
        raise InputError(result.reason)
    return result
