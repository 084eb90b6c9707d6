"""The zones stage: which part of the page each stretch of the input is.

Steps, one module each: :mod:`~wirecoder.zones.lines` (non-empty lines with offsets) ->
:mod:`~wirecoder.zones.classify` (what a line is by its own form: furniture, credit, byline,
date stamp, caption) -> :mod:`~wirecoder.zones.layout` (headline, standfirst, wire dateline and
body by position) -> :mod:`~wirecoder.zones.merge` (neighbours of one kind joined), run by
:func:`wirecoder.zones.find.find_zones`.  The patterns are data
(``data/zones/patterns.toml``, :mod:`~wirecoder.zones.patterns`).  The spaCy component
(:mod:`~wirecoder.zones.component`) runs before the parser; the other stages ask
:mod:`wirecoder.zones.api`.
"""
