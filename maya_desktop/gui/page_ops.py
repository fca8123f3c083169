"""A page's or dialog's side of the operations layer: run named operations, refresh from `changed`.

Every window talks to the core through one `PageOps`:

- `run(name, request, on_done)`: the operation runs on the vault's database thread; `on_done(result)` is
  called on the GUI thread, unless the vault locked or the page was closed meanwhile (the answer is dropped:
  a locked screen shows nothing of a client). A refusal (`MayaError`) goes to `on_error` when given, else
  to a message box in the interface language; "the vault is locked" is never shown as an error.
- `call(name, request)`: the same, waiting for the answer (a dialog that cannot close without it). Errors
  are raised to the caller.
- `refresh_on(("clients", "orders"), refresh)`: call `refresh()` after any operation that changed one of
  those names (core.operations.Changes.touches). While the page is hidden or the vault locked, the refresh
  is postponed to the next time the page is shown, so a queued change never reaches a locked screen.
- `busy`: emitted True/False around running operations (a page can show a progress indicator).

A page whose reads may overlap (a refresh asked while the previous one is on its way) numbers them with one
`NewestAnswer`: an older answer never replaces a newer one, and `loading` says whether any read is still out
(a window shows it as its own `loading` with the `NumberedReads` mixin).

Windows never take a lock, open a transaction or run SQL: the executor owns the connection.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from maya_desktop.core.errors import LOCKED_CODES, MayaError
from maya_desktop.core.operations import Changes
from maya_desktop.core.session import Session
from maya_desktop.gui.messages import show_error
from maya_desktop.gui.operations import Operations, operations_for


def follow_lock(parent: QWidget | None, on_locked: Callable[[], None], on_unlocked: Callable[[], None]) -> None:
    """Connect a page to its main window's `locked` / `unlocked` signals (a page shown without the main
    window, e.g. in a test or a dialog, has none: nothing is connected)."""
    for name, slot in (("locked", on_locked), ("unlocked", on_unlocked)):
        signal = getattr(parent, name, None)
        if signal is not None and hasattr(signal, "connect"):
            signal.connect(slot)


def is_locked_error(exc: BaseException) -> bool:
    return isinstance(exc, MayaError) and exc.code in LOCKED_CODES


class PageOps(QObject):
    busy = Signal(bool)

    def __init__(self, page: QWidget, session: Session) -> None:
        super().__init__(page)
        self.page = page
        self.session = session
        self._running = 0
        self._stale: list[Callable[[], None]] = []
        self._watches: list[tuple[tuple[str, ...], Callable[[], None]]] = []
        self._watched: Operations | None = None
        self._life = _PageLife()
        # A plain closure, not a bound slot: while Qt tears the page down, this object's Python side may
        # already be gone (its events and `destroyed` must not reach it).
        life = self._life
        page.destroyed.connect(lambda *_: life.end())
        page.installEventFilter(self)

    @property
    def _alive(self) -> bool:
        life = self.__dict__.get("_life")
        return life is not None and life.alive

    # -- running -------------------------------------------------------------------------------------

    def _usable(self) -> bool:
        return self._alive and not self.session.vault_locked

    def run(
        self,
        op: str,
        request: Any = None,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        self._running += 1
        if self._running == 1:
            self.busy.emit(True)

        def settle() -> None:
            self._running -= 1
            if self._running == 0 and self._alive:
                self.busy.emit(False)

        def done(result: Any) -> None:
            settle()
            if self._usable() and on_done is not None:
                on_done(result)

        def failed(exc: BaseException) -> None:
            settle()
            if not self._usable() or is_locked_error(exc):
                return
            if on_error is not None:
                on_error(exc)
            else:
                show_error(self.page, exc)

        operations_for(self.session).run(op, request, done, failed)

    def call(self, op: str, request: Any = None) -> Any:
        return operations_for(self.session).call(op, request)

    # -- refreshing ----------------------------------------------------------------------------------

    def refresh_on(self, names: Iterable[str], refresh: Callable[[], None]) -> None:
        if not self._watches:
            self._watched = operations_for(self.session)
            self._watched.changed.connect(self._changed)
            self._life.on_end(self._watched, self._changed)
        self._watches.append((tuple(names), refresh))

    def _changed(self, changes: Changes) -> None:
        if not self._alive:
            return
        for names, refresh in self._watches:
            if not changes.touches(*names):
                continue
            if self._usable() and self.page.isVisible():
                refresh()
            elif refresh not in self._stale:
                self._stale.append(refresh)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show or not self._alive or watched is not self.__dict__.get("page"):
            return False
        if self._stale and self._usable():
            stale, self._stale = self._stale, []
            for refresh in stale:
                refresh()
        return False


class OpsPage(QWidget):
    """A page with its session and its own `PageOps`; `busy` is True while the page's operations run (tests
    wait on it)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.busy = False
        self.ops.busy.connect(lambda busy: setattr(self, "busy", busy))


