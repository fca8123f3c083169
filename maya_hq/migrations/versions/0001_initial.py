"""Clinics with hashed tokens, order events, HQ staff and their sessions.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

BigId = sa.BigInteger().with_variant(sa.Integer, "sqlite")
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "clinics",
        sa.Column("clinic_id", sa.String(27), primary_key=True),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", Stamp, nullable=False),
        sa.Column("token_rotated_at", Stamp, nullable=False),
        sa.Column("revoked_at", Stamp, nullable=True),
    )
    op.create_table(
        "events",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String(36), nullable=False, unique=True),
        sa.Column("clinic_id", sa.String(27), sa.ForeignKey("clinics.clinic_id"), nullable=False),
        sa.Column("workstation_id", sa.String(19), nullable=False),
        sa.Column("type", sa.String(32), nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("order_ref", sa.String(28), nullable=True),
        sa.Column("service", sa.String(32), nullable=True),
        sa.Column("status", sa.String(20), nullable=True),
        sa.Column("price_rial", sa.BigInteger, nullable=True),
        sa.Column("turnaround_days", sa.Integer, nullable=True),
        sa.Column("doctor_ref", sa.String(28), nullable=True),
        sa.Column("views_count", sa.Integer, nullable=True),
        sa.Column("received_at", Stamp, nullable=False),
    )
    op.create_index("ix_events_clinic_order", "events", ["clinic_id", "order_ref"])
    op.create_table(
        "staff",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("username", sa.String(64), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        sa.Column("staff_id", sa.Integer, sa.ForeignKey("staff.id", ondelete="CASCADE"), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.Column("expires_at", Stamp, nullable=False),
    )
