"""Client <-> reference receiver over real HTTPS on 127.0.0.1 (certificates made by trustme)."""

from __future__ import annotations

import datetime as dt
import json
import secrets
import socket
import threading
import time
from dataclasses import dataclass

import pytest
import requests
import sqlcipher3
import trustme
from sync_helpers import order_fields, sample_event

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.settings import SETTINGS_DDL, set_setting
from maya_desktop.core.sync import outbox
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.core.sync.client import SyncClient, push_once, run_forever
from maya_desktop.core.sync.receiver import Recorder, start_in_thread

TOKEN = "clinic-token-" + secrets.token_urlsafe(24)
NOW = dt.datetime.now(dt.UTC) + dt.timedelta(hours=6)  # later than any event queued while the suite runs
LATER = NOW + dt.timedelta(hours=2)


@dataclass
class CertFiles:
    cert: str
    key: str
    pem: bytes


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pki")
    ca, stranger = trustme.CA(), trustme.CA()

    def write(name, issued):
        cert, key = folder / f"{name}.pem", folder / f"{name}.key"
        cert.write_bytes(b"".join(p.bytes() for p in issued.cert_chain_pems))
        issued.private_key_pem.write_to_path(str(key))
        return CertFiles(str(cert), str(key), issued.cert_chain_pems[0].bytes())

    ca.cert_pem.write_to_path(str(folder / "ca.pem"))
    return {
        "ca_file": str(folder / "ca.pem"),
        "good": write("good", ca.issue_cert("127.0.0.1")),
        "untrusted": write("untrusted", stranger.issue_cert("127.0.0.1")),
        "wronghost": write("wronghost", ca.issue_cert("hq.example.org")),
    }


@pytest.fixture
def hq(pki, tmp_path):
    started = []

    def start(cert="good", port=0, **kwargs):
        recorder = Recorder()
        files = pki[cert]
        running = start_in_thread(
            "127.0.0.1",
            port,
            files.cert,
            files.key,
            str(tmp_path / f"hq{len(started)}.db"),
            TOKEN,
            recorder=recorder,
            **kwargs,
        )
        started.append(running)
        return running, recorder

    yield start
    for running in started:
        running.stop()


def configure(conn, url, pki, *, pin=None, token=TOKEN):
    sync_settings.set_endpoint(conn, url)
    sync_settings.set_token(conn, token)
    sync_settings.set_ca_file(conn, pki["ca_file"])
    sync_settings.set_clinic_id(conn, "cl_maya")
    sync_settings.set_pin(conn, pin)
    conn.commit()


def queue(conn, n, **overrides):
    ids = []
    for _ in range(n):
        fields = order_fields(**{"price_rial": 120_000_000, "turnaround_days": 2, "views_count": 4, **overrides})
        ids.append(outbox.enqueue_order_event(conn, **fields))
    conn.commit()
    return ids


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def attempts_of(conn, event_id):
    return conn.execute("SELECT attempts FROM sync_outbox WHERE event_id = ?", (event_id,)).fetchone()[0]


def test_happy_path_in_batches(db, hq, pki):
    receiver, rec = hq()
    configure(db, receiver.url, pki)
    ids = queue(db, 25)
    report = push_once(db, now=NOW, batch_size=10)
    assert (report.sent, report.requests, report.retry_later, report.error) == (25, 3, 0, None)
    assert sorted(receiver.store.event_ids()) == sorted(ids)
    st = outbox.stats(db, NOW)
    assert st.pending == 0 and st.sent == 25 and st.last_success_at and st.last_error is None
    assert rec.requests == 3 and rec.connections == 1  # keep-alive: one TLS connection
    assert f"Bearer {TOKEN}".encode() in rec.raw()
    stored = {p["event_id"]: p for p in receiver.store.payloads()}
    for row_id, payload in db.execute("SELECT event_id, payload FROM sync_outbox"):
        assert stored[row_id] == json.loads(payload)


