"""Bad input on the wire is refused with a clear error, and the host keeps serving everyone else."""

from __future__ import annotations

import json
import socket
import ssl
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from maya_desktop.core.operations import wire
from maya_desktop.core.operations.catalogue import KeepDraft, ListDrafts
from maya_desktop.core.operations.clients import SearchClients
from maya_desktop.network.client import HostClient, pair
from maya_desktop.network.pki import HostPki, new_workstation_key
from tests.conftest import PASSWORD
from tests.network.conftest import Clinic, HostProcess, console_code


@pytest.fixture
def strict_host(clinic: Clinic, tmp_path: Path) -> Iterator[HostProcess]:
    process = HostProcess(clinic.root, tmp_path / "host.log")
    process.start("--request-timeout", "1.5")  # headers within 1.5 s, a body within 3 s
    yield process
    process.stop()


def station(host: HostProcess, folder: Path, name: str) -> HostClient:
    pair(host.address, console_code(host.data_dir, name), folder)
    client = HostClient(folder, settle_seconds=2)
    client.sign_in("admin", PASSWORD)
    return client


def refusal(response: requests.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


def serving(client: HostClient) -> bool:
    return client.call("clients.search", SearchClients("")).total >= 1


def op_url(client: HostClient, name: str = "clients.search") -> str:
    return f"{client.base}/v1/op/{name}"


def test_unpaired_clients_and_foreign_certificates_are_refused(strict_host: HostProcess, tmp_path: Path) -> None:
    good = station(strict_host, tmp_path / "good", "good")
    base = good.base
    # no client certificate (only pairing may come so): refused before anything else
    anonymous = requests.get(base + "/v1/hello", verify=False, timeout=5)
    assert refusal(anonymous) == (403, "network.not_paired")
    anonymous_op = requests.post(op_url(good), data=b"null", verify=False, timeout=5)
    assert refusal(anonymous_op) == (403, "network.not_paired")
    # a certificate from another CA: the TLS handshake itself fails
    other = HostPki(tmp_path / "other-clinic")
    other.ensure()
    key_pem, csr = new_workstation_key()
    (tmp_path / "foreign.key").write_bytes(key_pem)
    (tmp_path / "foreign.pem").write_bytes(other.sign_workstation(csr, "intruder"))
    with pytest.raises(requests.exceptions.RequestException):
        requests.get(
            base + "/v1/hello",
            verify=False,
            timeout=5,
            cert=(str(tmp_path / "foreign.pem"), str(tmp_path / "foreign.key")),
        )
    # a stolen session token is useless from another workstation
    thief = HostClient(station(strict_host, tmp_path / "thief", "thief").paired.folder)
    thief.token = good.token
    with pytest.raises(Exception) as caught:
        thief.call("clients.search", SearchClients(""))
    assert getattr(caught.value, "code", None) == "network.signed_out"
    assert serving(good)


def test_malformed_oversized_and_replayed_requests(strict_host: HostProcess, tmp_path: Path) -> None:
    client = station(strict_host, tmp_path / "ws", "ws")
    headers = {"Authorization": f"Bearer {client.token}", "X-Request-Id": "a" * 32}
    post = client.http.post
    for body in (
        b"{not json",
        b"\xff\xfe",
        json.dumps({"$dc": "subprocess:Popen", "f": {"args": "id"}}).encode(),
        json.dumps({"$dc": "maya_desktop.core.operations.clients:SearchClients", "f": {"txt": 1}}).encode(),
    ):
        assert refusal(post(op_url(client), data=body, headers=headers, timeout=5)) == (400, "network.malformed")
    assert refusal(post(op_url(client, "no.such"), data=b"null", headers=headers, timeout=5)) == (
        404,
        "network.unknown_operation",
    )
    # a write without a request id cannot be done exactly once: refused
    no_id = {"Authorization": headers["Authorization"]}
    save = wire.dumps(None)
    assert refusal(post(op_url(client, "drafts.keep"), data=save, headers=no_id, timeout=5)) == (
        400,
        "network.malformed",
    )
    # too large: by its declared length, or as it streams in
    claim = _raw_tls(client)
    claim.sendall(
        (
            f"POST /v1/op/clients.search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {client.token}\r\n"
            f"X-Request-Id: {'b' * 32}\r\nContent-Length: {200 * 1024 * 1024}\r\n\r\nnull"
        ).encode()
    )
    head = claim.recv(4096)
    assert head.startswith(b"HTTP/1.1 413") and b"network.too_large" in head + claim.recv(4096)
    for wrong in (None, KeepDraft("x", "y", {})):  # a request of another operation's type
        assert refusal(post(op_url(client), data=wire.dumps(wrong), headers=headers, timeout=5)) == (
            400,
            "network.malformed",
        )

    def flood() -> Iterator[bytes]:
        for _ in range(60):
            yield b" " * (1024 * 1024)

    try:
        streamed = post(op_url(client), data=flood(), headers=headers, timeout=20)
        assert refusal(streamed) == (413, "network.too_large")
    except requests.exceptions.ConnectionError:
        pass  # the host may close the connection before the client finishes sending: refused either way
    # a replayed write is answered from what was done, not done again; another workstation may not reuse its id
    keep = KeepDraft("findings", "order:1", {"text": "x"})
    rid = "replayed-request-000001"
    client.call("drafts.keep", keep, request_id=rid)
    again = post(
        op_url(client, "drafts.keep"), data=wire.dumps(keep), headers={**headers, "X-Request-Id": rid}, timeout=5
    )
    assert again.status_code == 200 and again.headers.get("X-Replayed") == "1"
    assert len(client.call("drafts.list", ListDrafts("findings"))) == 1
    other = station(strict_host, tmp_path / "other", "other")
    with pytest.raises(Exception) as caught:
        other.call("drafts.keep", keep, request_id=rid)
    assert getattr(caught.value, "code", None) == "network.request_reused"
    assert serving(client)


def _raw_tls(client: HostClient) -> ssl.SSLSocket:
    context = ssl.create_default_context(cafile=str(client.paired.ca))
    context.check_hostname = False
    context.load_cert_chain(str(client.paired.cert), str(client.paired.key))
    host, port = client.paired.address.rsplit(":", 1)
    return context.wrap_socket(socket.create_connection((host, int(port)), timeout=10))


def test_a_slow_client_is_cut_off_while_the_others_are_served(strict_host: HostProcess, tmp_path: Path) -> None:
    client = station(strict_host, tmp_path / "ws", "ws")
    other = station(strict_host, tmp_path / "busy", "busy")
    answers: list[float] = []
    stop = threading.Event()

    def keep_asking() -> None:
        while not stop.is_set():
            started = time.monotonic()
            assert serving(other)
            answers.append(time.monotonic() - started)

    worker = threading.Thread(target=keep_asking)
    worker.start()
    try:
        # slowloris: headers one byte at a time
        loris = _raw_tls(client)
        request = f"POST /v1/op/clients.search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {client.token}\r\n"
        started = time.monotonic()
        closed_after = None
        for byte in request.encode():
            try:
                loris.send(bytes([byte]))
                time.sleep(0.2)
            except OSError:
                closed_after = time.monotonic() - started
                break
        if closed_after is None:
            loris.settimeout(5)
            assert loris.recv(1024) == b""  # closed by the host
            closed_after = time.monotonic() - started
        assert closed_after < 6
        # a body that trickles: refused as too slow
        slow = _raw_tls(client)
        head = (
            f"POST /v1/op/clients.search HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {client.token}\r\n"
            "X-Request-Id: slow-body-request-01\r\nContent-Length: 1000\r\n\r\n"
        )
        slow.sendall(head.encode())
        reply = b""
        slow.settimeout(10)
        for _ in range(40):
            try:
                slow.send(b" ")
            except OSError:
                break
            time.sleep(0.25)
            try:
                slow.setblocking(False)
                reply += slow.recv(4096)
            except (BlockingIOError, ssl.SSLWantReadError):
                pass
            finally:
                slow.setblocking(True)
            if reply:
                break
        while chunk := slow.recv(4096):  # the host closes after its answer
            reply += chunk
        assert b"408" in reply.split(b"\r\n", 1)[0] and b"network.too_slow" in reply
    finally:
        stop.set()
        worker.join(30)
    assert answers and max(answers) < 2.0, f"others waited {max(answers):.2f} s"
    assert serving(client)


def test_pairing_junk_is_refused(strict_host: HostProcess) -> None:
    base = f"https://{strict_host.address}/v1/pair"
    for body in (b"", b"[]", json.dumps({"csr": "x", "proof": "y"}).encode(), b"{" * 10000):
        response = requests.post(base, data=body, verify=False, timeout=5)
        assert response.status_code in (400, 403), body[:20]
        assert response.json()["error"]["code"] in ("network.malformed", "network.pairing_failed")
    assert requests.get(f"https://{strict_host.address}/v1/hello", verify=False, timeout=5).status_code == 403
