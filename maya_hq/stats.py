"""What the dashboard shows, computed from the stored events (one aggregate query per order, the rest here).

Definitions (also printed under the tables):

- An order counts in the week (Saturday to Friday, the Iranian week) of its first event.
- Quote→payment conversion: orders that reached ``quoted`` or later and then ``paid`` or later.
- Turnaround: days from ``photos_imported`` to ``delivered`` (only orders HQ saw both of).
- Privacy record, per delivered order: destroyed in time (``destroyed`` day ≤ delivery day + the clinic's
  retention), destroyed late, **held** (not destroyed and the latest hold event — in arrival order — is
  ``order.hold_placed``: a lawful hold is not a breach), **overdue** (not destroyed, not held, retention over),
  or still within its retention period. The share = in time / (in time + late + overdue).
- Audit anchors: the newest by arrival; "rollback suspected" when any anchor arrived with a lower
  ``audit_seq`` than one received before it from the same clinic.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.engine import Engine

from maya_desktop.core.sync.contract import (
    EVENT_TYPE_AUDIT_ANCHOR,
    EVENT_TYPE_HOLD_LIFTED,
    EVENT_TYPE_HOLD_PLACED,
    SERVICES,
)
from maya_hq.db import as_utc, clinics, events, workstations

QUOTED_OR_LATER = ("quoted", "paid", "consented", "in_review", "delivered")
PAID_OR_LATER = ("paid", "consented", "in_review", "delivered")
WEEKS_SHOWN = 12


@dataclass(frozen=True)
class OverdueOrder:
    order_ref: str
    delivered_day: dt.date
    days_over: int


@dataclass
class ClinicRecord:
    clinic_id: str
    name: str
    retention_days: int
    revoked: bool
    last_sync: dt.datetime | None = None
    orders_by_week: dict[dt.date, dict[str, int]] = field(default_factory=dict)
    quoted: int = 0
    paid: int = 0
    turnarounds: list[int] = field(default_factory=list)
    delivered: int = 0
    destroyed_in_time: int = 0
    destroyed_late: int = 0
    held: int = 0
    within_retention: int = 0
    overdue: list[OverdueOrder] = field(default_factory=list)
    anchor_seq: int | None = None
    anchor_day: dt.date | None = None
    anchor_rollback: bool = False
    anchor_highest_seq: int = -1
    workstations: int = 0
    quietest_workstation: dt.datetime | None = None  # the oldest "last seen" among its workstations

    @property
    def conversion(self) -> float | None:
        return self.paid / self.quoted if self.quoted else None

    @property
    def turnaround_median(self) -> float | None:
        return statistics.median(self.turnarounds) if self.turnarounds else None

    @property
    def destroyed_share(self) -> float | None:
        due = self.destroyed_in_time + self.destroyed_late + len(self.overdue)
        return self.destroyed_in_time / due if due else None


def week_start(day: dt.date) -> dt.date:
    """The Saturday that starts ``day``'s week (Python: Monday = 0, Saturday = 5)."""
    return day - dt.timedelta(days=(day.weekday() - 5) % 7)


def _first_day_with(status: str):  # type: ignore[no-untyped-def]
    return func.min(case((events.c.status == status, events.c.day)))


def _reached(statuses: tuple[str, ...]):  # type: ignore[no-untyped-def]
    return func.max(case((events.c.status.in_(statuses), 1), else_=0))


def _last_id_of(kind: str):  # type: ignore[no-untyped-def]
    return func.max(case((events.c.type == kind, events.c.id)))


