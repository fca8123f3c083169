"""The database connection of a background loop (sync, client notices) that follows the vault's DB key.

The loop asks the vault for the current key before each round: an empty key means the vault was locked or
closed (the loop ends), a different key means a manager rotated it (the old connection can no longer read
new pages, so it is reopened). To tell the two apart the loop keeps a SHA-256 fingerprint of the key it
opened with, never a copy of the key itself (issue 13: no key in any Python object after a lock).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from maya_desktop.core import db

Opened = Literal["same", "opened", "rotated"]
R = TypeVar("R")


class FollowingConnection:
    def __init__(self, opener: Callable[[bytes], Any]) -> None:
        self._opener = opener
        self.conn: Any = None
        self._fingerprint = b""

    def open(self, key: bytes) -> tuple[Any, Opened]:
        """The connection for `key`: the same one, a first one ("opened") or a new one after a rotation."""
        fingerprint = hashlib.sha256(key).digest()
        state: Opened = "same"
        if self.conn is not None and fingerprint != self._fingerprint:
            self.close()
            state = "rotated"
        if self.conn is None:
            self.conn = self._opener(key)
            self._fingerprint = fingerprint
            state = "rotated" if state == "rotated" else "opened"
        return self.conn, state

    def close(self) -> None:
        if self.conn is not None:
            try:
                self.conn.close()
            except db.DatabaseError:
                pass
        self.conn, self._fingerprint = None, b""


def wait_or_wake(stop: threading.Event, wake: threading.Event | None, seconds: float) -> None:
    """A background loop's pause: `seconds`, cut short by `stop` or (once, then cleared) by `wake`."""
    deadline = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
    while not stop.is_set() and dt.datetime.now(dt.UTC) < deadline:
        if wake is not None and wake.is_set():
            wake.clear()
            return
        stop.wait(0.25)


def seconds_until(due: dt.datetime | None, interval: float) -> float:
    """The pause before the next round: until `due` (nothing due: `interval`), at least half a second."""
    if due is None:
        return interval
    return max(0.5, min(interval, (due - dt.datetime.now(dt.UTC)).total_seconds()))


class BackgroundLoop(Generic[R]):
    """What the sync and notice loops share: the DB file, the vault's key source, the pause between rounds,
    `stop` (ends the loop) and `wake` (cuts a pause short), a connection that follows the key, and `run`.

    A loop gives `round` (None: the vault is locked or closed, the loop ends), `_report` (what a round's
    result is shown to) and `_wait_seconds` (the pause after a round)."""

    def __init__(
        self,
        db_path: Path,
        key_source: Callable[[], bytes],
        opener: Callable[[Path, bytes], Any],
        *,
        interval: float,
    ) -> None:
        self.db_path = Path(db_path)
        self.key_source = key_source
        self.interval = interval
        self.stop = threading.Event()
        self.wake = threading.Event()
        self._link = FollowingConnection(lambda key: opener(self.db_path, key))

    @property
    def _conn(self) -> Any:
        return self._link.conn

    def _close(self) -> None:
        self._link.close()

    def round(self) -> R | None:
        raise NotImplementedError

    def _report(self, result: R) -> None:
        pass

    def _wait_seconds(self) -> float:
        return self.interval

    def _release(self) -> None:
        """What the loop holds, let go when it ends (the connection; a loop may hold more)."""
        self._close()

    def run(self) -> None:
        """Rounds until `stop` is set or the vault is locked or closed."""
        try:
            while not self.stop.is_set():
                result = self.round()
                if result is None:
                    break
                self._report(result)
                if self.stop.is_set():
                    break
                wait_or_wake(self.stop, self.wake, self._wait_seconds())
        finally:
            self._release()
