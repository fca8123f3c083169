"""Reference receiver: what HQ runs to accept events (and what the tests and the benchmark talk to).

Standard library HTTP + TLS (``http.server`` + ``ssl``); events are checked with the same contract
module as the client and stored idempotently in a plain SQLite file (HQ side: it holds only
anonymized metadata). The optional :class:`Recorder` keeps every decrypted byte a client sent,
so tests can prove what did — and did not — leave the workstation.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import socket
import sqlite3
import ssl
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, BinaryIO
from urllib.parse import urlsplit

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.sync.contract import MAX_BATCH_EVENTS, validate_event

MAX_BODY_BYTES = 1 << 20
DISCARD_LIMIT = 8 << 20
EVENTS_PATH = "/v1/events"
Fault = Callable[[list[Any]], int | None]
ExtraCheck = Callable[[dict[str, Any]], str | None]


class ReceiverStore:
    """Events by event_id (first payload wins: a re-sent event is a duplicate, not an error)."""

    def __init__(self, db_path: str) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(db_path, check_same_thread=False)
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS events (event_id TEXT PRIMARY KEY, payload TEXT NOT NULL, "
            "received_at TEXT NOT NULL)"
        )
        self._db.commit()

    def add(self, events: Iterable[dict[str, Any]]) -> tuple[list[str], list[str]]:
        accepted: list[str] = []
        duplicates: list[str] = []
        stamp = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        with self._lock, self._db:
            for event in events:
                cur = self._db.execute(
                    "INSERT OR IGNORE INTO events(event_id, payload, received_at) VALUES(?, ?, ?)",
                    (event["event_id"], json.dumps(event, sort_keys=True), stamp),
                )
                (accepted if cur.rowcount == 1 else duplicates).append(event["event_id"])
        return accepted, duplicates

    def event_ids(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT event_id FROM events ORDER BY rowid")]

    def payloads(self) -> list[dict[str, Any]]:
        with self._lock:
            return [json.loads(r[0]) for r in self._db.execute("SELECT payload FROM events ORDER BY rowid")]

    def close(self) -> None:
        with self._lock:
            self._db.close()


@dataclass
class Recorder:
    """Test tap: counts connections/requests and keeps every decrypted byte read from clients."""

    connections: int = 0
    handshake_failures: int = 0
    requests: int = 0
    event_ids_seen: list[str] = field(default_factory=list)
    chunks: list[bytes] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def add(self, data: bytes) -> None:
        if data:
            with self.lock:
                self.chunks.append(bytes(data))

    def raw(self) -> bytes:
        with self.lock:
            return b"".join(self.chunks)


class _TeeReader:
    def __init__(self, inner: BinaryIO, recorder: Recorder) -> None:
        self._inner, self._recorder = inner, recorder

    def read(self, size: int = -1) -> bytes:
        data = self._inner.read(size)
        self._recorder.add(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._inner.readline(size)
        self._recorder.add(data)
        return data

    def close(self) -> None:
        self._inner.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


class SyncReceiver(ThreadingHTTPServer):
    """HTTPS server for ``POST /v1/events``. TLS is wrapped per connection in the worker thread,
    so a slow or failing handshake never blocks the accept loop."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        *,
        ssl_context: ssl.SSLContext,
        store: ReceiverStore,
        token: str,
        recorder: Recorder | None = None,
        fault: Fault | None = None,
        extra_check: ExtraCheck | None = None,
        quiet: bool = True,
    ) -> None:
        self.ssl_context, self.store, self.recorder = ssl_context, store, recorder
        self.token_bytes = token.encode("utf-8")
        self.fault, self.extra_check, self.quiet = fault, extra_check, quiet
        super().__init__(address, _Handler)

    def finish_request(self, request: Any, client_address: Any) -> None:
        request.settimeout(15)
        # Headers and body go out in separate writes; without NODELAY, Nagle + delayed ACK cost ~40 ms each.
        request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            tls = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError):
            if self.recorder is not None:
                with self.recorder.lock:
                    self.recorder.handshake_failures += 1
            return
        try:
            if self.recorder is not None:
                with self.recorder.lock:
                    self.recorder.connections += 1
            self.RequestHandlerClass(tls, client_address, self)  # type: ignore[arg-type]  # typeshed wants Self
        except OSError:
            pass  # client went away (e.g. it timed out while we were slow)
        finally:
            tls.close()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: SyncReceiver
    timeout = 15

    def setup(self) -> None:
        super().setup()
        if self.server.recorder is not None:
            self.rfile = _TeeReader(self.rfile, self.server.recorder)  # type: ignore[assignment,arg-type]

    def log_message(self, format: str, *args: Any) -> None:
        if not self.server.quiet:  # request line and status only; never headers (token) or bodies
            super().log_message(format, *args)

    def _send(self, status: int, body: dict[str, Any], *, close: bool = False, auth: bool = False) -> None:
        data = json.dumps(body).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        if auth:
            self.send_header("WWW-Authenticate", 'Bearer realm="maya-sync"')
        if close:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        self.wfile.write(data)

    def _discard(self, length: int) -> None:
        """Read and drop a body we refuse, so that closing does not reset the connection before the
        client has read our answer (up to a limit; beyond it the client may see a reset)."""
        remaining = min(max(length, 0), DISCARD_LIMIT)
        while remaining > 0:
            chunk = self.rfile.read(min(remaining, 65536))
            if not chunk:
                break
            remaining -= len(chunk)

    def _authorized(self) -> bool:
        header = self.headers.get("Authorization", "")
        scheme, _, value = header.partition(" ")
        return scheme.lower() == "bearer" and hmac.compare_digest(
            value.strip().encode("utf-8"), self.server.token_bytes
        )

    def do_POST(self) -> None:
        recorder = self.server.recorder
        if recorder is not None:
            with recorder.lock:
                recorder.requests += 1
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            return self._send(411, {"error": "length required"}, close=True)
        if urlsplit(self.path).path != EVENTS_PATH:
            self._discard(length)
            return self._send(404, {"error": "not found"}, close=True)
        if not self._authorized():
            self._discard(length)
            return self._send(401, {"error": "bad token"}, close=True, auth=True)
        if length < 0 or length > MAX_BODY_BYTES:
            self._discard(length)
            return self._send(413, {"error": "batch too large"}, close=True)
        events = _parse_envelope(self.rfile.read(length))
        if events is None:
            return self._send(400, {"error": "malformed batch"})
        if len(events) > MAX_BATCH_EVENTS:
            return self._send(413, {"error": "too many events in one batch"})
        if recorder is not None:
            with recorder.lock:
                recorder.event_ids_seen.extend(str(e.get("event_id")) for e in events if isinstance(e, dict))
        forced = self.server.fault(events) if self.server.fault else None
        if forced:
            return self._send(forced, {"error": "fault injected"})
        self._send(200, self._store(events))

    def _store(self, events: list[Any]) -> dict[str, Any]:
        valid: list[dict[str, Any]] = []
        rejected: list[dict[str, Any]] = []
        for event in events:
            try:
                clean = validate_event(event)
            except ValidationError as exc:
                where = f"field {exc.field}" if exc.field else "unexpected or missing field"
                rejected.append({"event_id": _id_of(event), "reason": f"does not match the contract ({where})"})
                continue
            reason = self.server.extra_check(clean) if self.server.extra_check else None
            if reason:
                rejected.append({"event_id": clean["event_id"], "reason": reason[:200]})
            else:
                valid.append(clean)
        accepted, duplicates = self.server.store.add(valid)
        return {"accepted": accepted, "duplicates": duplicates, "rejected": rejected}


