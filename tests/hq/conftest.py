"""Fixtures for maya-hq: every database test runs on SQLite and on the real PostgreSQL (skipped, with the
reason, when 127.0.0.1:5432 does not answer)."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from hq_helpers import postgres_schema, postgres_unreachable_reason

from tests.sync.sync_helpers import make_pki

TODAY = dt.date(2026, 11, 30)
STAFF_PASSWORD = "hq-staff-password-1"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'hq.db'}"
        return
    reason = postgres_unreachable_reason()
    if reason:
        print(reason)
        pytest.skip(reason)
    with postgres_schema() as url:
        yield url


@pytest.fixture
def engine(database_url: str):
    """maya-hq's database at ``database_url``, migrated (for tests that start a real ``maya-hq serve``)."""
    from maya_hq import schema
    from maya_hq.db import make_engine

    engine = make_engine(database_url)
    schema.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def hq_app(database_url: str):
    """(TestClient over HTTPS scheme, HqApp) for an in-process maya-hq on ``database_url``."""
    from starlette.testclient import TestClient

    from maya_hq.app import HqSettings, create_app

    app = create_app(HqSettings(database_url=database_url, today=lambda: TODAY))
    with TestClient(app, base_url="https://testserver") as client:
        yield client, app.state.hq
    app.state.hq.engine.dispose()


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("hq-pki"))
