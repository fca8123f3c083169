"""Backups (manager): back up now, last backup, the backups in the backup folder, restore into a new folder.

Every action is a named operation (core.operations.backups) run through `PageOps`: making and restoring a
backup run off the GUI thread (Argon2id, AES over every file) with a busy bar, and the page stays usable.
The list refreshes when an operation changed "backups" and each time the page is shown. The recovery code
of a new backup is shown once, in a dialog that stays until the manager confirms having written it down;
it is never logged or kept (the label is cleared when the dialog closes).
"""

from __future__ import annotations

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

from maya_desktop.core.operations.backups import (
    BackupFile,
    BackupMade,
    BackupsOverview,
    CreateBackup,
    RestoreBackup,
    RestoreResult,
)
from maya_desktop.core.operations.catalogue import NoRequest
from maya_desktop.core.session import Session
from maya_desktop.gui.dates import show_datetime
from maya_desktop.gui.labels import embedded, interface_lang, number_text
from maya_desktop.gui.messages import confirm, error_text, inform
from maya_desktop.gui.orders.common import make_label
from maya_desktop.gui.page_ops import OpsPage, PageOps
from maya_desktop.gui.tables import read_only_table
from maya_desktop.gui.widgets import line_edit, role_button, wrapped_label


def size_text(size: int) -> str:
    """Bytes as MB (one decimal) in the interface language's digits."""
    megabytes = f"{size / 1_000_000:.1f}"
    if interface_lang() == "en":
        return f"{megabytes} MB"
    from maya_desktop.core.persian import to_persian_digits

    return f"{to_persian_digits(megabytes.replace('.', '٫'))} مگابایت"


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

    def __init__(self, session: Session, backup: Path | str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = PageOps(self, session)
        self.running = False
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
        self.target = line_edit("restoreTarget", self.tr("پوشه‌ای تازه، مثلاً …/maya-restored"))
        pick_target = QPushButton(self.tr("انتخاب پوشه…"))
        pick_target.clicked.connect(self._choose_target)
        form.addRow(self.tr("پوشهٔ داده تازه"), self._with_button(self.target, pick_target))
        self.code = line_edit("restoreCode", self.tr("کد بازیابی (۱۴ گروه ۴ نویسه‌ای)"), ltr=True)
        form.addRow(self.tr("کد بازیابی"), self.code)
        form.addRow(QLabel(self.tr("یا نام کاربری و گذرواژهٔ مدیری که هنگام پشتیبان‌گیری فعال بود:")))
        self.username = line_edit("restoreUsername")
        self.password = line_edit("restorePassword", secret=True)
        form.addRow(self.tr("نام کاربری"), self.username)
        form.addRow(self.tr("گذرواژه"), self.password)
        layout.addLayout(form)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.error = wrapped_label("restoreError", "error")
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
        self.running = True
        request = RestoreBackup(source, target, code, username, password)  # core checks; audited there
        self.ops.run("backups.restore", request, self._restored, self._failed)

    def _restored(self, result: RestoreResult) -> None:
        self.running = False
        self.password.clear()
        self.code.clear()
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.result_info = result
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
        self.password.clear()
        self.progress.hide()
        self.buttons.setEnabled(True)
        self.error.setText(error_text(exc))


class BackupsPage(OpsPage):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.running = False  # a backup is being made
        self.folder: Path | None = None  # the backup folder of the settings (from the last overview)
        self.last_result: BackupMade | None = None
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
        self.backup_now = role_button(self.tr("پشتیبان‌گیری همین حالا"), "backupNow")
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
        self.message = wrapped_label("backupMessage")
        layout.addWidget(self.message)

        self.table = read_only_table([self.tr("تاریخ"), self.tr("حجم"), self.tr("فایل")], 2, "backupTable")
        layout.addWidget(self.table, 1)

        self.backup_now.clicked.connect(self.start_backup)
        restore.clicked.connect(self.open_restore)
        refresh.clicked.connect(self.refresh)
        self.table.itemDoubleClicked.connect(lambda _item: self.open_restore())
        self.files: tuple[BackupFile, ...] = ()
        self.ops.refresh_on(("backups", "settings"), self.refresh)
        self.refresh()

    # ---- what is there ---------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # the daily backup may have run meanwhile
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Ask for the folder, the last backup and the files in the folder (read off the GUI thread)."""
        self.ops.run("backups.overview", NoRequest(), self._show, self._failed)

    def _show(self, overview: BackupsOverview) -> None:
        self.folder = Path(overview.folder) if overview.folder else None
        self.folder_label.setText(overview.folder or self.tr("انتخاب نشده (تنظیمات ← پشتیبان خودکار)"))
        last = overview.last_backup
        self.last_label.setText(show_datetime(last) if last else self.tr("هنوز پشتیبانی ساخته نشده است"))
        self.files = overview.files
        self.table.setRowCount(len(self.files))
        for row, item in enumerate(self.files):
            date = show_datetime(item.created_at) if item.readable else self.tr("فایل خراب یا ناشناخته")
            for column, text in enumerate((date, size_text(item.size), item.name)):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setData(Qt.ItemDataRole.UserRole, item.path)
                self.table.setItem(row, column, cell)

    # ---- back up now -----------------------------------------------------------------------------
    def start_backup(self) -> None:
        folder = self.folder
        if folder is None:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("پوشهٔ پشتیبان"))
            if not chosen:
                return
            folder = Path(chosen)
        self.backup_into(folder)

    def backup_into(self, folder: Path) -> None:
        """Make a backup in `folder` off the GUI thread; the page stays usable meanwhile (core checks the
        permission; the file gets the daily backups' name and retention)."""
        if self.running:
            return
        self.running = True
        self.backup_now.setEnabled(False)
        self.progress.show()
        self.message.setProperty("role", "hint")
        self.message.setText(self.tr("در حال پشتیبان‌گیری… کار با برنامه را می‌توانید ادامه دهید."))
        self.ops.run("backups.create", CreateBackup(str(folder), into_folder=True), self._made, self._failed)

    def _made(self, result: BackupMade) -> None:
        self.running = False
        self.progress.hide()
        self.backup_now.setEnabled(True)
        self.message.setText(
            self.tr("پشتیبان ساخته شد: {0} ({1}، {2} فایل سفارش).").format(
                embedded(Path(result.path).name), size_text(result.size), number_text(result.files)
            )
        )
        self.last_result = BackupMade(
            result.path, result.backup_id, result.files, result.size, None, result.managers
        )  # the code is not kept on the page
        if result.recovery_code:
            self.show_recovery_code(result.recovery_code)

    def show_recovery_code(self, code: str) -> None:
        RecoveryCodeDialog(code, self).exec()

    def _failed(self, exc: BaseException) -> None:
        self.running = False
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
        return Path(self.files[row].path)

    def open_restore(self) -> None:
        if not confirm(
            self,
            self.tr("بازیابی، داده‌های پشتیبان را در پوشه‌ای تازه می‌سازد؛ داده‌های کنونی دست نمی‌خورند."),
            yes=self.tr("ادامه"),
            details=self.tr("سفارش‌هایی که از آن پس نابود شده‌اند در نسخهٔ بازیابی‌شده دوباره دیده می‌شوند."),
        ):
            return
        dialog = RestoreDialog(self.session, self.selected_file(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_info is not None:
            self.restored(dialog.result_info)

    def restored(self, result: RestoreResult) -> None:
        """Say where the restored copy is (the restore was audited by its operation)."""
        inform(
            self,
            self.tr("بازیابی در پوشهٔ تازه انجام شد: {0}").format(embedded(result.data_dir)),
            details=self.tr(
                "{0} مشتری، {1} سفارش، {2} فایل. برای کار با آن، برنامه را با گزینهٔ data-dir و همین پوشه اجرا کنید."
            ).format(number_text(result.clients), number_text(result.orders), number_text(result.files)),
        )
