"""Logging setup: readable lines by default, one JSON object per line with ``--log-json``."""

from __future__ import annotations

import json
import logging
import sys
import time

_RESERVED = set(vars(logging.makeLogRecord({})))


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        data = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        # Fields passed with `extra=` (doc_id, stage, ...) become top-level keys.
        data.update({k: v for k, v in vars(record).items() if k not in _RESERVED and not k.startswith("_")})
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info).splitlines()[-1]
        return json.dumps(data, default=str)


#: True once ``--log-json`` is on: user-facing messages then go out as JSON log lines too.
json_mode = False


def configure(json_lines: bool = False, level: str = "WARNING") -> None:
    global json_mode
    json_mode = json_lines
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if json_lines else logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger("wirecoder")
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    root.propagate = False
