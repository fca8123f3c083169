"""The background sender: due notices out through their channel, on its own DB connection.

Like the sync loop (core/sync/runner.py) it follows the vault's current key, ends when the vault is
locked or closed, and survives offline periods (back-off per notice, and a channel that failed this
round is not tried again until the next one). Each notice is claimed ('sending', committed) before
anything leaves, and marked 'sent' with its audit entry (kind and channel, never the text) after.
A sender killed in between leaves 'sending' rows; the next sender's start makes them due again and
they go out with the same Message-ID / provider local id.

Nothing personal reaches a log, a status or an error text: counts, kinds and fixed messages only.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from maya_desktop.core import db
from maya_desktop.core.errors import VaultError
from maya_desktop.core.loop_connection import BackgroundLoop, seconds_until
from maya_desktop.core.notices import config, outbox
from maya_desktop.core.notices.channels import ChannelError, Outgoing, local_id_for, send_email, sms_provider
from maya_desktop.core.notices.outbox import NoticeRow
from maya_desktop.core.notices.templates import render

DEFAULT_BATCH = 20


@dataclass
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    cancelled: int = 0
    reclaimed: int = 0
    errors_en: list[str] = field(default_factory=list)
    errors_fa: list[str] = field(default_factory=list)

    def note(self, en: str, fa: str) -> None:
        if en not in self.errors_en:
            self.errors_en.append(en)
            self.errors_fa.append(fa)


def clinic_name(conn: Any) -> str:
    row = conn.execute("SELECT name FROM clinic WHERE singleton = 1").fetchone()
    return str(row[0]) if row else ""


def _outgoing(conn: Any, notice: NoticeRow, clinic: str) -> Outgoing | None:
    row = conn.execute(
        "SELECT mobile, email, preferred_language FROM clients WHERE id = ?", (notice.client_id,)
    ).fetchone()
    if row is None:
        return None
    address = row[0] if notice.channel == "sms" else row[1]
    if not address:
        return None
    lang: Literal["fa", "en"] = "en" if row[2] == "en" else "fa"
    rendered = render(conn, notice.kind, notice.facts, lang, clinic)
    return Outgoing(notice.uid, address, rendered, clinic, notice.kind == "marketing", notice.facts.get("opt_out_code"))


class Sender:
    """Sends due notices from one connection. Channel clients are made per round from the settings."""

    def __init__(self, conn: Any, *, timeout: float = 20.0) -> None:
        self.conn = conn
        self.timeout = timeout

    def _deliver(self, notice: NoticeRow, item: Outgoing) -> str:
        if notice.channel == "email":
            cfg = config.email_config(self.conn)
            if cfg is None:
                raise LookupError("email off")
            return send_email(cfg, item, timeout=self.timeout)
        sms_cfg = config.sms_config(self.conn)
        if sms_cfg is None:
            raise LookupError("sms off")
        provider = sms_provider(sms_cfg, timeout=self.timeout)
        try:
            return provider.send(item.address, item.rendered.sms, local_id_for(notice.uid))
        finally:
            provider.close()

    def send_due(
        self, *, now: dt.datetime | None = None, limit: int = DEFAULT_BATCH, stop: threading.Event | None = None
    ) -> SendReport:
        report = SendReport()
        clinic = clinic_name(self.conn)
        down: set[str] = set()  # channels that failed this round: the rest of their queue waits
        for notice in outbox.due(self.conn, limit, now):
            if stop is not None and stop.is_set():
                break
            if notice.channel in down:
                continue
            if notice.kind == "marketing" and not outbox.has_opt_in(self.conn, notice.client_id):
                outbox.mark_cancelled(self.conn, notice.id, "opted out")  # opted out after it was queued
                report.cancelled += 1
                continue
            if notice.channel not in config.enabled_channels(self.conn):
                outbox.mark_cancelled(self.conn, notice.id, "channel turned off")
                report.cancelled += 1
                continue
            item = _outgoing(self.conn, notice, clinic)
            if item is None:
                outbox.mark_cancelled(self.conn, notice.id, "no address")
                report.cancelled += 1
                continue
            if not outbox.mark_sending(self.conn, notice.id):
                continue
            try:
                ref = self._deliver(notice, item)
            except ChannelError as exc:
                state = outbox.mark_retry(self.conn, notice.id, exc.message_en, now, permanent=exc.permanent)
                report.note(exc.message_en, exc.message_fa)
                if state == "failed":
                    report.failed += 1
                else:
                    report.retrying += 1
                if not exc.permanent:
                    down.add(notice.channel)
                continue
            except Exception as exc:  # a bug must not stop the queue; the type name carries nothing personal
                outbox.mark_retry(self.conn, notice.id, f"send failed ({type(exc).__name__})", now)
                report.note(f"A notice could not be sent ({type(exc).__name__}).", "ارسال یک اعلان ممکن نشد.")
                report.retrying += 1
                continue
            outbox.mark_sent(self.conn, notice.id, ref[:200], now)
            report.sent += 1
        return report


def open_notice_connection(db_path: Path, key: bytes) -> db.Connection:
    """The sender's own SQLCipher connection (autocommit + explicit transactions, like the app's)."""
    return db.connect(Path(db_path), key, verify="quick")


def send_once(db_path: Path, key: bytes, *, now: dt.datetime | None = None, timeout: float = 20.0) -> SendReport:
    """CLI `notices send --once`: reclaim interrupted notices, send what is due, close."""
    conn = open_notice_connection(db_path, key)
    try:
        reclaimed = outbox.reclaim_interrupted(conn)
        report = Sender(conn, timeout=timeout).send_due(now=now, limit=10_000)
        report.reclaimed = reclaimed
        return report
    finally:
        conn.close()


class NoticeLoop(BackgroundLoop[SendReport]):
    """send_due in a loop on its own connection, following key rotations; ends when the vault locks."""

    def __init__(
        self,
        db_path: Path,
        key_source: Callable[[], bytes],
        *,
        interval: float = 30.0,
        timeout: float = 20.0,
        on_report: Callable[[SendReport], None] | None = None,
    ) -> None:
        super().__init__(db_path, key_source, open_notice_connection, interval=interval)
        self.timeout = timeout
        self.on_report = on_report

    def round(self) -> SendReport | None:
        key = self.key_source()
        if not key:
            return None
        try:
            conn, state = self._link.open(key)
            reclaimed = outbox.reclaim_interrupted(conn) if state != "same" else 0
            report = Sender(conn, timeout=self.timeout).send_due(stop=self.stop)
            report.reclaimed = reclaimed
            return report
        except (db.DatabaseError, VaultError) as exc:
            self._close()
            report = SendReport()
            report.note(f"The local database could not be read ({type(exc).__name__}).", "پایگاه داده خوانده نشد.")
            return report

    def _wait_seconds(self) -> float:
        if self._conn is None:
            return 2.0
        try:
            due = outbox.next_due(self._conn)
        except db.DatabaseError:
            return 2.0
        return seconds_until(due, self.interval)

    def _report(self, result: SendReport) -> None:
        if self.on_report is not None:
            self.on_report(result)
