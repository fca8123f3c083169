"""The order screens' operations (issue 13), plain data in and out, with conflicts refused (issue 14).

Opening an order returns one `OrderSnapshot`: the order, its client's name, photos (with the thumbnails and
analysis summaries this person may see), documents, quote, payments, consents, break-glass and notices, read
on the vault's one database thread. Every request that changes an order carries `expected_version`, the
`Order.version` the screen showed (migration 13: triggers move it on at every change of the order or of its
photos, documents, payments and consents). A stale one is refused with `orders.conflict` and nothing is
written; the screen says so and reloads.

The version is checked inside the same BEGIN IMMEDIATE transaction as the change, so two workstations
cannot both pass the check. Four changes run their core function outside that transaction, right after the
check on the same database thread: a photo import (its analysis takes seconds and must not hold the write
lock), a document import, removing a photo and destroying an order (their files leave the disk after their
own commit, and a legal hold's deferral must be kept when they are refused); each of them re-checks the
order's state inside its own transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from maya_desktop.core import clients, photos
from maya_desktop.core.analysis.findings import finding_message
from maya_desktop.core.db import transaction
from maya_desktop.core.errors import MayaError, NotFound, PermissionDenied, StateError, ValidationError
from maya_desktop.core.notices import outbox
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.orders import breakglass, consent, destruction, documents, payments, quotes, records
from maya_desktop.core.orders.access import file_access_basis
from maya_desktop.core.orders.breakglass import BreakGlass
from maya_desktop.core.orders.consent import Consent, DoctorChoice
from maya_desktop.core.orders.documents import DocumentInfo
from maya_desktop.core.orders.model import Order
from maya_desktop.core.orders.payments import Payment
from maya_desktop.core.orders.quotes import Quote
from maya_desktop.core.orders.states import LIVE_STATES, TRANSITIONS, Action, Service, Status
from maya_desktop.core.photos import ImportedPhoto, PhotoInfo
from maya_desktop.core.roles import Role, allowed
from maya_desktop.core.session import Session

T = TypeVar("T")
CHANGES_ORDER = ("orders", "order:{order_id}")


# ---- conflicts -------------------------------------------------------------------------------------------
def order_version(session: Session, order_id: int) -> int:
    row = session.conn.execute("SELECT version FROM orders WHERE id = ?", (order_id,)).fetchone()
    if row is None:
        raise NotFound.coded("orders.order_not_found", order_id=order_id)
    return int(row[0])


def refuse_stale(session: Session, order_id: int, expected_version: int) -> None:
    """`orders.conflict` unless the order is still at the version the screen showed."""
    if order_version(session, order_id) != expected_version:
        raise StateError.coded("orders.conflict")


def is_conflict(exc: BaseException) -> bool:
    return isinstance(exc, MayaError) and exc.code == "orders.conflict"


@dataclass(frozen=True)
class OrderChange:
    """A change to one order: the order and the version the screen showed. A change that needs nothing else
    is just this; the others add their own fields."""

    order_id: int
    expected_version: int


def _change(
    session: Session,
    request: OrderChange,
    need: Action | str,
    change: Callable[[], T],
    *,
    whole: bool = True,
    checkpoint: bool = False,
) -> T:
    """Run `change` if the order is still at `request.expected_version` (see the module docstring).

    `need`: the transition whose permission the change takes, or a permission. The permission is checked
    first, outside the transaction, so a refusal's audit entry is kept."""
    session.require(TRANSITIONS[need].permission if isinstance(need, Action) else need)
    if not whole:
        refuse_stale(session, request.order_id, request.expected_version)
        return change()
    with transaction(session.conn):
        refuse_stale(session, request.order_id, request.expected_version)
        result = change()
    if checkpoint and not session.conn.in_transaction:
        session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # old key pages leave the disk (as core does)
    return result


def _step(
    session: Session,
    request: OrderChange,
    need: Action | str,
    change: Callable[[], object],
    *,
    whole: bool = True,
    checkpoint: bool = False,
) -> OrderVersion:
    """A change whose result the screen does not need (it reloads): it gets the order's new version."""
    _change(session, request, need, change, whole=whole, checkpoint=checkpoint)
    return _done(session, request.order_id)


