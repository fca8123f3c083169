"""Widgets made the way the clinic style sheet expects them: a name (the style sheet's and the tests' handle)
and a `role` property the sheet styles by ("primary", "danger", "error", "hint"...)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton


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


def line_edit(name: str, placeholder: str = "", *, secret: bool = False, ltr: bool = False) -> QLineEdit:
    """A named text field; `secret` hides what is typed (passwords, tokens), `ltr` keeps codes and addresses
    left to right in a right-to-left screen."""
    edit = QLineEdit()
    edit.setObjectName(name)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    if secret:
        edit.setEchoMode(QLineEdit.EchoMode.Password)
    if ltr:
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    return edit
