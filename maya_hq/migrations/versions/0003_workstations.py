"""Workstations each clinic syncs from, with first and last contact (a workstation that went quiet is visible).

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workstations",
        sa.Column("clinic_id", sa.String(27), sa.ForeignKey("clinics.clinic_id"), primary_key=True),
        sa.Column("workstation_id", sa.String(19), primary_key=True),
        sa.Column("first_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
    )
    # Clinics that synced before this revision: their workstations from the events already stored.
    op.execute(
        "INSERT INTO workstations (clinic_id, workstation_id, first_seen_at, last_seen_at) "
        "SELECT clinic_id, workstation_id, MIN(received_at), MAX(received_at) FROM events "
        "GROUP BY clinic_id, workstation_id"
    )