@dataclass(frozen=True)
class OrderVersion:
    """What a change leaves: the order's new version (the screen reloads its snapshot anyway)."""

    order_id: int
    version: int


def _done(session: Session, order_id: int) -> OrderVersion:
    return OrderVersion(order_id, order_version(session, order_id))


# ---- the list --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ListOrders:
    """`status` None: every state but destroyed. `service` None: both services."""

    status: str | None = None
    service: str | None = None
    limit: int = 500


@dataclass(frozen=True)
class OrderRow:
    order: Order
    client_name: str  # "" once destroyed, or when this role may not read clients


@dataclass(frozen=True)
class OrderList:
    rows: tuple[OrderRow, ...]


def _client_names(session: Session, ids: set[int]) -> dict[int, str]:
    if not allowed(session.role, "clients.read"):
        return {}
    names: dict[int, str] = {}
    for client_id in ids:
        try:
            names[client_id] = clients.get_client(session, client_id).full_name
        except MayaError:
            continue
    return names


@operation("orders.list")
def list_orders(session: Session, request: ListOrders) -> OrderList:
    status = request.status
    found = records.list_orders(
        session, status=status, include_destroyed=status == Status.DESTROYED.value, limit=request.limit
    )
    if request.service is not None:
        found = [o for o in found if o.service == request.service]
    names = _client_names(session, {o.client_id for o in found if o.client_id is not None})
    return OrderList(tuple(OrderRow(o, names.get(o.client_id or 0, "")) for o in found))


@operation("orders.row")
def order_row(session: Session, request: OrderRef) -> OrderRow:
    """One order as the list shows it (the list updates that row only)."""
    order = records.get_order(session, request.order_id)
    names = _client_names(session, {order.client_id} if order.client_id is not None else set())
    return OrderRow(order, names.get(order.client_id or 0, ""))


# ---- one order -------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OpenOrder:
    """`have_thumbnails` / `have_analyses`: photo ids the screen already holds (not read, nor audited, again)."""

    order_id: int
    have_thumbnails: tuple[int, ...] = ()
    have_analyses: tuple[int, ...] = ()


@dataclass(frozen=True)
class Thumbnail:
    """A photo's thumbnail (JPEG, memory only) or why there is none: "denied" | "damaged"."""

    photo_id: int
    jpeg: bytes | None
    problem: str = ""


@dataclass(frozen=True)
class AnalysisSummary:
    """What the import screen shows of one photo's analysis (no measurement values, no landmarks)."""

    photo_id: int
    refused: bool
    reasons_fa: tuple[str, ...]
    reasons_en: tuple[str, ...]
    warnings_fa: tuple[str, ...]
    warnings_en: tuple[str, ...]
    out_of_range: int

    @classmethod
    def of(cls, photo_id: int, analysis: dict[str, Any] | None) -> AnalysisSummary | None:
        if not analysis:
            return None
        findings = [f for f in analysis.get("findings", []) if isinstance(f, dict)]

        def texts(severity: str, lang: str) -> tuple[str, ...]:
            # rebuilt from code + detail: the detail in the same language (digits, words), English isolated
            return tuple(finding_message(f, lang) for f in findings if f.get("severity") == severity)

        return cls(
            photo_id,
            bool(analysis.get("refused")),
            texts("error", "fa"),
            texts("error", "en"),
            texts("warning", "fa"),
            texts("warning", "en"),
            sum(
                1
                for m in analysis.get("measurements", [])
                if isinstance(m, dict) and m.get("status") in ("below", "above")
            ),
        )


@dataclass(frozen=True)
class ConsentRow:
    consent: Consent
    doctor_name: str  # "" when the doctor is no longer in the list


@dataclass(frozen=True)
class OrderNotice:
    kind: str
    channel: str
    state: str
    at: str


