"""The clients page's and the client form's operations (plain data in and out)."""

from __future__ import annotations

from dataclasses import dataclass

from maya_desktop.core import clients
from maya_desktop.core.access_log import AccessReport, client_access_report
from maya_desktop.core.clients import Client
from maya_desktop.core.notices.outbox import client_language, set_client_language
from maya_desktop.core.operations.catalogue import ClientRef
from maya_desktop.core.operations.registry import operation
from maya_desktop.core.session import Session


@dataclass(frozen=True)
class SearchClients:
    text: str
    limit: int = 200


@dataclass(frozen=True)
class ClientList:
    rows: tuple[Client, ...]
    total: int  # every client in the vault, not just the ones shown


@dataclass(frozen=True)
class SaveClient:
    """A new client when `client_id` is None, else an edit; `notice_language` is "fa" or "en"."""

    client_id: int | None
    first_name: str
    last_name: str
    mobile: str
    email: str | None
    marketing_consent: bool
    notice_language: str


@operation("clients.search")
def search(session: Session, request: SearchClients) -> ClientList:
    rows = clients.search_clients(session, request.text, limit=request.limit)
    return ClientList(rows=tuple(rows), total=clients.count_clients(session))


@operation("clients.get")
def get_client(session: Session, request: ClientRef) -> Client:
    return clients.get_client(session, request.client_id)


@dataclass(frozen=True)
class ClientAccess:
    """A client's access report (core.access_log, manager only, audited) and the clinic's name for its heading;
    the window renders it as a PDF (reports.access_report) and saves it where the manager chooses."""

    report: AccessReport
    clinic_name: str


@operation("clients.access_report", changes={"audit"})
def access_report(session: Session, request: ClientRef) -> ClientAccess:
    report = client_access_report(session, request.client_id)
    clinic = session.conn.execute("SELECT name FROM clinic").fetchone()[0]
    return ClientAccess(report, str(clinic))


@operation("clients.notice_language")
def notice_language(session: Session, request: ClientRef) -> str:
    return client_language(session.conn, request.client_id)


@operation("clients.save", changes={"clients"})
def save(session: Session, request: SaveClient) -> Client:
    values = (request.first_name, request.last_name, request.mobile, request.email)
    if request.client_id is None:
        saved = clients.create_client(session, *values, marketing_consent=request.marketing_consent)
    else:
        saved = clients.update_client(session, request.client_id, *values, request.marketing_consent)
    if request.notice_language != client_language(session.conn, saved.id):
        set_client_language(session, saved.id, request.notice_language)
    return saved


@operation("clients.erase", changes={"clients", "orders", "audit"})
def erase(session: Session, request: ClientRef) -> None:
    """The client and every order of theirs (or deferred by a legal hold: `HeldByLegalRequest`). A manager's
    action (core.roles): anyone else is refused, and the attempt audited (Session.require)."""
    clients.erase_client(session, request.client_id)
