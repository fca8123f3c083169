"""Tables (SQLAlchemy Core) and the engine. The schema itself is made by the Alembic migrations in
``maya_hq/migrations``; ``tests/hq/test_migrations.py`` checks that these tables match them."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import platformdirs
from sqlalchemy import (
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine

DATABASE_URL_ENV = "MAYA_HQ_DATABASE_URL"
DEFAULT_RETENTION_DAYS = 7  # the desktop's default (maya_desktop/core/settings.py: retention_days_after_delivery)

# SQLite only makes an INTEGER PRIMARY KEY an auto-increment rowid; PostgreSQL gets a real bigint.
BigId = BigInteger().with_variant(Integer, "sqlite")

metadata = MetaData()

clinics = Table(
    "clinics",
    metadata,
    Column("clinic_id", String(27), primary_key=True),
    Column("name", String(120), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # SHA-256 hex of the 256-bit bearer token
    Column("retention_days", Integer, nullable=False, server_default=str(DEFAULT_RETENTION_DAYS)),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("token_rotated_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

events = Table(
    "events",
    metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),  # arrival order
    Column("event_id", String(36), nullable=False, unique=True),  # the idempotency key
    Column("clinic_id", String(27), ForeignKey("clinics.clinic_id"), nullable=False),
    Column("workstation_id", String(19), nullable=False),
    Column("type", String(32), nullable=False),
    Column("day", Date, nullable=False),
    Column("order_ref", String(28), nullable=True),
    Column("service", String(32), nullable=True),
    Column("status", String(20), nullable=True),
    Column("price_rial", BigInteger, nullable=True),
    Column("turnaround_days", Integer, nullable=True),
    Column("doctor_ref", String(28), nullable=True),
    Column("views_count", Integer, nullable=True),
    Column("audit_seq", BigInteger, nullable=True),
    Column("audit_head", String(64), nullable=True),
    Column("received_at", DateTime(timezone=True), nullable=False),
    Index("ix_events_clinic_order", "clinic_id", "order_ref"),
    Index("ix_events_clinic_type", "clinic_id", "type"),
)

workstations = Table(
    "workstations",
    metadata,
    Column("clinic_id", String(27), ForeignKey("clinics.clinic_id"), primary_key=True),
    Column("workstation_id", String(19), primary_key=True),
    Column("first_seen_at", DateTime(timezone=True), nullable=False),
    Column("last_seen_at", DateTime(timezone=True), nullable=False),
)

order_summaries = Table(  # maintained by maya_hq/summaries.py at ingest; one row per order
    "order_summaries",
    metadata,
    Column("clinic_id", String(27), ForeignKey("clinics.clinic_id"), primary_key=True),
    Column("order_ref", String(28), primary_key=True),
    Column("service", String(32), nullable=False),
    Column("first_day", Date, nullable=False),
    Column("first_status", String(20), nullable=False),
    Column("last_day", Date, nullable=False),
    Column("last_status", String(20), nullable=False),
    Column("quote_day", Date, nullable=True),
    Column("quote_price_rial", BigInteger, nullable=True),
    Column("paid_day", Date, nullable=True),
    Column("photos_day", Date, nullable=True),
    Column("delivered_day", Date, nullable=True),
    Column("destroyed_day", Date, nullable=True),
    Column("hold_placed_day", Date, nullable=True),
    Column("hold_lifted_day", Date, nullable=True),
)

workstation_tokens = Table(  # optional: a workstation enrolled with its own token (maya-hq workstation add)
    "workstation_tokens",
    metadata,
    Column("clinic_id", String(27), ForeignKey("clinics.clinic_id"), primary_key=True),
    Column("workstation_id", String(19), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(200), nullable=False),  # Argon2id, see passwords.py
    Column("created_at", DateTime(timezone=True), nullable=False),
)

sessions = Table(
    "sessions",
    metadata,
    Column("token_hash", String(64), primary_key=True),  # SHA-256 of the cookie value; the cookie itself is not stored
    Column("staff_id", Integer, ForeignKey("staff.id", ondelete="CASCADE"), nullable=False),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)


def default_database_url() -> str:
    """``$MAYA_HQ_DATABASE_URL``, else a SQLite file in the user data folder (the one-box trial)."""
    url = os.environ.get(DATABASE_URL_ENV)
    if url:
        return url
    folder = Path(platformdirs.user_data_dir("maya-hq", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'maya-hq.db'}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_size=16, max_overflow=16, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def as_utc(value: dt.datetime | None) -> dt.datetime | None:
    """SQLite hands timestamps back without a zone; they were written in UTC."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)