@dataclass(frozen=True)
class OrderSnapshot:
    """One order as its screen shows it, read at one moment (`order.version` is what changes must carry)."""

    order: Order
    client_name: str
    held: bool  # a legal request holds the files (no destruction date)
    file_access: str | None  # "import" | "consent" | "breakglass" when this person may see the pixels now
    photos: tuple[PhotoInfo, ...]
    thumbnails: tuple[Thumbnail, ...]  # only those not in OpenOrder.have_thumbnails
    analyses: tuple[AnalysisSummary, ...]  # only those not in OpenOrder.have_analyses
    documents: tuple[DocumentInfo, ...]
    quote: Quote | None  # the issued quote (reception/manager)
    payments: tuple[Payment, ...]
    consents: tuple[ConsentRow, ...]
    break_glass: BreakGlass | None  # this manager's running emergency access to the order
    notices: tuple[OrderNotice, ...]


@operation("orders.open")
def open_order(session: Session, request: OpenOrder) -> OrderSnapshot:
    order = records.get_order(session, request.order_id)
    client_name = _client_names(session, {order.client_id} if order.client_id is not None else set()).get(
        order.client_id or 0, ""
    )
    live = order.status != Status.DESTROYED
    held = live and records_held(session, order.id)
    basis = None if not live else file_access_basis(session, order)
    photo_rows: tuple[PhotoInfo, ...] = ()
    thumbs: list[Thumbnail] = []
    analyses: list[AnalysisSummary] = []
    docs: tuple[DocumentInfo, ...] = ()
    if order.service == Service.RHINOPLASTY_ANALYSIS and live:
        photo_rows = tuple(photos.list_photos(session, order.id))
        if basis is not None:
            for photo in photo_rows:
                if photo.id not in request.have_thumbnails:
                    thumbs.append(_thumbnail(session, photo.id))
                if photo.has_analysis and photo.id not in request.have_analyses:
                    try:
                        summary = AnalysisSummary.of(photo.id, photos.get_analysis(session, photo.id))
                    except PermissionDenied:
                        summary = None
                    if summary is not None:
                        analyses.append(summary)
    elif live:
        docs = tuple(documents.list_documents(session, order.id))
    writer = allowed(session.role, "orders.write")
    quote = quotes.stored_quote(session, order.id) if writer and live else None
    paid = tuple(payments.list_payments(session, order.id)) if writer else ()
    consent_rows: tuple[ConsentRow, ...] = ()
    if allowed(session.role, "consent.record"):
        recorded = consent.list_consents(session, order.id)
        names = {d.id: d.display_name for d in consent.available_doctors(session)} if recorded else {}
        consent_rows = tuple(ConsentRow(c, names.get(c.doctor_id, "")) for c in recorded)
    glass = None
    if session.role == Role.MANAGER and order.status in LIVE_STATES:
        glass = next((bg for bg in breakglass.active_break_glasses(session) if bg.order_id == order.id), None)
    notices: tuple[OrderNotice, ...] = ()
    if writer:
        notices = tuple(
            OrderNotice(n.kind, n.channel, n.state, n.sent_at or n.created_at)
            for n in outbox.order_notices(session, order.id)
        )
    return OrderSnapshot(
        order,
        client_name,
        held,
        basis,
        photo_rows,
        tuple(thumbs),
        tuple(analyses),
        docs,
        quote,
        paid,
        consent_rows,
        glass,
        notices,
    )


def records_held(session: Session, order_id: int) -> bool:
    from maya_desktop.core.legal.holds import is_order_held  # lazy: legal imports orders

    return is_order_held(session, order_id)


def _thumbnail(session: Session, photo_id: int) -> Thumbnail:
    try:
        return Thumbnail(photo_id, photos.open_thumbnail(session, photo_id))  # checked and audited by core
    except PermissionDenied:
        return Thumbnail(photo_id, None, "denied")
    except MayaError:  # the file was altered or is damaged: the screen says so instead of an empty card
        return Thumbnail(photo_id, None, "damaged")


