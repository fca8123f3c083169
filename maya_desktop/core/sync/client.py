"""HTTPS client that pushes the outbox to HQ (protocol: see the package docstring).

Transport rules (P8): certificate verification is always on — there is no parameter, setting or
environment variable that turns it off (``verify=False`` passed to the session is overridden,
``trust_env`` is off so no proxy/.netrc/CA variables apply, http:// is refused by an adapter).
Trust = the system store + certifi + an optional extra CA file. An optional SPKI SHA-256 pin is
checked on every new TLS connection right after the handshake and *before* any HTTP byte is
written, so a mismatching server receives nothing at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import http.cookiejar
import json
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import certifi
import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool
from urllib3.util.ssl_ import create_urllib3_context

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.loop_connection import seconds_until, wait_or_wake
from maya_desktop.core.messages import texts
from maya_desktop.core.sync import hq_anchor, outbox
from maya_desktop.core.sync.contract import MAX_BATCH_EVENTS, canonical_json, is_valid_response
from maya_desktop.core.sync.settings import SyncConfig, load_config, normalize_pin, spki_sha256, validate_endpoint

DEFAULT_TIMEOUT = (5.0, 30.0)  # (connect, read) seconds
DEFAULT_BATCH = 200
MAX_RESPONSE_BYTES = 1 << 20
USER_AGENT = "maya-desktop-sync/1"
# Statuses that blame the batch's content: halve the batch; a lone event with one of them is rejected.
EVENT_REFUSALS = frozenset({400, 409, 413, 422})


class PinMismatchError(ssl.SSLError):
    """The server's public key is not the pinned one (raised before anything is sent)."""


class SyncTransportError(Exception):
    """The batch may or may not have arrived; retry later. Messages are PII-free (core/messages.py)."""

    def __init__(self, code: str, **args: Any) -> None:
        message_en, message_fa = texts(code, **args)
        super().__init__(message_en)
        self.message_en, self.message_fa = message_en, message_fa
        self.code, self.args_of_message = code, args


@dataclass
class BatchResult:
    status: int
    accepted: list[str]
    duplicates: list[str]
    rejected: list[tuple[str, str]]


def make_ssl_context(ca_file: str | None = None) -> ssl.SSLContext:
    """Verifying client context: system store + certifi (+ ``ca_file``), TLS >= 1.2, host names checked."""
    ctx = create_urllib3_context(cert_reqs=ssl.CERT_REQUIRED)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_default_certs()
    ctx.load_verify_locations(cafile=certifi.where())
    if ca_file:
        ctx.load_verify_locations(cafile=ca_file)
    ctx.check_hostname = True
    return ctx


class _VerifiedHTTPSConnection(HTTPSConnection):
    spki_pins: frozenset[str] = frozenset()

    def connect(self) -> None:
        super().connect()
        sock = self.sock
        if not self.is_verified or sock is None:  # defence in depth: never talk unverified
            self.close()
            raise ssl.SSLError("TLS connection is not verified")
        if self.spki_pins:
            der = sock.getpeercert(binary_form=True)  # type: ignore[union-attr]
            if not der or spki_sha256(der) not in self.spki_pins:
                self.close()
                raise PinMismatchError("server public key does not match the pin")


class VerifiedAdapter(HTTPAdapter):
    """requests adapter that only speaks verified (and optionally pinned) HTTPS."""

    def __init__(self, ssl_context: ssl.SSLContext, pins: frozenset[str] = frozenset()) -> None:
        conn_cls = type("PinnedHTTPSConnection", (_VerifiedHTTPSConnection,), {"spki_pins": pins})
        self._pool_cls = type("PinnedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": conn_cls})
        self._ctx = ssl_context
        super().__init__(max_retries=0)

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False, **pool_kwargs: Any) -> None:
        super().init_poolmanager(connections, maxsize, block, **pool_kwargs)
        self.poolmanager.pool_classes_by_scheme = {"https": self._pool_cls}

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: Any, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        host_params, _ignored = super().build_connection_pool_key_attributes(request, True, None)
        if host_params["scheme"] != "https":
            raise requests.exceptions.InvalidSchema("only https:// is allowed for sync")
        return host_params, {"ssl_context": self._ctx, "cert_reqs": "CERT_REQUIRED"}

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        conn.cert_reqs, conn.ca_certs, conn.ca_cert_dir = "CERT_REQUIRED", None, None

    def send(
        self,
        request: requests.PreparedRequest,
        stream: bool = False,
        timeout: Any = None,
        verify: Any = True,
        cert: Any = None,
        proxies: Any = None,
    ) -> requests.Response:
        return super().send(request, stream=stream, timeout=timeout, verify=True, cert=None, proxies=None)


