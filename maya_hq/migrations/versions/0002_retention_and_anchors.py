"""Per-clinic retention (the privacy record's yardstick) and audit anchors (chain head per clinic).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # 7 = the desktop's default retention_days_after_delivery; clinics enrolled before this revision get it.
    with op.batch_alter_table("clinics") as batch:
        batch.add_column(sa.Column("retention_days", sa.Integer, nullable=False, server_default="7"))
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("audit_seq", sa.BigInteger, nullable=True))
        batch.add_column(sa.Column("audit_head", sa.String(64), nullable=True))
    op.create_index("ix_events_clinic_type", "events", ["clinic_id", "type"])
