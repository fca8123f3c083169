"""Manager settings: auto-lock, retention after delivery, quote expiry, what doctors see."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout, QWidget

from maya_desktop.core.clinic_settings import EDITABLE_BOOLS, EDITABLE_INTS, read_settings, update_settings
from maya_desktop.core.errors import MayaError
from maya_desktop.core.session import Session
from maya_desktop.gui.messages import error_text


class SettingsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("تنظیمات کلینیک"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        form = QFormLayout()
        self.spins: dict[str, QSpinBox] = {}
        self.checks: dict[str, QCheckBox] = {}
        labels = {
            "auto_lock_minutes": self.tr("قفل خودکار پس از (دقیقه)"),
            "retention_days_after_delivery": self.tr("نگهداری تصاویر پس از تحویل (روز)"),
            "quote_expiry_days": self.tr("اعتبار پیش‌فاکتور (روز)"),
            "doctor_sees_contact": self.tr("پزشک شمارهٔ همراه و ایمیل مشتری را ببیند"),
        }
        for key, spec in EDITABLE_INTS.items():
            spin = QSpinBox()
            spin.setObjectName(key)
            spin.setRange(spec.low, spec.high)
            self.spins[key] = spin
            form.addRow(labels[key], spin)
        for key in EDITABLE_BOOLS:
            check = QCheckBox(labels[key])
            check.setObjectName(key)
            self.checks[key] = check
            form.addRow(check)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "طبق تعهد کلینیک، تصاویر و گزارش پس از این مدت از تحویل نابود می‌شوند. "
                "نسخه‌های پشتیبان نیز تا پایان عمر خود این اطلاعات را دارند."
            )
        )
        note.setWordWrap(True)
        note.setProperty("role", "hint")
        layout.addWidget(note)
        self.error = QLabel()
        self.error.setProperty("role", "error")
        layout.addWidget(self.error)
        save = QPushButton(self.tr("ذخیرهٔ تنظیمات"))
        save.setObjectName("saveSettings")
        save.setProperty("role", "primary")
        save.clicked.connect(self.save)
        layout.addWidget(save)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        values = read_settings(self.session)
        for key, spin in self.spins.items():
            spin.setValue(int(values[key]))
        for key, check in self.checks.items():
            check.setChecked(bool(values[key]))

    def save(self) -> None:
        values = {k: s.value() for k, s in self.spins.items()} | {k: c.isChecked() for k, c in self.checks.items()}
        try:
            update_settings(self.session, **values)
        except MayaError as exc:
            self.error.setText(error_text(exc))
            return
        self.error.setText("")
        window = self.window()
        if hasattr(window, "idle"):
            window.idle.set_minutes(values["auto_lock_minutes"])