def _parse_envelope(raw: bytes) -> list[Any] | None:
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(body, dict) or set(body) != {"events"} or not isinstance(body["events"], list):
        return None
    return body["events"] or None


def _id_of(event: Any) -> str | None:
    value = event.get("event_id") if isinstance(event, dict) else None
    return value if isinstance(value, str) and len(value) == 36 else None


def server_context(cert: str, key: str) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(certfile=cert, keyfile=key)
    return ctx


def make_receiver(host: str, port: int, cert: str, key: str, db_path: str, token: str, **kwargs: Any) -> SyncReceiver:
    return SyncReceiver(
        (host, port), ssl_context=server_context(cert, key), store=ReceiverStore(db_path), token=token, **kwargs
    )


def serve(host: str, port: int, cert: str, key: str, db_path: str, token: str, **kwargs: Any) -> None:
    """Run the receiver in the foreground until interrupted."""
    server = make_receiver(host, port, cert, key, db_path, token, **kwargs)
    try:
        server.serve_forever()
    finally:
        server.server_close()
        server.store.close()


@dataclass
class RunningReceiver:
    server: SyncReceiver
    thread: threading.Thread

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def url(self) -> str:
        return f"https://{self.server.server_address[0]!s}:{self.port}"

    @property
    def store(self) -> ReceiverStore:
        return self.server.store

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=10)
        self.server.store.close()

    def __enter__(self) -> RunningReceiver:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def start_in_thread(
    host: str, port: int, cert: str, key: str, db_path: str, token: str, **kwargs: Any
) -> RunningReceiver:
    """Start a receiver on a daemon thread (port 0 = any free port); ``.stop()`` ends it."""
    server = make_receiver(host, port, cert, key, db_path, token, **kwargs)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="sync-receiver", daemon=True
    )
    thread.start()
    return RunningReceiver(server, thread)
