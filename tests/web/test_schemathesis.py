"""Property-based API tests from the OpenAPI spec (schemathesis), bounded for CI.

Every operation gets generated requests, valid and invalid; the app must never answer 5xx
(other than the documented 503 of a full extraction queue) and its responses must match the
spec.  Traffic goes to the ASGI app in-process: no network.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.web.conftest import build_store
from wirecoder.web import WebConfig, create_app


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory):
    db = build_store(tmp_path_factory.mktemp("schemathesis") / "corpus.duckdb")
    app = create_app(WebConfig(db=db, max_concurrent=64, timeout=120))
    return schemathesis.openapi.from_asgi("/openapi.json", app)


# schemathesis's own pytest integration does not run under pytest 9 yet, so the operations are
# driven here with its Hypothesis strategies directly.
def _check(case) -> None:
    response = case.call()
    assert response.status_code < 500 or response.status_code == 503, (case.path, response.status_code, response.text)
    # Schema-valid is not always acceptable: an empty or binary upload is refused with a
    # documented 400/422, so the "positive data must be accepted" check does not apply.
    case.validate_response(
        response,
        excluded_checks=[schemathesis.checks.max_response_time, schemathesis.checks.positive_data_acceptance],
    )


def test_every_operation_conforms_to_the_spec(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 8
    for operation in operations:
        run = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), database=None)(
            given(case=operation.as_strategy())(_check)
        )
        run()
