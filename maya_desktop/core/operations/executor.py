"""Runs a vault's operations on ONE database thread; callers get futures, never a lock.

The executor owns its connection: it opens the signed-in person's own connection (Vault.worker_session) on
its single thread at the first operation, runs every operation there (inside one transaction when the
operation is `atomic`), and closes it when the vault locks (Vault.on_lock) or the executor shuts down;
after an unlock the next operation opens it again. So no caller shares a connection with it, and nobody
takes a lock. After an operation that succeeded, each subscriber is told what changed (`Changes`), on the
executor's thread; the GUI adapter (gui.operations) carries that over to the GUI thread as one signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from maya_desktop.core import db
from maya_desktop.core.errors import VaultError
from maya_desktop.core.operations.registry import Operation, get

if TYPE_CHECKING:
    from maya_desktop.core.session import Session


@dataclass(frozen=True)
class Changes:
    """What one operation changed: the names it declared (filled from its request)."""

    operation: str
    changed: frozenset[str]

    def touches(self, *names: str) -> bool:
        """True when any of `names` changed; "orders" also matches "order:42"-style entries."""
        for name in names:
            if name in self.changed:
                return True
            singular = name.rstrip("s") + ":"
            if any(change.startswith(singular) for change in self.changed):
                return True
        return False


Subscriber = Callable[[Changes], None]


def resolve(op: str | Operation) -> Operation:
    return get(op) if isinstance(op, str) else op


def execute(session: Session, op: str | Operation, request: Any) -> Any:
    """Run one operation in the calling thread (the executor's thread, or a CLI's only thread)."""
    operation = resolve(op)
    if operation.atomic:
        with db.transaction(session.conn):
            return operation.fn(session, request)
    return operation.fn(session, request)


class OperationExecutor:
    """One vault's database thread. `submit` returns a Future of the operation's result."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="maya-db")
        self._subscribers: list[Subscriber] = []
        self._closed = False
        self._guard = threading.Lock()
        self._own: Session | None = None  # this thread's session on its own connection
        session.vault.on_lock.append(self._vault_locking)

    def subscribe(self, subscriber: Subscriber) -> None:
        self._subscribers.append(subscriber)

    def submit(self, op: str | Operation, request: Any) -> Future[Any]:
        operation = resolve(op)
        with self._guard:
            if self._closed:
                future: Future[Any] = Future()
                future.set_exception(VaultError.coded("vault.closed"))
                return future
            return self._pool.submit(self._run, operation, request)

    def call(self, op: str | Operation, request: Any) -> Any:
        """Submit and wait (a CLI, a test, a dialog that must have the answer before it closes)."""
        return self.submit(op, request).result()

    def own_session(self) -> Session:
        """The executor thread's session (only valid on that thread, inside an operation)."""
        if self._own is None or self._own.vault.locked:
            if self.session.vault.locked:  # (a window locking keeps its drafts through here before the vault closes)
                raise VaultError.coded("vault.locked")
            self._own = self.session.vault.worker_session(self.session.staff)
        self._own.staff = self.session.staff  # e.g. the agreement accepted meanwhile
        return self._own

    def _run(self, operation: Operation, request: Any) -> Any:
        result = execute(self.own_session(), operation, request)
        changed = operation.changes_for(request, result)
        if changed:
            notice = Changes(operation.name, changed)
            for subscriber in list(self._subscribers):
                subscriber(notice)
        return result

    def _close_own(self) -> None:
        own, self._own = self._own, None
        if own is not None:
            own.vault.close()

    def _vault_locking(self) -> None:
        """Called by Vault.lock_vault: close this thread's connection (after the operation running now)."""
        with self._guard:
            if self._closed:
                return
            done = self._pool.submit(self._close_own)
        done.result()

    def shutdown(self) -> None:
        """Finish what was submitted, close the connection, then refuse more."""
        with self._guard:
            if self._closed:
                return
            self._closed = True
            self._pool.submit(self._close_own)
        self._pool.shutdown(wait=True)
        if self._vault_locking in self.session.vault.on_lock:
            self.session.vault.on_lock.remove(self._vault_locking)
