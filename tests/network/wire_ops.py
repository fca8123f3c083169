"""Operations the network tests and the benchmark run on a vault host (loaded with `serve --extra-operations`).

The windows' own order and case operations arrive from the helpers converting them (issue 13); until then
these thin ones call the same core functions, so a whole order can travel reception -> doctor -> delivery.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from maya_desktop.core import photos
from maya_desktop.core.operations import operation, wire
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.orders import cases, consent, delivery, records
from maya_desktop.core.session import Session

wire.allow_prefix("tests.network.")


@dataclass(frozen=True)
class Consent:
    order_id: int
    doctor_id: int


@dataclass(frozen=True)
class CasePhotos:
    order_id: int
    photos: tuple[bytes, ...]


@dataclass(frozen=True)
class SlowWrite:
    label: str
    seconds: float


@dataclass(frozen=True)
class Label:
    label: str


@operation("nettest.record_consent", changes={"orders", "order:{order_id}"})
def record_consent(session: Session, request: Consent) -> str:
    return consent.record_consent(session, request.order_id, request.doctor_id, "verbal").method


@operation("nettest.cases")
def list_cases(session: Session, request: None) -> tuple[cases.CaseRow, ...]:
    return tuple(cases.list_cases(session))


@operation("nettest.case_photos")
def case_photos(session: Session, request: OrderRef) -> CasePhotos:
    cases.open_case(session, request.order_id)
    infos = photos.list_photos(session, request.order_id)
    # as the viewer's review.photo: the stored bytes (its decoder applies the orientation), no re-encode
    return CasePhotos(request.order_id, tuple(photos.open_photo_stored(session, p.id).jpeg for p in infos))


@operation("nettest.order_status")
def order_status(session: Session, request: OrderRef) -> str:
    return str(records.get_order(session, request.order_id).status)


@operation("nettest.deliver", changes={"orders", "order:{order_id}"})
def deliver(session: Session, request: OrderRef) -> str:
    delivery.start_review(session, request.order_id)
    delivery.write_report(session, request.order_id, "Findings: dorsal hump.")
    return str(delivery.deliver(session, request.order_id).status)


@operation("nettest.slow_write", changes={"nettest"})
def slow_write(session: Session, request: SlowWrite) -> str:
    """Writes one audit entry, then takes `seconds` before its transaction commits (kill the host meanwhile)."""
    session.audit("nettest.write", f"label:{request.label}")
    time.sleep(request.seconds)
    return request.label


@operation("nettest.count_writes")
def count_writes(session: Session, request: Label) -> int:
    row = session.conn.execute(
        "SELECT count(*) FROM audit_log WHERE action = 'nettest.write' AND object_ref = ?", (f"label:{request.label}",)
    ).fetchone()
    return int(row[0])


@operation("nettest.workstation_of_last")
def workstation_of_last(session: Session, request: Label) -> str:
    row = session.conn.execute(
        "SELECT details FROM audit_log WHERE action = ? ORDER BY id DESC LIMIT 1", (request.label,)
    ).fetchone()
    import json

    return str(json.loads(row[0]).get("workstation", "")) if row else ""
