"""The Python entry point for analysis: ``wirecoder.open(db)``.

    import wirecoder
    corpus = wirecoder.open("wirecoder.duckdb")
    corpus.events(actor="PRK", since="2019-01").head()      # a pandas DataFrame
    corpus.timeline(dyad="USA-PRK", by="week", dedup=True)

Queries return pandas DataFrames (pandas is imported only when a frame is built; without it
you get one clear error, and the ``rows=True`` variants return plain lists of dicts).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirecoder.errors import WirecoderError
from wirecoder.store import Store
from wirecoder.store.ingest import IngestReport

if TYPE_CHECKING:
    import pandas as pd

    from wirecoder.config import Settings


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise WirecoderError(
            "pandas is needed for DataFrames: pip install pandas (or 'wirecoder[analysis]'); "
            "Corpus.store gives the same data as lists of dicts"
        ) from None
    return pandas


def _party_columns(row: dict[str, Any]) -> dict[str, Any]:
    """Event parties as parallel list columns (names, codes, keys), which DataFrames handle well."""
    flat = dict(row)
    for role in ("source", "target"):
        parties = row.get(role)
        if isinstance(parties, list):
            flat[role] = [p.get("name") for p in parties]
            flat[f"{role}_codes"] = [p.get("code") for p in parties]
            flat[f"{role}_keys"] = [p.get("actor_key") for p in parties]
    return flat


def _with_party_columns(fields: list[str]) -> list[str]:
    """Row keys -> DataFrame columns: each party list adds its codes and keys (see _party_columns)."""
    extra = [f"{role}_{part}" for role in ("source", "target") if role in fields for part in ("codes", "keys")]
    return list(fields) + extra


def frame_columns() -> dict[str, list[str]]:
    """The DataFrame columns of each query method (the API reference lists them; a test checks them)."""
    from wirecoder.store.dedup import STORY_FIELDS
    from wirecoder.store.queries import ACTOR_FIELDS, QUOTE_FIELDS, event_fields

    return {
        "events": _with_party_columns(event_fields()),
        "events(dedup=True)": _with_party_columns(STORY_FIELDS),
        "quotes": list(QUOTE_FIELDS),
        "actors": list(ACTOR_FIELDS),
        "timeline": ["period", "quad_class", "quad", "count"],
        'timeline(group="type")': ["period", "quad_class", "quad", "count", "type"],
        'timeline(group="status")': ["period", "status", "count"],
        "dyad_timeline": ["period", "direction", "quad_class", "quad", "count"],
        "speakers": ["actor_key", "name", "country", "quotes", "documents"],
    }


class Corpus:
    """A store opened for analysis.  ``corpus.store`` is the underlying :class:`Store`."""

    def __init__(self, path: str | Path, read_only: bool = True) -> None:
        self.path = Path(path)
        self.store = Store(self.path, read_only=read_only)

    def __repr__(self) -> str:
        return f"Corpus({str(self.path)!r})"

    def __enter__(self) -> Corpus:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    def _frame(self, rows: list[dict[str, Any]]) -> pd.DataFrame:
        return _pandas().DataFrame([_party_columns(r) for r in rows])

    def stats(self) -> dict[str, Any]:
        """Counts (documents, events, quotes, actors, actor_rows, failures, timexes), the first and
        last article date (date_from, date_to) and the schema version, as a dict."""
        return self.store.stats()

    def events(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Events (filters as :meth:`Store.events`: actor, dyad, type, status, since, until, dedup,
        dedup_days, offset)."""
        return self._frame(self.store.events(limit=limit, **filters))

    def quotes(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Quotes (filters: speaker, actor_country, since, until)."""
        return self._frame(self.store.quotes(limit=limit, **filters))

    def actors(self, *, limit: int | None = None, **filters: Any) -> pd.DataFrame:
        """Corpus-level actors, most widely reported first (filters: country, sector, offset)."""
        return self._frame(self.store.actors(limit=limit, **filters))

    def timeline(self, **options: Any) -> pd.DataFrame:
        """Counts per period (options: actor, dyad, by, group ("quad", "type" or "status"), dedup,
        dedup_days, type, status, since, until).

        ``.plot()`` on the result draws the chart as ``wirecoder timeline --plot`` does and
        returns the matplotlib Figure: the time axis covers the months the corpus covers (or
        ``since``/``until``), and a note counts the dated events outside it.
        """
        from wirecoder.charts.corpus import timeline_chart
        from wirecoder.charts.frame import chart_frame

        rows = self.store.timeline(**options)
        chart_options = {k: v for k, v in options.items() if k not in ("since", "until")}

        def draw(since: Any, until: Any, title: str | None) -> Any:
            since, until = since or options.get("since"), until or options.get("until")
            return timeline_chart(self.store, **chart_options, since=since, until=until, title=title)[0]

        return chart_frame(self._frame(rows), draw)

    def dyad_timeline(self, dyad: str, **options: Any) -> pd.DataFrame:
        """One dyad's events per period and direction (options: by, type, status, since, until);
        ``.plot()`` draws each direction's cooperation (up) and conflict (down)."""
        from wirecoder.charts.corpus import dyad_chart
        from wirecoder.charts.frame import chart_frame

        rows = self.store.dyad_timeline(dyad, **options)
        chart_options = {k: v for k, v in options.items() if k not in ("since", "until")}

        def draw(since: Any, until: Any, title: str | None) -> Any:
            since, until = since or options.get("since"), until or options.get("until")
            return dyad_chart(self.store, dyad, **chart_options, since=since, until=until, title=title)[0]

        return chart_frame(self._frame(rows), draw)

    def speakers(self, limit: int = 10) -> pd.DataFrame:
        """The speakers quoted most often (actor_key, name, country, quotes, documents);
        ``.plot()`` draws them as horizontal bars."""
        from wirecoder.charts.corpus import speakers_chart
        from wirecoder.charts.frame import chart_frame

        def draw(since: Any, until: Any, title: str | None) -> Any:
            return speakers_chart(self.store, limit=limit, title=title)[0]

        return chart_frame(self._frame(self.store.top_speakers(limit=limit)), draw)

    def sql(self, query: str) -> pd.DataFrame:
        """One read-only SELECT on the store's tables; the columns are the query's."""
        names, rows = self.store.sql(query)
        return _pandas().DataFrame(rows, columns=names)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document: ``{"doc", "text", "result"}`` (result: the output contract), or None."""
        return self.store.document(doc_id)

    def ingest(self, paths: Iterable[str | Path], settings: Settings | None = None, workers: int = 1) -> IngestReport:
        """Read files or folders and add what is not stored yet (needs ``open(..., read_only=False)``)."""
        from wirecoder.readers import read_paths

        return self.store.ingest(read_paths([str(p) for p in paths]), settings, workers=workers)


def open(path: str | Path, read_only: bool = True) -> Corpus:
    """Open a wirecoder store for analysis (``read_only=False`` to ingest into it or create it)."""
    return Corpus(path, read_only=read_only)
