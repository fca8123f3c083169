"""Look and direction: Vazirmatn everywhere, right-to-left for Persian, the clinic style sheet.

Persian mode also loads Qt's own Persian catalogue (qtbase_fa.qm, shipped with PySide6 and carried by
build.spec), so the standard buttons of every QMessageBox / QDialogButtonBox / QFileDialog / QInputDialog
read Persian, including those in windows that never name their buttons. The few standard texts that
catalogue lacks come from QtPersianFallback.
"""

from __future__ import annotations

from PySide6.QtCore import QDir, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from maya_desktop.resources_path import resource

FONT_FAMILY = "Vazirmatn"
QT_CATALOGUES = ("qtbase_fa", "qt_fa")
_translators: list[QTranslator] = []

# Standard texts Qt asks for (buttons, message and file dialogs) that qtbase_fa.qm leaves untranslated.
QT_PERSIAN_FALLBACK: dict[tuple[str, str], str] = {
    ("QPlatformTheme", "OK"): "تأیید",
    ("QPlatformTheme", "&OK"): "تأیید",
    ("QPlatformTheme", "Cancel"): "انصراف",
    ("QPlatformTheme", "&Cancel"): "انصراف",
    ("QPlatformTheme", "Yes"): "بله",
    ("QPlatformTheme", "&Yes"): "بله",
    ("QPlatformTheme", "No"): "خیر",
    ("QPlatformTheme", "&No"): "خیر",
    ("QPlatformTheme", "Save"): "ذخیره",
    ("QPlatformTheme", "&Save"): "ذخیره",
    ("QPlatformTheme", "Discard"): "ذخیره نکن",
    ("QPlatformTheme", "Don't Save"): "ذخیره نکن",
    ("QPlatformTheme", "Close without Saving"): "بستن بدون ذخیره",
    ("QPlatformTheme", "Close"): "بستن",
    ("QPlatformTheme", "&Close"): "بستن",
    ("QPlatformTheme", "Apply"): "اعمال",
    ("QPlatformTheme", "Reset"): "بازنشانی",
    ("QPlatformTheme", "Help"): "راهنما",
    ("QPlatformTheme", "Open"): "باز کردن",
    ("QPlatformTheme", "Abort"): "لغو",
    ("QPlatformTheme", "Retry"): "تلاش دوباره",
    ("QPlatformTheme", "Ignore"): "نادیده گرفتن",
    ("QPlatformTheme", "Save All"): "ذخیرهٔ همه",
    ("QPlatformTheme", "Yes to &All"): "بله برای همه",
    ("QPlatformTheme", "N&o to All"): "خیر برای همه",
    ("QPlatformTheme", "Restore Defaults"): "بازگرداندن پیش‌فرض‌ها",
    ("QFileDialog", "&Look in:"): "&پوشه:",
    ("QFileDialog", "Files of &type:"): "&نوع فایل:",
    ("QFileDialog", "Select Folder"): "انتخاب پوشه",
    ("QFileDialog", "Select a folder"): "پوشه‌ای انتخاب کنید",
    ("QAbstractFileIconProvider", "Folder"): "پوشه",
    ("QAbstractFileIconProvider", "Drive"): "درایو",
    ("QAbstractFileIconProvider", "File"): "فایل",
    ("QAbstractFileIconProvider", "%1 File"): "فایل %1",
    ("QMessageBox", "Show Details..."): "نمایش جزئیات…",
    ("QMessageBox", "Hide Details..."): "پنهان کردن جزئیات…",
}


class QtPersianFallback(QTranslator):
    """Persian for the standard texts Qt's own catalogue misses (asked after qtbase_fa.qm)."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str | None:
        # None (a null QString) lets Qt ask the next translator / keep the source; "" would blank the text
        return QT_PERSIAN_FALLBACK.get((context, source))

    def isEmpty(self) -> bool:
        return False


def qt_translations_dir() -> str:
    """Where Qt's own .qm files are: PySide6/Qt/translations (also inside the bundle, see build.spec)."""
    return QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)


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
    QDir.addSearchPath("icons", str(resource("icons")))  # url(icons:…) in the style sheet
    qss = resource("styles", "app.qss")
    if qss.exists():
        app.setStyleSheet(qss.read_text(encoding="utf-8"))
    app.setWindowIcon(icon("logo"))
    set_language(app, lang)


def _install(app: QApplication, translator: QTranslator) -> None:
    app.installTranslator(translator)
    _translators.append(translator)


def set_language(app: QApplication, lang: str) -> None:
    """Persian is the source language of every string; English comes from resources/translations/maya_en.qm.

    Qt's own strings are English by default; Persian mode loads Qt's Persian catalogues, then the
    fallback (installed first, so it is asked last: Qt asks the most recently installed translator first).
    """
    while _translators:
        app.removeTranslator(_translators.pop())
    if lang == "en":
        translator = QTranslator(app)
        if translator.load(str(resource("translations", "maya_en.qm"))):
            _install(app, translator)
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        _install(app, QtPersianFallback(app))
        for name in QT_CATALOGUES:
            translator = QTranslator(app)
            if translator.load(name, qt_translations_dir()):
                _install(app, translator)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
    app.setProperty("maya_lang", lang)


def current_lang() -> str:
    app = QApplication.instance()
    return str(app.property("maya_lang") or "fa") if app else "fa"


def icon(name: str) -> QIcon:
    path = resource("icons", f"{name}.svg")
    return QIcon(str(path)) if path.exists() else QIcon()