def privacy_record(engine: Engine, today: dt.date) -> list[ClinicRecord]:
    """One record per enrolled clinic, in clinic-id order."""
    per_order = (
        select(
            events.c.clinic_id,
            events.c.order_ref,
            func.min(events.c.service).label("service"),
            func.min(events.c.day).label("first_day"),
            _reached(QUOTED_OR_LATER).label("quoted"),
            _reached(PAID_OR_LATER).label("paid"),
            _first_day_with("photos_imported").label("photos_day"),
            _first_day_with("delivered").label("delivered_day"),
            _first_day_with("destroyed").label("destroyed_day"),
            _last_id_of(EVENT_TYPE_HOLD_PLACED).label("last_placed"),
            _last_id_of(EVENT_TYPE_HOLD_LIFTED).label("last_lifted"),
        )
        .where(events.c.type != EVENT_TYPE_AUDIT_ANCHOR)
        .group_by(events.c.clinic_id, events.c.order_ref)
    )
    anchors = (
        select(events.c.clinic_id, events.c.audit_seq, events.c.day)
        .where(events.c.type == EVENT_TYPE_AUDIT_ANCHOR)
        .order_by(events.c.clinic_id, events.c.id)
    )
    last_sync = select(events.c.clinic_id, func.max(events.c.received_at)).group_by(events.c.clinic_id)
    seen = select(
        workstations.c.clinic_id, func.count(), func.min(workstations.c.last_seen_at)
    ).group_by(workstations.c.clinic_id)
    with engine.connect() as conn:
        records = {
            r.clinic_id: ClinicRecord(r.clinic_id, r.name, r.retention_days, r.revoked_at is not None)
            for r in conn.execute(select(clinics).order_by(clinics.c.clinic_id))
        }
        for clinic_id, stamp in conn.execute(last_sync):
            if clinic_id in records:
                records[clinic_id].last_sync = as_utc(stamp)
        for clinic_id, count, quietest in conn.execute(seen):
            if clinic_id in records:
                records[clinic_id].workstations, records[clinic_id].quietest_workstation = count, as_utc(quietest)
        for order in conn.execute(per_order):
            if order.clinic_id in records:
                _add_order(records[order.clinic_id], order, today)
        for clinic_id, seq, day in conn.execute(anchors):
            if clinic_id in records:
                _add_anchor(records[clinic_id], seq, day)
    for record in records.values():
        record.overdue.sort(key=lambda o: (-o.days_over, o.order_ref))
    return list(records.values())


def _add_order(record: ClinicRecord, order, today: dt.date) -> None:  # type: ignore[no-untyped-def]
    week = record.orders_by_week.setdefault(week_start(order.first_day), dict.fromkeys(SERVICES, 0))
    week[order.service] = week.get(order.service, 0) + 1
    if order.quoted:
        record.quoted += 1
        record.paid += order.paid
    if order.delivered_day is None:
        return
    if order.photos_day is not None and order.photos_day <= order.delivered_day:
        record.turnarounds.append((order.delivered_day - order.photos_day).days)
    record.delivered += 1
    deadline = order.delivered_day + dt.timedelta(days=record.retention_days)
    held = order.last_placed is not None and (order.last_lifted is None or order.last_placed > order.last_lifted)
    if order.destroyed_day is not None:
        if order.destroyed_day <= deadline:
            record.destroyed_in_time += 1
        else:
            record.destroyed_late += 1
    elif held:
        record.held += 1
    elif today > deadline:
        record.overdue.append(OverdueOrder(order.order_ref, order.delivered_day, (today - deadline).days))
    else:
        record.within_retention += 1


def _add_anchor(record: ClinicRecord, seq: int, day: dt.date) -> None:
    if seq < record.anchor_highest_seq:
        record.anchor_rollback = True
    record.anchor_highest_seq = max(record.anchor_highest_seq, seq)
    record.anchor_seq, record.anchor_day = seq, day


def weeks_shown(today: dt.date, count: int = WEEKS_SHOWN) -> list[dt.date]:
    last = week_start(today)
    return [last - dt.timedelta(weeks=n) for n in range(count - 1, -1, -1)]


def service_totals(record: ClinicRecord, weeks: list[dt.date]) -> dict[str, list[int]]:
    totals: dict[str, list[int]] = defaultdict(list)
    for service in SERVICES:
        for week in weeks:
            totals[service].append(record.orders_by_week.get(week, {}).get(service, 0))
    return dict(totals)
