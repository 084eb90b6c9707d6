"""Time stage: TIMEX3 extraction and normalisation, DCT inference, anchoring."""

from wirecoder.time.api import TimeAnchor, time_of

__all__ = ["TimeAnchor", "time_of"]
