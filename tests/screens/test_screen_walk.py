"""The screenshot walk (issue 15): every main screen of every role, and the dialogs that can be opened, at
1366×768 and 1920×1080, in Persian and English, offscreen. Each screenshot goes to
test-artifacts/screens/<role>_<screen>_<lang>_<size>.png, and for each one:

- the window is not wider (nor taller) than the screen: its minimum size fits, and after being sized to the
  screen it still is that size;
- in English, no visible text (labels, buttons, fields, combo boxes, tabs, table cells and headers, group
  titles, the photo overlay's labels) contains a Persian letter: the walk's clinic has Latin-letter data, so
  every Persian letter would be the interface's own;
- in Persian, Qt's standard buttons of every dialog button box and message box carry no ASCII letter.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
    QGraphicsView,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.conftest import ARTIFACTS, PASSWORD
from tests.screens.conftest import WalkClinic

# Words Qt itself writes (file dialog columns and types, standard buttons): in Persian they must be translated
QT_OWN_WORDS = frozenset({"Folder", "Drive", "File", "Name", "Size", "Type", "Date Modified", "Cancel", "Open", "OK"})
PERSIAN = re.compile("[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]")
ASCII_LETTER = re.compile("[A-Za-z]")
SIZES = [(1366, 768), (1920, 1080)]
SCREENS = ARTIFACTS / "screens"
MAX_ROWS = 80


# ---- what a person reads on screen ------------------------------------------------------------------
def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisible() and widget.isVisibleTo(top)


def _has_children(model, index: QModelIndex) -> bool:  # type: ignore[no-untyped-def]
    try:
        return bool(model.hasChildren(index))
    except TypeError:  # a table model: private in PySide6, and flat anyway
        return False


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    flat = isinstance(model, QAbstractListModel)  # its columnCount / hasChildren are private in PySide6
    columns = 1 if flat else model.columnCount()
    for column in range(columns):
        for orientation in (Qt.Orientation.Horizontal,):
            header = model.headerData(column, orientation, Qt.ItemDataRole.DisplayRole)
            if header:
                yield str(header)

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), MAX_ROWS)):
            for column in range(columns):
                index = model.index(row, column, parent)
                value = model.data(index, Qt.ItemDataRole.DisplayRole)
                if value not in (None, ""):
                    yield str(value)
                if column == 0 and depth < 2 and not flat and _has_children(model, index):
                    yield from walk(index, depth + 1)

    yield from walk(QModelIndex(), 0)


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every piece of text shown in `top` and its visible children."""
    out: list[tuple[str, str]] = [("window title", top.windowTitle())]

    def add(widget: QWidget, text: object) -> None:
        if text:
            out.append((f"{type(widget).__name__}#{widget.objectName()}", str(text)))

    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if not _shown(w, top):
            continue
        if isinstance(w, QLabel):
            add(w, w.text())
        elif isinstance(w, QAbstractButton):
            add(w, w.text())
        elif isinstance(w, QLineEdit):
            add(w, w.text() or w.placeholderText())
        elif isinstance(w, QGroupBox):
            add(w, w.title())
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                add(w, w.itemText(i))
            if w.currentIndex() < 0:
                add(w, w.placeholderText())
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                add(w, w.tabText(i))
        elif isinstance(w, QAbstractSpinBox):
            add(w, w.text())
        elif isinstance(w, QPlainTextEdit):
            add(w, w.toPlainText() or w.placeholderText())
        elif isinstance(w, QTextEdit):
            add(w, w.toPlainText() or w.placeholderText())
        if isinstance(w, QAbstractItemView):
            for text in _model_texts(w):
                add(w, text)
        if isinstance(w, QGraphicsView) and w.scene() is not None:
            for item in w.scene().items():
                if not item.isVisible():
                    continue
                if isinstance(item, QGraphicsSimpleTextItem):
                    add(w, item.text())
                elif isinstance(item, QGraphicsTextItem):
                    add(w, item.toPlainText())
                elif isinstance(getattr(item, "text", None), str):  # the overlay's own painted labels
                    add(w, item.text)  # type: ignore[attr-defined]
        if isinstance(getattr(w, "caption", None), str):  # painted captions (the simulation's panes)
            add(w, w.caption)  # type: ignore[attr-defined]
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            out.append(("menu", action.text()))
    return [(where, text) for where, text in out if text]