# ---- creating and importing ------------------------------------------------------------------------------
@dataclass(frozen=True)
class CreateOrder:
    client_id: int
    service: str
    notes: str | None = None


@operation("orders.create", changes={"orders"})
def create_order(session: Session, request: CreateOrder) -> Order:
    return records.create_order(session, request.client_id, request.service, request.notes)


@dataclass(frozen=True)
class ImportPhoto(OrderChange):
    """One photo's bytes (read by the workstation; never written to its disk)."""

    data: bytes
    run_analysis: bool = True


@dataclass(frozen=True)
class PhotoImported:
    photo: ImportedPhoto
    version: int  # the next photo of the same import carries this one


@operation("orders.import_photo", changes=CHANGES_ORDER)
def import_photo(session: Session, request: ImportPhoto) -> PhotoImported:
    def change() -> ImportedPhoto:
        preparer = None
        if request.run_analysis:
            # the decode, thumbnail and analysis run in a helper process: this process's threads (the GUI's) are
            # not kept waiting for the GIL while they run
            from maya_desktop.core.analysis_helper import shared_analyzer

            preparer = shared_analyzer().prepare
        return photos.import_photo(
            session, request.order_id, request.data, run_analysis=request.run_analysis, preparer=preparer
        )

    imported = _change(session, request, Action.IMPORT_FILES, change, whole=False)
    return PhotoImported(imported, order_version(session, request.order_id))


@dataclass(frozen=True)
class ImportDocument(OrderChange):
    data: bytes
    word_count: int | None = None


@operation("orders.import_document", changes=CHANGES_ORDER)
def import_document(session: Session, request: ImportDocument) -> OrderVersion:
    return _step(
        session,
        request,
        Action.IMPORT_FILES,
        lambda: documents.import_document(session, request.order_id, request.data, request.word_count),
        whole=False,
    )


@dataclass(frozen=True)
class PhotoView:
    photo_id: int
    view: str


@dataclass(frozen=True)
class ConfirmViews(OrderChange):
    views: tuple[PhotoView, ...]


@operation("orders.confirm_views", changes=CHANGES_ORDER)
def confirm_views(session: Session, request: ConfirmViews) -> OrderVersion:
    views = {v.photo_id: v.view for v in request.views}
    return _step(session, request, "photos.import", lambda: photos.confirm_views(session, request.order_id, views))


@operation("orders.complete_analysis", changes=CHANGES_ORDER)
def complete_analysis(session: Session, request: OrderChange) -> OrderVersion:
    return _step(
        session,
        request,
        Action.COMPLETE_ANALYSIS,
        lambda: photos.complete_analysis(session, request.order_id),
        checkpoint=True,
    )


@dataclass(frozen=True)
class RemovePhoto(OrderChange):
    photo_id: int


@operation("orders.remove_photo", changes=CHANGES_ORDER)
def remove_photo(session: Session, request: RemovePhoto) -> OrderVersion:
    info = next((p for p in photos.list_photos(session, request.order_id) if p.id == request.photo_id), None)
    if info is None:
        raise NotFound.coded("orders.photo_not_in_order")
    return _step(session, request, "photos.import", lambda: photos.remove_photo(session, request.photo_id), whole=False)


# ---- money -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PreviewQuote:
    order_id: int
    urgent: bool = False


@operation("orders.quote_preview")
def quote_preview(session: Session, request: PreviewQuote) -> Quote:
    """The quote the rules give now (nothing stored), as services and their prices."""
    quote = quotes.compute_quote(session, request.order_id, request.urgent)
    return Quote(quote.services(), quote.total_rial, quote.turnaround_days, quote.urgent, quote.overridden)


@dataclass(frozen=True)
class IssueQuote(OrderChange):
    urgent: bool = False
    override_total_rial: int | None = None
    override_turnaround_days: int | None = None
    reason: str | None = None


