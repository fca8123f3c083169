"""Fixtures for the notice tests: a demo clinic, real loopback SMTP/HTTPS servers, an order walker."""

from __future__ import annotations

import ssl
from collections.abc import Callable, Iterator

import pytest
import trustme

from maya_desktop.core.notices import config
from maya_desktop.core.orders.states import Status
from tests.conftest import Clinic
from tests.factories import walk_order
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

    def _walk(target: Status, client_id: int = 1) -> int:
        return walk_order(
            clinic.reception,
            clinic.doctor,
            client_id,
            target,
            service="confidential_document",
            report="Findings: the text was translated.",
        )

    return _walk