ISOLATED = re.compile("[\u2066\u2067\u2068][^\u2069]*\u2069")
TAG = re.compile("<[^>]*>")
# What a person types (and the clinic's own message templates, data in the client's language) is not checked
# for direction: it is shown as typed.
EDITABLE = ("QLineEdit", "QPlainTextEdit", "QTextEdit", "QLabel#templatePreview")


def turned_left_to_right(text: str) -> bool:
    """A Persian sentence whose first strong letter (isolates skipped, as the bidi algorithm does) is Latin:
    Qt then lays the whole sentence out left to right, scrambling it ("Sara — رضایت ثبت شد")."""
    if not PERSIAN.search(text):
        return False
    for line in TAG.sub("", text).splitlines():  # rich text: the markup is not shown
        bare = ISOLATED.sub("", line)
        first = next((ch for ch in bare if ch.isalpha() or ch in "\u200f\u061c"), "")  # RLM, ALM: strong RTL
        if PERSIAN.search(bare) and ASCII_LETTER.match(first):
            return True
    return False


def standard_button_texts(top: QWidget) -> list[str]:
    boxes = [w for w in [top, *top.findChildren(QWidget)] if isinstance(w, QDialogButtonBox | QMessageBox)]
    return [b.text() for box in boxes for b in box.buttons() if b.isVisible() or isinstance(box, QMessageBox)]


