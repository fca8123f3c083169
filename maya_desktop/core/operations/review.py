"""The doctor's case viewer (and a manager under break-glass): photos, corrections, calibration, findings,
the stored report, the client's copy and delivery, as operations (plain data in and out).

Each change first moves a consented order into review (`delivery.start_review`), as the viewer did, then calls
the core function, which checks the permission, the order's state and the access basis, and audits. They are
called by the viewer through PageOps and wait for their answer (the viewer shows the result at once).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from maya_desktop.core.operations.catalogue import NoRequest, OrderRef
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.orders import breakglass, client_copy, corrections, delivery, findings
from maya_desktop.core.orders.breakglass import BreakGlass
from maya_desktop.core.orders.findings import Findings
from maya_desktop.core.orders.model import Order, load_order
from maya_desktop.core.orders.states import Status
from maya_desktop.core.photos import PhotoInfo, get_analysis, list_photos, open_photo_stored, open_thumbnail
from maya_desktop.core.session import Session

CHANGES = ("order:{order_id}",)


@dataclass(frozen=True)
class CasePhoto(OrderRef):
    photo_id: int


@dataclass(frozen=True)
class SaveCorrections(CasePhoto):
    points: dict[str, tuple[float, float]]
    sex: str | None


@dataclass(frozen=True)
class ResetCorrections(CasePhoto):
    sex: str | None


@dataclass(frozen=True)
class SaveCalibration(CasePhoto):
    """`line` None (with `length` None) clears the calibration."""

    line: tuple[tuple[float, float], tuple[float, float]] | None
    length_mm: float | None
    sex: str | None


@dataclass(frozen=True)
class SaveFindings(OrderRef):
    findings: Findings


@dataclass(frozen=True)
class RecordExport(OrderRef):
    how: str  # "file" | "print"


@dataclass(frozen=True)
class ClientCopy(OrderRef):
    folder: str


@dataclass(frozen=True)
class PhotoRef:
    photo_id: int


@dataclass(frozen=True)
class PhotoBytes:
    """One photo as the viewer decodes it: the decrypted JPEG (memory only) and its stored analysis."""

    photo_id: int
    jpeg: bytes
    analysis: dict[str, Any] | None
    orientation: int = 1  # the EXIF orientation (1-8) the decoder applies (core.photos.open_photo_stored)


def _into_review(session: Session, order_id: int) -> None:
    if load_order(session.conn, order_id).status == Status.CONSENTED:
        delivery.start_review(session, order_id)


@operation("review.photos")
def photos(session: Session, request: OrderRef) -> tuple[PhotoInfo, ...]:
    return tuple(list_photos(session, request.order_id))


@operation("review.photo", changes={"audit"})
def photo(session: Session, request: PhotoRef) -> PhotoBytes:
    """A photo the viewer is about to show, decrypted (on a network workstation: on the vault host, the bytes
    travel over the pinned channel into the workstation's memory only). The same checked, audited core calls
    as the embedded viewer's decoders: consent for a doctor, a running break-glass for a manager."""
    stored = open_photo_stored(session, request.photo_id)
    return PhotoBytes(request.photo_id, stored.jpeg, get_analysis(session, request.photo_id), stored.orientation)


@operation("review.thumbnail", changes={"audit"})
def thumbnail(session: Session, request: PhotoRef) -> bytes:
    """A photo's thumbnail (the strip of a case being opened), checked and audited like the photo."""
    return open_thumbnail(session, request.photo_id)


@operation("review.status")
def status(session: Session, request: OrderRef) -> Status:
    return load_order(session.conn, request.order_id).status


@operation("review.findings")
def load_findings(session: Session, request: OrderRef) -> Findings:
    return findings.load_findings(session, request.order_id)


@operation("review.save_corrections", changes=CHANGES)
def save_corrections(session: Session, request: SaveCorrections) -> dict[str, Any]:
    _into_review(session, request.order_id)
    return corrections.save_corrections(session, request.photo_id, request.points, request.sex)


@operation("review.reset_corrections", changes=CHANGES)
def reset_corrections(session: Session, request: ResetCorrections) -> dict[str, Any]:
    return corrections.reset_corrections(session, request.photo_id, request.sex)


@operation("review.save_calibration", changes=CHANGES)
def save_calibration(session: Session, request: SaveCalibration) -> dict[str, Any]:
    _into_review(session, request.order_id)
    return corrections.save_calibration(session, request.photo_id, request.line, request.length_mm, request.sex)


@operation("review.save_findings", changes=CHANGES)
def save_findings(session: Session, request: SaveFindings) -> Findings:
    _into_review(session, request.order_id)
    return findings.save_findings(session, request.order_id, request.findings)


@operation("review.report_pdf", changes={"audit"})
def report_pdf(session: Session, request: OrderRef) -> bytes:
    return findings.read_report_pdf(session, request.order_id)


@operation("review.record_export", changes={"audit"})
def record_export(session: Session, request: RecordExport) -> None:
    findings.record_export(session, request.order_id, request.how)


@operation("review.client_copy", changes={"audit"})
def export_client_copy(session: Session, request: ClientCopy) -> tuple[str, ...]:
    """P7: the client's photos (and the signed report) written to a folder on this computer (their USB stick)."""
    return tuple(str(path) for path in client_copy.export_client_copy(session, request.order_id, request.folder))


@operation("review.deliver", changes=("orders", *CHANGES))
def deliver(session: Session, request: OrderRef) -> Order:
    return delivery.deliver(session, request.order_id)


@operation("review.break_glass_grants")
def break_glass_grants(session: Session, request: NoRequest) -> tuple[BreakGlass, ...]:
    """This manager's running emergency accesses (the viewer's countdown banner)."""
    return tuple(breakglass.active_break_glasses(session))
