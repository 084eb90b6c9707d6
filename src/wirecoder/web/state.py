"""What the views share, kept on ``app.state`` (so each app built in a test is independent)."""

from __future__ import annotations

from fastapi import Request
from fastapi.templating import Jinja2Templates

from wirecoder.web.config import WebConfig
from wirecoder.web.extraction import Extractor


def web_config(request: Request) -> WebConfig:
    return request.app.state.config


def web_extractor(request: Request) -> Extractor:
    return request.app.state.extractor


def templates(request: Request) -> Jinja2Templates:
    return request.app.state.templates
