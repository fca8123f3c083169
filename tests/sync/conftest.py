"""Fixtures for the sync wiring tests (helpers live in sync_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import sqlcipher3
from sync_helpers import HqPki, make_pki, open_outbox_db, start_hq

from maya_desktop.core.sync.receiver import Recorder, RunningReceiver


@pytest.fixture
def db(tmp_path) -> Iterator[sqlcipher3.Connection]:
    """A bare encrypted outbox database (settings and the sync outbox only), closed after the test."""
    conn = open_outbox_db(tmp_path / "maya.db")
    yield conn
    conn.close()


@pytest.fixture(scope="module")
def hq_pki(tmp_path_factory) -> HqPki:
    return make_pki(tmp_path_factory.mktemp("hq-pki"))


@pytest.fixture
def hq(hq_pki) -> Iterator[Callable[..., tuple[RunningReceiver, Recorder]]]:
    """hq(port=0, **receiver_kwargs) -> (running receiver, recorder); all stopped after the test."""
    started: list[RunningReceiver] = []

    def _start(**kwargs):
        running, recorder = start_hq(hq_pki, **kwargs)
        started.append(running)
        return running, recorder

    yield _start
    for running in started:
        running.stop()