class OpsDialog(QDialog):
    """A dialog with its session, its own `PageOps` and a window title."""

    def __init__(self, session: Session, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ops = PageOps(self, session)
        self.setWindowTitle(title)


class _PageLife:
    """Whether the page still exists, and what to disconnect when it goes."""

    def __init__(self) -> None:
        self.alive = True
        self._connections: list[tuple[Operations, Callable[[Changes], None]]] = []

    def on_end(self, operations: Operations, slot: Callable[[Changes], None]) -> None:
        self._connections.append((operations, slot))

    def end(self) -> None:
        self.alive = False
        connections, self._connections = self._connections, []
        for operations, slot in connections:
            try:
                operations.changed.disconnect(slot)
            except (RuntimeError, TypeError):
                pass


class Runner(Protocol):
    """What runs an operation and answers later on the GUI thread: a `PageOps` or a session's `Operations`."""

    def run(
        self,
        op: str,
        request: Any = ...,
        on_done: Callable[[Any], None] | None = ...,
        on_error: Callable[[BaseException], None] | None = ...,
    ) -> Any: ...


class NewestAnswer:
    """A window's numbered reads, so that an older answer never replaces a newer one.

    - `ask()` gives the next ticket; `answered(ticket)` when its answer (or refusal) came; `loading` is True
      while a ticket asked has not answered (tests and the screen walk wait on it).
    - `is_newest(ticket)`: no read was asked after it (a page that shows only the last one asked).
    - `is_newer(ticket)`: no answer to a later ticket was shown yet; `take(ticket)` is the same and, when True,
      makes `ticket` the one shown (a page that shows an answer unless a newer one is on screen already).
    - `forget()`: the window locked or cleared its rows: no answer still on its way is shown, `loading` ends.
    - `read(runner, op, request, show, refused)`: ask, run, and call `show(result)` / `refused(exc)` only when
      nothing newer is shown; `run(...)` the same without the check, the ticket passed along.

    An answer that comes after the window closed is dropped: a `PageOps` does not deliver it, and with an
    `owner` (a QObject whose reads go through the session's `Operations`) nothing is called once the owner is
    deleted; the ticket still counts as answered.
    """

    def __init__(self, owner: QObject | None = None) -> None:
        self.owner = owner
        self.asked = 0  # the newest ticket given
        self.answered_up_to = 0  # the newest ticket that answered
        self.shown = 0  # the newest ticket whose answer is shown

    @property
    def loading(self) -> bool:
        return self.answered_up_to < self.asked

    def ask(self) -> int:
        self.asked += 1
        return self.asked

    def answered(self, ticket: int) -> None:
        self.answered_up_to = max(self.answered_up_to, ticket)

    def is_newest(self, ticket: int) -> bool:
        return ticket == self.asked

    def is_newer(self, ticket: int) -> bool:
        return ticket > self.shown

    def take(self, ticket: int) -> bool:
        if ticket <= self.shown:
            return False
        self.shown = ticket
        return True

    def forget(self) -> None:
        self.shown = self.answered_up_to = self.asked

    def _owner_gone(self) -> bool:
        return self.owner is not None and not shiboken6.isValid(self.owner)

    def run(
        self,
        runner: Runner,
        op: str,
        request: Any,
        on_done: Callable[[int, Any], None],
        on_error: Callable[[int, BaseException], None] | None = None,
    ) -> int:
        """Ask and run `op`; the ticket counts as answered, then `on_done(ticket, result)` or
        `on_error(ticket, exc)` (a refusal is otherwise dropped). Returns the ticket."""
        mine = self.ask()

        def done(result: Any) -> None:
            self.answered(mine)
            if not self._owner_gone():
                on_done(mine, result)

        def failed(exc: BaseException) -> None:
            self.answered(mine)
            if on_error is not None and not self._owner_gone():
                on_error(mine, exc)

        runner.run(op, request, done, failed)
        return mine

    def read(
        self,
        runner: Runner,
        op: str,
        request: Any,
        show: Callable[[Any], None],
        refused: Callable[[BaseException], None],
        *,
        then: Callable[[], None] | None = None,
    ) -> int:
        """`run`, calling `show(result)` when no newer answer is shown (it becomes the one shown) and
        `refused(exc)` when none is; `then()` follows every answer (shown or not), not a refusal."""

        def done(mine: int, result: Any) -> None:
            if self.take(mine):
                show(result)
            if then is not None:
                then()

        def failed(mine: int, exc: BaseException) -> None:
            if self.is_newer(mine):
                refused(exc)

        return self.run(runner, op, request, done, failed)


class NumberedReads:
    """A window (mixin) whose reads are numbered by its `reads`: `loading` until every read asked has answered
    (tests and the screen walk wait on it)."""

    reads: NewestAnswer

    @property
    def loading(self) -> bool:
        return self.reads.loading
