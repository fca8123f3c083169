"""The operations layer: named operations run on one DB thread, return results or typed errors, publish changes."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pytest

from maya_desktop.core import operations
from maya_desktop.core.errors import PermissionDenied, ValidationError
from maya_desktop.core.operations import Changes, OperationExecutor, ad_hoc
from maya_desktop.core.operations.catalogue import NoRequest, SaveSyncSettings


@dataclass(frozen=True)
class Touch:
    order_id: int


def test_named_operation_runs_on_one_db_thread_and_publishes_changes(demo) -> None:
    executor = OperationExecutor(demo)
    seen: list[Changes] = []
    threads: set[str] = set()
    executor.subscribe(seen.append)

    def touch(session, request: Touch) -> int:  # type: ignore[no-untyped-def]
        threads.add(threading.current_thread().name)
        return request.order_id * 2

    op = ad_hoc(touch, {"order:{order_id}"})
    try:
        futures = [executor.submit(op, Touch(n)) for n in range(5)]
        assert [f.result() for f in futures] == [0, 2, 4, 6, 8]
        assert executor.call("clinic.info", NoRequest()).name
    finally:
        executor.shutdown()
    assert len(threads) == 1 and threading.current_thread().name not in threads
    assert [c.changed for c in seen] == [frozenset({f"order:{n}"}) for n in range(5)]
    assert seen[0].touches("orders") and not seen[0].touches("clients")


def test_typed_errors_come_back_through_the_future_and_nothing_is_published(demo, login) -> None:
    reception = login("reception")
    executor = OperationExecutor(reception)
    seen: list[Changes] = []
    executor.subscribe(seen.append)
    try:
        request = SaveSyncSettings(endpoint="https://hq.example:8443", token="t" * 40, pin=None, ca_file=None)
        with pytest.raises(PermissionDenied):
            executor.call("sync.save_settings", request)
    finally:
        executor.shutdown()
    assert seen == []
    # the refused attempt is audited (an operation is not wrapped in a transaction that would roll it back)
    rows = demo.conn.execute("SELECT count(*) FROM audit_log WHERE action = 'permission.denied'").fetchone()
    assert rows[0] >= 1


def test_atomic_operation_is_all_or_nothing(demo) -> None:
    def two_writes(session, request: NoRequest) -> None:  # type: ignore[no-untyped-def]
        session.conn.execute("UPDATE clinic SET name = 'changed'")
        raise ValidationError("second step refused", "گام دوم پذیرفته نشد")

    executor = OperationExecutor(demo)
    try:
        with pytest.raises(ValidationError):
            executor.call(ad_hoc(two_writes, {"settings"}, atomic=True), NoRequest())
        assert executor.call("clinic.info", NoRequest()).name != "changed"
    finally:
        executor.shutdown()


def test_a_shut_executor_refuses_with_a_typed_error(demo) -> None:
    executor = OperationExecutor(demo)
    executor.shutdown()
    with pytest.raises(Exception) as caught:
        executor.call("clinic.info", NoRequest())
    assert caught.type.__name__ == "VaultError"


def test_registry_lists_the_catalogue_and_refuses_unknown_names() -> None:
    assert {"clinic.info", "sync.save_settings"} <= set(operations.names())
    with pytest.raises(KeyError):
        operations.get("no.such.operation")
