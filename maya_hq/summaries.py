"""Per-order summaries: one row per (clinic, order_ref), kept up to date at ingest, read by the dashboard.

Every field is a *join* of the order's events — a minimum or maximum under a fixed key — so folding the
same events in any order, any grouping, or more than once gives the same row. That is what makes the
summary safe under out-of-order arrival, retries and two instances ingesting at once: ingest folds the
newly accepted events of a batch per order (:func:`fold`) and merges the result into the stored row with
one ``INSERT … ON CONFLICT DO UPDATE`` whose ``SET`` applies the same join (:data:`_MERGE`).

Fields and their keys:

- ``service``: the smallest service name seen (an order has one service; this keeps it deterministic).
- ``first_day``/``first_status``: the event with the smallest (day, status rank); ``last_day``/``last_status``:
  the largest. Status rank = the order of ``contract.STATUSES`` (draft … destroyed, cancelled, expired).
- ``quote_day``/``quote_price_rial``: the first day with status ``quoted`` and the highest price quoted that day.
- ``paid_day``: the first day with status ``paid`` or later (consented, in_review, delivered).
- ``photos_day``, ``delivered_day``, ``destroyed_day``: the first day with that status.
- Holds: ``hold_placed_day``/``hold_lifted_day`` are the newest days of each kind. **The order is held when it
  has a hold placed on a later day than any lift.** Decided by the event's day, never by arrival; a placement
  and a lift on the same day count as lifted, so the order shows on the privacy record (overdue if its
  retention is over) rather than being hidden by an ambiguous hold — a false alarm can be checked, a
  hidden breach cannot.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy import text

from maya_desktop.core.sync.contract import (
    EVENT_TYPE_AUDIT_ANCHOR,
    EVENT_TYPE_HOLD_LIFTED,
    EVENT_TYPE_HOLD_PLACED,
    STATUSES,
)

PAID_OR_LATER = ("paid", "consented", "in_review", "delivered")
QUOTED_OR_LATER = ("quoted", *PAID_OR_LATER)
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}


@dataclass
class OrderSummary:
    clinic_id: str
    order_ref: str
    service: str
    first_day: dt.date
    first_status: str
    last_day: dt.date
    last_status: str
    quote_day: dt.date | None = None
    quote_price_rial: int | None = None
    paid_day: dt.date | None = None
    photos_day: dt.date | None = None
    delivered_day: dt.date | None = None
    destroyed_day: dt.date | None = None
    hold_placed_day: dt.date | None = None
    hold_lifted_day: dt.date | None = None

    @property
    def held(self) -> bool:
        return self.hold_placed_day is not None and (
            self.hold_lifted_day is None or self.hold_placed_day > self.hold_lifted_day
        )

    @property
    def quoted(self) -> bool:
        return self.quote_day is not None or self.paid_day is not None

    @property
    def paid(self) -> bool:
        return self.paid_day is not None

    def add(self, event: dict[str, Any]) -> None:
        """Join one event (a dict with the stored columns; ``day`` a date) into this summary."""
        day, status = event["day"], event["status"]
        self.service = min(self.service, event["service"])
        key = (day, STATUS_RANK[status])
        if key < (self.first_day, STATUS_RANK[self.first_status]):
            self.first_day, self.first_status = day, status
        if key > (self.last_day, STATUS_RANK[self.last_status]):
            self.last_day, self.last_status = day, status
        if status == "quoted":
            price = event.get("price_rial")
            if self.quote_day is None or day < self.quote_day:
                self.quote_day, self.quote_price_rial = day, price
            elif day == self.quote_day and _greater(price, self.quote_price_rial):
                self.quote_price_rial = price
        if status in PAID_OR_LATER:
            self.paid_day = _earlier(self.paid_day, day)
        if status == "photos_imported":
            self.photos_day = _earlier(self.photos_day, day)
        elif status == "delivered":
            self.delivered_day = _earlier(self.delivered_day, day)
        elif status == "destroyed":
            self.destroyed_day = _earlier(self.destroyed_day, day)
        if event["type"] == EVENT_TYPE_HOLD_PLACED:
            self.hold_placed_day = _later(self.hold_placed_day, day)
        elif event["type"] == EVENT_TYPE_HOLD_LIFTED:
            self.hold_lifted_day = _later(self.hold_lifted_day, day)


def _earlier(a: dt.date | None, b: dt.date) -> dt.date:
    return b if a is None or b < a else a


def _later(a: dt.date | None, b: dt.date) -> dt.date:
    return b if a is None or b > a else a


def _greater(a: int | None, b: int | None) -> bool:
    return a is not None and (b is None or a > b)


def fold(events: Iterable[dict[str, Any]]) -> dict[tuple[str, str], OrderSummary]:
    """The summaries of ``events`` (order events; audit anchors are skipped), keyed by (clinic_id, order_ref)."""
    out: dict[tuple[str, str], OrderSummary] = {}
    for event in events:
        if event["type"] == EVENT_TYPE_AUDIT_ANCHOR:
            continue
        key = (event["clinic_id"], event["order_ref"])
        summary = out.get(key)
        if summary is None:
            day, status = event["day"], event["status"]
            summary = out[key] = OrderSummary(key[0], key[1], event["service"], day, status, day, status)
        summary.add(event)
    return out


COLUMNS = tuple(f.name for f in fields(OrderSummary))


def _rank(side: str, column: str) -> str:
    whens = " ".join(f"WHEN '{status}' THEN {rank}" for status, rank in STATUS_RANK.items())
    return f"(CASE {side}.{column} {whens} END)"


def _min(column: str) -> str:
    cur, new = f"order_summaries.{column}", f"excluded.{column}"
    return f"CASE WHEN {cur} IS NULL OR {new} < {cur} THEN {new} ELSE {cur} END"


def _max(column: str) -> str:
    cur, new = f"order_summaries.{column}", f"excluded.{column}"
    return f"CASE WHEN {cur} IS NULL OR {new} > {cur} THEN {new} ELSE {cur} END"


def _pick(columns: tuple[str, ...], newer: str) -> list[str]:
    return [f"{c} = CASE WHEN {newer} THEN excluded.{c} ELSE order_summaries.{c} END" for c in columns]


_FIRST_IS_NEW = (f"(excluded.first_day < order_summaries.first_day OR (excluded.first_day = order_summaries.first_day"
                 f" AND {_rank('excluded', 'first_status')} < {_rank('order_summaries', 'first_status')}))")
_LAST_IS_NEW = (f"(excluded.last_day > order_summaries.last_day OR (excluded.last_day = order_summaries.last_day"
                f" AND {_rank('excluded', 'last_status')} > {_rank('order_summaries', 'last_status')}))")
_QUOTE_IS_NEW = ("(excluded.quote_day IS NOT NULL AND (order_summaries.quote_day IS NULL"
                 " OR excluded.quote_day < order_summaries.quote_day"
                 " OR (excluded.quote_day = order_summaries.quote_day AND excluded.quote_price_rial IS NOT NULL"
                 " AND (order_summaries.quote_price_rial IS NULL"
                 " OR excluded.quote_price_rial > order_summaries.quote_price_rial))))")
# The same join as OrderSummary.add, in SQL (PostgreSQL and SQLite ≥ 3.24 both read it). Evaluated against
# the row as it was before this statement, so every SET sees the old values.
_MERGE = ", ".join([
    f"service = {_min('service')}",
    *_pick(("first_day", "first_status"), _FIRST_IS_NEW),
    *_pick(("last_day", "last_status"), _LAST_IS_NEW),
    *_pick(("quote_day", "quote_price_rial"), _QUOTE_IS_NEW),
    *(f"{c} = {_min(c)}" for c in ("paid_day", "photos_day", "delivered_day", "destroyed_day")),
    *(f"{c} = {_max(c)}" for c in ("hold_placed_day", "hold_lifted_day")),
])
_ON_CONFLICT = f"ON CONFLICT (clinic_id, order_ref) DO UPDATE SET {_MERGE}"
_SQLITE_UPSERT = text(
    f"INSERT INTO order_summaries ({', '.join(COLUMNS)}) VALUES ({', '.join(':' + c for c in COLUMNS)}) "
    + _ON_CONFLICT
)
_PG_TYPES = {c: "date" for c in COLUMNS if c.endswith("_day")} | {"quote_price_rial": "bigint"}
_PG_UPSERT = text(
    f"INSERT INTO order_summaries ({', '.join(COLUMNS)}) SELECT * FROM unnest("
    + ", ".join(f"CAST(:{c} AS {_PG_TYPES.get(c, 'text')}[])" for c in COLUMNS)
    + f") {_ON_CONFLICT}"
)


def merge(conn: Any, new_events: Iterable[dict[str, Any]]) -> None:
    """Fold ``new_events`` (just stored, in this transaction) into ``order_summaries``.

    Rows go in (clinic, order_ref) order so that concurrent batches lock shared rows in the same order."""
    summaries = [asdict(s) for _, s in sorted(fold(new_events).items())]
    if not summaries:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(_PG_UPSERT, {c: [s[c] for s in summaries] for c in COLUMNS})
    else:
        conn.execute(_SQLITE_UPSERT, summaries)
