"""The web app and HTTP API (``wirecoder serve``): FastAPI views over the pipeline and the store."""

from wirecoder.web.app import create_app
from wirecoder.web.config import WebConfig

__all__ = ["WebConfig", "create_app"]
