"""JSON output: one object for one article, JSON Lines for many."""

from __future__ import annotations

import json
from typing import TextIO

from wirecoder.model import ArticleResult, Failure


def dumps_result(result: ArticleResult | Failure, indent: int | None = None) -> str:
    if isinstance(result, Failure):
        data = {"schema": "wirecoder/1", "id": result.id, "error": result.reason, "origin": result.origin}
    else:
        data = result.to_json_dict()
    return json.dumps(data, ensure_ascii=False, indent=indent)


def write_json_lines(results: list[ArticleResult | Failure], out: TextIO) -> None:
    for result in results:
        out.write(dumps_result(result) + "\n")
