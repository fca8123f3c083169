"""The orders feature's clock: one function tests can replace (quote expiry, break-glass, retention)."""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    return datetime.now(UTC)


def text(moment: datetime | None = None) -> str:
    """ISO-8601 UTC with microseconds; text order = time order."""
    moment = moment or now()
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse(value: str) -> datetime:
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
