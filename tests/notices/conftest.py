"""Fixtures for the notice tests: a demo clinic, real loopback SMTP/HTTPS servers, an order walker."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator

import pytest
import trustme

from maya_desktop.core.notices import config
from maya_desktop.core.orders import records
from maya_desktop.core.orders.states import Status
from tests.conftest import Clinic
from tests.notices.servers import Gateway, Mailbox, start_gateway, start_smtp

API_KEY = "4F6B2D3C5A7E8F9012345678ABCDEF00"
FROM = "notices@maya-clinic.example"


@pytest.fixture(scope="session")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture(scope="session")
def server_ctx(ca: trustme.CA) -> ssl.SSLContext:
    ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(ctx)
    return ctx


@pytest.fixture(scope="session")
def ca_file(ca: trustme.CA, tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("ca") / "clinic-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return str(path)


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox()


@pytest.fixture(params=["starttls", "tls"])
def smtp(request: pytest.FixtureRequest, server_ctx: ssl.SSLContext, mailbox: Mailbox) -> Iterator[tuple[str, int]]:
    """A real SMTP server on 127.0.0.1 in each TLS mode; yields (mode, port)."""
    controller = start_smtp(server_ctx, request.param, mailbox)
    yield request.param, controller.port
    mailbox.release.set()
    controller.stop()


@pytest.fixture
def starttls_smtp(server_ctx: ssl.SSLContext, mailbox: Mailbox) -> Iterator[int]:
    controller = start_smtp(server_ctx, "starttls", mailbox)
    yield controller.port
    mailbox.release.set()
    controller.stop()


@pytest.fixture
def gateway(server_ctx: ssl.SSLContext) -> Iterator[tuple[Gateway, str]]:
    state = Gateway(API_KEY)
    httpd, url = start_gateway(server_ctx, state)
    yield state, url
    state.release.set()
    httpd.shutdown()
    httpd.server_close()


def email_settings(port: int, mode: str, ca_file: str) -> config.EmailConfig:
    return config.EmailConfig("127.0.0.1", port, mode, FROM, ca_file=ca_file)


def sms_settings(url: str, ca_file: str) -> config.SmsConfig:
    return config.SmsConfig("kavenegar", API_KEY, "10004346", url, ca_file)


@pytest.fixture
def walk(clinic: Clinic) -> Callable[..., int]:
    """walk(target, client_id=1) -> an order walked through the real API (document service: no photos)."""
    from maya_desktop.core.orders import consent, delivery, documents, payments, quotes

    def _walk(target: Status, client_id: int = 1) -> int:
        r, d = clinic.reception, clinic.doctor
        order = records.create_order(r, client_id, "confidential_document")
        steps = [
            Status.PHOTOS_IMPORTED,
            Status.ANALYZED,
            Status.QUOTED,
            Status.PAID,
            Status.CONSENTED,
            Status.IN_REVIEW,
            Status.DELIVERED,
        ]
        for step in steps[: steps.index(target) + 1]:
            if step == Status.PHOTOS_IMPORTED:
                documents.import_document(r, order.id, "یک متن محرمانه برای ترجمه".encode())
            elif step == Status.ANALYZED:
                from maya_desktop.core import photos

                photos.complete_analysis(r, order.id)
            elif step == Status.QUOTED:
                quotes.issue_quote(r, order.id)
            elif step == Status.PAID:
                price = records.get_order(r, order.id).price_rial
                payments.record_payment(r, order.id, "درگاه سامان", "987654321", price)
            elif step == Status.CONSENTED:
                consent.record_consent(r, order.id, d.staff.id, "signed_form")
            elif step == Status.IN_REVIEW:
                delivery.start_review(d, order.id)
            elif step == Status.DELIVERED:
                delivery.write_report(d, order.id, "Findings: the text was translated.")
                delivery.deliver(d, order.id)
        return order.id

    return _walk
