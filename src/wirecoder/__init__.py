"""wirecoder: news articles to actors, normalised dates, quotations and PLOVER events."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("wirecoder")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
