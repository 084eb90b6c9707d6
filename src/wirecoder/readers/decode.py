"""Bytes to text: UTF-8 first, then charset detection for legacy encodings."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from wirecoder.errors import InputError

#: Share of control bytes above which a file is taken to be binary rather than text.
_BINARY_CONTROL_SHARE = 0.10
_TEXT_CONTROLS = {9, 10, 12, 13}


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: str | None = None


def looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return bool(sample) and controls / len(sample) > _BINARY_CONTROL_SHARE


def decode_bytes(data: bytes, origin: str) -> Decoded:
    """Decode a file's bytes, refusing binary data with a one-line reason."""
    if looks_binary(data):
        raise InputError(f"{origin}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
        return Decoded(text, "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{origin}: cannot detect the text encoding")
    encoding = best.encoding
    return Decoded(str(best), encoding, f"{origin}: not UTF-8, read as {encoding}")