def test_happy_path_with_matching_pin(db, hq, pki):
    receiver, _rec = hq()
    configure(db, receiver.url, pki, pin=sync_settings.spki_sha256_of_pem(pki["good"].pem))
    queue(db, 3)
    assert push_once(db, now=NOW).sent == 3


def test_nothing_to_do_and_not_configured(db, hq, pki):
    report = push_once(db, now=NOW)
    assert not report.configured and report.requests == 0
    receiver, rec = hq()
    configure(db, receiver.url, pki)
    assert push_once(db, now=NOW).requests == 0 and rec.connections == 0


def test_server_down_then_up_nothing_lost_nothing_duplicated(db, hq, pki):
    port = free_port()
    configure(db, f"https://127.0.0.1:{port}", pki)
    ids = queue(db, 30)
    report = push_once(db, now=NOW, batch_size=10)
    assert report.retry_later == 10 and report.sent == 0 and "reached" in report.error
    assert report.pending_left == 30 and outbox.stats(db).last_error
    assert push_once(db, now=NOW).requests == 0  # backing off: not due yet
    receiver, rec = hq(port=port)
    report = push_once(db, now=LATER, batch_size=10)
    assert report.sent == 30 and report.pending_left == 0 and report.error is None
    assert sorted(receiver.store.event_ids()) == sorted(ids)
    assert sorted(rec.event_ids_seen) == sorted(ids)  # each sent exactly once after the outage


def test_server_500_then_ok(db, hq, pki):
    calls = []

    def fail_first(events):
        calls.append(len(events))
        return 500 if len(calls) == 1 else None

    receiver, _rec = hq(fault=fail_first)
    configure(db, receiver.url, pki)
    ids = queue(db, 5)
    report = push_once(db, now=NOW)
    assert report.retry_later == 5 and "HTTP 500" in report.error and receiver.store.event_ids() == []
    assert all(attempts_of(db, i) == 1 for i in ids)
    report = push_once(db, now=LATER)
    assert report.sent == 5 and sorted(receiver.store.event_ids()) == sorted(ids)


def test_read_timeout_then_duplicates_are_delivered_once(db, hq, pki):
    calls = []

    def slow_first(events):
        calls.append(1)
        if len(calls) == 1:
            time.sleep(1.0)  # stores after the client gave up: the answer is lost
        return None

    receiver, _rec = hq(fault=slow_first)
    configure(db, receiver.url, pki)
    ids = queue(db, 4)
    report = push_once(db, now=NOW, timeout=(2.0, 0.3))
    assert report.retry_later == 4 and "in time" in report.error
    deadline = time.monotonic() + 5
    while len(receiver.store.event_ids()) < 4 and time.monotonic() < deadline:
        time.sleep(0.05)
    report = push_once(db, now=LATER, timeout=(2.0, 5.0))
    assert report.duplicates == 4 and report.pending_left == 0
    assert sorted(receiver.store.event_ids()) == sorted(ids)


def test_slow_server_within_timeout(db, hq, pki):
    receiver, _rec = hq(fault=lambda events: time.sleep(0.3))
    configure(db, receiver.url, pki)
    queue(db, 2)
    assert push_once(db, now=NOW, timeout=(2.0, 3.0)).sent == 2


@pytest.mark.parametrize(
    ("cert", "pin", "message"),
    [
        ("untrusted", None, "could not be verified"),
        ("wronghost", None, "could not be verified"),
        ("good", "ab" * 32, "pin"),
    ],
)
def test_wrong_certificate_sends_nothing(db, hq, pki, cert, pin, message):
    receiver, rec = hq(cert=cert)
    configure(db, receiver.url, pki, pin=pin)
    ids = queue(db, 3)
    report = push_once(db, now=NOW)
    assert report.sent == 0 and report.retry_later == 3 and message in report.error
    assert rec.requests == 0 and rec.raw() == b"" and receiver.store.event_ids() == []
    assert rec.connections + rec.handshake_failures >= 1  # it did try, and stopped at TLS
    assert outbox.stats(db).pending == 3 and all(attempts_of(db, i) == 1 for i in ids)