@operation("orders.issue_quote", changes=CHANGES_ORDER)
def issue_quote(session: Session, request: IssueQuote) -> Quote:
    return _change(
        session,
        request,
        Action.QUOTE,
        lambda: quotes.issue_quote(
            session,
            request.order_id,
            request.urgent,
            override_total_rial=request.override_total_rial,
            override_turnaround_days=request.override_turnaround_days,
            reason=request.reason,
        ),
    )


@dataclass(frozen=True)
class RecordPayment(OrderChange):
    gateway: str
    reference: str
    amount_rial: int
    paid_on: dt.date | None = None


@operation("orders.record_payment", changes=CHANGES_ORDER)
def record_payment(session: Session, request: RecordPayment) -> Payment:
    from maya_desktop.core.operations.prices import managed_gateways

    listed = managed_gateways(session)
    if listed and request.gateway.strip() not in listed:  # the clinic keeps a list: one of it (issue 15)
        raise ValidationError.coded("payments.unknown_gateway", "gateway")
    return _change(
        session,
        request,
        Action.PAY,
        lambda: payments.record_payment(
            session, request.order_id, request.gateway.strip(), request.reference, request.amount_rial, request.paid_on
        ),
    )


# ---- consent ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NoRequest:
    pass


@operation("orders.doctors")
def doctors(session: Session, request: NoRequest) -> tuple[DoctorChoice, ...]:
    """The active doctors a client may consent to."""
    session.require("consent.record")
    return tuple(consent.available_doctors(session))


@dataclass(frozen=True)
class RecordConsent(OrderChange):
    """`method`: signed_form (needs `form`) | verbal | sms_code; there is no default (issue 15)."""

    doctor_id: int
    method: str
    form: bytes | None = None


@operation("orders.record_consent", changes=CHANGES_ORDER)
def record_consent(session: Session, request: RecordConsent) -> Consent:
    return _change(
        session,
        request,
        Action.CONSENT,
        lambda: consent.record_consent(session, request.order_id, request.doctor_id, request.method, request.form),
        checkpoint=True,
    )


@operation("orders.revoke_consent", changes=CHANGES_ORDER)
def revoke_consent(session: Session, request: OrderChange) -> OrderVersion:
    return _step(
        session,
        request,
        Action.REVOKE_CONSENT,
        lambda: consent.revoke_consent(session, request.order_id),
        checkpoint=True,
    )


# ---- ending ----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CancelOrder(OrderChange):
    reason: str


@operation("orders.cancel", changes=CHANGES_ORDER)
def cancel_order(session: Session, request: CancelOrder) -> OrderVersion:
    """Cancel and destroy the files at once (under a legal hold: cancelled, files kept until it ends)."""
    return _step(
        session,
        request,
        Action.CANCEL,
        lambda: destruction.cancel_order(session, request.order_id, request.reason),
        checkpoint=True,
    )


@operation("orders.destroy", changes=CHANGES_ORDER)
def destroy_order(session: Session, request: OrderChange) -> OrderVersion:
    """The client asked: destroy the files now (a legal hold's deferral is recorded and kept)."""
    return _step(
        session, request, Action.DESTROY, lambda: destruction.destroy_order_now(session, request.order_id), whole=False
    )


# ---- break-glass and notices (access and messages: they do not change the order) -------------------------
@dataclass(frozen=True)
class StartBreakGlass:
    order_id: int
    reason: str
    minutes: int


@operation("orders.break_glass_start", changes={"order:{order_id}"})
def start_break_glass(session: Session, request: StartBreakGlass) -> BreakGlass:
    return breakglass.start_break_glass(session, request.order_id, request.reason, request.minutes)


@dataclass(frozen=True)
class EndBreakGlass:
    order_id: int
    break_glass_id: int


@operation("orders.break_glass_end", changes={"order:{order_id}"})
def end_break_glass(session: Session, request: EndBreakGlass) -> None:
    breakglass.end_break_glass(session, request.break_glass_id)


@operation("orders.retry_notices", changes={"order:{order_id}", "notices"})
def retry_notices(session: Session, request: OrderRef) -> int:
    """Try the order's failed client notices again (after the address or the settings were fixed)."""
    return outbox.retry_failed(session, request.order_id)
