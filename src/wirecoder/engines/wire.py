"""How results travel from a worker back to the caller: as JSON text, rebuilt on arrival.

Pickling a pydantic result walks every nested model in Python; ``model_dump_json`` runs in
pydantic's compiled core and is several times cheaper for the worker, and the JSON string is a
single object for the pipe (or Ray's object store) to move.  The caller rebuilds the records
with ``model_validate_json``, which also checks that a stage has not left an out-of-contract
value behind.
"""

from __future__ import annotations

import base64
import json
import pickle
from typing import Literal

from pydantic import ValidationError
from pydantic_core import PydanticSerializationError

from wirecoder.model import Article, ArticleResult, Failure

Kind = Literal["result", "failure", "pickle"]
Wire = tuple[Kind, str]


def encode(result: ArticleResult | Failure) -> Wire:
    try:
        if isinstance(result, Failure):
            return "failure", result.model_dump_json()
        return "result", result.model_dump_json(by_alias=True)
    except PydanticSerializationError:
        # Text that UTF-8 cannot carry (a lone surrogate from a JSON escape): ship the object
        # itself so every engine still returns exactly what the in-process engine returns.
        return "pickle", base64.b64encode(pickle.dumps(result)).decode("ascii")


def decode(kind: str, payload: str, origin: str = "") -> ArticleResult | Failure:
    """Rebuild a record from :func:`encode`; ``origin`` names the input if validation fails."""
    if kind == "failure":
        return Failure.model_validate_json(payload)
    if kind == "pickle":
        return pickle.loads(base64.b64decode(payload))  # our own worker's output, never outside data
    try:
        return ArticleResult.model_validate_json(payload)
    except ValidationError as exc:
        # A stage mutated a record into something the contract forbids.  Report the document
        # as failed rather than stop the batch (the in-process engine emits records unchecked).
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        reason = f"invalid output at {where}: {first.get('msg')}"
        return Failure(id=_doc_id(payload), origin=origin, reason=reason)


def _doc_id(payload: str) -> str | None:
    try:
        return str(json.loads(payload)["doc"]["id"])
    except (ValueError, KeyError, TypeError):
        return None


def encode_article(article: Article) -> str:
    """An article as JSON, keeping ``origin`` (which the output contract leaves out)."""
    data = article.model_dump(mode="json", exclude_none=True)
    if article.origin is not None:
        data["origin"] = article.origin
    return json.dumps(data)  # ASCII escapes: safe for Arrow strings, even with lone surrogates


def decode_article(payload: str) -> Article:
    # json.loads (unlike pydantic's JSON parser) accepts the escaped lone surrogates
    return Article(**json.loads(payload))
