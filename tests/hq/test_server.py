"""A real ``maya-hq serve`` process over TLS (trustme certificates): a slow client is cut off while others
are served, and a real desktop clinic pushes its outbox into it with ``maya-desktop sync``."""

from __future__ import annotations

import itertools
import json
import select as io_select
import socket
import ssl
import threading
import time
import urllib.request

from hq_helpers import order_event, point_desktop_at, start_hq
from sqlalchemy import select

from maya_desktop.cli import main as desktop_main
from maya_desktop.core.orders import records
from maya_desktop.core.sync import contract, outbox
from maya_hq import admin
from maya_hq.db import events
from tests.conftest import PASSWORD

SLOW_LIMIT = 2.0  # --request-timeout given to the server


def post_json(hq, token: str, body: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        hq.url + "/v1/events",
        data=contract.canonical_json(body).encode(),
        method="POST",
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, context=hq.ssl_context(), timeout=10) as resp:
        return resp.status, json.loads(resp.read())


def tls_socket(hq) -> ssl.SSLSocket:
    port = int(hq.url.rsplit(":", 1)[1])
    raw = socket.create_connection(("127.0.0.1", port), timeout=30)
    return hq.ssl_context().wrap_socket(raw, server_hostname="127.0.0.1")


def drip_until_cut_off(sock: ssl.SSLSocket, head: bytes, drip: bytes, give_up: float) -> bytes | None:
    """Send ``head``, then ``drip`` (repeated) one byte every 0.3 s. Returns what the server said when it cut us
    off (b"" = it just closed), or None if the connection was still open after ``give_up`` seconds."""
    start = time.monotonic()
    sock.sendall(head)
    for byte in itertools.cycle(drip):
        if time.monotonic() - start > give_up:
            return None
        try:
            sock.sendall(bytes([byte]))
        except OSError:
            return b""
        if io_select.select([sock], [], [], 0.3)[0]:  # TLS 1.3 session tickets also make it readable
            sock.settimeout(0.1)
            try:
                return sock.recv(4096)
            except (TimeoutError, ssl.SSLWantReadError):
                continue  # nothing for the application: not cut off
            except OSError:
                return b""
    return None


def test_slow_clients_are_cut_off_while_others_are_served(engine, database_url, pki) -> None:
    _clinic, token = admin.add_clinic(engine, "Alpha", clinic_id="cl_alpha")
    hq = start_hq(database_url, pki, "--request-timeout", str(SLOW_LIMIT))
    try:
        event = order_event("cl_alpha", "draft", "2026-11-20")
        body = contract.canonical_json({"events": [event]}).encode()
        slow_headers = tls_socket(hq)
        slow_body = tls_socket(hq)
        results: dict[str, bytes | None] = {}
        body_head = (
            f"POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
        ).encode()
        workers = [
            threading.Thread(
                target=lambda: results.__setitem__(
                    "headers", drip_until_cut_off(slow_headers, b"POST /v1/events HTTP/1.1\r\nX-Pad: ", b"a", 30)
                )
            ),
            threading.Thread(
                target=lambda: results.__setitem__("body", drip_until_cut_off(slow_body, body_head, body[:-1], 30))
            ),
        ]
        for w in workers:
            w.start()
        # While both slow clients hang on, a normal client is served.
        other = order_event("cl_alpha", "paid", "2026-11-20")
        assert post_json(hq, token, {"events": [other]}) == (
            200,
            {"accepted": [other["event_id"]], "duplicates": [], "rejected": []},
        )
        for w in workers:
            w.join(60)
        assert results["headers"] == b""  # closed without a word
        assert results["body"] is not None and (results["body"] == b"" or b" 408 " in results["body"])
        with engine.connect() as conn:
            assert list(conn.execute(select(events.c.event_id)).scalars()) == [other["event_id"]]
    finally:
        hq.stop()


def test_desktop_clinic_pushes_its_outbox_into_maya_hq(demo, data_dir, engine, database_url, pki, capsys) -> None:
    """End to end: real SQLCipher clinic -> outbox -> verified HTTPS -> maya-hq process -> database."""
    _clinic, token = admin.add_clinic(engine, "Maya", clinic_id="cl_maya")
    hq = start_hq(database_url, pki)
    try:
        point_desktop_at(demo, hq, token, "cl_maya")
        for client_id in (1, 2, 3):
            records.create_order(demo, client_id, "confidential_document", notes="یادداشت")
        pending = outbox.stats(demo.conn).pending
        args = ["sync", "--data-dir", str(data_dir), "--password", PASSWORD, "--username", "admin", "--once"]
        assert desktop_main(args) == 0
        out = capsys.readouterr().out
        queued = sorted(r[0] for r in demo.conn.execute("SELECT event_id FROM sync_outbox"))
        assert len(queued) > pending  # the command's sign-in queues the audit anchor too (issue 12)
        assert f"sent {len(queued)}," in out and "rejected 0" in out and "pending 0" in out
        with engine.connect() as conn:
            rows = conn.execute(select(events)).mappings().all()
        assert sorted(r["event_id"] for r in rows) == queued
        assert {r["clinic_id"] for r in rows} == {"cl_maya"}
        # Sent again (e.g. the answer was lost): HQ counts duplicates and stores nothing twice.
        demo.conn.execute("UPDATE sync_outbox SET state = 'pending', next_attempt_at = NULL")
        demo.conn.commit()
        assert desktop_main(args) == 0
        assert f"duplicates {len(queued)}" in capsys.readouterr().out
        in_outbox = demo.conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]  # + a newer anchor
        with engine.connect() as conn:
            assert len(conn.execute(select(events.c.id)).all()) == in_outbox
        # A revoked clinic is refused and keeps its events for later.
        admin.revoke(engine, "cl_maya")
        records.create_order(demo, 4, "confidential_document")
        assert desktop_main(args) == 2
        assert "refused the clinic token" in capsys.readouterr().err
        assert outbox.stats(demo.conn).pending >= 1
    finally:
        hq.stop()


HANDSHAKE_LIMIT = 1.5  # --tls-handshake-timeout given to the server (asyncio's own default is 60 s)


def test_a_client_that_never_starts_tls_is_cut_off_while_others_are_served(engine, database_url, pki) -> None:
    _clinic, token = admin.add_clinic(engine, "Alpha", clinic_id="cl_alpha")
    hq = start_hq(database_url, pki, "--tls-handshake-timeout", str(HANDSHAKE_LIMIT))
    try:
        port = int(hq.url.rsplit(":", 1)[1])
        silent = [socket.create_connection(("127.0.0.1", port), timeout=30) for _ in range(3)]
        other = order_event("cl_alpha", "draft", "2026-11-20")
        assert post_json(hq, token, {"events": [other]})[0] == 200  # served while the silent ones wait
        for sock in silent:
            # Far below asyncio's 60 s: the server closes (b"" or a reset) once the handshake deadline passes.
            sock.settimeout(HANDSHAKE_LIMIT + 20)
            try:
                assert sock.recv(1) == b""
            except ConnectionResetError:
                pass
            sock.close()
    finally:
        hq.stop()