# ---- the walk ---------------------------------------------------------------------------------------
class Walk:
    def __init__(self, qtbot, lang: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.lang, self.size = qtbot, lang, size
        self.shots: list[Path] = []
        self.problems: list[str] = []
        self.buttons_seen = 0  # Qt standard buttons checked (in Persian)
        SCREENS.mkdir(parents=True, exist_ok=True)

    def settle(self, ms: int = 40) -> None:
        self.qtbot.wait(ms)

    def shoot(self, top: QWidget, name: str, *, window: bool = True) -> Path:
        """Screenshot `top` (a main window sized to the screen, or a dialog at its own size) and check it."""
        width, height = self.size
        if window:
            top.resize(width, height)
        if not top.isVisible():
            top.show()
            self.qtbot.waitExposed(top)
        # lists read without waiting (`loading` until their answers came): shoot the rows, not the moment before
        self.qtbot.waitUntil(
            lambda: not any(getattr(w, "loading", False) for w in (top, *top.findChildren(QWidget))), timeout=30_000
        )
        self.settle()
        QApplication.processEvents()
        label = f"{name}_{self.lang}_{width}x{height}"
        path = SCREENS / f"{label}.png"
        assert top.grab().save(str(path)), path
        self.shots.append(path)
        minimum = top.minimumSizeHint().expandedTo(top.minimumSize())
        if top.width() > width or minimum.width() > width:
            self.problems.append(f"{label}: wider than the screen ({top.width()} px, minimum {minimum.width()} px)")
        if window and (top.height() > height or minimum.height() > height):
            self.problems.append(f"{label}: taller than the screen ({top.height()} px, minimum {minimum.height()} px)")
        if self.lang == "en":
            persian = [f"{where}: {text!r}" for where, text in visible_texts(top) if PERSIAN.search(text)]
            if persian:
                self.problems.append(f"{label}: Persian in English: " + "; ".join(persian[:12]))
        else:
            turned = [
                f"{where}: {text!r}"
                for where, text in visible_texts(top)
                if not where.startswith(EDITABLE) and turned_left_to_right(text)
            ]
            if turned:
                self.problems.append(f"{label}: Persian text turned left to right: " + "; ".join(turned[:12]))
            qt_words = [f"{where}: {text!r}" for where, text in visible_texts(top) if text in QT_OWN_WORDS]
            if qt_words:
                self.problems.append(f"{label}: Qt's own English words in Persian: " + "; ".join(qt_words[:12]))
            buttons = standard_button_texts(top)
            self.buttons_seen += len(buttons)
            latin = [t for t in buttons if ASCII_LETTER.search(t.replace("&", ""))]
            if latin:
                self.problems.append(f"{label}: Qt buttons not in Persian: {latin}")
        return path

    def dialog(self, make: Callable[[], QDialog], name: str) -> None:
        dialog = make()
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        self.shoot(dialog, name, window=False)
        dialog.close()

    def popup(self, make: Callable[[], QDialog], field: Callable[[QDialog], Any], name: str) -> None:
        """Screenshot the Jalali calendar popup of a date field of the dialog `make` opens."""
        dialog = make()
        self.qtbot.addWidget(dialog)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        date_field = field(dialog)
        date_field.open_calendar()
        self.qtbot.waitUntil(lambda: date_field.popup is not None and date_field.popup.isVisible())
        self.shoot(date_field.popup, name, window=False)
        date_field.popup.hide()
        dialog.close()

    def modal(self, trigger: Callable[[], object], name: str) -> None:
        """Screenshot the modal box `trigger` opens (a real confirmation of the app), then decline it."""
        seen: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            if box is None:
                QTimer.singleShot(30, answer)
                return
            self.shoot(box, name, window=False)
            seen.append(type(box).__name__)
            if isinstance(box, QMessageBox):
                box.done(0)  # Escape: the safe choice
            elif isinstance(box, QDialog):
                box.reject()

        QTimer.singleShot(60, answer)
        trigger()
        assert seen, f"{name}: no modal box opened"

    def check(self, *, buttons: bool = True) -> None:
        assert self.shots
        if self.lang == "fa" and buttons:
            assert self.buttons_seen >= 2, "no standard button was looked at"
        assert not self.problems, "\n".join(self.problems)


@pytest.fixture(params=["fa", "en"])
def lang(request, qapp, persian_theme) -> Iterator[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QLocale

    from maya_desktop.gui.theme import apply_theme, set_language

    if request.param == "en":
        sheet, font, locale = qapp.styleSheet(), qapp.font(), QLocale()
        apply_theme(qapp, "en")
        yield "en"
        set_language(qapp, "fa")
        qapp.setStyleSheet(sheet)
        qapp.setFont(font)
        qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        QLocale.setDefault(locale)
    else:
        yield "fa"


def _login(clinic: WalkClinic, username: str):  # type: ignore[no-untyped-def]
    from maya_desktop.core.vault import Vault

    return Vault.open(clinic.root, username, PASSWORD)


def _window(qtbot, session):  # type: ignore[no-untyped-def]
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@contextmanager
def _walk_window(  # type: ignore[no-untyped-def]
    qtbot, clinic: WalkClinic, username: str, lang: str, size: tuple[int, int], shots: str
) -> Iterator[tuple[Any, Walk, Any]]:
    """`username`'s main window to walk through (session, walk, window); afterwards it is locked and shot as
    `<shots>_locked`, closed with the vault, and every shot is checked."""
    session = _login(clinic, username)
    walk = Walk(qtbot, lang, size)
    try:
        window = _window(qtbot, session)
        yield session, walk, window
        window.lock()
        walk.shoot(window, f"{shots}_locked")
        window.close()
    finally:
        session.vault.close()
    walk.check()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_reception_screens(qtbot, walk_clinic: WalkClinic, lang: str, size: tuple[int, int]):
    from maya_desktop.core.orders.records import get_order
    from maya_desktop.gui.client_dialog import ClientDialog
    from maya_desktop.gui.client_history import ClientHistoryDialog
    from maya_desktop.gui.order_print import OrderPrintDialog
    from maya_desktop.gui.orders import dialogs

    with _walk_window(qtbot, walk_clinic, "reception", lang, size, "reception") as (session, walk, window):
        window.show_page("clients")
        walk.shoot(window, "reception_clients")
        window.show_page("orders")
        walk.shoot(window, "reception_orders")
        detail = window.page_by_key["orders"].detail
        for key, order in (
            ("imported", walk_clinic.imported),
            ("quoted", walk_clinic.quoted),
            ("paid", walk_clinic.paid),
        ):
            window.show_order(order)
            qtbot.waitUntil(lambda o=order: detail.order is not None and detail.order.id == o, timeout=30_000)
            if key == "imported":
                qtbot.waitUntil(lambda: all(c.has_image() for c in detail.cards.values()), timeout=30_000)
            walk.shoot(window, f"reception_order_{key}")
        walk.dialog(lambda: ClientDialog(session), "reception_dialog_new_client")
        walk.dialog(lambda: dialogs.NewOrderDialog(session, walk_clinic.client), "reception_dialog_new_order")
        walk.dialog(
            lambda: dialogs.QuoteDialog(session, get_order(session, walk_clinic.analysed)), "reception_dialog_quote"
        )
        walk.dialog(
            lambda: dialogs.PaymentDialog(session, get_order(session, walk_clinic.quoted)), "reception_dialog_payment"
        )
        walk.popup(
            lambda: dialogs.PaymentDialog(session, get_order(session, walk_clinic.quoted)),
            lambda dialog: dialog.paid_on,
            "reception_date_popup",
        )
        window.show_order(walk_clinic.imported)
        qtbot.waitUntil(lambda: detail.order is not None and detail.order.id == walk_clinic.imported, timeout=30_000)
        walk.modal(detail.choose_files, "reception_file_dialog")  # Qt's own file dialog, in Persian too
        walk.dialog(
            lambda: dialogs.ConsentDialog(session, get_order(session, walk_clinic.paid)), "reception_dialog_consent"
        )
        walk.dialog(
            lambda: dialogs.CancelDialog(session, get_order(session, walk_clinic.quoted)), "reception_dialog_cancel"
        )
        walk.dialog(lambda: ClientHistoryDialog(session, walk_clinic.history_client), "reception_dialog_history")
        walk.dialog(lambda: OrderPrintDialog(session, walk_clinic.quoted, "quote"), "reception_dialog_print_quote")
        walk.dialog(lambda: OrderPrintDialog(session, walk_clinic.paid, "receipt"), "reception_dialog_print_receipt")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_doctor_screens(qtbot, walk_clinic: WalkClinic, lang: str, size: tuple[int, int]):
    from maya_desktop.gui.doctor.report_preview import ReportPreviewDialog

    with _walk_window(qtbot, walk_clinic, "doctor", lang, size, "doctor") as (_session, walk, window):
        walk.shoot(window, "doctor_cases")
        page = window.page_by_key["cases"]
        assert page.open_order(walk_clinic.case)
        viewer = page.viewer
        qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)
        walk.shoot(window, "doctor_viewer")
        viewer.group_boxes["labels"].setChecked(True)
        walk.shoot(window, "doctor_viewer_names")
        on_photo = [t for where, t in visible_texts(window) if where.startswith("PhotoCanvas")]
        assert len(on_photo) > 10, on_photo  # the overlay's labels are read (and checked in English)
        viewer.group_boxes["labels"].setChecked(False)
        tabs = viewer.findChild(QTabBar)
        if tabs is not None and tabs.count() > 1:
            tabs.setCurrentIndex(1)
            walk.shoot(window, "doctor_findings")
            tabs.setCurrentIndex(0)
        earlier = [
            viewer.compare.itemData(i)
            for i in range(viewer.compare.count())
            if viewer.compare.itemData(i) in viewer.earlier
        ]
        if earlier:
            viewer.compare.setCurrentIndex(viewer.compare.findData(earlier[0]))
            qtbot.waitUntil(lambda: viewer.canvas.compare_item is not None, timeout=60_000)
            walk.shoot(window, "doctor_compare_earlier")
            viewer.compare.setCurrentIndex(0)
        profile = next(pid for pid, p in viewer.photos.items() if p.view == "profile_left")
        viewer.strip.select_photo(profile)
        qtbot.waitUntil(lambda: viewer.current == profile, timeout=60_000)
        walk.shoot(window, "doctor_viewer_profile")
        viewer.toggle_simulation(True)
        qtbot.wait(200)
        walk.shoot(window, "doctor_simulation")
        viewer.toggle_simulation(False)
        viewer.layout_toggle.setChecked(True)
        qtbot.wait(300)
        walk.shoot(window, "doctor_standard_layout")
        viewer.layout_toggle.setChecked(False)
        walk.modal(viewer.deliver, "doctor_confirm_delivery")  # Qt's own Yes / No
        preview = viewer.preview_report()
        assert preview is not None
        walk.dialog(lambda: ReportPreviewDialog(preview, window), "doctor_dialog_report_preview")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_manager_screens(qtbot, walk_clinic: WalkClinic, lang: str, size: tuple[int, int]):
    from maya_desktop.core.orders.records import get_order
    from maya_desktop.gui.account_dialog import AccountDialog
    from maya_desktop.gui.backups_page import RestoreDialog
    from maya_desktop.gui.doctor.break_glass import BreakGlassDialog
    from maya_desktop.gui.legal_page import LegalRequestDialog
    from maya_desktop.gui.orders import dialogs
    from maya_desktop.gui.staff_page import StaffDialog
    from maya_desktop.gui.sync_settings import SyncSettingsDialog

    with _walk_window(qtbot, walk_clinic, "admin", lang, size, "manager") as (session, walk, window):
        for key in list(window.page_by_key):
            window.show_page(key)
            qtbot.wait(150)  # pages that load through operations
            walk.shoot(window, f"manager_{key}")
        # the emergency screen with a case open under break-glass (banner with the minutes left)
        from maya_desktop.core.orders.access import active_break_glass
        from maya_desktop.core.orders.breakglass import start_break_glass

        if active_break_glass(session.conn, walk_clinic.case, session.staff.id) is None:
            start_break_glass(session, walk_clinic.case, "Screenshot walk of the emergency screen", 15)
        window.show_page("emergency")
        emergency = window.page_by_key["emergency"]
        assert emergency.open_order(walk_clinic.case)
        qtbot.wait(200)
        walk.shoot(window, "manager_emergency_case")
        emergency.close_viewer()
        walk.dialog(lambda: StaffDialog(session), "manager_dialog_new_staff")
        walk.dialog(lambda: AccountDialog(session), "manager_dialog_account")
        walk.dialog(lambda: SyncSettingsDialog(session), "manager_dialog_sync")
        walk.dialog(lambda: RestoreDialog(session), "manager_dialog_restore")
        walk.dialog(lambda: LegalRequestDialog(session), "manager_dialog_legal_request")
        walk.dialog(lambda: BreakGlassDialog(session, walk_clinic.case), "manager_dialog_break_glass")
        walk.dialog(
            lambda: dialogs.DestroyDialog(session, get_order(session, walk_clinic.quoted)), "manager_dialog_destroy"
        )
        window.show_page("backups")
        walk.modal(window.page_by_key["backups"].open_restore, "manager_confirm_restore")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_login_and_setup(qtbot, walk_clinic: WalkClinic, lang: str, size: tuple[int, int], tmp_path: Path):
    from maya_desktop.gui.login import LoginDialog
    from maya_desktop.gui.setup_wizard import SetupWizard

    walk = Walk(qtbot, lang, size)
    walk.dialog(lambda: LoginDialog(walk_clinic.root), "login")
    walk.dialog(lambda: SetupWizard(tmp_path / "new"), "setup_wizard")
    walk.check(buttons=False)  # their own named buttons (the wizard's are Qt's QWizard buttons)


def test_the_direction_check_finds_a_persian_line_turned_left_to_right():
    assert turned_left_to_right("Sara Mohammadi — رضایت ثبت شد")
    assert turned_left_to_right("amount_rial: ۲۵؛ از: قیمت اعلام شد")
    assert not turned_left_to_right("\u2068Sara Mohammadi\u2069 — رضایت ثبت شد")
    assert not turned_left_to_right("<span style='color:#22c3ee'>●</span> خودکار")
    assert not turned_left_to_right("\u200fSTARTTLS (معمولاً درگاه ۵۸۷)")
    assert not turned_left_to_right("Sara Mohammadi") and not turned_left_to_right("سفارش ۳ — Nima Karimi")
