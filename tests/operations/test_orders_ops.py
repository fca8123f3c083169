"""The order screens' operations on a real vault (issue 13), conflicts between two workstations (issue 14),
and reception's quote / consent / gateway rules (issue 15)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import typing
from collections.abc import Iterator
from pathlib import Path

import pytest

from maya_desktop.core.errors import PermissionDenied, StateError, ValidationError
from maya_desktop.core.operations import OperationExecutor, get, names
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.orders import (
    CancelOrder,
    ConfirmViews,
    CreateOrder,
    ImportPhoto,
    IssueQuote,
    ListOrders,
    NoRequest,
    OpenOrder,
    OrderChange,
    PhotoView,
    PreviewQuote,
    RecordConsent,
    RecordPayment,
    RemovePhoto,
    StartBreakGlass,
)
from maya_desktop.core.operations.prices import Gateways, PriceRuleRef, ServiceRef, SetPriceRule
from maya_desktop.core.orders.states import Status
from maya_desktop.core.staff import accept_agreement
from tests.factories import walk_order

ORDER_OPS = [n for n in names() if n.split(".")[0] in ("orders", "prices", "payments")]


@pytest.fixture
def desks(demo, login) -> Iterator[tuple[OperationExecutor, OperationExecutor, OperationExecutor]]:
    """Two reception workstations and the manager's, each its own session and connection on one vault."""
    one, two = login("reception"), login("reception")
    for session in (one, two):
        accept_agreement(session)
    executors = (OperationExecutor(one), OperationExecutor(two), OperationExecutor(demo))
    yield executors
    for executor in executors:
        executor.shutdown()


def _plain(value: object, where: str) -> None:
    """Requests and results are plain data a network layer can carry (dict keys are str)."""
    if value is None or isinstance(value, str | int | float | bool | bytes | dt.date):
        return
    if isinstance(value, tuple | list | frozenset):
        for item in value:
            _plain(item, where)
        return
    if isinstance(value, dict):
        assert all(isinstance(k, str) for k in value), where
        for item in value.values():
            _plain(item, where)
        return
    assert dataclasses.is_dataclass(value), f"{where}: {type(value).__name__} is not plain data"
    for field in dataclasses.fields(value):
        _plain(getattr(value, field.name), f"{where}.{field.name}")


def _fields(name: str) -> set[str]:
    return {f.name for f in dataclasses.fields(typing.get_type_hints(get(name).fn)["request"])}


def test_every_order_request_is_a_frozen_dataclass_and_changes_name_the_order() -> None:
    assert len(ORDER_OPS) >= 20
    for name in ORDER_OPS:
        op = get(name)
        hints = typing.get_type_hints(op.fn)
        request = hints["request"]
        assert dataclasses.is_dataclass(request) and request.__dataclass_params__.frozen, name  # type: ignore[attr-defined]
        if "expected_version" in {f.name for f in dataclasses.fields(request)}:
            assert op.changes == {"orders", "order:{order_id}"}, name
    changing = {n for n in ORDER_OPS if get(n).changes and n.startswith("orders.")}
    carrying = {n for n in changing if "expected_version" in _fields(n)}
    # every order change carries the version it was made against, except creating one and the access/notice ones
    assert changing - carrying == {
        "orders.create",
        "orders.break_glass_start",
        "orders.break_glass_end",
        "orders.retry_notices",
    }