class _RefuseAdapter(HTTPAdapter):
    def send(self, request: requests.PreparedRequest, *args: Any, **kwargs: Any) -> requests.Response:
        raise requests.exceptions.InvalidSchema("plain http:// is refused for sync")


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    stack: list[Any] = [exc]
    seen: set[int] = set()
    while stack:
        item = stack.pop()
        if not isinstance(item, BaseException) or id(item) in seen:
            continue
        seen.add(id(item))
        if isinstance(item, kind):
            return True
        stack.extend([item.__cause__, item.__context__, getattr(item, "reason", None), *item.args])
    return False


class SyncClient:
    """One HTTPS channel to HQ. Reuse it across rounds (keeps the TLS connection warm).

    A ``session`` passed in is hardened in place: our verifying adapter replaces whatever was
    mounted for https://, http:// is refused, environment settings and cookies are ignored.
    """

    def __init__(
        self,
        endpoint: str,
        token: str,
        *,
        pin_sha256: str | None = None,
        ca_file: str | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        session: requests.Session | None = None,
    ) -> None:
        base = validate_endpoint(endpoint)
        self.url = base + "/v1/events"
        self.anchor_url = base + "/v1/anchor"
        self._token = token
        self.timeout = timeout
        pins = frozenset({normalize_pin(pin_sha256)}) if pin_sha256 else frozenset()
        self.session = session or requests.Session()
        self.session.trust_env = False
        self.session.cookies.set_policy(http.cookiejar.DefaultCookiePolicy(allowed_domains=[]))
        self.session.mount("https://", VerifiedAdapter(make_ssl_context(ca_file), pins))
        self.session.mount("http://", _RefuseAdapter())

    @classmethod
    def from_config(cls, config: SyncConfig, **kwargs: Any) -> SyncClient:
        return cls(config.endpoint, config.token, pin_sha256=config.pin_sha256, ca_file=config.ca_file, **kwargs)

    def __repr__(self) -> str:  # never show the token
        return f"SyncClient(url={self.url!r})"

    def close(self) -> None:
        self.session.close()

    def _post(self, events: list[dict[str, Any]]) -> BatchResult:
        """POST events that the caller has validated one by one (push_once: decode_payload)."""
        if not 1 <= len(events) <= MAX_BATCH_EVENTS:
            raise ValueError("a batch holds 1..500 events")
        body = {"events": events}
        headers = request_headers(self._token)
        try:
            with self.session.post(
                self.url,
                data=canonical_json(body).encode("ascii"),
                headers=headers,
                timeout=self.timeout,
                allow_redirects=False,
                stream=True,
            ) as resp:
                raw = resp.raw.read(MAX_RESPONSE_BYTES + 1, decode_content=True)
                status = resp.status_code
        except requests.exceptions.SSLError as exc:
            if _caused_by(exc, PinMismatchError):
                raise SyncTransportError("sync.pin_mismatch") from None
            raise SyncTransportError("sync.certificate_unverified") from None
        except requests.exceptions.Timeout:
            raise SyncTransportError("sync.timeout") from None
        except (requests.exceptions.RequestException, OSError) as exc:
            raise SyncTransportError("sync.unreachable", kind=type(exc).__name__) from None
        if status != 200:
            return BatchResult(status, [], [], [])
        return _parse_ok(raw)

    def fetch_anchor(self) -> tuple[int, str] | None:
        """HQ's furthest audit anchor for this clinic (sequence, keyed tag), or None when HQ holds none or
        answers anything but a well-formed anchor. Raises SyncTransportError when HQ cannot be reached."""
        headers = {"Authorization": f"Bearer {self._token}", "Accept": "application/json", "User-Agent": USER_AGENT}
        try:
            with self.session.get(
                self.anchor_url, headers=headers, timeout=self.timeout, allow_redirects=False, stream=True
            ) as resp:
                raw = resp.raw.read(MAX_RESPONSE_BYTES + 1, decode_content=True)
                status = resp.status_code
        except (requests.exceptions.RequestException, OSError):
            raise SyncTransportError("sync.anchor_unreachable") from None
        return _parse_anchor(raw) if status == 200 else None


