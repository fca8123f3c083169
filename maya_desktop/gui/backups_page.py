"""Backups (manager): back up now, last backup, the backups in the backup folder, restore into a new folder.

Everything calls core/backup.py. Making and restoring a backup run off the GUI thread (Argon2id, AES over
every file). The recovery code of a new backup is shown once, in a dialog that stays until the manager
confirms having written it down; it is never logged or kept (the label is cleared when the dialog closes).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.backup import SUFFIX, BackupResult, RestoreResult, read_info, scheduled_name
from maya_desktop.core.errors import MayaError
from maya_desktop.core.session import Session
from maya_desktop.core.settings import get_setting
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.labels import interface_lang, number_text
from maya_desktop.gui.messages import confirm, error_text, inform
from maya_desktop.gui.orders.common import make_label
from maya_desktop.gui.tables import read_only_table
from maya_desktop.gui.workers import run_in_background


@dataclass(frozen=True)
class BackupFile:
    path: Path
    created_at: str  # ISO (UTC) from the header, or the file's time if the header is unreadable
    size: int
    readable: bool


def list_backups(folder: Path) -> list[BackupFile]:
    """The backup files in `folder`, newest first (header read only: nothing is decrypted)."""
    found = []
    if not folder.is_dir():
        return found
    for path in folder.iterdir():
        if not path.is_file() or path.suffix != SUFFIX:
            continue
        stat = path.stat()
        try:
            created, readable = read_info(path).created_at, True
        except (MayaError, OSError):
            created, readable = dt.datetime.fromtimestamp(stat.st_mtime, dt.UTC).isoformat(), False
        found.append(BackupFile(path, created, stat.st_size, readable))
    return sorted(found, key=lambda f: f.created_at, reverse=True)


def size_text(size: int) -> str:
    """Bytes as MB (one decimal) in the interface language's digits."""
    megabytes = f"{size / 1_000_000:.1f}"
    if interface_lang() == "en":
        return f"{megabytes} MB"
    from maya_desktop.core.persian import to_persian_digits

    return f"{to_persian_digits(megabytes.replace('.', '٫'))} مگابایت"


def make_backup(session: Session, out: Path) -> BackupResult:
    """Worker thread: a backup on the person's own second connection (never the GUI's)."""
    from maya_desktop.core.backup import create_backup

    worker = session.vault.worker_session(session.staff)
    try:
        return create_backup(worker, out)
    finally:
        worker.vault.close()


def restore_into(
    source: str, target: str, code: str | None, username: str | None, password: str | None
) -> RestoreResult:
    """Worker thread: core's restore (it writes nothing into `target` unless every check passes)."""
    from maya_desktop.core.backup import restore_backup

    return restore_backup(source, target, recovery_code=code, username=username, password=password)


class RecoveryCodeDialog(QDialog):
    """Shows a new backup's recovery code once; closes only after "I have written it down" is ticked."""

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("کد بازیابی پشتیبان"))
        self.setObjectName("recoveryCodeDialog")
        self.setMinimumWidth(560)  # the code in two lines, not three
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "این کد فقط همین یک بار نشان داده می‌شود و هیچ‌جا ذخیره نمی‌شود. آن را روی کاغذ بنویسید و "
                "جای امنی جدا از فایل پشتیبان نگه دارید. با این کد (یا گذرواژهٔ مدیری که اکنون فعال است) "
                "پشتیبان باز می‌شود."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code = QLabel(code)
        self.code.setObjectName("recoveryCode")
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setWordWrap(True)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSize(13)
        self.code.setFont(mono)
        self.code.setProperty("role", "success")
        layout.addWidget(self.code)
        self.written = QCheckBox(self.tr("کد را نوشتم و جای امنی نگه داشتم."))
        self.written.setObjectName("recoveryWritten")
        layout.addWidget(self.written)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.written.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def reject(self) -> None:  # Escape / the window's close button: only once the code is written down
        if self.written.isChecked():
            super().reject()

    def done(self, result: int) -> None:
        if self.written.isChecked():
            self.code.setText("")  # the code leaves the screen with the dialog
            super().done(result)


