"""Shared fixtures of the operation tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from maya_desktop.core.operations import OperationExecutor


@pytest.fixture
def ops(demo) -> Iterator[OperationExecutor]:
    """An executor on the demo clinic's manager session (a module may override it with another session)."""
    executor = OperationExecutor(demo)
    yield executor
    executor.shutdown()
