"""Manager's emergency access to one case: reason required, 1-60 minutes (core.orders.breakglass).

Started, used and ended in the audit log; shown in the client's access report.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.errors import MayaError
from maya_desktop.core.operations.orders import StartBreakGlass
from maya_desktop.core.orders.breakglass import MAX_MINUTES, REASON_MIN, BreakGlass
from maya_desktop.core.session import Session
from maya_desktop.gui.messages import error_text
from maya_desktop.gui.page_ops import PageOps
from maya_desktop.gui.widgets import wrapped_label


class BreakGlassDialog(QDialog):
    def __init__(self, session: Session, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.order_id = order_id
        self.result_grant: BreakGlass | None = None
        self.ops = PageOps(self, session)
        self.setWindowTitle(self.tr("دسترسی اضطراری"))
        layout = QVBoxLayout(self)
        warning = QLabel(
            self.tr(
                "این پرونده با شما به اشتراک گذاشته نشده است. دسترسی اضطراری فقط برای یک دلیل موجه، حداکثر ۶۰ دقیقه، "
                "و با ثبت در گزارش رویدادها و گزارش دسترسی مشتری ممکن است."
            )
        )
        warning.setWordWrap(True)
        layout.addWidget(warning)
        form = QFormLayout()
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("breakGlassReason")
        self.reason.setPlaceholderText(self.tr("دلیل (دست‌کم ۱۰ نویسه)…"))
        self.reason.setMaximumHeight(90)
        form.addRow(self.tr("دلیل"), self.reason)
        self.minutes = QSpinBox()
        self.minutes.setRange(1, MAX_MINUTES)
        self.minutes.setValue(15)
        self.minutes.setSuffix(self.tr(" دقیقه"))
        form.addRow(self.tr("مدت"), self.minutes)
        layout.addLayout(form)
        self.error = wrapped_label("", "error")
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("شروع دسترسی اضطراری"))
        self.buttons.accepted.connect(self.try_start)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reason.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        ok = len(" ".join(self.reason.toPlainText().split())) >= REASON_MIN
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def try_start(self) -> None:
        try:
            self.result_grant = self.ops.call(  # the dialog closes on the answer (audited in core)
                "orders.break_glass_start",
                StartBreakGlass(self.order_id, self.reason.toPlainText(), self.minutes.value()),
            )
        except MayaError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()
