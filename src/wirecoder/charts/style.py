"""Colours, fonts and sizes of the charts: a printed page (a 16 cm text column), real fonts
(DejaVu Sans, which matplotlib ships), and colour-blind-safe colours.

The PLOVER quad classes keep the colour families the web dashboard uses (verbal cooperation
green, material cooperation blue, verbal conflict orange, material conflict red), taken from
the Okabe-Ito palette, which stays distinguishable under the common colour-vision
deficiencies.  Types take lighter and darker shades of their class's colour.  Statuses use
Paul Tol's colour-blind-safe "muted" scheme.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from wirecoder.errors import WirecoderError

INSTALL_HINT = "charts need matplotlib: pip install 'wirecoder[plot]'"

#: Quad class -> colour (Okabe & Ito, "Color Universal Design", 2008).
QUAD_COLORS = {1: "#009E73", 2: "#0072B2", 3: "#E69F00", 4: "#D55E00"}
#: Status -> colour (Paul Tol's muted scheme, https://personal.sron.nl/~pault/).
STATUS_COLORS = {
    "asserted": "#332288",
    "reported": "#88CCEE",
    "planned": "#44AA99",
    "hypothetical": "#DDCC77",
    "negated": "#CC6677",
}
SPEAKER_COLOR = "#0072B2"
OTHER_COLOR = "#999999"
INK, MUTED = "#222222", "#555555"

#: Inches: the width of a text column on A4 or US letter, and a chart's usual height.
PAGE_WIDTH, CHART_HEIGHT = 6.3, 3.4
PNG_DPI = 200

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "legend.fontsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "text.color": INK,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "svg.fonttype": "path",
    "pdf.fonttype": 42,  # TrueType in PDFs: text stays text, and journals accept it
    "savefig.bbox": "tight",
}


def require_matplotlib() -> Any:
    """matplotlib with the Agg backend (no display needed), or one clear error."""
    try:
        import matplotlib
    except ImportError:
        raise WirecoderError(INSTALL_HINT) from None
    matplotlib.use("Agg", force=False)
    return matplotlib


def shade(color: str, step: int, steps: int) -> str:
    """A shade of ``color``: step 0 of ``steps`` is lightest, the last is darkest."""
    from matplotlib.colors import to_hex, to_rgb

    rgb = to_rgb(color)
    # From 45% towards white to 35% towards black.
    t = -0.45 + 0.8 * (step / max(1, steps - 1)) if steps > 1 else 0.0
    mixed = [c + (1 - c) * -t if t < 0 else c * (1 - t) for c in rgb]
    return to_hex(mixed)


@contextmanager
def styled() -> Iterator[None]:
    """Draw (and save) inside this block: matplotlib reads its settings when it makes each artist."""
    matplotlib = require_matplotlib()
    with matplotlib.rc_context(RC):
        yield


def new_figure(rows: int = 1, height: float = CHART_HEIGHT, **kw: Any) -> tuple[Any, Any]:
    """A figure not registered with pyplot: no GUI, nothing to close, safe in a server thread."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(PAGE_WIDTH, height), layout="constrained")
    return fig, fig.subplots(rows, 1, **kw)
