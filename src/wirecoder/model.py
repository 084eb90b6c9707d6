"""Typed records of the output contract (schema ``wirecoder/1``).

These classes *are* the contract: ``wirecoder schema`` prints the JSON Schema generated from
them, the writers serialise them, the store flattens them into tables and the web app renders
them.  Offsets are Python ``str`` indices into the exact input text.
"""

from __future__ import annotations

import hashlib
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "wirecoder/1"

ActorKind = Literal["person", "organization", "country", "group"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
QuoteKind = Literal["direct", "indirect", "mixed"]
CueType = Literal["speech", "writing", "belief", "perception", "stance", "evidence", "source"]
EventStatus = Literal["asserted", "negated", "hypothetical", "planned", "reported"]
DctSource = Literal["given", "inferred", "unknown"]
ZoneKind = Literal["headline", "standfirst", "byline", "dateline", "body", "caption", "credit", "furniture"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]
#: The 16 PLOVER event types, in the codebook's order (cooperation first, then conflict).
PLOVER_TYPES: tuple[str, ...] = get_args(PloverType)


class Record(BaseModel):
    """Base for every contract record: unknown fields are rejected, so typos fail loudly."""

    model_config = ConfigDict(extra="forbid")


class Span(Record):
    """A stretch of the input: ``text == input[start:end]``."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class CharRange(Record):
    """A stretch of the input given by offsets only (used for sentences)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Article(Record):
    """One input article, as the readers produce it."""

    text: str
    id: str | None = None
    date: str | None = Field(default=None, description="Document creation time, YYYY-MM-DD")
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = Field(default=None, exclude=True, description="where it was read: file[:line]")

    def doc_id(self) -> str:
        """The article id, or a content hash when the input gave none."""
        return self.id if self.id else content_id(self.text)


def content_id(text: str) -> str:
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


class Zone(Record):
    """A stretch of the input and the part of the page it is (offsets only, like CharRange)."""

    kind: ZoneKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocInfo(Record):
    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = Field(default=None, description="The input's source, else the agency its zones credit")
    dct: str | None = Field(default=None, description="Document creation time used for normalising")
    dct_source: DctSource = "unknown"
    chars: int = Field(ge=0)
    text: str | None = Field(default=None, description="The input text, with --include-text")
    authors: list[str] = Field(default_factory=list, description="People named in bylines and reporting credits")
    zones: list[Zone] = Field(default_factory=list, description="Parts of the page, in text order")


class Actor(Record):
    id: str
    name: str
    kind: ActorKind
    country: str | None = Field(default=None, description="ISO 3166-1 alpha-3, or IGO/UNO/EUR/NGO/MNC")
    sector: str | None = Field(default=None, description="PLOVER sector code (GOV, MIL, ...)")
    role: str | None = None
    mentions: list[Span] = Field(default_factory=list)
    confidence: float | None = Field(
        default=None, ge=0.0, le=1.0, description="how sure the actors stage is that this is an actor"
    )


class Timex(Record):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    type: TimexType
    value: str
    range_begin: str | None = Field(
        default=None, description='an endpoint of a range ("from 2015 to 2018"): the value the range begins at'
    )
    range_end: str | None = Field(default=None, description="an endpoint of a range: the value the range ends at")


class Quote(Record):
    id: str
    text: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    kind: QuoteKind
    speaker: str | None = Field(default=None, description="actors[].id of the speaker")
    speaker_text: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_type: CueType | None = Field(
        default=None, description="what the cue reports: speech, writing, belief, perception, stance, evidence, source"
    )
    negated: bool = Field(default=False, description="the act is negated or refused: 'did not mention'")
    timex: str | None = Field(default=None, description="timexes[].id of the reporting clause")


class Location(Record):
    name: str
    country: str | None = None


class Event(Record):
    id: str
    type: PloverType
    mode: str | None = None
    contexts: list[str] = Field(default_factory=list)
    source: list[str] = Field(default_factory=list)
    target: list[str] = Field(default_factory=list)
    date: str | None = None
    date_source: str = "dct"
    status: EventStatus = "asserted"
    location: Location | None = None
    trigger: Span
    sentence: CharRange
    cameo: str | None = None
    confidence: float = Field(default=0.0, ge=0.0, le=1.0)
    mentions: list[Span] = Field(
        default_factory=list,
        description="every trigger in the document that reports this happening, in text order (the first is `trigger`)",
    )


class ArticleResult(Record):
    """Everything wirecoder found in one article."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    doc: DocInfo
    actors: list[Actor] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_json_dict(self) -> dict:
        data = self.model_dump(by_alias=True, mode="json")
        if data["doc"].get("text") is None:
            data["doc"].pop("text", None)
        return data


class Failure(Record):
    """A document that could not be processed, and why (batches go on without it)."""

    id: str | None = None
    origin: str = Field(description="file (and line) the document came from")
    reason: str


def json_schema() -> dict:
    """JSON Schema of one output object, generated from the classes above."""
    schema = ArticleResult.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://wirecoder.invalid/schema/wirecoder-1.json"
    return schema