def test_an_order_from_creation_to_consent_through_operations(desks, faces: Path) -> None:
    desk, _other, manager = desks
    manager.call("payments.set_gateways", Gateways(("درگاه سامان", "کارت‌خوان ملت")))
    order = desk.call("orders.create", CreateOrder(1, "rhinoplasty_analysis"))
    assert order.status == Status.DRAFT and order.version == 1
    snap = desk.call("orders.open", OpenOrder(order.id))
    _plain(snap, "snapshot")
    version = snap.order.version
    for name in ("obama.jpg", "profile_left_cameraman.jpg"):
        done = desk.call("orders.import_photo", ImportPhoto(order.id, version, (faces / name).read_bytes(), False))
        assert done.version > version
        version = done.version
    snap = desk.call("orders.open", OpenOrder(order.id))
    assert snap.order.status == Status.PHOTOS_IMPORTED and len(snap.photos) == 2
    assert snap.file_access == "import" and all(t.jpeg for t in snap.thumbnails)
    again = desk.call("orders.open", OpenOrder(order.id, have_thumbnails=tuple(p.id for p in snap.photos)))
    assert again.thumbnails == ()  # what the screen holds is not read (nor audited) again
    views = tuple(PhotoView(p.id, v) for p, v in zip(snap.photos, ("frontal", "profile_left"), strict=True))
    version = desk.call("orders.confirm_views", ConfirmViews(order.id, snap.order.version, views)).version
    version = desk.call("orders.complete_analysis", OrderChange(order.id, version)).version
    preview = desk.call("orders.quote_preview", PreviewQuote(order.id))
    quote = desk.call("orders.issue_quote", IssueQuote(order.id, version))
    assert quote.total_rial == preview.total_rial > 0
    snap = desk.call("orders.open", OpenOrder(order.id))
    assert snap.quote == quote and snap.thumbnails == ()  # reception sees no pixels after the import step
    with pytest.raises(ValidationError) as typed:  # the clinic keeps a list: a typed name is refused
        desk.call(
            "orders.record_payment",
            RecordPayment(order.id, snap.order.version, "یک درگاه دیگر", "12345", quote.total_rial),
        )
    assert typed.value.code == "payments.unknown_gateway"
    paid = desk.call(
        "orders.record_payment",
        RecordPayment(order.id, snap.order.version, "کارت‌خوان ملت", "12345", quote.total_rial, dt.date.today()),
    )
    assert paid.gateway == "کارت‌خوان ملت"
    doctor = desk.call("orders.doctors", NoRequest())[0]
    snap = desk.call("orders.open", OpenOrder(order.id))
    with pytest.raises(ValidationError) as no_form:  # "signed form" needs the form (issue 15)
        desk.call("orders.record_consent", RecordConsent(order.id, snap.order.version, doctor.id, "signed_form"))
    assert no_form.value.code == "orders.signed_form_needs_form"
    desk.call("orders.record_consent", RecordConsent(order.id, snap.order.version, doctor.id, "verbal"))
    snap = desk.call("orders.open", OpenOrder(order.id))
    assert snap.order.status == Status.CONSENTED
    assert [(c.consent.method, c.doctor_name) for c in snap.consents] == [("verbal", doctor.display_name)]
    listed = desk.call("orders.list", ListOrders(status="consented"))
    assert [r.order.id for r in listed.rows] == [order.id] and listed.rows[0].client_name
    assert desk.call("orders.row", OrderRef(order.id)).order.version == snap.order.version


def test_a_stale_change_is_refused_and_nothing_is_overwritten(desks, clinic, faces: Path) -> None:
    """Two workstations open the same quoted order; the first pays, the second's payment is refused."""
    one, two, _manager = desks
    order_id = walk_order(clinic.reception, clinic.doctor, 1, Status.QUOTED, [(faces / "obama.jpg").read_bytes()])
    seen_by_one = one.call("orders.open", OpenOrder(order_id)).order
    seen_by_two = two.call("orders.open", OpenOrder(order_id)).order
    assert seen_by_one.version == seen_by_two.version
    price = seen_by_one.price_rial
    one.call("orders.record_payment", RecordPayment(order_id, seen_by_one.version, "درگاه سامان", "111", price))
    with pytest.raises(StateError) as stale:
        two.call("orders.record_payment", RecordPayment(order_id, seen_by_two.version, "درگاه سامان", "222", price))
    assert stale.value.code == "orders.conflict"
    assert "هم‌زمان" in stale.value.message_fa and "meanwhile" in stale.value.message_en
    snap = two.call("orders.open", OpenOrder(order_id))
    assert [p.reference for p in snap.payments] == ["111"]  # the first payment stands, alone
    # a re-quote made against the old version is refused too: the paid order keeps its price
    with pytest.raises(StateError) as requote:
        two.call("orders.issue_quote", IssueQuote(order_id, seen_by_two.version, urgent=True))
    assert requote.value.code == "orders.conflict"
    assert two.call("orders.open", OpenOrder(order_id)).order.urgent is False


