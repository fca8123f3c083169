"""The banner over a manager's break-glass case: the minutes left of the emergency access, in large type,
and why the photos were closed once it ran out."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from maya_desktop.gui.doctor.numerals import digits
from maya_desktop.gui.widgets import wrapped_label

BANNER_TICK_MS = 15_000
BANNER_STYLE = {
    "running": "background-color: #fdecea; border: 1px solid #e6a9a3; border-radius: 8px;",
    "soon": "background-color: #f9d6d2; border: 2px solid #b3261e; border-radius: 8px;",
    "expired": "background-color: #b3261e; border: 1px solid #8c1d18; border-radius: 8px;",
}
BANNER_TEXT = {"running": "#8c1d18", "soon": "#8c1d18", "expired": "#ffffff"}


def minutes_left(expires_at: dt.datetime, now: dt.datetime) -> int:
    """Whole minutes left, rounded up (0 once expired): 14 min 10 s left shows as 15."""
    return max(0, math.ceil((expires_at - now).total_seconds() / 60))


class BreakGlassBanner(QFrame):
    """The emergency-access banner: what it means, and the minutes left in large type (every 15 s from
    `now()`); once the grant runs out it turns solid red and says why the photos were closed.

    `now` is injectable (tests pass a fake clock); by default it is `core.orders.clock.now`."""

    expired = Signal()

    def __init__(
        self,
        expires_at: dt.datetime,
        now: Callable[[], dt.datetime],
        parent: QWidget | None = None,
        recheck: Callable[[], dt.datetime | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("breakGlassBanner")
        self.expires_at = expires_at
        self.now = now
        # Asked on every tick: the grant's current end, or None once a manager has ended it early.
        self.recheck = recheck
        self.state = ""
        self.is_expired = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 6)
        layout.setSpacing(10)
        bold = self.font()
        bold.setBold(True)
        big = QFont(bold)
        big.setPointSizeF(bold.pointSizeF() * 1.35)
        self.icon = QLabel("⚠")
        self.icon.setFont(big)
        self.label = wrapped_label("breakGlassText")
        self.label.setFont(bold)
        self.countdown = QLabel()
        self.countdown.setObjectName("breakGlassCountdown")
        self.countdown.setFont(big)
        layout.addWidget(self.icon)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.countdown)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def text(self) -> str:
        return f"{self.label.text()} {self.countdown.text()}".strip()

    def _style(self, state: str) -> None:
        if state != self.state:
            self.state = state
            colour = BANNER_TEXT[state]
            self.setStyleSheet(
                f"QFrame#breakGlassBanner {{ {BANNER_STYLE[state]} }}"
                f" QFrame#breakGlassBanner QLabel {{ color: {colour}; background: transparent; border: none; }}"
            )

    def refresh(self) -> None:
        if self.is_expired:
            return
        if self.recheck is not None and self.state:  # not on the first paint: the viewer just asked
            latest = self.recheck()
            if latest is None:
                self.expire()
                return
            self.expires_at = latest
        remaining = (self.expires_at - self.now()).total_seconds()
        if remaining <= 0:
            self.expire()
            return
        minutes = minutes_left(self.expires_at, self.now())
        self._style("soon" if minutes <= 5 else "running")
        self.label.setText(self.tr("دسترسی اضطراری — همهٔ کارها ثبت می‌شود و با پایان زمان، عکس‌ها بسته می‌شوند."))
        if minutes <= 1:
            self.countdown.setText(self.tr("کمتر از یک دقیقه مانده"))
        else:
            self.countdown.setText(self.tr("{0} دقیقه مانده").format(digits(minutes)))
        # Next update in 15 s, or exactly when the grant runs out if that comes first.
        self.timer.start(max(50, min(BANNER_TICK_MS, int(remaining * 1000) + 50)))

    def expire(self) -> None:
        if self.is_expired:
            return
        self.is_expired = True
        self.timer.stop()
        self._style("expired")
        self.countdown.clear()
        self.countdown.hide()
        self.label.setText(
            self.tr(
                "زمان دسترسی اضطراری تمام شد و عکس‌ها بسته شدند. برای دیدن دوبارهٔ پرونده، "
                "به فهرست برگردید و دسترسی اضطراری تازه‌ای با ذکر دلیل بگیرید."
            )
        )
        self.expired.emit()
