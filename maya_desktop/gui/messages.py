"""Messages in the interface language: core errors, confirmations, notices. Never personal data or tracebacks.

Standard buttons (Yes/No, OK/Cancel...) take their Persian from Qt's catalogue (gui/theme.py); the helpers
here also name their buttons explicitly, so a confirmation reads the same whatever Qt version is installed.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from maya_desktop.core.errors import MayaError
from maya_desktop.gui.theme import current_lang

log = logging.getLogger(__name__)

UNEXPECTED_FA = "خطای پیش‌بینی‌نشده‌ای رخ داد. کار نیمه‌تمام ذخیره نشد. اگر تکرار شد به مدیر اطلاع دهید."
UNEXPECTED_EN = "An unexpected error occurred. Nothing half-done was saved. Tell the manager if it happens again."


def error_text(exc: BaseException) -> str:
    if isinstance(exc, MayaError):
        return exc.message_en if current_lang() == "en" else exc.message_fa
    log.error("unexpected error: %s", type(exc).__name__)  # type only: messages may hold data
    return UNEXPECTED_EN if current_lang() == "en" else UNEXPECTED_FA


def _title(parent: QWidget | None) -> str:
    return (parent.window().windowTitle() if parent else "") or "Maya"


def _ok_text() -> str:
    return QCoreApplication.translate("Messages", "تأیید")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, _title(parent), error_text(exc), QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(_ok_text())
    box.exec()


def inform(parent: QWidget | None, text: str, *, details: str = "") -> None:
    """A plain notice with one OK button (e.g. "settings saved")."""
    box = QMessageBox(QMessageBox.Icon.Information, _title(parent), text, QMessageBox.StandardButton.Ok, parent)
    box.button(QMessageBox.StandardButton.Ok).setText(_ok_text())
    if details:
        box.setInformativeText(details)
    box.exec()


def confirm_box(parent: QWidget | None, text: str, *, yes: str, details: str = "") -> QMessageBox:
    """The confirmation dialog (built, not shown): `yes` names the action; the safe choice is the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, _title(parent), text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmBox")
    if details:
        box.setInformativeText(details)
    box.addButton(yes, QMessageBox.ButtonRole.AcceptRole).setObjectName("confirmYes")
    cancel = box.addButton(QCoreApplication.translate("Messages", "انصراف"), QMessageBox.ButtonRole.RejectRole)
    cancel.setObjectName("confirmNo")
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm(parent: QWidget | None, text: str, *, yes: str, details: str = "") -> bool:
    """Ask before doing something that cannot be undone. True only if the person chose `yes`."""
    box = confirm_box(parent, text, yes=yes, details=details)
    box.exec()
    return box.clickedButton() is not None and box.clickedButton().objectName() == "confirmYes"
