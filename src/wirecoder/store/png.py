"""A tiny raster canvas and PNG encoder, so ``timeline --plot x.png`` needs no plotting library.

It draws filled rectangles and text in a 5x7 bitmap font (``data/store/font5x7.txt``), which
is all a bar chart needs, and writes an 8-bit RGB PNG with the standard library (zlib).
"""

from __future__ import annotations

import struct
import zlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

RGB = tuple[int, int, int]
GLYPH_W, GLYPH_H = 5, 7


@lru_cache(maxsize=1)
def font() -> dict[str, list[str]]:
    """Character -> 7 rows of 5 cells ('#' = ink)."""
    text = (resources.files("wirecoder") / "data" / "store" / "font5x7.txt").read_text(encoding="utf-8")
    glyphs: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if not line.strip() or (current is None and line.startswith("#")):
            continue  # blank lines, and the comment header before the first glyph
        if line.startswith("= "):
            name = line[2:]
            current = " " if name == "space" else name
            glyphs[current] = []
        elif current is not None:
            glyphs[current].append(line)
    bad = [c for c, rows in glyphs.items() if len(rows) != GLYPH_H or any(len(r) != GLYPH_W for r in rows)]
    if bad:
        raise ValueError(f"font5x7.txt: glyph {bad[0]!r} is not 5x7")
    return glyphs


def parse_color(hex_color: str) -> RGB:
    value = hex_color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


class Canvas:
    def __init__(self, width: int, height: int, background: RGB = (255, 255, 255)) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def rect(self, x: int, y: int, w: int, h: int, color: RGB) -> None:
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(self.width, x + w), min(self.height, y + h)
        if x1 <= x0 or y1 <= y0:
            return
        row = bytes(color) * (x1 - x0)
        for yy in range(y0, y1):
            start = (yy * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def text(self, x: int, y: int, text: str, color: RGB, scale: int = 1) -> None:
        """Draw text with its top-left corner at (x, y); unknown characters draw as '?'."""
        glyphs = font()
        for i, ch in enumerate(text.upper()):
            rows = glyphs.get(ch) or glyphs["?"]
            gx = x + i * (GLYPH_W + 1) * scale
            for ry, row in enumerate(rows):
                for rx, cell in enumerate(row):
                    if cell == "#":
                        self.rect(gx + rx * scale, y + ry * scale, scale, scale, color)

    def png_bytes(self) -> bytes:
        stride = self.width * 3
        # Each scanline starts with filter type 0 (none).
        raw = b"".join(b"\x00" + bytes(self.pixels[y * stride : (y + 1) * stride]) for y in range(self.height))
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (
            b"\x89PNG\r\n\x1a\n"
            + _chunk(b"IHDR", header)
            + _chunk(b"IDAT", zlib.compress(raw, 9))
            + _chunk(b"IEND", b"")
        )

    def save(self, path: Path) -> None:
        path.write_bytes(self.png_bytes())


def text_width(text: str, scale: int = 1) -> int:
    return len(text) * (GLYPH_W + 1) * scale - scale if text else 0


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