def _parse_anchor(raw: bytes) -> tuple[int, str] | None:
    try:
        data = json.loads(raw) if len(raw) <= MAX_RESPONSE_BYTES else None
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    seq, head = data.get("audit_seq"), data.get("audit_head")
    if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= 2**53:
        return None
    if not isinstance(head, str) or len(head) != 64 or any(c not in "0123456789abcdef" for c in head):
        return None
    return seq, head


def _parse_ok(raw: bytes) -> BatchResult:
    try:
        data = json.loads(raw) if len(raw) <= MAX_RESPONSE_BYTES else None
    except ValueError:
        data = None
    if data is None or not is_valid_response(data):
        raise SyncTransportError("sync.unreadable_answer")
    rejected = [(str(r["event_id"]), outbox.clean_error(r["reason"])) for r in data["rejected"] if r["event_id"]]
    return BatchResult(200, list(data["accepted"]), list(data["duplicates"]), rejected)


@dataclass
class PushReport:
    """Outcome of one push round (counts only; messages are PII- and token-free)."""

    configured: bool = True
    sent: int = 0
    duplicates: int = 0
    rejected: int = 0
    retry_later: int = 0
    requests: int = 0
    pending_left: int = 0
    next_attempt_at: str | None = None  # UTC text; set when this round ended in a retryable failure
    error: str | None = None
    error_fa: str | None = None
    rollback: str | None = None  # HQ's audit anchor is not in the local log (core.sync.hq_anchor), English

    def fail(self, en: str, fa: str) -> None:
        self.error, self.error_fa = en, fa


def _status_text(status: int) -> tuple[str, str]:
    if status in (401, 403):
        return (
            f"The sync server refused the clinic token (HTTP {status}).",
            f"سرور همگام‌سازی توکن درمانگاه را نپذیرفت (HTTP {status}).",
        )
    return (
        f"The sync server answered HTTP {status}; will retry.",
        f"سرور همگام‌سازی با HTTP {status} پاسخ داد؛ دوباره تلاش می‌شود.",
    )


def _push_events(
    conn: Any, client: SyncClient, events: list[dict[str, Any]], now: dt.datetime, report: PushReport
) -> bool:
    """Send one batch and record the outcome in the outbox. Returns True to stop this round."""
    ids = [e["event_id"] for e in events]
    report.requests += 1
    try:
        result = client._post(events)  # every event was validated by _decode_or_reject just now
    except SyncTransportError as exc:
        report.next_attempt_at = outbox.schedule_retry(conn, ids, now, exc.message_en)
        report.retry_later += len(ids)
        report.fail(exc.message_en, exc.message_fa)
        return True
    if result.status == 200:
        return _apply_ok(conn, ids, result, now, report)
    if result.status in EVENT_REFUSALS and len(events) > 1:
        half = len(events) // 2  # find the one bad event by halving; the others still go
        return _push_events(conn, client, events[:half], now, report) or _push_events(
            conn, client, events[half:], now, report
        )
    if result.status in EVENT_REFUSALS:
        outbox.mark_rejected(conn, ids[0], f"server refused this event (HTTP {result.status})")
        report.rejected += 1
        return False
    en, fa = _status_text(result.status)
    report.next_attempt_at = outbox.schedule_retry(conn, ids, now, en)
    report.retry_later += len(ids)
    report.fail(en, fa)
    return True


