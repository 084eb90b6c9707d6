"""DataFrames that know how to chart themselves: ``corpus.timeline(...).plot()`` returns a
matplotlib Figure (shown inline in a notebook), drawn as ``wirecoder timeline --plot`` draws it.

``frame.plot.line()`` and the other pandas plot methods still work: only calling ``plot``
itself draws the wirecoder chart.  Frames derived from it (a filter, a merge) are plain pandas
DataFrames, since the chart no longer describes them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, ClassVar

#: Draws the chart: (since, until, title) -> Figure.
Draw = Callable[[Any, Any, str | None], Any]


class ChartPlotter:
    def __init__(self, frame: Any, draw: Draw) -> None:
        self._frame, self._draw = frame, draw

    def __call__(
        self, path: str | Path | None = None, *, since: Any = None, until: Any = None, title: str | None = None
    ) -> Any:
        """The chart as a matplotlib Figure; with ``path`` (.png, .svg, .pdf, .html), also saved there.

        ``since``/``until`` set the time axis (default: the months the corpus covers)."""
        from wirecoder.charts.save import save

        fig = self._draw(since, until, title)
        if path is not None:
            save(fig, path, self._frame.to_dict("records"))
        return fig

    def __getattr__(self, name: str) -> Any:
        from pandas.plotting import PlotAccessor

        return getattr(PlotAccessor(self._frame), name)


@lru_cache(maxsize=1)
def _frame_class() -> type:
    import pandas as pd

    class ChartFrame(pd.DataFrame):
        _metadata: ClassVar[list[str]] = ["_wirecoder_draw"]

        @property
        def _constructor(self) -> type:
            return pd.DataFrame

        @property
        def plot(self) -> ChartPlotter:  # type: ignore[override]
            return ChartPlotter(self, self._wirecoder_draw)

    return ChartFrame


def chart_frame(frame: Any, draw: Draw) -> Any:
    """``frame`` (a pandas DataFrame) as a frame whose ``plot()`` calls ``draw``."""
    charted = _frame_class()(frame)
    charted._wirecoder_draw = draw
    return charted
