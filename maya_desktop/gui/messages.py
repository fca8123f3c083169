"""Turn core errors into a message in the interface language. Never shows personal data or tracebacks."""

from __future__ import annotations

import logging

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


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        parent.windowTitle() if parent else "Maya",
        error_text(exc),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.exec()
