"""Running the push loop against the workstation's own encrypted database (GUI thread or CLI).

``client.run_forever`` keeps one connection for its whole life. The desktop app needs a little more:
the DB key can change while the loop runs (a manager removes a staff member and the key rotates,
DESIGN §4), and the loop must end as soon as the vault is locked or closed. :class:`SyncLoop` asks a
key source for the current key before every round, reopens its own connection when the key changed
or the database refused the old one, and reports a PII-free :class:`SyncStatus` after every round.

Qt-free on purpose: the GUI wraps it in a QThread (``gui.sync_status``), the CLI calls it directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import requests

from maya_desktop.core import db
from maya_desktop.core.errors import VaultError
from maya_desktop.core.loop_connection import BackgroundLoop
from maya_desktop.core.sync import outbox
from maya_desktop.core.sync.client import (
    DEFAULT_BATCH,
    DEFAULT_TIMEOUT,
    PinMismatchError,
    PushReport,
    SyncClient,
    _caused_by,
    _seconds_to_wait,
    push_once,
    request_headers,
)
from maya_desktop.core.sync.settings import load_config, normalize_pin, validate_endpoint, validate_token

RECONNECT_DELAY_S = 2.0


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar / command shows after a round. Counts and times only."""

    configured: bool
    pending: int
    rejected: int
    sent_total: int
    last_success_at: str | None  # UTC text (outbox.utc_text)
    last_attempt_at: str | None
    error_en: str | None
    error_fa: str | None
    report: PushReport | None = None


def open_sync_connection(db_path: Path, key: bytes) -> db.Connection:
    """A separate SQLCipher connection for the sync loop (never share the GUI's across threads).

    The app's connections run in autocommit mode with explicit transactions; push_once instead
    commits once per batch, so this one opens implicit (deferred) transactions on writes.
    """
    conn = db.connect(Path(db_path), key, verify="quick")
    conn.isolation_level = "DEFERRED"
    outbox.ensure_outbox(conn)
    conn.commit()
    return conn


def read_status(conn: Any, report: PushReport | None = None) -> SyncStatus:
    """Outbox counts and the last round's outcome, from any connection."""
    stats = outbox.stats(conn)
    configured = report.configured if report is not None else load_config(conn) is not None
    error_en = report.error if report is not None else stats.last_error
    error_fa = report.error_fa if report is not None else None
    if stats.last_error and report is None:
        error_fa = "آخرین تلاش همگام‌سازی ناموفق بود؛ دوباره تلاش می‌شود."
    if not configured:
        error_en = "Sync is not configured (address and token)."
        error_fa = "همگام‌سازی پیکربندی نشده است (نشانی و توکن)."
    return SyncStatus(
        configured=configured,
        pending=stats.pending,
        rejected=stats.rejected,
        sent_total=stats.sent,
        last_success_at=stats.last_success_at,
        last_attempt_at=stats.last_attempt_at,
        error_en=error_en,
        error_fa=error_fa,
        report=report,
    )


class SyncLoop(BackgroundLoop[SyncStatus]):
    """push_once in a loop on its own connection, following DB key rotations.

    ``key_source()`` returns the current DB key; an empty key means the vault was locked or closed,
    and the loop ends. ``wake`` cuts a wait short (an order changed); ``stop`` ends the loop within
    about a quarter of a second, or after the request in flight.
    """

    def __init__(
        self,
        db_path: Path,
        key_source: Callable[[], bytes],
        *,
        interval: float = 60.0,
        batch_size: int = DEFAULT_BATCH,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        on_status: Callable[[SyncStatus], None] | None = None,
    ) -> None:
        super().__init__(db_path, key_source, open_sync_connection, interval=interval)
        self.batch_size = batch_size
        self.timeout = timeout
        self.on_status = on_status
        self._client: SyncClient | None = None
        self._client_config: Any = None
        self.reconnects = 0

    # -- connection -------------------------------------------------------------------------
    def _ensure_connection(self, key: bytes) -> Any:
        conn, state = self._link.open(key)
        if state == "rotated":  # the old connection could no longer read new pages
            self.reconnects += 1
        return conn

    def _client_for(self, conn: Any) -> SyncClient | None:
        """Reuse one HTTPS client (warm TLS connection) until the settings change."""
        config = load_config(conn)
        if config is None:
            self._drop_client()
            return None
        if self._client is None or config != self._client_config:
            self._drop_client()
            self._client = SyncClient.from_config(config, timeout=self.timeout)
            self._client_config = config
        return self._client

    def _drop_client(self) -> None:
        if self._client is not None:
            self._client.close()
        self._client, self._client_config = None, None

    # -- rounds -----------------------------------------------------------------------------
    def round(self, now: dt.datetime | None = None) -> SyncStatus | None:
        """One push round. Returns None when the vault is locked/closed (the loop should end)."""
        key = self.key_source()
        if not key:
            return None
        try:
            conn = self._ensure_connection(key)
            client = self._client_for(conn)
            report = push_once(conn, now=now, client=client, batch_size=self.batch_size, stop=self.stop)
            return read_status(conn, report)
        except (db.DatabaseError, VaultError) as exc:
            # Most likely the key rotated under us: reopen with the current key next round.
            self._close()
            self.reconnects += 1
            report = PushReport()
            report.fail(
                f"The local database could not be read for sync ({type(exc).__name__}); retrying.",
                "پایگاه دادهٔ محلی برای همگام‌سازی خوانده نشد؛ دوباره تلاش می‌شود.",
            )
            return _status_without_db(report)
        except Exception as exc:  # keep the loop alive; the type name carries no personal data
            if self._conn is not None:
                self._conn.rollback()
            report = PushReport()
            report.fail(f"Sync round failed ({type(exc).__name__}).", "دور همگام‌سازی ناموفق بود.")
            return _status_without_db(report)

    def _report(self, result: SyncStatus) -> None:
        if self.on_status is not None:
            self.on_status(result)

    def _wait_seconds(self) -> float:
        return _seconds_to_wait(self._conn, self.interval) if self._conn is not None else RECONNECT_DELAY_S

    def _release(self) -> None:
        self._drop_client()
        self._close()


