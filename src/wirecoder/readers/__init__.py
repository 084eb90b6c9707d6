"""Input readers: files, folders and stdin in; :class:`~wirecoder.model.Article` out.

Each reader yields an ``Article`` per document, or a :class:`~wirecoder.model.Failure` naming the
file (and line) when one document cannot be read, so a batch never stops at a bad document.
"""

from wirecoder.readers.dispatch import SUFFIXES, TableColumns, read_paths

__all__ = ["SUFFIXES", "TableColumns", "read_paths"]
