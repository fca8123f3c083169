"""Per-order summaries kept at ingest (the dashboard reads them instead of every event), filled from the events
already stored; and optional per-workstation tokens.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

BACKFILL_CHUNK = 5000


def upgrade() -> None:
    op.create_table(
        "order_summaries",
        sa.Column("clinic_id", sa.String(27), sa.ForeignKey("clinics.clinic_id"), primary_key=True),
        sa.Column("order_ref", sa.String(28), primary_key=True),
        sa.Column("service", sa.String(32), nullable=False),
        sa.Column("first_day", sa.Date, nullable=False),
        sa.Column("first_status", sa.String(20), nullable=False),
        sa.Column("last_day", sa.Date, nullable=False),
        sa.Column("last_status", sa.String(20), nullable=False),
        sa.Column("quote_day", sa.Date, nullable=True),
        sa.Column("quote_price_rial", sa.BigInteger, nullable=True),
        sa.Column("paid_day", sa.Date, nullable=True),
        sa.Column("photos_day", sa.Date, nullable=True),
        sa.Column("delivered_day", sa.Date, nullable=True),
        sa.Column("destroyed_day", sa.Date, nullable=True),
        sa.Column("hold_placed_day", sa.Date, nullable=True),
        sa.Column("hold_lifted_day", sa.Date, nullable=True),
    )
    op.create_table(
        "workstation_tokens",
        sa.Column("clinic_id", sa.String(27), sa.ForeignKey("clinics.clinic_id"), primary_key=True),
        sa.Column("workstation_id", sa.String(19), primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
    )
    _backfill(op.get_bind())


def _backfill(conn) -> None:  # type: ignore[no-untyped-def]
    """Fold the stored order events into summaries with the same join ingest uses (maya_hq.summaries), streamed
    and written in chunks (the join does not care how events are grouped)."""
    from maya_hq import summaries

    stored = sa.table("events", *(sa.column(c) for c in ("clinic_id", "order_ref", "type", "service", "status")),
                      sa.column("day", sa.Date), sa.column("price_rial", sa.BigInteger))
    query = sa.select(stored).where(stored.c.type != "audit.anchor")
    pending: list[dict] = []
    for row in conn.execute(query, execution_options={"yield_per": BACKFILL_CHUNK}).mappings():
        pending.append(dict(row))
        if len(pending) >= BACKFILL_CHUNK:
            summaries.merge(conn, pending)
            pending = []
    summaries.merge(conn, pending)