class RestoreDialog(QDialog):
    """Restore a chosen backup file into a new, empty data folder (the current data is not touched)."""

    def __init__(self, backup: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("بازیابی از پشتیبان"))
        self.setObjectName("restoreDialog")
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        warning = self.tr(
            "بازیابی در یک پوشهٔ داده تازه و خالی انجام می‌شود و داده‌های کنونی این رایانه دست نمی‌خورند. "
            "پشتیبان همهٔ سفارش‌هایی را که هنگام ساختش داشت دوباره برمی‌گرداند، حتی آن‌هایی که از آن پس "
            "نابود شده‌اند؛ سفارش‌هایی که مهلتشان گذشته در نخستین ورود نابود می‌شوند. کارکنان با گذرواژه‌ای "
            "که هنگام پشتیبان‌گیری داشتند وارد می‌شوند."
        )
        layout.addWidget(make_label(warning, "error", wrap=True))
        form = QFormLayout()
        self.file = QLineEdit(str(backup) if backup else "")
        self.file.setObjectName("restoreFile")
        pick_file = QPushButton(self.tr("انتخاب فایل…"))
        pick_file.clicked.connect(self._choose_file)
        form.addRow(self.tr("فایل پشتیبان"), self._with_button(self.file, pick_file))
        self.target = QLineEdit()
        self.target.setObjectName("restoreTarget")
        self.target.setPlaceholderText(self.tr("پوشه‌ای تازه، مثلاً …/maya-restored"))
        pick_target = QPushButton(self.tr("انتخاب پوشه…"))
        pick_target.clicked.connect(self._choose_target)
        form.addRow(self.tr("پوشهٔ داده تازه"), self._with_button(self.target, pick_target))
        self.code = QLineEdit()
        self.code.setObjectName("restoreCode")
        self.code.setPlaceholderText(self.tr("کد بازیابی (۱۴ گروه ۴ نویسه‌ای)"))
        self.code.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        form.addRow(self.tr("کد بازیابی"), self.code)
        form.addRow(QLabel(self.tr("یا نام کاربری و گذرواژهٔ مدیری که هنگام پشتیبان‌گیری فعال بود:")))
        self.username = QLineEdit()
        self.username.setObjectName("restoreUsername")
        self.password = QLineEdit()
        self.password.setObjectName("restorePassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("نام کاربری"), self.username)
        form.addRow(self.tr("گذرواژه"), self.password)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = QLabel()
        self.error.setObjectName("restoreError")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.start = buttons.addButton(self.tr("بازیابی"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.start.setObjectName("restoreStart")
        self.start.setProperty("role", "primary")
        self.buttons = buttons
        buttons.accepted.connect(self.run)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_info: RestoreResult | None = None
        self._task = None

    @staticmethod
    def _with_button(field: QLineEdit, button: QPushButton) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        row.addWidget(button)
        return box

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("فایل پشتیبان"), "", self.tr("پشتیبان مایا (*.mayabak)"))
        if path:
            self.file.setText(path)

    def _choose_target(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("پوشهٔ داده تازه"))
        if folder:
            self.target.setText(folder)

    def run(self) -> None:
        source, target = self.file.text().strip(), self.target.text().strip()
        code = self.code.text().strip() or None
        username, password = self.username.text().strip() or None, self.password.text() or None
        if not source or not target:
            self.error.setText(self.tr("فایل پشتیبان و پوشهٔ داده تازه را انتخاب کنید."))
            return
        if code is None and not (username and password):
            self.error.setText(self.tr("کد بازیابی یا نام کاربری و گذرواژهٔ یک مدیر را وارد کنید."))
            return
        self.error.setText("")
        self.progress.show()
        self.buttons.setEnabled(False)
        self._task = run_in_background(
            restore_into,
            source,
            target,
            code,
            username,
            password,
            on_done=self._restored,
            on_error=self._failed,
        )

    def _restored(self, result: RestoreResult) -> None:
        self._task = None
        self.password.clear()
        self.code.clear()
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.result_info = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.password.clear()
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.error.setText(error_text(exc))


class BackupsPage(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._task = None
        self.last_result: BackupResult | None = None
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("پشتیبان‌ها"))
        title.setProperty("role", "title")
        layout.addWidget(title)
        note = self.tr(
            "هر پشتیبان همهٔ سفارش‌ها، عکس‌ها و کلیدهای آن‌ها را تا وقتی خود فایل پاک نشده نگه می‌دارد، "
            "حتی اگر سفارش پس از آن نابود شده باشد؛ پشتیبان‌ها را کوتاه نگه دارید. "
            "پشتیبان‌های پوشهٔ پشتیبان پس از مهلت نگهداری (تنظیمات) پاک می‌شوند."
        )
        layout.addWidget(make_label(note, "hint", wrap=True))

        info = QFormLayout()
        info.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)  # values beside labels
        self.folder_label = QLabel()
        self.folder_label.setObjectName("backupFolderLabel")
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_label = QLabel()
        self.last_label.setObjectName("lastBackup")
        info.addRow(self.tr("پوشهٔ پشتیبان"), self.folder_label)
        info.addRow(self.tr("آخرین پشتیبان"), self.last_label)
        layout.addLayout(info)

        actions = QHBoxLayout()
        self.backup_now = QPushButton(self.tr("پشتیبان‌گیری همین حالا"))
        self.backup_now.setObjectName("backupNow")
        self.backup_now.setProperty("role", "primary")
        restore = QPushButton(self.tr("بازیابی از پشتیبان…"))
        restore.setObjectName("restoreBackup")
        refresh = QPushButton(self.tr("تازه کردن فهرست"))
        refresh.setObjectName("refreshBackups")
        actions.addWidget(self.backup_now)
        actions.addWidget(restore)
        actions.addWidget(refresh)
        actions.addStretch(1)
        layout.addLayout(actions)
        self.progress = QProgressBar()
        self.progress.setObjectName("backupProgress")
        self.progress.setRange(0, 0)  # busy: core reports no steps, the copy is one consistent pass
        self.progress.hide()
        layout.addWidget(self.progress)
        self.message = QLabel()
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        self.table = read_only_table([self.tr("تاریخ"), self.tr("حجم"), self.tr("فایل")], 2, "backupTable")
        layout.addWidget(self.table, 1)

        self.backup_now.clicked.connect(self.start_backup)
        restore.clicked.connect(self.open_restore)
        refresh.clicked.connect(self.refresh)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_restore())
        self.files: list[BackupFile] = []
        self.refresh()

    # ---- what is there ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # the daily backup may have run meanwhile
        super().showEvent(event)
        self.refresh()

    def backup_folder(self) -> Path | None:
        value = get_setting(self.session.conn, "backup.folder")
        return Path(value) if value else None

    def refresh(self) -> None:
        folder = self.backup_folder()
        self.folder_label.setText(str(folder) if folder else self.tr("انتخاب نشده (تنظیمات ← پشتیبان خودکار)"))
        last = audit.search(self.session.conn, AuditQuery(actions=("backup.created",)), limit=1)
        self.last_label.setText(show_datetime(last[0].ts) if last else self.tr("هنوز پشتیبانی ساخته نشده است"))
        self.files = list_backups(folder) if folder else []
        self.table.setRowCount(len(self.files))
        for row, item in enumerate(self.files):
            date = show_datetime(item.created_at) if item.readable else self.tr("فایل خراب یا ناشناخته")
            for column, text in enumerate((date, size_text(item.size), item.path.name)):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setData(Qt.ItemDataRole.UserRole, str(item.path))
                self.table.setItem(row, column, cell)

    # ---- back up now -----------------------------------------------------------------------------
    def start_backup(self) -> None:
        folder = self.backup_folder()
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("پوشهٔ پشتیبان"))
            if not chosen:
                return
            folder = Path(chosen)
        self.backup_into(folder)

    def backup_into(self, folder: Path) -> None:
        """Make a backup in `folder` off the GUI thread; the page stays usable meanwhile."""
        if self._task is not None:
            return
        try:
            self.session.require("settings.manage")
        except MayaError as exc:
            self.message.setText(error_text(exc))
            return
        out = folder / scheduled_name(dt.datetime.now(dt.UTC))  # same name and retention as the daily ones
        self.backup_now.setEnabled(False)
        self.progress.show()
        self.message.setProperty("role", "hint")
        self.message.setText(self.tr("در حال پشتیبان‌گیری… کار با برنامه را می‌توانید ادامه دهید."))
        self._task = run_in_background(make_backup, self.session, out, on_done=self._made, on_error=self._failed)

    def _made(self, result: BackupResult) -> None:
        self._task = None
        self.progress.hide()
        self.backup_now.setEnabled(True)
        self.last_result = result
        self.message.setText(
            self.tr("پشتیبان ساخته شد: {0} ({1}، {2} فایل سفارش).").format(
                result.path.name, size_text(result.size), number_text(result.files)
            )
        )
        self.refresh()
        if result.recovery_code:
            self.show_recovery_code(result.recovery_code)
        self.last_result = BackupResult(
            result.path, result.backup_id, result.files, result.size, None, result.managers
        )  # the code is not kept on the page

    def show_recovery_code(self, code: str) -> None:
        RecoveryCodeDialog(code, self).exec()

    def _failed(self, exc: BaseException) -> None:
        self._task = None
        self.progress.hide()
        self.backup_now.setEnabled(True)
        self.message.setProperty("role", "error")
        self.message.style().polish(self.message)
        self.message.setText(error_text(exc))

    # ---- restore ---------------------------------------------------------------------------------
    def selected_file(self) -> Path | None:
        row = self.table.currentRow()
        if row < 0 or row >= len(self.files):
            return None
        return self.files[row].path

    def open_restore(self) -> None:
        if not confirm(
            self,
            self.tr("بازیابی، داده‌های پشتیبان را در پوشه‌ای تازه می‌سازد؛ داده‌های کنونی دست نمی‌خورند."),
            yes=self.tr("ادامه"),
            details=self.tr("سفارش‌هایی که از آن پس نابود شده‌اند در نسخهٔ بازیابی‌شده دوباره دیده می‌شوند."),
        ):
            return
        dialog = RestoreDialog(self.selected_file(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_info is not None:
            self.restored(dialog.result_info)

    def restored(self, result: RestoreResult) -> None:
        self.session.audit("backup.restored", "", {"backup_id": result.backup_id, "files": result.files})
        inform(
            self,
            self.tr("بازیابی در پوشهٔ تازه انجام شد: {0}").format(result.data_dir),
            details=self.tr(
                "{0} مشتری، {1} سفارش، {2} فایل. برای کار با آن، برنامه را با گزینهٔ data-dir و همین پوشه اجرا کنید."
            ).format(number_text(result.clients), number_text(result.orders), number_text(result.files)),
        )
