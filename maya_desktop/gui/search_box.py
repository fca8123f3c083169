"""The search field of the lists (clients, orders, client picker, audit log) and its typing pause."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit

from maya_desktop.gui.theme import icon
from maya_desktop.gui.widgets import line_edit

TYPING_PAUSE_MS = 150


def search_field(object_name: str, placeholder: str, *, with_icon: bool = False) -> QLineEdit:
    """A line edit with a clear button and a placeholder (and the search icon in front, when asked)."""
    field = line_edit(object_name, placeholder)
    field.setClearButtonEnabled(True)
    if with_icon:
        field.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
    return field


def on_typing_pause(owner: QObject, field: QLineEdit, slot: Callable[[], None]) -> QTimer:
    """Call `slot` once typing in `field` pauses (every keystroke restarts the wait); the timer is returned
    so that the owner can stop it (a search it runs itself makes the pending one moot)."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.setInterval(TYPING_PAUSE_MS)
    timer.timeout.connect(slot)
    field.textChanged.connect(timer.start)
    return timer