def test_verify_false_cannot_switch_verification_off(hq, pki):
    receiver, rec = hq(cert="untrusted")
    client = SyncClient(receiver.url, TOKEN, ca_file=pki["ca_file"])
    with pytest.raises(requests.exceptions.SSLError):
        client.session.post(receiver.url + "/v1/events", data=b"{}", verify=False, timeout=5)
    assert rec.raw() == b""


def test_plain_http_refused_everywhere(db, pki):
    with pytest.raises(ValidationError) as info:
        sync_settings.set_endpoint(db, "http://127.0.0.1:8080")
    assert "http://" in info.value.message_en and "https://" in info.value.message_fa
    with pytest.raises(ValidationError):
        SyncClient("http://127.0.0.1:8080", TOKEN)
    with socket.socket() as listener:  # even a hand-made http:// request is refused before connecting
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        client = SyncClient("https://127.0.0.1:1", TOKEN)
        with pytest.raises(requests.exceptions.InvalidSchema):
            client.session.post(f"http://127.0.0.1:{listener.getsockname()[1]}/v1/events", data=b"x")
        listener.settimeout(0.2)
        with pytest.raises(TimeoutError):
            listener.accept()
    set_setting(db, "sync.endpoint", "http://127.0.0.1:8080")  # a row edited behind our back
    set_setting(db, "sync.token", TOKEN)
    queue(db, 1)
    with pytest.raises(ValidationError):
        push_once(db, now=NOW)
    assert outbox.stats(db).pending == 1


def test_server_rejects_one_event_others_go_through(db, hq, pki):
    bad = {}
    receiver, _rec = hq(extra_check=lambda ev: "unknown order" if ev["event_id"] == bad.get("id") else None)
    configure(db, receiver.url, pki)
    ids = queue(db, 3)
    bad["id"] = ids[1]
    ids += queue(db, 3)
    report = push_once(db, now=NOW, batch_size=2)
    assert (report.sent, report.rejected, report.pending_left) == (5, 1, 0)
    assert sorted(receiver.store.event_ids()) == sorted(set(ids) - {bad["id"]})
    [(rid, _created, reason)] = outbox.list_rejected(db)
    assert rid == bad["id"] and "unknown order" in reason
    assert outbox.stats(db).rejected == 1


def test_http_400_for_one_event_is_isolated_by_halving(db, hq, pki):
    ids = []
    receiver, _rec = hq(fault=lambda events: 400 if any(e["event_id"] == ids[5] for e in events) else None)
    configure(db, receiver.url, pki)
    ids += queue(db, 9)
    report = push_once(db, now=NOW, batch_size=9)
    assert (report.sent, report.rejected, report.retry_later) == (8, 1, 0)
    assert sorted(receiver.store.event_ids()) == sorted(set(ids) - {ids[5]})
    assert "HTTP 400" in outbox.list_rejected(db)[0][2]


def test_tampered_outbox_row_is_never_sent(db, hq, pki):
    receiver, rec = hq()
    configure(db, receiver.url, pki)
    [good] = queue(db, 1)
    tampered = dict(sample_event(status="draft"), client_name="Shirin Farahani")
    db.execute(
        "INSERT INTO sync_outbox(event_id, payload, created_at, next_attempt_at, state) "
        "VALUES(?, ?, '2026-03-01T00:00:00.000000Z', '2026-03-01T00:00:00.000000Z', 'pending')",
        (tampered["event_id"], json.dumps(tampered)),
    )
    db.commit()
    report = push_once(db, now=NOW)
    assert report.sent == 1 and report.rejected == 1
    assert receiver.store.event_ids() == [good]
    assert b"shirin" not in rec.raw().lower() and tampered["event_id"].encode() not in rec.raw()


