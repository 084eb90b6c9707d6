"""matplotlib charts from a small real store: each chart, from the CLI and from Python, as PNG
and SVG (and PDF and HTML), with the default time range and the note on events outside it."""

from __future__ import annotations

import re
import struct
from datetime import date

import pytest

import wirecoder
from tests.store.helpers import KIM, TRUMP, A, E, Q, build
from wirecoder.charts import axis, style
from wirecoder.charts.corpus import dyad_chart, speakers_chart, timeline_chart
from wirecoder.cli import main
from wirecoder.errors import WirecoderError
from wirecoder.store import Store

pytest.importorskip("matplotlib")

USA, PRK = A("United States", "country", "USA"), A("North Korea", "country", "PRK")
MOON = A("Moon Jae-in", "person", "KOR", "GOV")


def articles():
    """Four articles from March 2018 to December 2019; one recalls sanctions of 1979."""
    return [
        build(
            "c1",
            'Donald Trump met Kim Jong-un in Singapore. "It was a good start," said Donald Trump.',
            "2018-03-06",
            [TRUMP, KIM],
            [E("CONSULT", "met", ["Donald Trump"], ["Kim Jong-un"], "2018-03-06")],
            [Q("It was a good start,", "Donald Trump")],
        ),
        build(
            "c2",
            "North Korea accused the United States of bad faith. "
            "In 1979 the United States imposed sanctions on North Korea.",
            "2018-11-20",
            [PRK, USA],
            [
                E("ACCUSE", "accused", ["North Korea"], ["United States"], "2018-11-20"),
                E("SANCTION", "sanctions", ["United States"], ["North Korea"], "1979"),
            ],
        ),
        build(
            "c3",
            'Donald Trump met Kim Jong-un at the border. "We will meet again," said Kim Jong-un. '
            "The two leaders will sign a deal in July.",
            "2019-06-30",
            [TRUMP, KIM],
            [
                E("CONSULT", "met", ["Donald Trump"], ["Kim Jong-un"], "2019-06-30"),
                E("AGREE", "sign", ["Donald Trump", "Kim Jong-un"], [], "2019-07", status="planned"),
            ],
            [Q("We will meet again,", "Kim Jong-un")],
        ),
        build(
            "c4",
            'Police did not attack protesters in Seoul. Protesters marched. "Talk more," said Moon Jae-in. '
            '"Peace first," said Donald Trump.',
            "2019-12-03",
            [A("Police", "organization", "KOR", "COP"), A("protesters", "group", "KOR", "CVL"), MOON, TRUMP],
            [
                E("ASSAULT", "attack", ["Police"], ["protesters"], "2019-12-03", status="negated"),
                E("PROTEST", "marched", ["protesters"], [], "2019-12-03"),
            ],
            [Q("Talk more,", "Moon Jae-in"), Q("Peace first,", "Donald Trump")],
        ),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("charts") / "charts.duckdb"
    Store(path).add_results(articles())
    return Store(path, read_only=True)


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_points(text: str) -> tuple[float, float]:
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    width, height = (float(re.search(rf'{k}="([\d.]+)pt"', text)[1]) for k in ("width", "height"))
    return width, height


def check_png(path) -> None:
    width, height = png_size(path.read_bytes())
    # 6.3 inches at 200 dpi, give or take the tight bounding box.
    assert 1000 <= width <= 1700 and 300 <= height <= 2000, (width, height)


def check_svg(path) -> str:
    text = path.read_text(encoding="utf-8")
    width, height = svg_points(text)
    assert 360 <= width <= 610 and 100 <= height <= 720, (width, height)
    return text


def x_range(ax) -> tuple[date, date]:
    import matplotlib.dates as mdates

    low, high = ax.get_xlim()
    return mdates.num2date(low).date(), mdates.num2date(high).date()


# -- the default range ---------------------------------------------------------------------------


def test_default_range_is_the_corpus_coverage_and_the_old_event_is_counted(store):
    fig, rows = timeline_chart(store, by="month")
    assert any(r["period"] == "1979-01" for r in rows)  # the store has it...
    (ax,) = fig.axes
    assert x_range(ax) == (date(2018, 3, 1), date(2020, 1, 1))  # ...the axis does not
    notes = [t.get_text() for t in fig.texts]
    assert any("1 dated event outside Mar 2018 – Dec 2019" in n for n in notes), notes


def test_since_and_until_override_the_range(store):
    fig, _ = timeline_chart(store, by="year", since="1979", until="2019")
    assert x_range(fig.axes[0]) == (date(1979, 1, 1), date(2020, 1, 1))
    assert not fig.texts  # nothing left outside
    fig, _ = timeline_chart(store, by="month", since="2019-01")
    assert x_range(fig.axes[0]) == (date(2019, 1, 1), date(2020, 1, 1))
    assert any("3 dated events outside" in t.get_text() for t in fig.texts)


def test_window_helpers():
    window = axis.coverage({"date_from": "2018-03-06", "date_to": "2019-12-03"})
    assert window == axis.Window(date(2018, 3, 1), date(2019, 12, 31))
    assert axis.periods(axis.Window(date(2019, 11, 1), date(2020, 2, 29)), "month") == [
        "2019-11",
        "2019-12",
        "2020-01",
        "2020-02",
    ]
    assert axis.periods(window, "year") == ["2018", "2019"]
    assert axis.split([{"period": "1979", "count": 2}, {"period": "2018", "count": 1}], window) == (
        [{"period": "2018", "count": 1}],
        2,
    )


# -- every chart, from the CLI, as PNG and SVG ----------------------------------------------------

CHARTS = {
    "quad": ["timeline", "--by", "month"],
    "type": ["timeline", "--by", "month", "--group", "type"],
    "status": ["timeline", "--by", "month", "--group", "status"],
    "dyad": ["timeline", "--dyad", "USA-PRK", "--by", "month"],
    "speakers": ["speakers", "--limit", "5"],
}


@pytest.mark.parametrize("suffix", ["png", "svg"])
@pytest.mark.parametrize("chart", sorted(CHARTS))
def test_cli_charts(capsys, store, tmp_path, chart, suffix):
    out = tmp_path / f"{chart}.{suffix}"
    code = main([*CHARTS[chart], "--db", str(store.path), "--plot", str(out), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert "chart written" in captured.err
    if suffix == "png":
        check_png(out)
        return
    text = check_svg(out)
    if chart != "speakers":
        # matplotlib keeps each label as a comment beside its glyph outlines: the axis shows 2018-2019 only.
        assert "<!-- 2019 -->" in text and "1979" not in text


def test_cli_pdf_and_html(capsys, store, tmp_path):
    pdf, page = tmp_path / "t.pdf", tmp_path / "t.html"
    assert main(["timeline", "--db", str(store.path), "--plot", str(pdf)]) == 0
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000
    assert main(["timeline", "--db", str(store.path), "--dyad", "USA-PRK", "--plot", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html and not re.search(r"""(src|href)=["']?https?:""", html)
    assert "USA → PRK" in html and "PRK → USA" in html  # the rows, in the table under the chart
    capsys.readouterr()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["timeline", "--plot", "{tmp}/x.gif"], "--plot must end in .png, .svg, .pdf or .html"),
        (["timeline", "--plot", "{tmp}/no/x.png"], "no such folder"),
        (["timeline", "--actor", "nobody", "--plot", "{tmp}/x.png"], "nothing to plot"),
    ],
)
def test_cli_plot_errors_are_one_line(capsys, store, tmp_path, args, message):
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code = main([*args, "--db", str(store.path)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1, err


def test_without_matplotlib_the_cli_says_how_to_install_it(capsys, store, tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)
    code = main(["timeline", "--db", str(store.path), "--plot", str(tmp_path / "x.png")])
    err = capsys.readouterr().err
    assert code != 0 and "pip install 'wirecoder[plot]'" in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


# -- the same charts from Python -----------------------------------------------------------------


def test_python_timeline_plot_returns_a_figure(store, tmp_path):
    from matplotlib.figure import Figure

    corpus = wirecoder.open(store.path)
    frame = corpus.timeline(by="month")
    fig = frame.plot(tmp_path / "t.png")
    assert isinstance(fig, Figure) and x_range(fig.axes[0]) == (date(2018, 3, 1), date(2020, 1, 1))
    check_png(tmp_path / "t.png")
    assert callable(frame.plot.line)  # pandas' own plot methods are still there
    assert type(frame[frame["count"] > 1]).__name__ == "DataFrame"
    check_svg_fig = corpus.timeline(by="month", group="status").plot(tmp_path / "s.svg")
    assert isinstance(check_svg_fig, Figure)
    check_svg(tmp_path / "s.svg")


def test_python_dyad_and_speakers(store, tmp_path):
    corpus = wirecoder.open(store.path)
    dyad = corpus.dyad_timeline("USA-PRK", by="month")
    assert set(dyad["direction"]) == {"USA → PRK", "PRK → USA"}
    fig = dyad.plot(tmp_path / "d.svg")
    assert [ax.get_title(loc="left") for ax in fig.axes] == ["USA → PRK", "PRK → USA"]
    assert x_range(fig.axes[-1]) == (date(2018, 3, 1), date(2020, 1, 1))
    check_svg(tmp_path / "d.svg")
    speakers = corpus.speakers(limit=3)
    assert speakers["name"].tolist()[0] == "Donald Trump" and speakers["quotes"].tolist()[0] == 2
    fig = speakers.plot(tmp_path / "s.png")
    ax = fig.axes[0]
    top = max(zip(ax.get_yticks(), ax.get_yticklabels(), strict=True), key=lambda pair: pair[0])[1]
    assert top.get_text() == "Donald Trump (USA)"  # most quoted on top
    check_png(tmp_path / "s.png")


def test_dyad_rows_keep_direction(store):
    rows = store.dyad_timeline("USA-PRK", by="year")
    counts = {(r["period"], r["direction"], r["quad"]): r["count"] for r in rows}
    assert counts[("2018", "USA → PRK", "verbal cooperation")] == 1
    assert counts[("2018", "PRK → USA", "verbal conflict")] == 1
    assert counts[("1979", "USA → PRK", "material conflict")] == 1
    # Both leaders sign the planned deal: it counts for each direction.
    assert counts[("2019", "USA → PRK", "verbal cooperation")] == 2
    assert counts[("2019", "PRK → USA", "verbal cooperation")] == 1
    fig, _ = dyad_chart(store, "USA-PRK")
    assert any("1 dated event outside" in t.get_text() for t in fig.texts)


def test_speakers_chart_needs_quotes(tmp_path):
    path = tmp_path / "empty.duckdb"
    Store(path)
    with pytest.raises(WirecoderError, match="nothing to plot"):
        speakers_chart(Store(path, read_only=True))


# -- print and colour ------------------------------------------------------------------------------


def test_text_uses_a_real_font(store):
    fig, _ = timeline_chart(store)
    title = fig.axes[0].title
    assert title.get_fontname() == "DejaVu Sans" and title.get_fontsize() >= 9
    ticks = fig.axes[0].get_xticklabels()
    assert ticks and all(t.get_fontsize() >= 7 for t in ticks)


# Machado, Oliveira & Fernandes (2009): full-severity protanopia, deuteranopia, tritanopia in linear RGB.
CVD = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216), (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413), (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602), (0.004733, 0.691367, 0.303900)),
}


def _linear(c: float) -> float:
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _lab(rgb_linear: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = (min(1.0, max(0.0, v)) for v in rgb_linear)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883
    f = [v ** (1 / 3) if v > 0.008856 else 7.787 * v + 16 / 116 for v in (x, y, z)]
    return 116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])


def _seen(color: str, matrix) -> tuple[float, float, float]:
    rgb = [_linear(int(color[i : i + 2], 16) / 255) for i in (1, 3, 5)]
    return _lab(tuple(sum(m * c for m, c in zip(row, rgb, strict=True)) for row in matrix))


@pytest.mark.parametrize("palette", [style.QUAD_COLORS, style.STATUS_COLORS])
@pytest.mark.parametrize("deficiency", sorted(CVD))
def test_palettes_stay_apart_under_colour_blindness(palette, deficiency):
    colors = list(palette.values())
    seen = [_seen(c, CVD[deficiency]) for c in colors]
    for i in range(len(seen)):
        for j in range(i + 1, len(seen)):
            distance = sum((a - b) ** 2 for a, b in zip(seen[i], seen[j], strict=True)) ** 0.5
            assert distance > 10, (deficiency, colors[i], colors[j], round(distance, 1))
