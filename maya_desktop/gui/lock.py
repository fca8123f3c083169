"""Auto-lock: after N idle minutes the vault locks (core.signin: connection closed, keys wiped) and the window
content is hidden until the same person re-enters a password, or someone else signs in ("switch user").

Locking and unlocking run off the GUI thread: the lock's audit entry, closing the connection and zeroing the
keys (`finish_lock`), and the unlock's key derivation (Argon2id, deliberately slow). An unlock never overtakes
the lock before it: core's unlock waits until that lock has finished (core.signin.wait_lock_finished).
On a network workstation (gui.workstation_session) the vault host is told: it locks the person's session
there, and unlocking re-enters the password on the host (after the host has heard of the lock).
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.session import Session

# The vault's lifecycle (sign-in orchestration, not a window's business step): lock and unlock are not
# operations because the operations executor has no connection while the vault is locked.
from maya_desktop.core.signin import finish_lock, unlock
from maya_desktop.gui.labels import embedded
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.theme import icon
from maya_desktop.gui.widgets import line_edit, role_button, wrapped_label
from maya_desktop.gui.workers import run_in_background
from maya_desktop.gui.workstation_session import is_workstation
from maya_desktop.gui.workstation_session import unlock as unlock_workstation

log = logging.getLogger(__name__)

ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def finish_lock_in_background(session: Session) -> threading.Thread:
    """The lock's audit write, closing the connection and zeroing the keys, off the GUI thread (after
    core.signin.begin_lock ran on it). A plain thread: nothing comes back to the window. A failure leaves the
    vault refused all the same (session.locked); an unlock waits for this to end."""

    def run() -> None:
        try:
            finish_lock(session)
        except Exception as exc:  # e.g. a full disk for the audit entry: the lock itself held
            log.warning("lock: %s", type(exc).__name__)  # the type only: messages may hold data

    thread = threading.Thread(target=run, name="maya-lock")
    thread.start()
    return thread


class IdleWatcher(QObject):
    """Application-wide event filter: any input restarts the countdown; timeout emits `idle`."""

    idle = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle.emit)
        self.set_minutes(minutes)

    def set_minutes(self, minutes: float) -> None:
        self.timer.setInterval(max(1, int(minutes * 60_000)))
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self.timer.start()
        return False


class LockScreen(QWidget):
    unlocked = Signal()
    switch_user = Signal()  # someone else signs in: this person's window closes (their drafts stay sealed)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.unlocking = False
        self.setObjectName("lockScreen")
        card = QFrame()
        card.setProperty("role", "card")
        card.setFixedWidth(420)
        layout = QVBoxLayout(card)
        layout.setSpacing(10)
        icon_label = QLabel()
        icon_label.setPixmap(icon("lock").pixmap(40, 40))
        icon_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(icon_label)
        title = QLabel(self.tr("برنامه قفل است"))
        title.setProperty("role", "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        who = QLabel(self.tr("برای ادامه، {0} گذرواژهٔ خود را وارد کند.").format(embedded(session.staff.display_name)))
        who.setWordWrap(True)
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(who)
        self.password = line_edit("unlockPassword", secret=True)
        layout.addWidget(self.password)
        self.progress = QProgressBar()  # busy while the key is derived (Argon2id takes a moment on purpose)
        self.progress.setObjectName("unlockProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = wrapped_label("", "error")
        layout.addWidget(self.error)
        self.button = role_button(self.tr("باز کردن قفل"), "unlockButton")
        layout.addWidget(self.button)
        self.switch = QPushButton(self.tr("ورود با کاربر دیگر"))
        self.switch.setObjectName("switchUserButton")
        self.switch.clicked.connect(self.switch_user.emit)
        layout.addWidget(self.switch)
        outer = QGridLayout(self)
        outer.addWidget(card, 0, 0, Qt.AlignmentFlag.AlignCenter)
        self.button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)

    def _busy(self, busy: bool) -> None:
        self.unlocking = busy
        self.progress.setVisible(busy)
        for widget in (self.password, self.button, self.switch):
            widget.setEnabled(not busy)

    def try_unlock(self) -> None:
        """Derive the key off the GUI thread (after a lock still closing); `unlocked` when it opened. On a network
        workstation the vault host checks the password (the same person signs in again if the host forgot
        the session), also off the GUI thread."""
        if self.unlocking:
            return
        password = self.password.text()
        self.password.clear()
        self._busy(True)
        self.error.setText(self.tr("در حال باز کردن قفل…"))
        opener = unlock_workstation if is_workstation(self.session) else unlock
        run_in_background(opener, self.session, password, on_done=self._opened, on_error=self._refused)

    def _opened(self, _result: object) -> None:
        self._busy(False)
        self.error.clear()
        self.unlocked.emit()

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        self.error.setText(error_text(exc))
        self.password.setFocus()
