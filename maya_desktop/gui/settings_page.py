"""Manager settings: auto-lock, retention after delivery, quote expiry, what doctors see, daily backup.

Saving says so plainly; a change that destroys data sooner (a shorter retention or quote validity)
is confirmed first, naming what it does. Reading and saving are operations (core/operations/settings.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core.clinic_settings import EDITABLE_BOOLS, EDITABLE_INTS
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.operations.settings import ClinicSettings, SaveBackupSettings, SaveSettings
from maya_desktop.core.session import Session
from maya_desktop.gui.labels import number_text
from maya_desktop.gui.messages import confirm, error_text
from maya_desktop.gui.page_ops import OpsPage
from maya_desktop.gui.widgets import line_edit

# settings whose lower value destroys (or expires) client data sooner
SHORTENING_DESTROYS = ("retention_days_after_delivery", "quote_expiry_days")


def _number_box() -> QSpinBox:
    box = QSpinBox()
    box.setFixedWidth(110)
    return box


def _same_label_width(*forms: QFormLayout) -> None:
    """Forms one above the other, each with its own label column: every label as wide as the widest, so the
    fields of all of them start at the same place (a form sizes its label column to its own labels only)."""
    labels = [
        item.widget()
        for form in forms
        for row in range(form.rowCount())
        if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None and item.widget() is not None
    ]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def _say(label: QLabel, text: str) -> None:
    """Set a message label; an empty one takes no room (no gap between the fields and the buttons)."""
    label.setText(text)
    label.setVisible(bool(text))


def _leading(button: QPushButton) -> QHBoxLayout:
    """A button at the reading start of the row (right in Persian), not stretched across the page."""
    row = QHBoxLayout()
    row.addWidget(button)
    row.addStretch(1)
    return row


def _save_button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _section_end(layout: QVBoxLayout, hint: str, saved_name: str, save: QPushButton) -> tuple[QLabel, QLabel]:
    """A section's end: its hint, an error and a "saved" line (both hidden while empty), its save button.
    Returns the error and the saved labels."""
    note = QLabel(hint)
    note.setWordWrap(True)
    note.setProperty("role", "hint")
    layout.addWidget(note)
    error = QLabel()
    error.setProperty("role", "error")
    layout.addWidget(error)
    saved = QLabel()
    saved.setObjectName(saved_name)
    saved.setProperty("role", "success")
    layout.addWidget(saved)
    _say(error, "")
    _say(saved, "")
    layout.addLayout(_leading(save))
    return error, saved


class SettingsPage(OpsPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.current: ClinicSettings | None = None  # as last read or saved (what "shorter" compares with)
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
            "legal_hold_shown_while_active": self.tr(
                "نگهداری قانونی پیش از پایانش در گزارش دسترسی مشتری دیده شود (پیش‌فرض: پس از پایان)"
            ),
        }
        for key, spec in EDITABLE_INTS.items():
            spin = _number_box()
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
        hint = self.tr(
            "طبق تعهد کلینیک، تصاویر و گزارش پس از این مدت از تحویل نابود می‌شوند. "
            "نسخه‌های پشتیبان نیز تا پایان عمر خود این اطلاعات را دارند."
        )
        save = _save_button(self.tr("ذخیرهٔ تنظیمات"), "saveSettings", self.save)
        save.setProperty("role", "primary")
        self.error, self.saved = _section_end(layout, hint, "settingsSaved", save)
        layout.addWidget(self._backup_section())
        _same_label_width(form, self.backup_form)  # the backup days box lines up with the three boxes above
        layout.addStretch(1)
        self.ops.refresh_on(("settings",), self.load)
        self.load()

    def _backup_section(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 12, 0, 0)
        title = QLabel(self.tr("پشتیبان خودکار روزانه"))
        title.setProperty("role", "subtitle")
        layout.addWidget(title)
        row = QHBoxLayout()
        self.backup_folder = line_edit("backupFolder", self.tr("خاموش (پوشه‌ای انتخاب نشده)"))
        browse = QPushButton(self.tr("انتخاب پوشه…"))
        browse.clicked.connect(self._choose_backup_folder)
        row.addWidget(self.backup_folder, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        form = QFormLayout()
        self.backup_retention = _number_box()
        self.backup_retention.setObjectName("backupRetention")
        self.backup_retention.setRange(1, 365)
        form.addRow(self.tr("نگهداری پشتیبان‌ها (روز)"), self.backup_retention)
        layout.addLayout(form)
        self.backup_form = form
        hint = self.tr(
            "هر پشتیبان تا پایان این مدت، سفارش‌هایی را که پس از آن نابود شده‌اند هنوز در خود دارد؛ "
            "کوتاه نگه دارید. کلید پشتیبان‌های خودکار با گذرواژهٔ مدیران باز می‌شود."
        )
        save = _save_button(self.tr("ذخیرهٔ تنظیمات پشتیبان"), "saveBackup", self.save_backup)
        self.backup_error, self.backup_saved = _section_end(layout, hint, "backupSaved", save)
        return box

    def _choose_backup_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("پوشهٔ پشتیبان"))
        if folder:
            self.backup_folder.setText(folder)

    def save_backup(self) -> None:
        if self.current is None:
            return  # not read yet
        folder = self.backup_folder.text().strip() or None
        retention = self.backup_retention.value()
        _say(self.backup_saved, "")
        old = self.current.backup_retention_days
        if (
            folder
            and retention < old
            and not self.confirm_shorter(
                self.tr(
                    "پشتیبان‌های خودکارِ قدیمی‌تر از {0} روز در نوبت بعدی پاک می‌شوند و دیگر نمی‌توان از آن‌ها بازیابی کرد."
                ).format(number_text(retention))
            )
        ):
            return
        self.ops.run(
            "settings.save_backup",
            SaveBackupSettings(folder, retention),
            self._backup_saved,
            lambda exc: _say(self.backup_error, error_text(exc)),
        )

    def _backup_saved(self, current: ClinicSettings) -> None:
        self.current = current
        _say(self.backup_error, "")
        _say(self.backup_saved, self.tr("تنظیمات پشتیبان ذخیره شد."))

    def confirm_shorter(self, consequence: str) -> bool:
        """Ask before a change that destroys data sooner (replaced in tests by a recorded answer)."""
        return confirm(
            self,
            self.tr("این تغییر داده‌ها را زودتر از قبل نابود می‌کند و برگشت‌پذیر نیست."),
            yes=self.tr("بله، ذخیره کن"),
            details=consequence,
        )

    def _shortening_text(self, keys: list[str], values: dict[str, object]) -> str:
        lines = []
        if "retention_days_after_delivery" in keys:
            lines.append(
                self.tr(
                    "تصاویر و گزارش سفارش‌های تحویل‌شده {0} روز پس از تحویل نابود می‌شوند؛ "
                    "سفارش‌هایی که این مهلت را گذرانده‌اند در نوبت بعدی نابود می‌شوند."
                ).format(number_text(int(values["retention_days_after_delivery"])))  # type: ignore[call-overload]
            )
        if "quote_expiry_days" in keys:
            lines.append(
                self.tr("پیش‌فاکتورهای پرداخت‌نشده پس از {0} روز منقضی و فایل‌هایشان نابود می‌شوند.").format(
                    number_text(int(values["quote_expiry_days"]))  # type: ignore[call-overload]
                )
            )
        return "\n".join(lines)

    def load(self) -> None:
        self.ops.run("settings.read", NoRequest(), self._show)

    def _show(self, current: ClinicSettings) -> None:
        self.current = current
        for key, spin in self.spins.items():
            spin.setValue(int(current.values[key]))
        for key, check in self.checks.items():
            check.setChecked(bool(current.values[key]))
        self.backup_folder.setText(current.backup_folder or "")
        self.backup_retention.setValue(current.backup_retention_days)

    def save(self) -> None:
        if self.current is None:
            return  # not read yet
        values = {k: s.value() for k, s in self.spins.items()} | {k: c.isChecked() for k, c in self.checks.items()}
        _say(self.saved, "")
        shorter = [key for key in SHORTENING_DESTROYS if values[key] < int(self.current.values[key])]
        if shorter and not self.confirm_shorter(self._shortening_text(shorter, values)):
            return
        self.ops.run("settings.save", SaveSettings(values), self._saved, lambda exc: _say(self.error, error_text(exc)))

    def _saved(self, current: ClinicSettings) -> None:
        self.current = current
        _say(self.error, "")
        _say(self.saved, self.tr("تنظیمات ذخیره شد."))
        window = self.window()
        if hasattr(window, "idle"):
            window.idle.set_minutes(current.values["auto_lock_minutes"])
