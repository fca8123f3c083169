"""The clients page and form go through named operations; the page refreshes when clients change."""

from __future__ import annotations

import pytest

from maya_desktop.core.errors import DuplicateError
from maya_desktop.core.operations import OperationExecutor, get
from maya_desktop.core.operations.catalogue import ClientRef
from maya_desktop.core.operations.clients import SaveClient, SearchClients


def _save(executor: OperationExecutor, mobile: str, client_id: int | None = None, lang: str = "fa"):  # type: ignore[no-untyped-def]
    return executor.call(
        "clients.save", SaveClient(client_id, "مریم", "احمدی", mobile, None, False, notice_language=lang)
    )


def test_clients_operations_declare_what_they_change() -> None:
    assert get("clients.save").changes == frozenset({"clients"})
    assert get("clients.erase").changes == frozenset({"clients", "orders", "audit"})
    assert get("clients.search").changes == frozenset()


def test_save_search_language_and_erase_as_plain_data(demo) -> None:
    executor = OperationExecutor(demo)
    try:
        saved = _save(executor, "09121234567", lang="en")
        assert executor.call("clients.notice_language", ClientRef(saved.id)) == "en"
        with pytest.raises(DuplicateError):
            _save(executor, "09121234567")
        found = executor.call("clients.search", SearchClients("0912123"))
        assert [c.id for c in found.rows] == [saved.id] and found.total >= 1
        executor.call("clients.erase", ClientRef(saved.id))
        assert executor.call("clients.search", SearchClients("0912123")).rows == ()
    finally:
        executor.shutdown()
