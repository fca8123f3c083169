"""A workstation's side of the clinic network (issue 14): pairing, sign-in, operations by name, pushed changes.

`pair(host, code, folder)` makes this workstation's key pair, proves the one-time code without sending it,
and keeps what the host answered: its certificate for this workstation, the clinic CA and the host
certificate's fingerprint (all in `folder`, none of it about any client). From then on every request goes
over mutual TLS to exactly that host certificate (pinned by fingerprint and CA).

`HostClient` carries operations: `call(name, request)` sends the request as the codec's plain data and
returns the decoded result, or raises the core error the host raised. Each call has a request id; when the
answer is lost (host unreachable, killed, restarted) the client asks the host what became of it and learns
"done" (gets the kept answer, or `network.done_no_result`) or "not done" (then sends it again, same id:
the host does it once). `RemoteExecutor` gives the same face as core.operations.OperationExecutor (submit,
call, subscribe, shutdown), with the host's pushed `Changes` going to subscribers.

Nothing received is written anywhere: results live in this process's memory only.
"""

from __future__ import annotations

import contextlib
import hmac
import http.client
import json
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as urllib3_exceptions
from urllib3.poolmanager import PoolManager

from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations import Changes, registry, wire
from maya_desktop.core.operations import remote as rem
from maya_desktop.core.paths import FileIn
from maya_desktop.network.pki import fingerprint, issued_by, new_workstation_key, pairing_proof, write_private

CALL_TIMEOUT = (5.0, 120.0)  # (connect, read) seconds
SETTLE_SECONDS = 30.0  # how long a call whose answer was lost keeps asking what became of it
EVENTS_READ_TIMEOUT = 35.0  # the host beats every 10 s


@dataclass(frozen=True)
class Paired:
    folder: Path
    address: str
    host_fingerprint: str
    workstation: str
    name: str

    key = FileIn("workstation.key")
    cert = FileIn("workstation.pem")
    ca = FileIn("clinic-ca.pem")

    @classmethod
    def load(cls, folder: Path) -> Paired:
        try:
            raw = json.loads((folder / "host.json").read_text(encoding="utf-8"))
            return cls(
                folder, str(raw["address"]), str(raw["host_fingerprint"]), str(raw["workstation"]), str(raw["name"])
            )
        except (OSError, ValueError, KeyError):
            raise rem.not_paired() from None


def _split(address: str) -> tuple[str, int]:
    host, _, port = address.rpartition(":")
    return host.strip("[]"), int(port)


def pair(address: str, code: str, folder: Path, *, timeout: float = 10.0) -> Paired:
    """Pair with the vault host at `address` ("host:port") using a manager's one-time `code`."""
    host, port = _split(address)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE  # not known yet: the proof below binds what we saw to the code
    conn = http.client.HTTPSConnection(host, port, context=context, timeout=timeout)
    try:
        conn.connect()
        der = conn.sock.getpeercert(binary_form=True) if isinstance(conn.sock, ssl.SSLSocket) else None
        if not der:
            raise rem.pairing_failed()
        host_fp = fingerprint(der)
        key_pem, csr_pem = new_workstation_key()
        proof = pairing_proof(code, "pair-request", host_fp.encode(), csr_pem)
        body = json.dumps({"csr": csr_pem.decode(), "proof": proof})
        conn.request("POST", "/v1/pair", body=body, headers={"Content-Type": "application/json"})
        answer = conn.getresponse()
        raw = json.loads(answer.read() or b"{}")
    except (OSError, ValueError) as exc:
        if isinstance(exc, MayaError):
            raise
        raise rem.unreachable() from None
    finally:
        conn.close()
    if answer.status != 200:
        raise rem.pairing_failed()
    cert, ca = str(raw.get("cert", "")).encode(), str(raw.get("ca", "")).encode()
    expected = pairing_proof(code, "pair-answer", cert, ca, host_fp.encode())
    if not isinstance(raw.get("proof"), str) or not _same(expected, raw["proof"]):
        raise rem.pairing_failed()  # someone without the code answered (a machine in the middle)
    host_pem = x509.load_der_x509_certificate(der).public_bytes(serialization.Encoding.PEM)
    if not issued_by(host_pem, ca):
        raise rem.pairing_failed()
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(folder / "workstation.key", key_pem)
    write_private(folder / "workstation.pem", cert)
    write_private(folder / "clinic-ca.pem", ca)
    info = {"address": address, "host_fingerprint": host_fp, "workstation": raw["workstation"], "name": raw["name"]}
    write_private(folder / "host.json", json.dumps(info).encode())
    return Paired.load(folder)


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class _PinnedAdapter(HTTPAdapter):
    """requests' adapter whose connections accept only the pinned host certificate (and the clinic CA)."""

    def __init__(self, host_fingerprint: str) -> None:
        self._pin = host_fingerprint
        super().__init__(pool_connections=1, pool_maxsize=4, max_retries=0)

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **kwargs: Any) -> None:
        self.poolmanager = PoolManager(
            num_pools=connections,
            maxsize=maxsize,
            block=block,
            assert_fingerprint=self._pin,
            assert_hostname=False,
            **kwargs,
        )


