"""The legal-requests page's operations (P12; plain data in and out). Each step is one core call in
core.legal, which checks the permission, the four eyes and the state, and audits."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from maya_desktop.core.legal import export, requests
from maya_desktop.core.legal.requests import LegalRequest, ScopeOrder
from maya_desktop.core.legal.schema import Scope
from maya_desktop.core.operations.catalogue import ClientRef, NoRequest
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session

# A step on a request can lift a hold (destruction that was due runs at once) or place one.
STEP_CHANGES = {"legal", "orders", "audit"}


@dataclass(frozen=True)
class LegalList:
    requests: tuple[LegalRequest, ...]  # newest first
    approvable: tuple[int, ...]  # the ids the signed-in manager may approve now (four eyes, state)


@dataclass(frozen=True)
class LegalRef:
    """One legal request, for a step that needs nothing else (approve, close, hold)."""

    request_id: int


@dataclass(frozen=True)
class RecordLegalRequest:
    """What the court asked for. `letter_date` None: core says "enter the date"; `client_id` 0: "choose
    the client". `order_ids` None: every order of the client."""

    client_id: int
    court: str
    case_number: str
    letter_date: dt.date | None
    kinds: tuple[str, ...]
    order_ids: tuple[int, ...] | None
    notes: str = ""
    hold: bool = False


@dataclass(frozen=True)
class RefuseLegalRequest(LegalRef):
    reason: str


@dataclass(frozen=True)
class ExportLegalRequest(LegalRef):
    folder: str  # the export's own new folder is made inside it


@dataclass(frozen=True)
class LegalExported:
    request_id: int
    folder: str  # the export's folder (holds decrypted client data until it is handed over and deleted)
    name: str
    files: int  # files in the folder, SHA256SUMS.txt included
    orders: tuple[int, ...]
    destroyed_orders: tuple[int, ...]
    sums_sha256: str


@operation("legal.list")
def list_requests(session: Session, request: NoRequest) -> LegalList:
    found = tuple(requests.list_requests(session))
    approvable = tuple(r.id for r in found if requests.may_approve(session, r))
    return LegalList(found, approvable)


@operation("legal.client_orders")
def client_orders(session: Session, request: ClientRef) -> tuple[ScopeOrder, ...]:
    return tuple(requests.client_orders(session, request.client_id))


@operation("legal.record", changes=STEP_CHANGES)
def record(session: Session, request: RecordLegalRequest) -> LegalRequest:
    return requests.record_request(
        session,
        request.client_id,
        request.court,
        request.case_number,
        request.letter_date,  # type: ignore[arg-type]  # None: refused by core in the form's order
        Scope(request.kinds, request.order_ids),
        request.notes,
        hold=request.hold,
    )


@operation("legal.approve", changes=STEP_CHANGES)
def approve(session: Session, request: LegalRef) -> LegalRequest:
    return requests.approve_request(session, request.request_id)


@operation("legal.refuse", changes=STEP_CHANGES)
def refuse(session: Session, request: RefuseLegalRequest) -> LegalRequest:
    return requests.refuse_request(session, request.request_id, request.reason)


@operation("legal.close", changes=STEP_CHANGES)
def close(session: Session, request: LegalRef) -> LegalRequest:
    return requests.close_request(session, request.request_id)


@operation("legal.hold", changes=STEP_CHANGES)
def hold(session: Session, request: LegalRef) -> LegalRequest:
    return requests.place_hold(session, request.request_id)


@operation("legal.export", changes={"legal", "audit"})
def export_request(session: Session, request: ExportLegalRequest) -> LegalExported:
    """Exactly the approved scope, into a new folder that appears whole or not at all (core.legal.export)."""
    done = export.export_request(session, request.request_id, request.folder)
    return LegalExported(
        done.request_id,
        str(done.folder),
        done.folder.name,
        len(done.files) + 1,
        done.orders,
        done.destroyed_orders,
        done.sums_sha256,
    )
