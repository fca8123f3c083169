"""Look and direction: Vazirmatn everywhere, right-to-left for Persian, the clinic style sheet."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from maya_desktop.resources_path import resource

FONT_FAMILY = "Vazirmatn"
_translator: QTranslator | None = None


def load_fonts() -> str:
    family = FONT_FAMILY
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def apply_theme(app: QApplication, lang: str = "fa") -> None:
    family = load_fonts()
    font = QFont(family, 10)
    app.setFont(font)
    qss = resource("styles", "app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    app.setWindowIcon(icon("logo"))
    set_language(app, lang)


def set_language(app: QApplication, lang: str) -> None:
    """Persian is the source language of every string; English comes from resources/translations/maya_en.qm."""
    global _translator
    if _translator is not None:
        app.removeTranslator(_translator)
        _translator = None
    if lang == "en":
        translator = QTranslator(app)
        if translator.load(str(resource("translations", "maya_en.qm"))):
            app.installTranslator(translator)
            _translator = translator
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    app.setProperty("maya_lang", lang)


def current_lang() -> str:
    app = QApplication.instance()
    return str(app.property("maya_lang") or "fa") if app else "fa"


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