def test_same_event_pushed_twice_is_stored_once(db, hq, pki):
    receiver, _rec = hq()
    configure(db, receiver.url, pki)
    [event_id] = queue(db, 1)
    assert push_once(db, now=NOW).sent == 1
    db.execute("UPDATE sync_outbox SET state = 'pending'")  # e.g. restored from a backup
    db.commit()
    report = push_once(db, now=NOW)
    assert report.duplicates == 1 and report.sent == 0
    assert receiver.store.event_ids() == [event_id]


def test_bad_token_retries_later(db, hq, pki):
    receiver, _rec = hq()
    configure(db, receiver.url, pki, token="wrong-token-" + secrets.token_hex(8))
    queue(db, 2)
    report = push_once(db, now=NOW)
    assert report.retry_later == 2 and "HTTP 401" in report.error and receiver.store.event_ids() == []


def test_receiver_status_codes(hq, pki):
    receiver, _rec = hq()
    url = receiver.url + "/v1/events"
    auth = {"Authorization": f"Bearer {TOKEN}"}
    ev = sample_event(service="confidential_document", status="delivered", price_rial=0, turnaround_days=0)

    def post(body, headers=auth):
        return requests.post(url, data=body, headers=headers, verify=pki["ca_file"], timeout=5)

    assert post(json.dumps({"events": [ev]}), {}).status_code == 401
    assert post(json.dumps({"events": [ev]}), {"Authorization": "Bearer nope"}).status_code == 401
    assert post("not json").status_code == 400
    assert post(json.dumps({"events": []})).status_code == 400
    assert post(json.dumps([ev])).status_code == 400
    assert post(json.dumps({"events": [ev] * 501})).status_code == 413
    assert post(b"x" * (2 << 20)).status_code == 413
    first = post(json.dumps({"events": [ev, dict(ev, note="x")]})).json()
    assert first["accepted"] == [ev["event_id"]]
    assert first["rejected"] == [
        {"event_id": ev["event_id"], "reason": "does not match the contract (unexpected or missing field)"}
    ]
    assert post(json.dumps({"events": [ev]})).json()["duplicates"] == [ev["event_id"]]
    assert (
        requests.post(receiver.url + "/other", data="{}", headers=auth, verify=pki["ca_file"], timeout=5).status_code
        == 404
    )


def test_run_forever_pushes_and_stops(tmp_path, hq, pki):
    receiver, _rec = hq()
    path = tmp_path / "loop.db"
    key = secrets.token_hex(32)

    def factory():
        conn = sqlcipher3.connect(str(path))
        conn.execute(f"PRAGMA key = \"x'{key}'\"")
        return conn

    conn = factory()
    conn.execute(SETTINGS_DDL)
    outbox.ensure_outbox(conn)
    configure(conn, receiver.url, pki)
    ids = queue(conn, 7)
    stop, wake, reports = threading.Event(), threading.Event(), []
    thread = threading.Thread(
        target=run_forever, args=(factory, stop), kwargs={"interval": 30, "wake": wake, "on_report": reports.append}
    )
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while len(receiver.store.event_ids()) < 7 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sorted(receiver.store.event_ids()) == sorted(ids)
        more = queue(conn, 2)
        wake.set()
        deadline = time.monotonic() + 10
        while len(receiver.store.event_ids()) < 9 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert set(more) <= set(receiver.store.event_ids())
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive() and reports and reports[0].sent == 7
    conn.close()


def test_acknowledged_events_are_purged_after_the_retention(db, hq, pki):
    receiver, _rec = hq()
    configure(db, receiver.url, pki)
    queue(db, 3)
    assert push_once(db, now=NOW).sent == 3
    assert outbox.stats(db, NOW).sent == 3  # kept a while for the status view
    later = dt.datetime.now(dt.UTC) + outbox.SENT_RETENTION + dt.timedelta(hours=1)
    push_once(db, now=later)
    assert outbox.stats(db, later).sent == 0
    assert db.execute("SELECT count(*) FROM sync_outbox").fetchone()[0] == 0
