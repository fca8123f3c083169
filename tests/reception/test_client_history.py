"""The client page's order history (issue 15): `clients.history` lists every order still linked to the client
(newest first, state, dates, quoted and paid amounts), never another client's, and refuses a doctor."""

from __future__ import annotations

import pytest

from maya_desktop.core.errors import NotFound, PermissionDenied
from maya_desktop.core.operations import OperationExecutor, get
from maya_desktop.core.operations.catalogue import ClientRef
from maya_desktop.core.orders.destruction import destroy_order_now
from tests.reception.test_documents import _plain_data


def _history(session, client_id: int):
    executor = OperationExecutor(session)
    try:
        return executor.call("clients.history", ClientRef(client_id))
    finally:
        executor.shutdown()


def test_history_lists_the_clients_orders_with_state_dates_and_amounts(clinic, two) -> None:
    assert get("clients.history").changes == frozenset()
    history = _history(clinic.reception, two.a)
    _plain_data(history)
    assert history.client_name == "مهسا کاظمی‌نژاد"
    assert [o.order_id for o in history.orders] == [two.a_draft, two.a_paid, two.a_quoted]  # newest first
    by_id = {o.order_id: o for o in history.orders}
    assert by_id[two.a_draft].status == "draft" and by_id[two.a_draft].price_rial is None
    assert (
        by_id[two.a_quoted].status == "quoted" and by_id[two.a_quoted].quoted_at and by_id[two.a_quoted].paid_rial == 0
    )
    paid = by_id[two.a_paid]
    assert paid.status == "paid" and paid.paid_at and paid.paid_rial == paid.price_rial
    assert history.paid_rial == paid.paid_rial
    assert two.b_paid not in by_id  # another client's order
    other = _history(clinic.admin, two.b)  # managers too
    assert [o.order_id for o in other.orders] == [two.b_paid] and other.paid_rial == 7_777_770


def test_a_destroyed_order_leaves_the_history_and_a_doctor_is_refused(clinic, two) -> None:
    destroy_order_now(clinic.reception, two.a_quoted)
    assert two.a_quoted not in [o.order_id for o in _history(clinic.reception, two.a).orders]
    with pytest.raises(PermissionDenied):
        _history(clinic.doctor, two.a)
    with pytest.raises(NotFound):
        _history(clinic.reception, 999_999)
