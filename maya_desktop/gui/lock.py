"""Auto-lock: after N idle minutes the vault locks (core.signin.lock: connection closed, keys wiped) and the
window content is hidden until the same person re-enters a password, or someone else signs in ("switch user")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from maya_desktop.core.errors import AuthError
from maya_desktop.core.session import Session
from maya_desktop.core.staff import verify_unlock
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.theme import icon

ACTIVITY_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


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
        who = QLabel(self.tr("برای ادامه، {0} گذرواژهٔ خود را وارد کند.").format(session.staff.display_name))
        who.setWordWrap(True)
        who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(who)
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        layout.addWidget(self.password)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        button = QPushButton(self.tr("باز کردن قفل"))
        button.setObjectName("unlockButton")
        button.setProperty("role", "primary")
        layout.addWidget(button)
        switch = QPushButton(self.tr("ورود با کاربر دیگر"))
        switch.setObjectName("switchUserButton")
        switch.clicked.connect(self.switch_user.emit)
        layout.addWidget(switch)
        outer = QGridLayout(self)
        outer.addWidget(card, 0, 0, Qt.AlignmentFlag.AlignCenter)
        button.clicked.connect(self.try_unlock)
        self.password.returnPressed.connect(self.try_unlock)

    def try_unlock(self) -> None:
        try:
            verify_unlock(self.session, self.password.text())
        except AuthError as exc:
            self.error.setText(error_text(exc))
            self.password.clear()
            return
        finally:
            self.password.clear()
        self.error.clear()
        self.unlocked.emit()
