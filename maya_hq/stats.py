"""What the dashboard shows: read from the per-order summaries kept at ingest (maya_hq/summaries.py), one row
per order; :func:`privacy_record_from_events` computes the same from every stored event (the reference the
tests compare against, and the "before" of bench/hq_dashboard.py).

Definitions (also printed under the tables):

- An order counts in the week (Saturday to Friday, the Iranian week) of its first event.
- Quote→payment conversion: orders that reached ``quoted`` or later and then ``paid`` or later.
- Turnaround: days from ``photos_imported`` to ``delivered`` (only orders HQ saw both of).
- Privacy record, per delivered order: destroyed in time (``destroyed`` day ≤ delivery day + the clinic's
  retention), destroyed late, **held** (not destroyed, and a hold was placed on a later *day* than any lift:
  the events' days decide, not their arrival, and a lift on the same day counts; see maya_hq/summaries.py —
  a lawful hold is not a breach), **overdue** (not destroyed, not held, retention over),
  or still within its retention period. The share = in time / (in time + late + overdue).
- Last sync: the newest contact from any of the clinic's workstations (a batch of only duplicates counts too).
- Audit anchors: the newest by arrival; "rollback suspected" when any anchor arrived with a lower
  ``audit_seq`` than one received before it from the same clinic.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.engine import Connection, Engine

from maya_desktop.core.sync.contract import (
    EVENT_TYPE_AUDIT_ANCHOR,
    EVENT_TYPE_HOLD_LIFTED,
    EVENT_TYPE_HOLD_PLACED,
    SERVICES,
)
from maya_hq.db import as_utc, clinics, events, order_summaries, workstations
from maya_hq.summaries import PAID_OR_LATER, QUOTED_OR_LATER

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


def _last_day_of(kind: str):  # type: ignore[no-untyped-def]
    return func.max(case((events.c.type == kind, events.c.day)))


def _held(placed: ColumnElement, lifted: ColumnElement) -> ColumnElement:
    return case((placed.is_not(None) & (lifted.is_(None) | (placed > lifted)), 1), else_=0)


def privacy_record(engine: Engine, today: dt.date) -> list[ClinicRecord]:
    """One record per enrolled clinic, in clinic-id order, from the per-order summaries: counted in the
    database, grouped by day (a few thousand rows whatever the number of orders); only undestroyed,
    unheld delivered orders come back one by one (they are the overdue list)."""
    return _records(engine, today, _add_summarised_orders)


def _add_summarised_orders(conn: Connection, records: dict[str, ClinicRecord], today: dt.date) -> None:
    s = order_summaries.c
    held = _held(s.hold_placed_day, s.hold_lifted_day)
    delivered = s.delivered_day.is_not(None)
    queries = {
        "week": select(s.clinic_id, s.first_day, s.service, func.count()).group_by(s.clinic_id, s.first_day,
                                                                                  s.service),
        "conversion": select(s.clinic_id, func.count(), func.count(s.paid_day))
        .where(s.quote_day.is_not(None) | s.paid_day.is_not(None)).group_by(s.clinic_id),
        "turnaround": select(s.clinic_id, s.photos_day, s.delivered_day, func.count())
        .where(delivered, s.photos_day <= s.delivered_day).group_by(s.clinic_id, s.photos_day, s.delivered_day),
        "destroyed": select(s.clinic_id, s.delivered_day, s.destroyed_day, func.count())
        .where(delivered, s.destroyed_day.is_not(None)).group_by(s.clinic_id, s.delivered_day, s.destroyed_day),
        "held": select(s.clinic_id, func.count()).where(delivered, s.destroyed_day.is_(None), held == 1)
        .group_by(s.clinic_id),
        "open": select(s.clinic_id, s.order_ref, s.delivered_day).where(delivered, s.destroyed_day.is_(None),
                                                                         held == 0),
    }
    for clinic_id, first_day, service, count in conn.execute(queries["week"]):
        if clinic_id in records:
            week = records[clinic_id].orders_by_week.setdefault(week_start(first_day), dict.fromkeys(SERVICES, 0))
            week[service] = week.get(service, 0) + count
    for clinic_id, quoted, paid in conn.execute(queries["conversion"]):
        if clinic_id in records:
            records[clinic_id].quoted, records[clinic_id].paid = quoted, paid
    for clinic_id, photos_day, delivered_day, count in conn.execute(queries["turnaround"]):
        if clinic_id in records:
            records[clinic_id].turnarounds.extend([(delivered_day - photos_day).days] * count)
    for clinic_id, delivered_day, destroyed_day, count in conn.execute(queries["destroyed"]):
        if clinic_id in records:
            record = records[clinic_id]
            record.delivered += count
            if destroyed_day <= delivered_day + dt.timedelta(days=record.retention_days):
                record.destroyed_in_time += count
            else:
                record.destroyed_late += count
    for clinic_id, count in conn.execute(queries["held"]):
        if clinic_id in records:
            records[clinic_id].delivered += count
            records[clinic_id].held += count
    for clinic_id, order_ref, delivered_day in conn.execute(queries["open"]):
        if clinic_id in records:
            record = records[clinic_id]
            record.delivered += 1
            _add_undestroyed(record, order_ref, delivered_day, today)


def privacy_record_from_events(engine: Engine, today: dt.date) -> list[ClinicRecord]:
    """The same as :func:`privacy_record`, recomputed from every stored event (slow: the reference)."""
    placed, lifted = _last_day_of(EVENT_TYPE_HOLD_PLACED), _last_day_of(EVENT_TYPE_HOLD_LIFTED)
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
            _held(placed, lifted).label("held"),
        )
        .where(events.c.type != EVENT_TYPE_AUDIT_ANCHOR)
        .group_by(events.c.clinic_id, events.c.order_ref)
    )

    def add_orders(conn: Connection, records: dict[str, ClinicRecord], today: dt.date) -> None:
        for order in conn.execute(per_order):
            if order.clinic_id in records:
                _add_order(records[order.clinic_id], order, today)

    return _records(engine, today, add_orders)


OrderFiller = Callable[[Connection, dict[str, ClinicRecord], dt.date], None]


def _records(engine: Engine, today: dt.date, add_orders: OrderFiller) -> list[ClinicRecord]:
    anchors = (
        select(events.c.clinic_id, events.c.audit_seq, events.c.day)
        .where(events.c.type == EVENT_TYPE_AUDIT_ANCHOR)
        .order_by(events.c.clinic_id, events.c.id)
    )
    w = workstations.c
    seen = select(w.clinic_id, func.count(), func.min(w.last_seen_at), func.max(w.last_seen_at)).group_by(w.clinic_id)
    with engine.connect() as conn:
        records = {
            r.clinic_id: ClinicRecord(r.clinic_id, r.name, r.retention_days, r.revoked_at is not None)
            for r in conn.execute(select(clinics).order_by(clinics.c.clinic_id))
        }
        for clinic_id, count, quietest, newest in conn.execute(seen):
            if clinic_id in records:
                record = records[clinic_id]
                record.workstations, record.quietest_workstation = count, as_utc(quietest)
                record.last_sync = as_utc(newest)
        add_orders(conn, records, today)
        for clinic_id, seq, day in conn.execute(anchors):
            if clinic_id in records:
                _add_anchor(records[clinic_id], seq, day)
    for record in records.values():
        record.overdue.sort(key=lambda o: (-o.days_over, o.order_ref))
        record.turnarounds.sort()
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
    if order.destroyed_day is not None:
        if order.destroyed_day <= deadline:
            record.destroyed_in_time += 1
        else:
            record.destroyed_late += 1
    elif order.held:
        record.held += 1
    else:
        _add_undestroyed(record, order.order_ref, order.delivered_day, today)


def _add_undestroyed(record: ClinicRecord, order_ref: str, delivered_day: dt.date, today: dt.date) -> None:
    """A delivered order, neither destroyed nor held: overdue once its retention is over."""
    deadline = delivered_day + dt.timedelta(days=record.retention_days)
    if today > deadline:
        record.overdue.append(OverdueOrder(order_ref, delivered_day, (today - deadline).days))
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
