"""Widgets made the way the clinic style sheet expects them: a name (the style sheet's and the tests' handle)
and a `role` property the sheet styles by ("primary", "danger", "error", "hint"...)."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QPushButton


def role_button(text: str, name: str, role: str = "primary", icon: QIcon | None = None) -> QPushButton:
    button = QPushButton(icon, text) if icon is not None else QPushButton(text)
    button.setObjectName(name)
    button.setProperty("role", role)
    return button


def wrapped_label(name: str = "", role: str | None = None, *, hidden: bool = False) -> QLabel:
    """A word-wrapped line for a message or a status; `hidden` until there is something to say."""
    label = QLabel()
    if name:
        label.setObjectName(name)
    if role:
        label.setProperty("role", role)
    label.setWordWrap(True)
    if hidden:
        label.hide()
    return label
