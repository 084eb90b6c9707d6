"""A self-contained API reference page, generated from the app's OpenAPI document.

FastAPI's built-in /docs loads Swagger UI from a CDN, which an air-gapped machine cannot reach,
and no installed package ships the Swagger UI files.  So /docs is this server-rendered page
(no JavaScript needed) and the machine-readable document stays at /openapi.json.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

_METHOD_ORDER = ("get", "post", "put", "patch", "delete")


@dataclass
class Param:
    name: str
    where: str
    type: str
    required: bool
    description: str


@dataclass
class Endpoint:
    method: str
    path: str
    summary: str
    params: list[Param] = field(default_factory=list)
    body: list[Param] = field(default_factory=list)
    body_type: str | None = None
    responses: list[tuple[str, str]] = field(default_factory=list)
    anchor: str = ""


def _resolve(schema: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    ref = schema.get("$ref")
    if not ref:
        return schema
    node: Any = spec
    for part in ref.lstrip("#/").split("/"):
        node = node.get(part, {})
    return node


def type_name(schema: dict[str, Any], spec: dict[str, Any]) -> str:
    """A short human type: ``string``, ``integer (1-1000)``, ``string | null``, ``array of X``."""
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "anyOf" in schema:
        return " | ".join(type_name(s, spec) for s in schema["anyOf"])
    if "enum" in schema:
        return " | ".join(str(v) for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return f"array of {type_name(schema.get('items', {}), spec)}"
    if kind == "integer" and ("minimum" in schema or "maximum" in schema):
        return f"integer ({schema.get('minimum', '')}-{schema.get('maximum', '')})"
    if schema.get("format") == "binary" or "contentMediaType" in schema:
        return "file"
    if "pattern" in schema:
        return f"string matching {schema['pattern']}"
    return str(kind)


def _params(operation: dict[str, Any], spec: dict[str, Any]) -> list[Param]:
    return [
        Param(
            name=p["name"],
            where=p.get("in", ""),
            type=type_name(p.get("schema", {}), spec),
            required=bool(p.get("required")),
            description=p.get("description") or p.get("schema", {}).get("description", ""),
        )
        for p in operation.get("parameters", [])
    ]


def _body(operation: dict[str, Any], spec: dict[str, Any]) -> tuple[str | None, list[Param]]:
    content = operation.get("requestBody", {}).get("content", {})
    if not content:
        return None, []
    media, details = next(iter(content.items()))
    schema = _resolve(details.get("schema", {}), spec)
    required = set(schema.get("required", []))
    fields = [
        Param(
            name=name,
            where="body",
            type=type_name(prop, spec),
            required=name in required,
            description=prop.get("description", ""),
        )
        for name, prop in schema.get("properties", {}).items()
    ]
    return media, fields


def api_reference(spec: dict[str, Any]) -> list[Endpoint]:
    """Every operation in the OpenAPI document, in path order."""
    endpoints = []
    for path, operations in sorted(spec.get("paths", {}).items()):
        for method in _METHOD_ORDER:
            operation = operations.get(method)
            if operation is None:
                continue
            body_type, body = _body(operation, spec)
            endpoints.append(
                Endpoint(
                    method=method.upper(),
                    path=path,
                    summary=operation.get("summary", ""),
                    params=_params(operation, spec),
                    body=body,
                    body_type=body_type,
                    responses=[(code, r.get("description", "")) for code, r in operation.get("responses", {}).items()],
                    anchor=f"{method}-{path.strip('/').replace('/', '-').replace('{', '').replace('}', '')}",
                )
            )
    return endpoints
