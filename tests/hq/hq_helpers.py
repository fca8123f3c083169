"""Helpers for the maya-hq tests: databases (SQLite file, or a throw-away PostgreSQL schema), events in the
contract's shape, and a real ``maya-hq serve`` process over TLS (certificates by trustme)."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from maya_desktop.core.sync import contract
from tests.sync.sync_helpers import HqPki as Pki

PG_ADMIN_URL = os.environ.get("MAYA_HQ_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
REPO = Path(__file__).resolve().parents[2]
WORKSTATION = contract.new_workstation_id()


def postgres_unreachable_reason() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return None
    except Exception as exc:
        return f"PostgreSQL at {PG_ADMIN_URL} unreachable ({type(exc).__name__}); the PostgreSQL variant is skipped"


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A uniquely named schema in database ``test``; yields a SQLAlchemy URL that uses only it; dropped after."""
    import psycopg

    name = "mhq_test_" + secrets.token_hex(6)
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        base = PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1)
        yield f"{base}?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


def order_event(
    clinic_id: str,
    status: str,
    day: dt.date,
    *,
    order_ref: str | None = None,
    service: str = "rhinoplasty_analysis",
    type: str = contract.EVENT_TYPE_STATE_CHANGED,
) -> dict:
    return contract.make_event(
        order_ref=order_ref or contract.new_order_ref(),
        clinic_id=clinic_id,
        workstation_id=WORKSTATION,
        service=service,
        status=status,
        day=day,
        price_rial=12_000_000 if status != "draft" else None,
        turnaround_days=3,
        type=type,
    )


def anchor_event(clinic_id: str, seq: int, day: dt.date) -> dict:
    return contract.make_anchor_event(
        clinic_id=clinic_id, workstation_id=WORKSTATION, day=day, audit_seq=seq, audit_head=secrets.token_hex(32)
    )


def lifecycle(clinic_id: str, start: dt.date, statuses: list[tuple[str, int]], **kwargs) -> list[dict]:
    """Events for one order: ``[(status, day offset), ...]``; hold events as ("hold_placed", n)/("hold_lifted", n)."""
    ref = contract.new_order_ref()
    out, current = [], "draft"
    for status, offset in statuses:
        day = start + dt.timedelta(days=offset)
        if status in ("hold_placed", "hold_lifted"):
            out.append(order_event(clinic_id, current, day, order_ref=ref, type=f"order.{status}", **kwargs))
        else:
            current = status
            out.append(order_event(clinic_id, status, day, order_ref=ref, **kwargs))
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def hq_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "maya_hq", *args]


@dataclass
class HqProcess:
    process: subprocess.Popen
    url: str
    pki: Pki
    database_url: str

    def ssl_context(self) -> ssl.SSLContext:
        return ssl.create_default_context(cafile=self.pki.ca_file)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def start_hq(database_url: str, pki: Pki, *extra: str, port: int | None = None) -> HqProcess:
    port = port or free_port()
    process = subprocess.Popen(
        hq_command(
            "serve",
            "--port",
            str(port),
            "--database-url",
            database_url,
            "--tls-cert",
            pki.cert,
            "--tls-key",
            pki.key,
            *extra,
        ),
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    hq = HqProcess(process, f"https://127.0.0.1:{port}", pki, database_url)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("maya-hq exited: " + process.stderr.read().decode(errors="replace")[-2000:])
        try:
            with urllib.request.urlopen(hq.url + "/healthz", context=hq.ssl_context(), timeout=2) as resp:
                if resp.status == 200:
                    return hq
        except OSError:
            time.sleep(0.2)
    hq.stop()
    raise RuntimeError("maya-hq did not start in 60 s")


@dataclass
class Seeded:
    alpha_token: str
    beta_token: str
    overdue_refs: set[str]
    held_ref: str


def seed_clinics(engine) -> Seeded:  # type: ignore[no-untyped-def]
    """Three clinics as of 2026-11-30: alpha (retention 7) with every kind of order and an anchor that went
    backwards; beta (retention 3) clean; gamma enrolled but never synced."""
    from maya_hq import admin, ingest

    _, alpha = admin.add_clinic(engine, "Alpha Tehran", clinic_id="cl_alpha", retention_days=7)
    _, beta = admin.add_clinic(engine, "Beta Shiraz", clinic_id="cl_beta", retention_days=3)
    admin.add_clinic(engine, "Gamma Tabriz", clinic_id="cl_gamma")
    nov = dt.date(2026, 11, 1)
    full = [("photos_imported", 0), ("analyzed", 0), ("quoted", 1), ("paid", 2), ("consented", 2), ("in_review", 3)]
    in_time = lifecycle("cl_alpha", nov, [*full, ("delivered", 4), ("destroyed", 7)])
    late = lifecycle("cl_alpha", nov, [*full, ("delivered", 9), ("destroyed", 24)], service="confidential_document")
    overdue = lifecycle("cl_alpha", nov, [*full, ("delivered", 11)])
    held = lifecycle("cl_alpha", nov, [*full, ("delivered", 11), ("hold_placed", 12)])
    lifted = lifecycle("cl_alpha", nov, [*full, ("delivered", 11), ("hold_placed", 12), ("hold_lifted", 19)])
    fresh = lifecycle("cl_alpha", dt.date(2026, 11, 20), [*full, ("delivered", 8)])
    quote_only = lifecycle("cl_alpha", dt.date(2026, 11, 25), [("photos_imported", 0), ("quoted", 1)])
    anchors = [anchor_event("cl_alpha", seq, dt.date(2026, 11, d)) for seq, d in ((10, 20), (20, 21), (15, 22))]
    alpha_events = [*in_time, *late, *overdue, *held, *lifted, *fresh, *quote_only, *anchors]
    beta_events = [
        *lifecycle("cl_beta", dt.date(2026, 11, 10), [*full, ("delivered", 5), ("destroyed", 6)]),
        *lifecycle("cl_beta", dt.date(2026, 11, 16), [*full, ("delivered", 5), ("destroyed", 8)]),
        anchor_event("cl_beta", 5, dt.date(2026, 11, 20)),
        anchor_event("cl_beta", 6, dt.date(2026, 11, 22)),
    ]
    for clinic_id, batch in (("cl_alpha", alpha_events), ("cl_beta", beta_events)):
        answer = ingest.store_batch(engine, clinic_id, batch)
        assert len(answer["accepted"]) == len(batch), answer["rejected"]
    return Seeded(alpha, beta, {overdue[0]["order_ref"], lifted[0]["order_ref"]}, held[0]["order_ref"])


def point_desktop_at(session, hq: HqProcess, token: str, clinic_id: str) -> None:  # type: ignore[no-untyped-def]
    """Save HQ's address, the clinic's token, HQ's CA and the clinic id in a desktop clinic's settings."""
    from maya_desktop.core.db import transaction
    from maya_desktop.core.sync import settings as sync_settings

    with transaction(session.conn):
        sync_settings.set_endpoint(session.conn, hq.url)
        sync_settings.set_token(session.conn, token)
        sync_settings.set_ca_file(session.conn, hq.pki.ca_file)
        sync_settings.set_clinic_id(session.conn, clinic_id)
