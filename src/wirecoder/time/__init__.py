"""Time stage: TIMEX3 extraction and normalisation, DCT inference, anchoring by tense.

Modules, in the order a document meets them:

- ``grammar``: the rule table (``data/time/rules.tsv``, word lists in ``lexicon.json``) finds
  candidates over the raw text, so offsets are exact; each rule runs only near its key words;
- ``interpret``: reads each match as a *spec* (``specs``) - what it means before anchoring -
  or rejects it (ages, the modal "May", "a quarter of");
- ``names``: time words inside a name are no expressions ("USA Today", ABC's "This Week");
- ``dct``: infers a missing document date from header lines, datelines, embedded posts and
  weekday-confirmed mentions (never from the clock);
- ``tense``: which way the governing clause points (``data/time/cues.json``);
- ``component``: resolves every spec in text order against the DCT, the direction and the
  narrative reference times, writes ``doc._.timexes`` and installs the resolver (``resolver``)
  that :func:`time_of` uses;
- ``page``: expressions in bylines, page stamps ("Published ...") and furniture are left out
  after they dated the article;
- ``ranges``: both ends of "from 2015 to 2018" get ``range_begin``/``range_end``;
- ``anchors``: "two days after the vote" - the duration, its sign and its anchor phrase, counted
  from a date in the anchor or the last time named (:func:`offsets_from_anchors`,
  :func:`shift_point` for a stage that knows the anchor event's date).

Without a DCT, values that need one keep X placeholders at their own granularity
(``XXXX-WXX-5``, ``XXXX-05-31``, ``XXXX``); absolute dates, durations and sets are unaffected.
"""

from wirecoder.time.api import AnchoredOffset, TimeAnchor, offsets_from_anchors, shift_point, time_of

__all__ = ["AnchoredOffset", "TimeAnchor", "offsets_from_anchors", "shift_point", "time_of"]