def _http(paired: Paired) -> requests.Session:
    http = requests.Session()
    http.trust_env = False  # no proxy, no netrc: straight to the clinic's host
    http.verify = str(paired.ca)
    http.cert = (str(paired.cert), str(paired.key))
    http.mount("https://", _PinnedAdapter(paired.host_fingerprint))
    return http


class HostClient:
    """One workstation's connection to the vault host (thread-safe enough for one caller thread + events)."""

    def __init__(
        self, folder: Path, *, call_timeout: tuple[float, float] = CALL_TIMEOUT, settle_seconds: float = SETTLE_SECONDS
    ) -> None:
        self.paired = Paired.load(folder)
        self.base = f"https://{self.paired.address}"
        self.http = _http(self.paired)
        self.call_timeout = call_timeout
        self.settle_seconds = settle_seconds
        self.token: str | None = None
        self.staff: Any = None
        self.last_request_id: str | None = None

    # ---- plumbing ----------------------------------------------------------------------------------------
    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = {"Content-Type": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return {**headers, **(extra or {})}

    def _send(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: tuple[float, float] | None = None,
    ) -> requests.Response:
        try:
            response = self.http.request(
                method,
                self.base + path,
                data=body,
                headers=self._headers(headers),
                timeout=timeout or self.call_timeout,
                stream=True,
            )
            # the body in one read (requests would take it 10 KB at a time: a photo is megabytes); the connection
            # then goes back to the pool for the next call (keep-alive: no new TLS handshake)
            response._content = response.raw.read(decode_content=True)
            response._content_consumed = True
            response.raw.release_conn()
            return response
        except urllib3_exceptions.HTTPError:
            raise rem.unreachable() from None
        except requests.exceptions.SSLError as exc:
            if "fingerprint" in str(exc).lower():
                raise rem.host_changed() from None
            raise rem.unreachable() from None
        except requests.RequestException:
            raise rem.unreachable() from None

    @staticmethod
    def _error(response: requests.Response) -> MayaError:
        try:
            raw = response.json()["error"]
        except (ValueError, KeyError, TypeError):
            return rem.internal()
        code = raw.get("code") if isinstance(raw, dict) else None
        network = rem.by_code(code if isinstance(code, str) else None, response.status_code)
        return network if network is not None else wire.decode_error(raw)

    def _refusal(self, response: requests.Response) -> MayaError:
        error = self._error(response)
        used = response.request.headers.get("Authorization") if response.request is not None else None
        if (
            error.code in ("network.signed_out", "network.revoked", "network.not_paired")
            and self.token
            and (used == f"Bearer {self.token}")
        ):
            self.token = None  # the host forgot this session (restarted, revoked): sign in again
        return error

    def _json(self, response: requests.Response) -> dict[str, Any]:
        if response.status_code != 200:
            raise self._refusal(response)
        raw: Any = response.json()
        return raw if isinstance(raw, dict) else {}

    # ---- session ---------------------------------------------------------------------------------------------
    def hello(self) -> dict[str, Any]:
        return self._json(self._send("GET", "/v1/hello"))

    def sign_in(self, username: str, password: str, totp: str | None = None) -> Any:
        body = json.dumps({"username": username, "password": password, "totp": totp}).encode()
        raw = self._json(self._send("POST", "/v1/signin", body))
        self.token = str(raw["token"])
        self.staff = wire.decode(raw["staff"])
        return self.staff

    def lock(self) -> None:
        self._json(self._send("POST", "/v1/lock", b"{}"))

    def unlock(self, password: str) -> None:
        self._json(self._send("POST", "/v1/unlock", json.dumps({"password": password}).encode()))

    def sign_out(self) -> None:
        with contextlib.suppress(MayaError):
            self._json(self._send("POST", "/v1/signout", b"{}"))
        self.token = None

    # ---- operations ------------------------------------------------------------------------------------------
    def call(self, name: str, request: Any = None, *, request_id: str | None = None) -> Any:
        """Run the operation `name` on the host; the result, or the host's error raised here."""
        rid = request_id or uuid.uuid4().hex
        self.last_request_id = rid
        body = wire.dumps_framed(request)
        try:
            response = self._send("POST", f"/v1/op/{name}", body, {"X-Request-Id": rid})
        except rem.NetworkError as exc:
            if exc.code != "network.unreachable":
                raise
            response = self._settle(name, body, rid)
        return self._result(response)

    def _result(self, response: requests.Response) -> Any:
        if response.status_code != 200:
            raise self._refusal(response)
        try:
            return wire.loads(response.content)
        except wire.WireError:
            raise rem.malformed() from None

    def outcome(self, request_id: str) -> str:
        """What became of a request: "done", "not_done" or "running" (after a lost answer, a restart)."""
        return str(self._json(self._send("GET", f"/v1/request/{request_id}"))["state"])

    def _settle(self, name: str, body: bytes, rid: str) -> requests.Response:
        """The answer was lost: ask until the host says; "not done" -> send again (same id, done once)."""
        deadline = time.monotonic() + self.settle_seconds
        while True:
            try:
                state = self.outcome(rid)
                if state != "running":
                    # done -> the kept answer (or network.done_no_result); not done -> it is done now, once
                    return self._send("POST", f"/v1/op/{name}", body, {"X-Request-Id": rid})
            except rem.NetworkError as exc:
                if exc.code != "network.unreachable" or time.monotonic() > deadline:
                    raise
            time.sleep(0.25)

    # ---- a manager's network administration ----------------------------------------------------------------
    def new_pairing_code(self, name: str) -> tuple[str, str]:
        raw = self._json(self._send("POST", "/v1/admin/pairing-code", json.dumps({"name": name}).encode()))
        return str(raw["code"]), str(raw["host_fingerprint"])

    def workstations(self) -> list[dict[str, Any]]:
        return list(self._json(self._send("GET", "/v1/admin/workstations"))["workstations"])

    def revoke(self, workstation: str) -> None:
        self._json(self._send("POST", "/v1/admin/revoke", json.dumps({"workstation": workstation}).encode()))

    # ---- pushed changes --------------------------------------------------------------------------------------
    def events(self, stop: threading.Event) -> Iterator[tuple[str, Any]]:
        """("changes", Changes) as the host pushes them, plus ("connected"|"unreachable"|"signed_out"|
        "revoked", None) as the link changes; reconnects by itself until `stop` is set."""
        http = _http(self.paired)
        backoff = 0.25
        ended = False
        while not stop.is_set():
            try:
                with http.get(
                    self.base + "/v1/events", headers=self._headers(), stream=True, timeout=(5.0, EVENTS_READ_TIMEOUT)
                ) as response:
                    if response.status_code != 200:
                        error = self._refusal(response)
                        yield (
                            (
                                "revoked"
                                if error.code == "network.revoked"
                                else "not_paired"
                                if error.code == "network.not_paired"
                                else "signed_out"
                            ),
                            None,
                        )
                        stop.wait(1.0)
                        continue
                    yield "connected", None
                    backoff = 0.25
                    for event, data in _sse(response):
                        if event == "changes":
                            raw = json.loads(data)
                            yield "changes", Changes(str(raw["operation"]), frozenset(raw["changed"]))
                        elif event == "ended":  # the host closed this session: ask again at once, it says why
                            ended = True
                            break
                        if stop.is_set():
                            return
            except (requests.RequestException, ValueError):
                pass
            if stop.is_set():
                return
            if ended:
                ended = False
                continue
            yield "unreachable", None
            stop.wait(backoff)
            backoff = min(backoff * 2, 3.0)


def _sse(response: requests.Response) -> Iterator[tuple[str, str]]:
    buffer = b""
    event, data = "message", ""
    for chunk in response.iter_content(chunk_size=None):
        buffer += chunk
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            text = line.decode("utf-8").rstrip("\r")
            if not text:
                if data:
                    yield event, data
                event, data = "message", ""
            elif text.startswith(":"):
                continue
            elif text.startswith("event:"):
                event = text[6:].strip()
            elif text.startswith("data:"):
                data += text[5:].strip()


class RemoteExecutor:
    """core.operations.OperationExecutor's face over the network: one caller thread, the host's changes."""

    def __init__(self, client: HostClient) -> None:
        self.client = client
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="maya-net")
        self._subscribers: list[Callable[[Changes], None]] = []
        self._link: list[Callable[[str], None]] = []
        self._stop = threading.Event()
        self._events = threading.Thread(target=self._listen, name="maya-net-events", daemon=True)
        self._events.start()

    def subscribe(self, subscriber: Callable[[Changes], None]) -> None:
        self._subscribers.append(subscriber)

    def on_link(self, listener: Callable[[str], None]) -> None:
        """`listener(state)`: "connected", "unreachable", "signed_out", "revoked" (from the events thread)."""
        self._link.append(listener)

    def submit(self, op: Any, request: Any) -> Future[Any]:
        name = op if isinstance(op, str) else op.name
        try:
            registry.get(name)  # only named operations cross the wire (a window's ad-hoc function cannot)
        except KeyError:
            refused: Future[Any] = Future()
            refused.set_exception(rem.unknown_operation())
            return refused
        return self._pool.submit(self.client.call, name, request)

    def call(self, op: Any, request: Any) -> Any:
        return self.submit(op, request).result()

    def later(self, fn: Callable[[], Any]) -> Future[Any]:
        """Run `fn` (e.g. the client's lock) on the caller thread, after the calls already submitted."""
        return self._pool.submit(fn)

    def _listen(self) -> None:
        while not self._stop.is_set():
            if not self.client.token:
                self._stop.wait(0.2)
                continue
            for kind, value in self.client.events(self._stop):
                if kind == "changes":
                    for subscriber in list(self._subscribers):
                        subscriber(value)
                else:
                    for listener in list(self._link):
                        listener(kind)
                if kind in ("signed_out", "revoked", "not_paired"):
                    break
            self._stop.wait(0.5)

    def shutdown(self) -> None:
        self._stop.set()
        self._pool.shutdown(wait=True)
