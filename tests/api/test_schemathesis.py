"""Schemathesis against the live schema: every operation, examples made
from the schema, answered without a 5xx and as the schema says."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
)

from config.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def connection_kept_between_requests():
    """The WSGI app is called in this process, inside the test's transaction:
    Django would close the database connection at each request's end (on
    PostgreSQL, losing the transaction), so, as its test client does, it
    keeps it open while the test runs."""
    from django.core import signals
    from django.db import close_old_connections

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def token(reviewer, seed_press_release):
    from api.tokens import create_token

    return create_token(reviewer, "schemathesis")[1]


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_every_operation_answers_as_its_schema_says(case, token):
    response = case.call(headers={"Authorization": "Bearer " + token})
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            response_schema_conformance,
            content_type_conformance,
        ],
    )
