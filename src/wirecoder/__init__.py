"""wirecoder: news articles to actors, normalised dates, quotations and PLOVER events."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wirecoder")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__", "extract_text", "open"]


def __getattr__(name: str) -> object:
    # Lazy: `import wirecoder` must not load DuckDB; `wirecoder.open` imports the store on first use.
    if name == "open":
        from wirecoder.api import open

        return open
    if name == "extract_text":
        from wirecoder.extraction import extract_text

        return extract_text
    raise AttributeError(f"module 'wirecoder' has no attribute {name!r}")
