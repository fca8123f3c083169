"""The GUI's side of core.operations: run an operation off the GUI thread, get its answer back on it.

`run(op, request, on_done, on_error)` submits to the vault's one database thread (core.operations) and
calls `on_done(result)` or `on_error(exc)` on the GUI thread. `changed` is one app-wide signal carrying
`core.operations.Changes`; pages subscribe and refresh from it instead of calling each other. On a network
workstation the executor is the vault host's (network.client.RemoteExecutor): the same operations by name,
and the changes the host pushes (another desk's too) arrive on the same `changed` signal.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import Future
from typing import Any

from PySide6.QtCore import QObject, Signal

from maya_desktop.core.operations import Changes, Operation, OperationExecutor, ad_hoc
from maya_desktop.core.session import Session


class _Relay(QObject):
    """Lives on the GUI thread; its signals, emitted from the DB thread, are delivered queued."""

    done = Signal(object)
    failed = Signal(object)


class Operations(QObject):
    changed = Signal(object)  # core.operations.Changes

    def __init__(self, session: Session, parent: QObject | None = None, executor: Any = None) -> None:
        """`executor`: another executor with OperationExecutor's face (submit, call, subscribe, shutdown), e.g. a
        workstation's network.client.RemoteExecutor in network mode; by default the vault's own DB thread."""
        super().__init__(parent)
        self.session = session
        self.executor = executor if executor is not None else OperationExecutor(session)
        self.executor.subscribe(self._publish)
        self._pending: set[_Relay] = set()

    def _publish(self, changes: Changes) -> None:
        self.changed.emit(changes)  # from the DB thread: Qt queues it to the receivers' thread

    def run(
        self,
        op: str | Operation | Callable[[Session, Any], Any],
        request: Any = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        *,
        changes: Iterable[str] = (),
    ) -> Future[Any]:
        """Run `op` (a name, an Operation, or a plain ``fn(session, request)`` with its `changes`)."""
        if callable(op) and not isinstance(op, Operation):
            op = ad_hoc(op, changes)
        relay = _Relay(self)
        self._pending.add(relay)
        if on_done is not None:
            relay.done.connect(on_done)
        if on_error is not None:
            relay.failed.connect(on_error)
        relay.done.connect(lambda _r: self._settle(relay))
        relay.failed.connect(lambda _e: self._settle(relay))
        future = self.executor.submit(op, request)

        def finished(done: Future[Any]) -> None:
            exc = done.exception()
            if exc is not None:
                relay.failed.emit(exc)
            else:
                relay.done.emit(done.result())

        future.add_done_callback(finished)
        return future

    def _settle(self, relay: _Relay) -> None:
        self._pending.discard(relay)
        relay.deleteLater()

    def call(self, op: str | Operation | Callable[[Session, Any], Any], request: Any = None) -> Any:
        """Run on the DB thread and wait for the answer (for a dialog that cannot go on without it)."""
        if callable(op) and not isinstance(op, Operation):
            op = ad_hoc(op)
        return self.executor.call(op, request)

    def shutdown(self) -> None:
        self.executor.shutdown()


_BY_SESSION: dict[int, Operations] = {}


def operations_for(session: Session) -> Operations:
    """The one Operations object of this session (created on first use, on the GUI thread)."""
    ops = _BY_SESSION.get(id(session))
    if ops is None or ops.session is not session:
        if ops is not None:
            ops.shutdown()  # an earlier session that had the same id
        # a network workstation's session (gui.workstation_session) runs every operation on the vault host
        remote = getattr(session.vault, "new_executor", None)
        ops = Operations(session, executor=remote() if remote is not None else None)
        _BY_SESSION[id(session)] = ops
    return ops


def forget(session: Session) -> None:
    ops = _BY_SESSION.pop(id(session), None)
    if ops is not None:
        ops.shutdown()
