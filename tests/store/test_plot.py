"""Timeline charts: PNG without a plotting library, HTML with inline SVG and no network."""

from __future__ import annotations

import re
import struct
import zlib

import pytest

from wirecoder.store import QueryError
from wirecoder.store import png as pngmod
from wirecoder.store.plot import nice_step, period_range, write_plot


def decode_png(data: bytes) -> tuple[int, int, bytes]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, size = 8, b"", None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF
        if kind == b"IHDR":
            size = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert size is not None
    return size[0], size[1], zlib.decompress(idat)


def test_font_has_every_glyph_5x7():
    glyphs = pngmod.font()
    for ch in "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-:./()% ":
        assert ch in glyphs, ch
    assert glyphs["1"][1] == ".##.."


def test_canvas_draws_text_and_boxes():
    canvas = pngmod.Canvas(20, 10)
    canvas.rect(0, 0, 2, 2, (255, 0, 0))
    canvas.text(5, 1, "1", (0, 0, 0))
    width, height, raw = decode_png(canvas.png_bytes())
    assert (width, height) == (20, 10) and len(raw) == height * (1 + width * 3)
    pixel = lambda x, y: raw[y * (1 + width * 3) + 1 + x * 3 : y * (1 + width * 3) + 4 + x * 3]  # noqa: E731
    assert pixel(0, 0) == b"\xff\x00\x00" and pixel(3, 3) == b"\xff\xff\xff"
    assert pixel(7, 1) == b"\x00\x00\x00"  # the top of the '1' glyph (row '..#..')


def test_period_range_fills_quiet_periods():
    assert period_range("2019-01", "2019-04", "month") == ["2019-01", "2019-02", "2019-03", "2019-04"]
    assert period_range("2019-W52", "2020-W02", "week") == ["2019-W52", "2020-W01", "2020-W02"]
    assert period_range("2019", "2021", "year") == ["2019", "2020", "2021"]


def test_nice_steps():
    assert [nice_step(n) for n in (1, 4, 9, 23, 180)] == [1, 1, 2, 5, 50]


def test_png_plot(built_store, tmp_path):
    out = tmp_path / "t.png"
    write_plot(built_store.timeline(by="month"), "month", "Events per month", out)
    width, height, raw = decode_png(out.read_bytes())
    assert (width, height) == (1800, 880)
    # The material-conflict colour of the stacked bars is there.
    assert bytes.fromhex("b2182b") in raw


def test_html_plot_is_self_contained(built_store, tmp_path):
    out = tmp_path / "t.html"
    rows = built_store.timeline(by="day", group="type")
    write_plot(rows, "day", "Events <per> day", out)
    page = out.read_text(encoding="utf-8")
    assert "<svg" in page and "Events &lt;per&gt; day" in page
    assert not re.search(r"""(src|href)=["']?https?:""", page)
    assert "<script" not in page
    assert page.count("<rect") > 5 and "2019-03-12" in page


def test_plot_refuses_bad_names_and_empty_data(built_store, tmp_path):
    rows = built_store.timeline()
    with pytest.raises(QueryError, match="must end in"):
        write_plot(rows, "month", "x", tmp_path / "t.jpg")
    with pytest.raises(QueryError, match="nothing to plot"):
        write_plot([], "month", "x", tmp_path / "t.png")
