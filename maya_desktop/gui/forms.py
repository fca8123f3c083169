"""Load Qt Designer forms from ui/*.ui at run time (QUiLoader) and reach their children by name; `FormSection`
is a part of a screen whose static layout is one such form."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtUiTools import QUiLoader
from PySide6.QtWidgets import QVBoxLayout, QWidget

from maya_desktop.resources_path import ui_file

_loader: QUiLoader | None = None


def form_loader() -> QUiLoader:
    """The one form loader, made without Qt Designer's custom-widget plugins.

    QUiLoader's constructor loads every plugin in `<library path>/designer` at once: in PySide6's wheel these are
    QQuickWidget's and QWebEngineView's, which bring Qt Quick and QML into the process (~15 MB resident, issue
    17's memory goal). Our forms use only Qt's own widgets, which the loader builds without plugins, so the
    loader is made while the application's library paths are empty (restored at once). It is made on the first
    form, the sign-in window's, before any thread of ours decodes images with Qt's plugins."""
    global _loader
    if _loader is None:
        paths = QCoreApplication.libraryPaths()
        QCoreApplication.setLibraryPaths([])
        try:
            _loader = QUiLoader()
        finally:
            QCoreApplication.setLibraryPaths(paths)
    return _loader


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    path = ui_file(name)
    handle = QFile(str(path))
    if not handle.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FileNotFoundError(f"UI form missing: {path}")
    try:
        widget = form_loader().load(handle, parent)
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


def embed_form(name: str, host: QWidget) -> QWidget:
    """Load ui/`name` as the only child of `host`, filling it edge to edge (a section widget's layout)."""
    form = load_form(name, host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(form)
    return form


class FormSection(QWidget):
    """A section of a screen laid out by the Designer form `FORM` (ui/FORM), which fills it edge to edge.
    The form's strings are translated in the context of the form's class (its <class> in the .ui)."""

    FORM = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = embed_form(self.FORM, self)

    def part(self, cls: type, name: str):  # type: ignore[no-untyped-def]
        """The form's child `name` of class `cls` (LookupError if the form has none)."""
        return child(self.form, cls, name)
