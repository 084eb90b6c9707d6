"""Static charts of a corpus store, drawn with matplotlib (Agg backend: no display, no downloads).

* :func:`timeline_figure`: events per period, stacked by PLOVER quad class, type or status;
* :func:`dyad_figure`: one dyad's cooperation (up) and conflict (down), one panel per direction;
* :func:`speakers_figure`: the top speakers by quote count.

Time charts cover the months the articles cover (:func:`coverage`) unless a range is given;
events dated outside the range are counted in a note under the chart.  :func:`save` writes a
figure as PNG, SVG, PDF or a self-contained HTML page, by the file's extension.
"""

from wirecoder.charts.axis import Window, coverage, window_for
from wirecoder.charts.figures import dyad_figure, speakers_figure, timeline_figure
from wirecoder.charts.save import SUFFIXES, check_target, save
from wirecoder.charts.style import require_matplotlib

__all__ = [
    "SUFFIXES",
    "Window",
    "check_target",
    "coverage",
    "dyad_figure",
    "require_matplotlib",
    "save",
    "speakers_figure",
    "timeline_figure",
    "window_for",
]