def _apply_ok(conn: Any, ids: list[str], result: BatchResult, now: dt.datetime, report: PushReport) -> bool:
    wanted = set(ids)
    done = (set(result.accepted) | set(result.duplicates)) & wanted
    outbox.mark_sent(conn, sorted(done))
    report.sent += len(set(result.accepted) & wanted)
    report.duplicates += len(done - set(result.accepted))
    for event_id, reason in result.rejected:
        if event_id in wanted and event_id not in done:
            outbox.mark_rejected(conn, event_id, f"server refused this event: {reason}")
            report.rejected += 1
            done.add(event_id)
    missing = [i for i in ids if i not in done]
    if missing:  # not acknowledged at all: keep them and try again later (at-least-once)
        outbox.schedule_retry(conn, missing, now, "not acknowledged by the server")
        report.retry_later += len(missing)
    return False


def push_once(
    conn: Any,
    *,
    now: dt.datetime | None = None,
    session: requests.Session | None = None,
    client: SyncClient | None = None,
    batch_size: int = DEFAULT_BATCH,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    stop: threading.Event | None = None,
) -> PushReport:
    """Push every due outbox event in batches; commit after each batch. Never raises for network trouble."""
    report = PushReport()
    config = load_config(conn)
    if config is None:
        report.configured = False
        report.fail(*texts("sync.not_configured"))
        return report
    moment = now or dt.datetime.now(dt.UTC)
    own_client = client is None
    client = client or SyncClient.from_config(config, session=session, timeout=timeout)
    size = max(1, min(int(batch_size), MAX_BATCH_EVENTS))
    try:
        while stop is None or not stop.is_set():
            items = outbox.pending_batch(conn, size, moment)
            if not items:
                break
            events = _decode_or_reject(conn, items, report)
            stopped = bool(events) and _push_events(conn, client, events, moment, report)
            if stopped and report.next_attempt_at:
                outbox.defer_due(conn, moment, report.next_attempt_at)
            conn.commit()
            if stopped:
                break
        if report.error is None and report.requests:  # HQ was talked to (nothing to send: no connection)
            with contextlib.suppress(SyncTransportError):  # HQ unreachable now: compared at the next sync
                report.rollback = hq_anchor.compare_with_hq(conn, client.fetch_anchor)
        outbox.record_round(conn, moment, report.error)
        outbox.purge_sent(conn, moment - outbox.SENT_RETENTION)  # the queue does not grow for ever
        conn.commit()
    finally:
        if own_client and session is None:
            client.close()
    report.pending_left = outbox.stats(conn, moment).pending
    return report


def _decode_or_reject(conn: Any, items: list[outbox.OutboxItem], report: PushReport) -> list[dict[str, Any]]:
    events = []
    for item in items:
        try:
            events.append(outbox.decode_payload(item))
        except (ValidationError, ValueError):
            outbox.mark_rejected(conn, item.event_id, "refused by the local contract check; not sent")
            report.rejected += 1
    return events


def run_forever(
    conn_factory: Callable[[], Any],
    stop: threading.Event,
    *,
    interval: float = 60.0,
    wake: threading.Event | None = None,
    on_report: Callable[[PushReport], None] | None = None,
    **push_kwargs: Any,
) -> None:
    """Background loop (the GUI runs it in a QThread): push, report, sleep until due/woken/stopped.

    Opens its own connection with ``conn_factory`` (SQLite connections must stay on one thread).
    """
    conn = conn_factory()
    try:
        while not stop.is_set():
            try:
                report = push_once(conn, stop=stop, **push_kwargs)
            except Exception as exc:  # keep the thread alive; the type name carries no personal data
                conn.rollback()
                report = PushReport()
                report.fail(*texts("sync.round_failed", kind=type(exc).__name__))
            if on_report is not None:
                on_report(report)
            wait_or_wake(stop, wake, _seconds_to_wait(conn, interval))
    finally:
        conn.close()


def _seconds_to_wait(conn: Any, interval: float) -> float:
    return seconds_until(outbox.next_due(conn), interval)


def request_headers(token: str) -> dict[str, str]:
    """The headers of every request to HQ (the bearer token is the clinic's; never logged)."""
    return {
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/json",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
    }
