"""Load Qt Designer forms from ui/*.ui at run time (QUiLoader) and reach their children by name."""

from __future__ import annotations

from PySide6.QtCore import QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QWidget

from maya_desktop.resources_path import ui_file


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_file(name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"UI form missing: {path}")
    try:
        widget = QUiLoader().load(handle, parent)
    finally:
        handle.close()
    if widget is None:
        raise RuntimeError(f"UI form could not be loaded: {path}")
    return widget


def child(form: QWidget, cls: type, name: str):  # type: ignore[no-untyped-def]
    found = form.findChild(cls, name)
    if found is None:
        raise LookupError(f"{name} not in form {form.objectName()}")
    return found
