"""The database connection of a background loop (sync, client notices) that follows the vault's DB key.

The loop asks the vault for the current key before each round: an empty key means the vault was locked or
closed (the loop ends), a different key means a manager rotated it (the old connection can no longer read
new pages, so it is reopened). To tell the two apart the loop keeps a SHA-256 fingerprint of the key it
opened with, never a copy of the key itself (issue 13: no key in any Python object after a lock).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from maya_desktop.core import db

Opened = Literal["same", "opened", "rotated"]


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


class BackgroundLoop:
    """What the sync and notice loops share: the DB file, the vault's key source, the pause between rounds,
    `stop` (ends the loop) and `wake` (cuts a pause short), and a connection that follows the key."""

    def __init__(
        self,
        db_path: Path,
        key_source: Callable[[], bytes],
        opener: Callable[[Path, bytes], Any],
        *,
        interval: float,
        stop: threading.Event | None = None,
        wake: threading.Event | None = None,
    ) -> None:
        self.db_path = Path(db_path)
        self.key_source = key_source
        self.interval = interval
        self.stop = stop or threading.Event()
        self.wake = wake or threading.Event()
        self._link = FollowingConnection(lambda key: opener(self.db_path, key))

    @property
    def _conn(self) -> Any:
        return self._link.conn

    def _close(self) -> None:
        self._link.close()
