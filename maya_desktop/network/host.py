"""The vault host (issue 14): one PC serves the clinic's encrypted vault to its paired workstations.

`maya-desktop serve --data-dir D [--listen HOST:PORT]` runs this Starlette app under uvicorn with mutual TLS
(network.pki). Every request is checked before anything else: the TLS handshake admits only certificates the
clinic CA signed; the app then admits only certificates of paired, unrevoked workstations (network.registry,
re-read when it changes, so a revocation applies to the next request and drops that workstation's sessions).

Sealed start: the host holds no key until a manager signs in (from a paired workstation, or at the console
with `serve --unseal-user`); until then every other sign-in is refused. Each signed-in person's session is
opened with their own password against their own key slot (core.signin, throttled), so the DB key and their
private key live only in this process's memory, and roles come from the vault, never from the workstation.
A restart seals the host again.

Operations travel by name (`POST /v1/op/<name>`), their requests and results in the tagged JSON codec
(core.operations.wire); each session runs them on its own database thread (core.operations.executor) with
its audit entries marked with the workstation (core.audit.set_origin). An operation that changes something
carries a request id and is done exactly once (core.operations.remote.run_recorded); its answer is kept in
memory for a while, so a workstation that lost it gets it again, and after a host restart learns "done".
What changed is pushed to every signed-in workstation as server-sent events (`GET /v1/events`).
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import functools
import importlib
import inspect
import json
import os
import re
import secrets
import sys
import threading
import time
import typing
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from maya_desktop.core import audit, db, signin
from maya_desktop.core.errors import (
    AuthError,
    MayaError,
    NotFound,
    PermissionDenied,
    StateError,
    ValidationError,
    VaultError,
)
from maya_desktop.core.operations import Changes, Operation, OperationExecutor, ad_hoc, registry, wire
from maya_desktop.core.operations import remote as rem
from maya_desktop.core.paths import DataDir
from maya_desktop.core.roles import Role
from maya_desktop.core.session import Session
from maya_desktop.network import operations as _network_operations  # noqa: F401  (network.* run here)
from maya_desktop.network.pki import HostPki, fingerprint, pairing_proof
from maya_desktop.network.registry import Registry, Workstation, ensure_folder, folder_of

MAX_BODY = 48 * 1024 * 1024  # a phone photo import with room to spare; more is refused unread
BODY_SECONDS = 30.0  # the whole body must arrive within this (a slow client is cut off, others go on)
HEARTBEAT_SECONDS = 10.0
ANSWERS_KEPT = 2000  # answers of done requests kept in memory for a workstation that lost one
ANSWER_SECONDS = 600.0
REQUEST_ID = re.compile(r"[A-Za-z0-9_-]{16,64}")
SESSION_IDLE_SECONDS = 8 * 3600  # a listening workstation is not idle (its events stream is open)
PEER_CERT = "maya_peer_cert"
# Operations whose request names a file or folder on the machine that runs them: run by the host they would
# write (or read) the host's own disk where a workstation chose. They are for the vault's own PC only.
HOST_ONLY = frozenset(
    {
        "audit.export_csv",
        "backups.create",
        "backups.restore",
        "legal.export",
        "review.client_copy",
        "settings.save_backup",
        "sync.save_settings",
    }
)
JSON = "application/json"
FRAMES = "application/x-maya-frames"  # a result (core.operations.wire.dumps_framed); errors are JSON


def log(message: str) -> None:
    """The host's own lines (never a name, a value or a key: what happened and when)."""
    print(time.strftime("%H:%M:%S"), message, file=sys.stderr, flush=True)


class HostExecutor(OperationExecutor):
    """A session's database thread whose connection marks every audit entry with the workstation."""

    def __init__(self, session: Session, workstation: str) -> None:
        super().__init__(session)
        self.workstation = workstation

    def own_session(self) -> Session:
        own = super().own_session()
        audit.set_origin(own.conn, self.workstation)
        return own


@dataclass
class HostSession:
    token: str
    station: Workstation
    session: Session
    executor: HostExecutor
    streams: set[asyncio.Queue[Changes | None]] = field(default_factory=set)
    last_used: float = field(default_factory=time.monotonic)

    def close(self) -> None:
        for queue in list(self.streams):
            queue.put_nowait(None)
        self.executor.shutdown()
        with contextlib.suppress(Exception):
            self.session.vault.close()


