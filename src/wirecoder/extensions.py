"""The custom attributes that the wirecoder stages add to a spaCy ``Doc``.

Stages talk to each other only through these attributes (and the typed records in
:mod:`wirecoder.model`):

=====================  =====================================================  ==========
attribute              contents                                               written by
=====================  =====================================================  ==========
``doc._.article``      the :class:`~wirecoder.model.Article` (id, date, ...)  pipeline
``doc._.actors``       ``list[Actor]``                                        actors
``doc._.actor_mentions``  ``list[MentionRef]`` sorted by start (incl. pronouns)  actors
``doc._.timexes``      ``list[Timex]``                                        time
``doc._.dct``          ``str | None`` document creation time (YYYY-MM-DD)     time
``doc._.dct_source``   ``"given" | "inferred" | "unknown"``                   time
``doc._.quotes``       ``list[Quote]``                                        quotes
``doc._.events``       ``list[Event]``                                        events
``doc._.zones``        ``list[Zone]`` parts of the page (headline, body, ...)  zones
``doc._.authors``      ``list[str]`` people named in bylines and credits      zones
``doc._.agency``       ``str | None`` the agency the zones credit             zones
``doc._.wc_errors``    ``list[str]`` stage failures (the doc becomes a Failure) any stage
``doc._.wc_state``     ``dict`` private scratch space, one key per stage      any stage
=====================  =====================================================  ==========
"""

from __future__ import annotations

from spacy.tokens import Doc

from wirecoder.model import Article

_LIST_ATTRS = ("actors", "actor_mentions", "timexes", "quotes", "events", "wc_errors", "zones", "authors")
_SCALAR_ATTRS = {"article": None, "dct": None, "dct_source": "unknown", "wc_state": None, "agency": None}


def register_extensions() -> None:
    """Declare the attributes once per process (idempotent)."""
    for name in _LIST_ATTRS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name, default in _SCALAR_ATTRS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def init_doc(doc: Doc, article: Article) -> Doc:
    """Give a fresh Doc its own (unshared) containers and the article's metadata."""
    register_extensions()
    for name in _LIST_ATTRS:
        doc._.set(name, [])
    doc._.article = article
    doc._.dct = article.date
    doc._.dct_source = "given" if article.date else "unknown"
    doc._.wc_state = {}
    return doc


def ensure_doc(doc: Doc) -> Doc:
    """Initialise a Doc that plain spaCy made (``nlp(text)`` with the stages added by name).

    The wirecoder pipeline initialises every Doc before parsing (with the article's date);
    a spaCy user's Doc arrives here bare, so the first stage gives it the same containers.
    A date can be set before the stages run with ``doc._.dct = "2019-02-27"``.
    """
    if doc._.wc_state is None:
        dct = doc._.dct
        init_doc(doc, Article(text=doc.text, date=dct))
    return doc


register_extensions()
