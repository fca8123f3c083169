"""Alembic on SQLite and PostgreSQL: from empty to head, from the previous revision to head with data kept,
and the migrated schema equal to the tables the code queries (maya_hq/db.py)."""

from __future__ import annotations

import datetime as dt

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from hq_helpers import WORKSTATION
from sqlalchemy import inspect, select, text

from maya_hq import schema
from maya_hq.db import clinics, events, make_engine, metadata, workstations


def test_upgrade_from_empty_matches_the_code(database_url: str) -> None:
    engine = make_engine(database_url)
    assert schema.current_revision(engine) is None
    schema.upgrade(engine)
    assert schema.current_revision(engine) == schema.head_revision() == "0004"
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []
    schema.upgrade(engine)  # every start runs it: a second run changes nothing
    assert schema.current_revision(engine) == "0004"
    engine.dispose()


def test_upgrade_from_earlier_revisions_keeps_the_data(database_url: str) -> None:
    """0001 -> 0002 -> 0003 (head), with a clinic and an event stored at 0001."""
    engine = make_engine(database_url)
    schema.upgrade(engine, "0001")
    assert "retention_days" not in {c["name"] for c in inspect(engine).get_columns("clinics")}
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO clinics (clinic_id, name, token_hash, created_at, token_rotated_at) "
                "VALUES ('cl_old', 'Old clinic', :h, :now, :now)"
            ),
            {"h": "ab" * 32, "now": now},
        )
        conn.execute(
            text(
                "INSERT INTO events (event_id, clinic_id, workstation_id, type, day, order_ref, service, status, "
                "views_count, received_at) VALUES ('11111111-1111-4111-8111-111111111111', 'cl_old', :ws, "
                "'order.state_changed', :day, :ref, 'rhinoplasty_analysis', 'delivered', 0, :now)"
            ),
            {"ws": WORKSTATION, "day": dt.date(2026, 11, 1), "ref": "o_" + "a" * 26, "now": now},
        )
    schema.upgrade(engine, "0002")
    assert schema.current_revision(engine) == "0002"
    assert not inspect(engine).has_table("workstations")
    schema.upgrade(engine)
    assert schema.current_revision(engine) == "0004"
    with engine.connect() as conn:
        clinic = conn.execute(select(clinics)).mappings().one()
        event = conn.execute(select(events)).mappings().one()
        seen = conn.execute(select(workstations)).mappings().one()
    assert (seen["clinic_id"], seen["workstation_id"]) == ("cl_old", WORKSTATION)  # filled from stored events
    assert clinic["retention_days"] == 7 and clinic["name"] == "Old clinic"  # the desktop's default retention
    assert event["status"] == "delivered" and event["audit_seq"] is None
    engine.dispose()