def status_of(exc: BaseException) -> int:
    if isinstance(exc, rem.NetworkError):
        return exc.status
    for kind, status in (
        (AuthError, 401),
        (PermissionDenied, 403),
        (NotFound, 404),
        (StateError, 409),
        (ValidationError, 422),
        (VaultError, 423),
    ):
        if isinstance(exc, kind):
            return status
    return 400


def error_response(exc: MayaError, **extra: Any) -> Response:
    body = json.dumps({"error": wire.encode_error(exc), **extra}, ensure_ascii=False).encode()
    headers = {"Connection": "close"} if isinstance(exc, rem.NetworkError) and exc.status in (408, 413) else None
    return Response(body, status_code=status_of(exc), media_type=JSON, headers=headers)


def answer_response(status: int, answer: bytes, *, replayed: bool = False) -> Response:
    return Response(
        answer,
        status_code=status,
        media_type=FRAMES if status == 200 else JSON,
        headers={"X-Replayed": "1"} if replayed else None,
    )


def ok(body: dict[str, Any]) -> Response:
    return Response(json.dumps(body, ensure_ascii=False).encode(), media_type=JSON)


class Host:
    """The state of one running vault host (sessions, answers, streams) and its routes."""

    def __init__(self, data_dir: DataDir, *, body_seconds: float = BODY_SECONDS) -> None:
        self.data_dir = data_dir
        self.body_seconds = body_seconds
        folder = folder_of(data_dir.root)
        ensure_folder(folder)
        self.pki = HostPki(folder)
        self.registry = Registry(folder)
        self.sealed = True
        self.sessions: dict[str, HostSession] = {}
        self.answers: collections.OrderedDict[str, tuple[str, float, bytes]] = collections.OrderedDict()
        self.running: dict[str, tuple[str, asyncio.Task[tuple[int, bytes]]]] = {}
        self.loop: asyncio.AbstractEventLoop | None = None
        self._guard = threading.Lock()

    # ---- who is asking ------------------------------------------------------------------------------------
    def station_of(self, request: Request) -> Workstation:
        der = request.scope.get("state", {}).get(PEER_CERT)
        if not der:
            raise rem.not_paired()
        station = self.registry.by_fingerprint(fingerprint(der))
        if station is None:
            raise rem.not_paired()
        if station.revoked_at is not None:
            self.drop_station(station.id)
            raise rem.revoked()
        with contextlib.suppress(OSError):  # "last seen" for the manager's list; never in the way of a request
            self.registry.seen(station.id)
        return station

    def session_of(self, request: Request, station: Workstation) -> HostSession:
        auth = request.headers.get("authorization", "")
        token = auth.removeprefix("Bearer ").strip()
        held = self.sessions.get(token) if token else None
        if held is None or held.station.id != station.id:
            raise rem.signed_out()
        held.last_used = time.monotonic()
        return held

    def drop_station(self, station_id: str) -> None:
        for token, held in list(self.sessions.items()):
            if held.station.id == station_id:
                self.sessions.pop(token, None)
                held.close()

    async def watch_revocations(self) -> None:
        """A revocation made at the console (another process) drops the workstation's sessions within 1 s;
        a session nobody used for SESSION_IDLE_SECONDS (a workstation that died) is closed, its keys wiped."""
        while True:
            await asyncio.sleep(1.0)
            for held in list(self.sessions.values()):
                current = self.registry.by_fingerprint(held.station.fingerprint)
                if current is None or current.revoked_at is not None:
                    await run_in_threadpool(self.drop_station, held.station.id)
                elif time.monotonic() - held.last_used > SESSION_IDLE_SECONDS and not held.streams:
                    self.sessions.pop(held.token, None)
                    await run_in_threadpool(held.close)

    # ---- changes, pushed --------------------------------------------------------------------------------
    def publish(self, changes: Changes) -> None:
        """From a session's database thread: hand the change to the event loop, which fans it out."""
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self._fan_out, changes)

    def _fan_out(self, changes: Changes) -> None:
        for held in list(self.sessions.values()):
            for queue in list(held.streams):
                queue.put_nowait(changes)

    # ---- bodies --------------------------------------------------------------------------------------------
    async def body(self, request: Request) -> bytes:
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            raise rem.too_large()
        chunks: list[bytes] = []
        size = 0

        async def read() -> None:
            nonlocal size
            async for chunk in request.stream():
                size += len(chunk)
                if size > MAX_BODY:
                    raise rem.too_large()
                chunks.append(chunk)

        try:
            await asyncio.wait_for(read(), self.body_seconds)
        except TimeoutError:
            raise rem.too_slow() from None
        return b"".join(chunks)

    async def json_body(self, request: Request) -> dict[str, Any]:
        try:
            raw = json.loads(await self.body(request))
        except (UnicodeDecodeError, ValueError):
            raise rem.malformed() from None
        if not isinstance(raw, dict):
            raise rem.malformed()
        return raw

    # ---- pairing (no client certificate yet) -----------------------------------------------------------
    async def pair(self, request: Request) -> Response:
        raw = await self.json_body(request)
        csr, proof = raw.get("csr"), raw.get("proof")
        if not isinstance(csr, str) or not isinstance(proof, str) or len(csr) > 8192:
            raise rem.malformed()
        host_fp = self.pki.host_fingerprint()
        for code in self.registry.open_codes():
            expected = pairing_proof(code["code"], "pair-request", host_fp.encode(), csr.encode())
            if secrets.compare_digest(expected, proof):
                break
        else:
            self.registry.bad_proof()
            raise rem.pairing_failed()
        try:
            cert = self.pki.sign_workstation(csr.encode(), code["name"])
        except ValueError:
            raise rem.malformed() from None
        self.registry.use_code(code["code"])
        station = self.registry.add(code["name"], fingerprint(cert), code["by"])
        ca = self.pki.ca_cert.read_bytes()
        log(f"workstation {station.id} paired")
        return ok(
            {
                "workstation": station.id,
                "name": station.name,
                "cert": cert.decode(),
                "ca": ca.decode(),
                "proof": pairing_proof(code["code"], "pair-answer", cert, ca, host_fp.encode()),
            }
        )

    # ---- sign-in, lock, sign-out --------------------------------------------------------------------------
    async def hello(self, request: Request) -> Response:
        station = self.station_of(request)
        return ok({"workstation": station.id, "name": station.name, "sealed": self.sealed})

    async def sign_in(self, request: Request) -> Response:
        station = self.station_of(request)
        raw = await self.json_body(request)
        username, password, totp = raw.get("username"), raw.get("password"), raw.get("totp")
        if not isinstance(username, str) or not isinstance(password, str) or not isinstance(totp, str | None):
            raise rem.malformed()
        held = await run_in_threadpool(self._open_session, station, username, password, totp)
        return ok({"token": held.token, "staff": wire.encode(held.session.staff), "sealed": self.sealed})

    def _open_session(self, station: Workstation, username: str, password: str, totp: str | None) -> HostSession:
        session = signin.sign_in(
            signin.SignInRequest(
                self.data_dir.root, username, password, totp, verify="full" if self.sealed else "quick"
            )
        )
        with self._guard:
            if self.sealed and session.role != Role.MANAGER:
                session.vault.close()
                raise rem.sealed()
            first = self.sealed
            self.sealed = False
        executor = HostExecutor(session, station.id)
        executor.subscribe(self.publish)
        held = HostSession(secrets.token_urlsafe(32), station, session, executor)
        executor.call(ad_hoc(lambda own, _r: own.audit("network.signin", f"staff:{own.actor}")), None)
        if first:
            executor.call(ad_hoc(lambda own, _r: rem.forget_old_requests(own.conn)), None)
            log("unsealed by a manager")
        self.sessions[held.token] = held
        return held

    def unseal_at_console(self, username: str, password: str, totp: str | None) -> None:
        session = signin.sign_in(signin.SignInRequest(self.data_dir.root, username, password, totp))
        try:
            if session.role != Role.MANAGER:
                raise rem.sealed()
            audit.set_origin(session.conn, "console")
            session.audit("network.unsealed", f"staff:{session.actor}")
            self.sealed = False
            log("unsealed at the console")
        finally:
            session.vault.close()

    async def lock(self, request: Request) -> Response:
        held = self.session_of(request, self.station_of(request))
        await run_in_threadpool(signin.lock, held.session)
        return ok({"locked": True})

    async def unlock(self, request: Request) -> Response:
        held = self.session_of(request, self.station_of(request))
        raw = await self.json_body(request)
        password = raw.get("password")
        if not isinstance(password, str):
            raise rem.malformed()
        await run_in_threadpool(signin.unlock, held.session, password)
        return ok({"locked": False})

    async def sign_out(self, request: Request) -> Response:
        held = self.session_of(request, self.station_of(request))
        self.sessions.pop(held.token, None)
        await run_in_threadpool(held.close)
        return ok({"signed_out": True})

    # ---- operations ----------------------------------------------------------------------------------------
    async def operation(self, request: Request) -> Response:
        station = self.station_of(request)
        held = self.session_of(request, station)
        name = request.path_params["name"]
        try:
            op = registry.get(name)
        except KeyError:
            raise rem.unknown_operation() from None
        if name in HOST_ONLY:
            raise rem.host_only()
        body = await self.body(request)
        try:
            payload = wire.loads(body)
        except wire.WireError:
            raise rem.malformed() from None
        if not request_fits(op, payload):
            raise rem.malformed()
        rid = request.headers.get("x-request-id")
        if not op.changes:  # a read: nothing to do once only
            status, answer = await self._perform(held, op, payload, None)
            return answer_response(status, answer)
        if rid is None or not REQUEST_ID.fullmatch(rid):
            raise rem.malformed()
        kept = self.answers.get(rid)
        if kept is not None:
            if kept[0] != station.id:
                raise rem.request_reused()
            return answer_response(200, kept[2], replayed=True)
        running = self.running.get(rid)
        if running is not None:
            if running[0] != station.id:
                raise rem.request_reused()
            status, answer = await asyncio.shield(running[1])
            return answer_response(status, answer, replayed=True)
        task = asyncio.ensure_future(self._perform(held, op, payload, rid))  # runs on even if the caller leaves
        self.running[rid] = (station.id, task)
        task.add_done_callback(lambda _t: self.running.pop(rid, None))
        status, answer = await asyncio.shield(task)
        return answer_response(status, answer)

    async def _perform(self, held: HostSession, op: Operation, payload: Any, rid: str | None) -> tuple[int, bytes]:
        station = held.station.id

        def encoded(own: Session, request: Any) -> bytes:
            if rid is None:
                result = op.fn(own, request) if not op.atomic else _atomic(own, op, request)
            else:
                done = rem.request_done(own.conn, rid)
                if done is not None:
                    raise rem.done_no_result() if done[0] == station else rem.request_reused()
                result = rem.run_recorded(own, op, request, rid, station)
            return wire.dumps_framed(result)  # here, on the session's thread: the event loop only sends it

        carrier = Operation(op.name, encoded, op.changes, False)
        try:
            answer: bytes = await asyncio.wrap_future(held.executor.submit(carrier, payload))
        except MayaError as exc:
            return status_of(exc), json.dumps({"error": wire.encode_error(exc)}, ensure_ascii=False).encode()
        except Exception as exc:
            log(f"operation {op.name} failed: {type(exc).__name__}")
            return 500, json.dumps({"error": wire.encode_error(rem.internal())}).encode()
        if rid is not None:
            self.answers[rid] = (station, time.monotonic(), answer)
            while len(self.answers) > ANSWERS_KEPT or (
                self.answers and time.monotonic() - next(iter(self.answers.values()))[1] > ANSWER_SECONDS
            ):
                self.answers.popitem(last=False)
        return 200, answer

    async def request_state(self, request: Request) -> Response:
        station = self.station_of(request)
        held = self.session_of(request, station)
        rid = request.path_params["rid"]
        if not REQUEST_ID.fullmatch(rid):
            raise rem.malformed()
        if rid in self.running:
            return ok({"state": "running"})
        if rid in self.answers:
            return ok({"state": "done", "answer_kept": True})
        done = await asyncio.wrap_future(
            held.executor.submit(ad_hoc(lambda own, _r: rem.request_done(own.conn, rid)), None)
        )
        return ok({"state": "done" if done is not None else "not_done", "answer_kept": False})

    # ---- events ---------------------------------------------------------------------------------------------
    async def events(self, request: Request) -> Response:
        held = self.session_of(request, self.station_of(request))
        queue: asyncio.Queue[Changes | None] = asyncio.Queue()
        held.streams.add(queue)

        async def stream() -> AsyncIterator[bytes]:
            try:
                yield b"retry: 1000\n: connected\n\n"
                while True:
                    try:
                        changes = await asyncio.wait_for(queue.get(), HEARTBEAT_SECONDS)
                    except TimeoutError:
                        yield b": beat\n\n"
                        continue
                    if changes is None:
                        yield b"event: ended\ndata: {}\n\n"
                        return
                    data = json.dumps({"operation": changes.operation, "changed": sorted(changes.changed)})
                    yield f"event: changes\ndata: {data}\n\n".encode()
            finally:
                held.streams.discard(queue)

        return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})

    # ---- a manager's network administration -----------------------------------------------------------------
    def _manager(self, request: Request) -> HostSession:
        held = self.session_of(request, self.station_of(request))
        if held.session.role != Role.MANAGER:
            held.executor.call(
                ad_hoc(lambda own, _r: own.audit("permission.denied", "", {"permission": "network.manage"})), None
            )
            raise _manager_only()
        return held

    async def new_code(self, request: Request) -> Response:
        held = await run_in_threadpool(self._manager, request)
        raw = await self.json_body(request)
        name = raw.get("name")
        if not isinstance(name, str) or not 0 < len(name.strip()) <= 60:
            raise rem.malformed()
        code = self.registry.new_pairing_code(name.strip(), held.session.actor)
        await asyncio.wrap_future(
            held.executor.submit(ad_hoc(lambda own, _r: own.audit("network.pairing_code", "", {})), None)
        )
        return ok({"code": code, "host_fingerprint": self.pki.host_fingerprint()})

    async def list_stations(self, request: Request) -> Response:
        await run_in_threadpool(self._manager, request)
        return ok({"workstations": [station.__dict__ for station in self.registry.all()]})

    async def revoke(self, request: Request) -> Response:
        held = await run_in_threadpool(self._manager, request)
        raw = await self.json_body(request)
        target = raw.get("workstation")
        if not isinstance(target, str):
            raise rem.malformed()
        try:
            station = self.registry.revoke(target, held.session.actor)
        except KeyError:
            raise NotFound("No such workstation.", "چنین رایانه‌ای نیست.") from None
        await asyncio.wrap_future(
            held.executor.submit(
                ad_hoc(lambda own, _r: own.audit("network.revoked", f"workstation:{station.id}")), None
            )
        )
        await run_in_threadpool(self.drop_station, station.id)
        log(f"workstation {station.id} revoked")
        return ok({"revoked": station.id})

    # ---- the app -------------------------------------------------------------------------------------------
    def app(self) -> Starlette:
        def guarded(handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
            async def run(request: Request) -> Response:
                try:
                    return await handler(request)
                except MayaError as exc:
                    return error_response(exc)
                except Exception as exc:
                    log(
                        f"{request.url.path.split('/')[2] if request.url.path.count('/') > 1 else '?'} failed: "
                        f"{type(exc).__name__}"
                    )
                    return error_response(rem.internal())

            return run

        routes = [
            Route("/v1/pair", guarded(self.pair), methods=["POST"]),
            Route("/v1/hello", guarded(self.hello), methods=["GET"]),
            Route("/v1/signin", guarded(self.sign_in), methods=["POST"]),
            Route("/v1/lock", guarded(self.lock), methods=["POST"]),
            Route("/v1/unlock", guarded(self.unlock), methods=["POST"]),
            Route("/v1/signout", guarded(self.sign_out), methods=["POST"]),
            Route("/v1/op/{name:str}", guarded(self.operation), methods=["POST"]),
            Route("/v1/request/{rid:str}", guarded(self.request_state), methods=["GET"]),
            Route("/v1/events", guarded(self.events), methods=["GET"]),
            Route("/v1/admin/pairing-code", guarded(self.new_code), methods=["POST"]),
            Route("/v1/admin/workstations", guarded(self.list_stations), methods=["GET"]),
            Route("/v1/admin/revoke", guarded(self.revoke), methods=["POST"]),
        ]

        @contextlib.asynccontextmanager
        async def lifespan(_app: Starlette) -> AsyncIterator[None]:
            self.loop = asyncio.get_running_loop()
            watcher = asyncio.ensure_future(self.watch_revocations())
            try:
                yield
            finally:
                watcher.cancel()
                for token in list(self.sessions):
                    held = self.sessions.pop(token)
                    await run_in_threadpool(held.close)

        return Starlette(routes=routes, lifespan=lifespan)


@functools.cache
def _request_type(op: Operation) -> Any:
    """The class an operation's `request` parameter is annotated with (None when unknown or not a class)."""
    try:
        hints = typing.get_type_hints(op.fn)
    except Exception:  # an annotation that does not resolve: no check, the operation checks its input itself
        return None
    names = list(inspect.signature(op.fn).parameters)
    hint = hints.get(names[1]) if len(names) > 1 else None
    return hint if isinstance(hint, type) else None


def request_fits(op: Operation, payload: Any) -> bool:
    """A request of the operation's own type (a window could not send anything else): else malformed. Exactly
    that type: requests build on each other (a RemovePhoto is an OrderChange with a photo), and one made for
    another operation is refused all the same."""
    expected = _request_type(op)
    return expected is None or expected is Any or type(payload) is expected


def _manager_only() -> PermissionDenied:
    return PermissionDenied("Only a manager may do this.", "فقط مدیر می‌تواند این کار را انجام دهد.")


def _atomic(session: Session, op: Operation, request: Any) -> Any:
    with db.transaction(session.conn):
        return op.fn(session, request)


_qt_app: Any = None


def load_report_operations() -> None:
    """The report operations (reports.preview, reports.sign_and_store: Qt's painter and PDF writer) run on the
    host too, so a doctor signs on a workstation: the report is rendered where the vault is and only its bytes
    travel. Painting text needs a QGuiApplication (fonts); a host has no screen, so it is the offscreen one,
    made once here in the main thread (the operations paint on QImage / QPdfWriter in their own threads)."""
    global _qt_app
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _qt_app = QGuiApplication([sys.argv[0] if sys.argv else "maya-desktop"])
    importlib.import_module("maya_desktop.reports.operations")


def serve(
    data_dir: str | Path | None,
    listen: str = "0.0.0.0:8443",
    *,
    unseal: tuple[str, str, str | None] | None = None,
    request_timeout: float = 15.0,
) -> None:
    """Run the host until stopped (Ctrl+C, SIGTERM). Prints the host certificate's fingerprint."""
    import uvicorn

    from maya_desktop.network.uvicorn_peer import PeerCertProtocol
    from maya_hq.server import HANDSHAKE_TIMEOUT_ENV, TIMEOUT_ENV

    folder = DataDir.at(data_dir)
    if not folder.is_initialized():
        raise VaultError(
            f"No clinic data in {folder.root} (set up the clinic on this PC first).",
            f"در پوشهٔ {folder.root} اطلاعات کلینیکی نیست؛ ابتدا کلینیک را روی این رایانه راه‌اندازی کنید.",
        )
    load_report_operations()
    host = Host(folder, body_seconds=2 * request_timeout)
    address, _, port_text = listen.rpartition(":")
    host.pki.ensure((address,) if address not in ("", "0.0.0.0", "::") else ())  # noqa: S104  # nosec B104
    if unseal is not None:
        host.unseal_at_console(*unseal)
    os.environ[TIMEOUT_ENV] = str(request_timeout)
    os.environ.setdefault(HANDSHAKE_TIMEOUT_ENV, "10")
    import ssl

    config = uvicorn.Config(
        host.app(),
        host=address.strip("[]") or "0.0.0.0",  # noqa: S104  # nosec B104  (the clinic's LAN)
        port=int(port_text),
        http=PeerCertProtocol,
        loop="maya_hq.server:HandshakeDeadlineLoop",
        ssl_certfile=str(host.pki.host_cert),
        ssl_keyfile=str(host.pki.host_key),
        ssl_ca_certs=str(host.pki.ca_cert),
        ssl_cert_reqs=ssl.CERT_OPTIONAL,  # pairing comes without a certificate; everything else needs one
        timeout_keep_alive=30,
        proxy_headers=False,
        server_header=False,
        date_header=False,
        log_level="warning",
        access_log=False,
        h11_max_incomplete_event_size=64 * 1024,
    )
    log(f"vault host on {listen}, sealed; host certificate {host.pki.host_fingerprint()}")
    uvicorn.Server(config).run()