def _status_without_db(report: PushReport) -> SyncStatus:
    return SyncStatus(
        configured=True,
        pending=-1,  # unknown this round
        rejected=-1,
        sent_total=-1,
        last_success_at=None,
        last_attempt_at=None,
        error_en=report.error,
        error_fa=report.error_fa,
        report=report,
    )


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message_en: str
    message_fa: str


def check_connection(
    endpoint: str,
    token: str,
    pin_sha256: str | None = None,
    ca_file: str | None = None,
    *,
    timeout: tuple[float, float] = (5.0, 10.0),
) -> ConnectionCheck:
    """ "Test connection" for the settings dialog: one POST of an EMPTY batch with these settings.

    Nothing from the outbox is sent. TLS verification and the pin are checked exactly as for a real
    push; a server that then answers 400 (empty batch) has accepted the token, which is all we need.
    Raises ValidationError for values that could not even be saved (e.g. http://).
    """
    url = validate_endpoint(endpoint)
    token = validate_token(token)
    pin = normalize_pin(pin_sha256) if pin_sha256 and pin_sha256.strip() else None
    client = SyncClient(url, token, pin_sha256=pin, ca_file=ca_file or None, timeout=timeout)
    headers = request_headers(token)
    try:
        with client.session.post(
            client.url, data=b'{"events":[]}', headers=headers, timeout=timeout, allow_redirects=False
        ) as resp:
            status = resp.status_code
    except requests.exceptions.SSLError as exc:
        if _caused_by(exc, PinMismatchError):
            return ConnectionCheck(
                False,
                "The server's certificate does not match the pin.",
                "گواهی سرور با پین واردشده نمی‌خواند.",
            )
        return ConnectionCheck(
            False, "The server's certificate could not be verified.", "گواهی سرور تأیید نشد (اتصال امن برقرار نشد)."
        )
    except requests.exceptions.Timeout:
        return ConnectionCheck(False, "The server did not answer in time.", "سرور به‌موقع پاسخ نداد.")
    except (requests.exceptions.RequestException, OSError) as exc:
        return ConnectionCheck(
            False,
            f"The server could not be reached ({type(exc).__name__}).",
            "سرور در دسترس نیست؛ نشانی و اتصال شبکه را بررسی کنید.",
        )
    finally:
        client.close()
    if status in (200, 400, 422):
        return ConnectionCheck(
            True,
            "Connected: certificate verified and token accepted.",
            "اتصال برقرار است: گواهی تأیید شد و توکن پذیرفته شد.",
        )
    if status in (401, 403):
        return ConnectionCheck(False, f"The server refused the token (HTTP {status}).", "سرور توکن را نپذیرفت.")
    if status == 404:
        return ConnectionCheck(
            False, "No sync service at this address (HTTP 404).", "در این نشانی سرویس همگام‌سازی نیست."
        )
    if 300 <= status < 400:
        return ConnectionCheck(
            False,
            f"The server redirects (HTTP {status}); redirects are not followed.",
            "سرور به نشانی دیگری ارجاع می‌دهد؛ نشانی نهایی را وارد کنید.",
        )
    return ConnectionCheck(False, f"The server answered HTTP {status}.", f"سرور با کد HTTP {status} پاسخ داد.")