def test_every_kind_of_change_moves_the_version_on(desks, clinic, faces: Path) -> None:
    desk, other, _manager = desks
    order = desk.call("orders.create", CreateOrder(2, "rhinoplasty_analysis"))
    snap = desk.call("orders.open", OpenOrder(order.id))
    imported = desk.call(
        "orders.import_photo", ImportPhoto(order.id, snap.order.version, (faces / "obama.jpg").read_bytes(), False)
    )
    stale = snap.order.version
    # the other workstation removes the photo: the first one's view confirmation is refused
    other.call("orders.remove_photo", RemovePhoto(order.id, imported.version, imported.photo.photo_id))
    with pytest.raises(StateError) as conflict:
        desk.call(
            "orders.confirm_views",
            ConfirmViews(order.id, imported.version, (PhotoView(imported.photo.photo_id, "frontal"),)),
        )
    assert conflict.value.code == "orders.conflict"
    with pytest.raises(StateError):
        desk.call("orders.cancel", CancelOrder(order.id, stale, "اشتباه ثبت شد"))
    now = desk.call("orders.open", OpenOrder(order.id)).order
    assert now.status == Status.PHOTOS_IMPORTED and now.files_count == 0
    desk.call("orders.cancel", CancelOrder(order.id, now.version, "اشتباه ثبت شد"))
    assert desk.call("orders.open", OpenOrder(order.id)).order.status == Status.DESTROYED


def test_a_refused_permission_is_still_audited(desks, clinic) -> None:
    """The version is checked inside a transaction; the permission before it, so the denial is kept."""
    executor = OperationExecutor(clinic.doctor)
    try:
        with pytest.raises(PermissionDenied):
            executor.call("orders.cancel", CancelOrder(1, 1, "no reason at all"))
    finally:
        executor.shutdown()
    denied = clinic.admin.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'permission.denied' AND actor = 'doctor'"
    ).fetchone()[0]
    assert denied >= 1


def test_price_rules_and_gateways_are_the_managers(desks) -> None:
    desk, _other, manager = desks
    with pytest.raises(PermissionDenied):
        desk.call("payments.set_gateways", Gateways(("درگاه سامان",)))
    with pytest.raises(PermissionDenied):
        desk.call("prices.set_rule", SetPriceRule("rhinoplasty_analysis", "base", 1))
    with pytest.raises(ValidationError):
        manager.call("payments.set_gateways", Gateways(("درگاه سامان", "درگاه  سامان")))  # the same name twice
    assert manager.call("payments.set_gateways", Gateways((" درگاه سامان ", "کارت‌خوان ملت"))).names == (
        "درگاه سامان",
        "کارت‌خوان ملت",
    )
    assert desk.call("payments.gateways", NoRequest()).names == ("درگاه سامان", "کارت‌خوان ملت")
    manager.call("prices.set_rule", SetPriceRule("rhinoplasty_analysis", "base", 31_000_000))
    assert desk.call("prices.rules", ServiceRef("rhinoplasty_analysis")).rules["base"] == 31_000_000
    with pytest.raises(PermissionDenied):
        desk.call("prices.delete_rule", PriceRuleRef("rhinoplasty_analysis", "base"))
    manager.call("prices.delete_rule", PriceRuleRef("rhinoplasty_analysis", "base"))
    assert "base" not in desk.call("prices.rules", ServiceRef("rhinoplasty_analysis")).rules


def test_break_glass_through_operations(desks, clinic, faces: Path) -> None:
    _desk, _other, manager = desks
    order_id = walk_order(clinic.reception, clinic.doctor, 3, Status.ANALYZED, [(faces / "obama.jpg").read_bytes()])
    assert manager.call("orders.open", OpenOrder(order_id)).file_access is None
    started = manager.call("orders.break_glass_start", StartBreakGlass(order_id, "درخواست کتبی پزشک برای بررسی", 10))
    snap = manager.call("orders.open", OpenOrder(order_id))
    assert snap.break_glass == started and snap.file_access == "breakglass" and snap.thumbnails[0].jpeg
