"""Issue 15: Qt's own buttons in Persian, wording, and the manager's settings / backups / audit screens.

Real windows offscreen (pytest-qt), a real demo clinic (SQLCipher), real backups and restores.
Modal dialogs are answered by a timer that looks at the active modal window, as a person would.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from maya_desktop.core import audit
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.clinic_settings import read_settings
from maya_desktop.core.persian import PERSIAN_DIGITS
from tests.conftest import PASSWORD

ASCII_LETTER = re.compile("[A-Za-z]")
PERSIAN = re.compile("[\u0600-\u06ff]")
SB = QMessageBox.StandardButton
ALL_BUTTONS = (
    SB.Ok | SB.Cancel | SB.Save | SB.Discard | SB.Yes | SB.No | SB.Close | SB.Apply | SB.Abort | SB.Retry | SB.Ignore
)
DB = QDialogButtonBox.StandardButton
BOX_BUTTONS = DB.Ok | DB.Cancel | DB.Save | DB.Discard | DB.Yes | DB.No | DB.Close


@pytest.fixture
def persian(persian_theme) -> None:
    """The Persian theme (Qt's Persian catalogue loaded) for one test."""


class ModalAnswerer:
    """Answers modal dialogs as they appear: records what they say and presses what `answer` chooses."""

    def __init__(self, answer: Callable[[QWidget], None]) -> None:
        self.answer = answer
        self.seen: list[QWidget] = []
        self.texts: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None or (self.seen and widget is self.seen[-1] and widget.isVisible() is False):
            return
        self.seen.append(widget)
        if isinstance(widget, QMessageBox):
            self.texts.append(widget.text() + "\n" + widget.informativeText())
        self.answer(widget)


def _press_yes_or_ok(widget: QWidget) -> None:
    if isinstance(widget, QMessageBox):
        yes = widget.findChild(QPushButton, "confirmYes")
        (yes or widget.buttons()[0]).click()
    elif isinstance(widget, QDialog):
        check = widget.findChild(QCheckBox, "recoveryWritten")
        if check is not None:
            check.setChecked(True)
        widget.accept()


@pytest.fixture
def answer_modals() -> Iterator[Callable[[Callable[[QWidget], None]], ModalAnswerer]]:
    answerers: list[ModalAnswerer] = []

    def start(answer: Callable[[QWidget], None] = _press_yes_or_ok) -> ModalAnswerer:
        answerer = ModalAnswerer(answer)
        answerers.append(answerer)
        return answerer

    yield start
    for answerer in answerers:
        answerer.timer.stop()


def _static_box_buttons(function: Callable[..., object]) -> list[str]:
    texts: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        texts.extend(button.text() for button in box.buttons())
        box.done(0)

    QTimer.singleShot(50, read_and_close)
    function(None, "Maya", "?", ALL_BUTTONS)
    return texts


# ---- Qt's own buttons --------------------------------------------------------------------------
@pytest.mark.parametrize("name", ["question", "warning", "information", "critical"])
def test_standard_message_boxes_are_persian_in_persian_mode(persian, qtbot, name: str):
    texts = _static_box_buttons(getattr(QMessageBox, name))
    assert len(texts) == 11
    assert all(t.replace("&", "").strip() for t in texts), texts
    assert not [t for t in texts if ASCII_LETTER.search(t)], texts


def test_standard_dialog_buttons_are_persian_then_english(persian, qtbot, english):
    from maya_desktop.gui.theme import set_language

    set_language(QApplication.instance(), "fa")
    box = QDialogButtonBox(BOX_BUTTONS)
    qtbot.addWidget(box)
    persian_texts = [b.text() for b in box.buttons()]
    assert len(persian_texts) == 7
    assert not [t for t in persian_texts if ASCII_LETTER.search(t)], persian_texts
    assert all(PERSIAN.search(t) for t in persian_texts), persian_texts
    set_language(QApplication.instance(), "en")
    english_box = QDialogButtonBox(BOX_BUTTONS)
    qtbot.addWidget(english_box)
    english_texts = sorted(b.text().replace("&", "") for b in english_box.buttons())
    assert english_texts == sorted(["OK", "Cancel", "Save", "Discard", "Yes", "No", "Close"])
    assert sorted(t.replace("&", "") for t in _static_box_buttons(QMessageBox.question)) == sorted(
        ["OK", "Cancel", "Save", "Discard", "Yes", "No", "Close", "Apply", "Abort", "Retry", "Ignore"]
    )


def test_our_confirmation_names_its_buttons_in_the_interface_language(persian, qtbot):
    from maya_desktop.gui.messages import confirm_box

    box = confirm_box(None, "پاک شود؟", yes="بله، پاک کن")
    qtbot.addWidget(box)
    texts = [b.text() for b in box.buttons()]
    assert "بله، پاک کن" in texts and not [t for t in texts if ASCII_LETTER.search(t)], texts
    assert box.defaultButton().objectName() == "confirmNo"  # the safe choice is the default


# ---- wording -----------------------------------------------------------------------------------
def test_lock_screen_says_wrong_password_not_username(persian, qtbot, demo):
    from maya_desktop.core.signin import FolderThrottle, lock, unlock
    from maya_desktop.gui.lock import LockScreen

    lock(demo)
    screen = LockScreen(demo)
    qtbot.addWidget(screen)
    screen.password.setText("not-the-password")
    screen.try_unlock()  # the key is derived off the GUI thread; the screen says it is working
    assert screen.unlocking and not screen.button.isEnabled() and screen.progress.isVisibleTo(screen)
    qtbot.waitUntil(lambda: not screen.unlocking, timeout=10_000)
    shown = screen.error.text()
    assert "گذرواژه" in shown and "نام کاربری" not in shown, shown
    throttle = FolderThrottle(demo.vault.data_dir)
    qtbot.waitUntil(lambda: throttle.delay_of(demo.actor) == 0, timeout=5_000)
    unlock(demo, PASSWORD)  # the failed attempt was kept (the vault was closed) and is audited now
    assert audit.search(demo.conn, AuditQuery(actions=("unlock.failed",)), limit=1)


def test_password_messages_use_one_word():
    from maya_desktop.core.errors import ValidationError
    from maya_desktop.core.validation import check_password_strength

    for weak in ("short", "password123password", "aaaaaaaaaaaaaaaa"):
        try:
            check_password_strength(weak, "someone")
        except ValidationError as exc:
            assert "رمز عبور" not in exc.message_fa and "گذرواژه" in exc.message_fa, exc.message_fa


# ---- settings ----------------------------------------------------------------------------------
def test_settings_confirm_a_shorter_retention_and_say_saved(persian, qtbot, demo):
    from maya_desktop.gui.settings_page import SettingsPage

    page = SettingsPage(demo)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.current is not None, timeout=10_000)  # read on the database thread
    asked: list[str] = []
    page.confirm_shorter = lambda consequence: asked.append(consequence) or False
    before = read_settings(demo)["retention_days_after_delivery"]
    page.spins["retention_days_after_delivery"].setValue(before - 5)
    page.save()
    assert asked and PERSIAN.search(asked[0]) and "۲" in asked[0]  # Persian digits in Persian text
    assert read_settings(demo)["retention_days_after_delivery"] == before  # declined: nothing saved
    assert page.saved.text() == ""
    page.confirm_shorter = lambda consequence: True
    page.save()
    qtbot.waitUntil(lambda: "ذخیره شد" in page.saved.text(), timeout=10_000)
    assert read_settings(demo)["retention_days_after_delivery"] == before - 5
    asked.clear()
    page.confirm_shorter = lambda consequence: asked.append(consequence) or True
    page.spins["auto_lock_minutes"].setValue(9)  # not destructive: no question
    page.save()
    qtbot.waitUntil(lambda: "ذخیره شد" in page.saved.text(), timeout=10_000)
    assert not asked and read_settings(demo)["auto_lock_minutes"] == 9


def test_settings_confirmation_dialog_is_real_and_cancel_keeps_the_value(persian, qtbot, demo, answer_modals):
    from maya_desktop.gui.settings_page import SettingsPage

    page = SettingsPage(demo)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.current is not None, timeout=10_000)
    answerer = answer_modals(lambda box: box.findChild(QPushButton, "confirmNo").click())
    page.spins["quote_expiry_days"].setValue(1)
    page.save()
    assert answerer.texts and "منقضی" in answerer.texts[0]
    assert read_settings(demo)["quote_expiry_days"] != 1


# ---- audit view --------------------------------------------------------------------------------
def _settled(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page's operations answered (they run off the GUI thread)."""
    qtbot.waitUntil(lambda: not page.busy and not getattr(page, "exporting", False), timeout=30_000)


def test_audit_page_reads_as_words_pages_past_500_filters_and_exports(persian, qtbot, demo, tmp_path, answer_modals):
    from maya_desktop.gui.audit_page import PAGE_SIZE, AuditPage

    for i in range(600):
        demo.audit("case.opened", f"order:{i + 1}", {"photo": i, "breakglass": False})
    page = AuditPage(demo)
    qtbot.addWidget(page)
    _settled(qtbot, page)
    total = audit.count_matching(demo.conn, AuditQuery())
    assert total > 600
    assert page.table.rowCount() == PAGE_SIZE
    details = page.table.item(0, 5).text()
    assert "{" not in details and "عکس" in details and "خیر" in details, details
    assert page.table.item(0, 4).text().startswith("سفارش ")
    assert not re.search("[0-9]", page.table.item(0, 0).text())  # Persian digits
    pages = -(-total // PAGE_SIZE)
    seen = set()
    for _ in range(pages):
        seen |= {page.table.item(r, 0).text() for r in range(page.table.rowCount())}
        if page.older.isEnabled():
            page.older.click()
            _settled(qtbot, page)
    assert len(seen) == total and not page.older.isEnabled()
    assert page.page_label.text().startswith("صفحهٔ " + "".join(PERSIAN_DIGITS[int(d)] for d in str(pages)))

    def apply() -> None:
        page.apply_filters()
        _settled(qtbot, page)

    page.search.setText("باز کردن پرونده")  # a displayed action name finds its entries
    apply()
    assert page.total == 600
    page.search.setText("order:17")
    apply()
    assert page.total >= 1
    page.clear_filters()
    _settled(qtbot, page)
    page.person.setCurrentIndex(page.person.findData("admin"))
    page.since.setText("۱۳۰۰/۰۱/۰۱")
    page.until.setText("۱۵۰۰/۰۱/۰۱")
    apply()
    assert page.total == audit.count_matching(demo.conn, AuditQuery(actor="admin"))
    page.since.setText("۱۴۰۵/۱۳/۴۰")
    apply()
    assert page.filter_error.text()

    page.clear_filters()
    _settled(qtbot, page)
    page.action.setCurrentIndex(page.action.findData("case.opened"))
    apply()
    answerer = answer_modals()
    out = tmp_path / "audit.csv"
    page.export_to(str(out))
    assert page.exporting and page.progress.isVisibleTo(page)  # off the GUI thread, with a busy bar
    _settled(qtbot, page)
    assert page.exported_rows == 600
    text = out.read_text(encoding="utf-8-sig")
    assert text.count("\n") == 601 and "باز کردن پرونده" in text and "{" not in text
    qtbot.waitUntil(lambda: bool(answerer.texts), timeout=5_000)  # "600 entries saved" was said
    exported = audit.search(demo.conn, AuditQuery(actions=("audit.exported",)), limit=1)[0]
    assert exported.details == {"rows": 600, "filtered": True}
    page.export_to(str(tmp_path / "missing" / "audit.csv"))  # a folder that is not there: said in place
    _settled(qtbot, page)
    assert page.exported_rows is None and "فایل نوشته نشد" in page.filter_error.text()

    page.verify_button.click()
    _settled(qtbot, page)
    assert "سالم" in page.status.text() and page.verify_button.isEnabled()


# ---- backups -----------------------------------------------------------------------------------
def test_backups_page_backs_up_shows_the_code_once_lists_and_restores(
    persian, qtbot, demo, tmp_path, answer_modals, caplog
):
    from maya_desktop.core.backup import configure_scheduled_backup
    from maya_desktop.gui.backups_page import BackupsPage, RestoreDialog

    caplog.set_level(logging.DEBUG)
    folder = tmp_path / "backups"
    configure_scheduled_backup(demo, str(folder), 7)
    page = BackupsPage(demo)
    qtbot.addWidget(page)
    page.show()  # the list refreshes from "changed" while shown (postponed to the next show when hidden)
    qtbot.waitUntil(lambda: "هنوز" in page.last_label.text(), timeout=10_000)
    assert page.table.rowCount() == 0 and page.folder == folder
    shown_codes: list[str] = []

    def write_down(widget: QWidget) -> None:
        code_label = widget.findChild(QWidget, "recoveryCode")
        if code_label is not None:
            shown_codes.append(code_label.text())
            widget.reject()  # Escape before ticking the box: the dialog stays
            assert widget.isVisible()
        _press_yes_or_ok(widget)

    answer_modals(write_down)
    page.backup_into(folder)
    assert page.running and page.progress.isVisibleTo(page)  # off the GUI thread, with a busy bar
    qtbot.waitUntil(lambda: not page.running and bool(shown_codes), timeout=60_000)
    code = shown_codes[0]
    assert re.fullmatch(r"([A-Z2-7]{4}-){13}[A-Z2-7]{4}", code), code
    assert page.last_result is not None and page.last_result.recovery_code is None  # not kept on the page
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert "مگابایت" in page.table.item(0, 1).text()
    assert "هنوز" not in page.last_label.text()
    # the code is nowhere but on the manager's paper: not in logs, not in the audit log
    assert code not in caplog.text
    assert not [e for e in audit.iter_matching(demo.conn, AuditQuery()) if code in str(e.details)]

    backup_file = folder / page.table.item(0, 2).text()
    target = tmp_path / "restored"
    dialog = RestoreDialog(demo, backup_file)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(target))
    dialog.code.setText("AAAA-" * 13 + "AAAA")  # wrong code: a clear message, nothing written
    dialog.run()
    assert dialog.running and not dialog.buttons.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert PERSIAN.search(dialog.error.text()) and not target.exists()
    dialog.code.setText(code)
    dialog.run()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.result_info is not None, dialog.error.text()
    assert (target / "maya.db").exists() and dialog.result_info.clients == 20
    assert audit.search(demo.conn, AuditQuery(actions=("backup.restored",)), limit=1)  # by the operation
    page.restored(dialog.result_info)


def test_backups_page_restores_with_a_managers_password(persian, qtbot, demo, tmp_path, answer_modals):
    from maya_desktop.core.backup import create_backup
    from maya_desktop.gui.backups_page import RestoreDialog

    result = create_backup(demo, tmp_path / "one.mayabak")
    dialog = RestoreDialog(demo, result.path)
    qtbot.addWidget(dialog)
    dialog.target.setText(str(tmp_path / "new"))
    dialog.run()
    assert dialog.error.text()  # neither code nor password: asked for one, nothing started
    dialog.username.setText("admin")
    dialog.password.setText(PASSWORD)
    dialog.run()
    qtbot.waitUntil(lambda: not dialog.running, timeout=60_000)
    assert dialog.result_info is not None and dialog.password.text() == ""


# ---- screenshots (looked at by a person; test-artifacts/) --------------------------------------
SIZES = ((1366, 768), (1920, 1080))


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_screenshots_of_the_manager_screens(qtbot, demo, tmp_path, artifacts, lang, request):
    from maya_desktop.core.backup import configure_scheduled_backup, create_backup
    from maya_desktop.gui.backups_page import RecoveryCodeDialog, RestoreDialog
    from maya_desktop.gui.main_window import MainWindow
    from maya_desktop.gui.messages import confirm_box

    request.getfixturevalue("english" if lang == "en" else "persian_theme")
    folder = tmp_path / "backups"
    configure_scheduled_backup(demo, str(folder), 7)
    made = create_backup(demo, folder / "maya-backup-20261201T080000Z.mayabak")
    for i in range(30):
        demo.audit("case.opened", f"order:{i + 1}", {"photo": i, "breakglass": False})
    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for width, height in SIZES:
        window.resize(width, height)
        window.page_by_key["settings"].save()  # nothing shorter: saved without a question, and says so
        for key in ("settings", "backups", "audit"):
            window.show_page(key)
            page = window.page_by_key[key]
            if hasattr(page, "refresh"):
                page.refresh()
            if hasattr(page, "busy"):  # pages read through operations, off the GUI thread
                qtbot.waitUntil(lambda page=page: not page.busy, timeout=10_000)
            qtbot.wait(30)
            image = window.grab()
            assert (image.width(), image.height()) == (width, height)
            image.save(str(artifacts / f"manager_{key}_{lang}_{width}x{height}.png"))
            chrome = [w.text() for w in page.findChildren(QPushButton)]
            if lang == "en":
                assert not [t for t in chrome if PERSIAN.search(t)], (key, chrome)
    window.resize(1366, 768)
    window.lock()
    window.lock_screen.password.setText("not-the-password")
    window.lock_screen.try_unlock()  # the password-only message
    qtbot.waitUntil(lambda: not window.lock_screen.unlocking, timeout=10_000)
    qtbot.wait(30)
    window.grab().save(str(artifacts / f"lock_{lang}_1366x768.png"))
    dialogs = {
        "recovery_code": RecoveryCodeDialog(made.recovery_code or ""),
        "restore": RestoreDialog(demo, made.path),
        "confirm": confirm_box(None, "?", yes="OK" if lang == "en" else "بله"),
    }
    # the button sets the app's boxes use (the offscreen screen is 800 px wide: all eleven at once do not fit)
    for name, buttons in (
        ("yes_no", SB.Yes | SB.No),
        ("save", SB.Save | SB.Discard | SB.Cancel),
        ("ok", SB.Ok | SB.Cancel),
    ):
        dialogs[f"standard_{name}"] = QMessageBox(QMessageBox.Icon.Question, "Maya", "?", buttons)
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.grab().save(str(artifacts / f"dialog_{name}_{lang}.png"))
        dialog.hide()
    window.close()


def _arrow_pixels(spin: QWidget, qtbot, *, at_left: bool) -> int:
    """Pixels of the arrow colour (#27424a) in the 22 px strip where the buttons belong."""
    spin.resize(140, 38)
    spin.show()
    qtbot.waitExposed(spin)
    image = spin.grab().toImage()
    xs = range(0, 24) if at_left else range(image.width() - 24, image.width())
    count = 0
    for x in xs:
        for y in range(image.height()):
            c = image.pixelColor(x, y)
            if abs(c.red() - 0x27) < 40 and abs(c.green() - 0x42) < 40 and abs(c.blue() - 0x4A) < 40:
                count += 1
    return count


def test_spin_box_arrows_are_drawn_in_both_directions(persian, qtbot):
    """The style sheet gives spin boxes a border; without its arrow rules the buttons would be empty."""
    from PySide6.QtWidgets import QSpinBox

    from maya_desktop.gui.theme import set_language

    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(0, 100)
    spin.setValue(50)
    assert spin.isRightToLeft()
    assert _arrow_pixels(spin, qtbot, at_left=True) >= 8  # right-to-left: the buttons sit on the left
    set_language(QApplication.instance(), "en")
    try:
        ltr = QSpinBox()
        qtbot.addWidget(ltr)
        ltr.setRange(0, 100)
        ltr.setValue(50)
        assert _arrow_pixels(ltr, qtbot, at_left=False) >= 8
    finally:
        set_language(QApplication.instance(), "fa")


def test_input_and_file_dialogs_are_persian_in_persian_mode(persian, qtbot, artifacts):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    ask = QInputDialog()
    qtbot.addWidget(ask)
    ask.setLabelText("نام؟")
    ask.show()
    qtbot.waitExposed(ask)
    texts = [b.text() for b in ask.findChildren(QPushButton) if b.isVisible()]
    assert texts and not [t for t in texts if ASCII_LETTER.search(t)], texts
    files = QFileDialog(None, "پوشه")
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own widgets, as offscreen shows them
    qtbot.addWidget(files)
    files.show()
    qtbot.waitExposed(files)
    buttons = [b.text() for b in files.findChildren(QPushButton) if b.isVisible() and b.text()]
    assert buttons and not [t for t in buttons if ASCII_LETTER.search(t)], buttons
    files.grab().save(str(artifacts / "dialog_file_fa.png"))
    ask.grab().save(str(artifacts / "dialog_input_fa.png"))
    labels = [w.text() for w in files.findChildren(QLabel) if w.isVisible() and w.text()]
    assert not [t for t in labels if ASCII_LETTER.search(t) and ":" in t], labels  # "Look in:", "File name:"


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_settings_backup_days_box_lines_up_with_the_boxes_above(persian, qtbot, demo, request, lang):
    """The "Keep backups (days)" box is in its own form below the backup folder: its box starts where the three
    number boxes of the clinic settings start, in either language."""
    from maya_desktop.gui.settings_page import SettingsPage

    if lang == "en":
        request.getfixturevalue("english")
    page = SettingsPage(demo)
    qtbot.addWidget(page)
    page.resize(1180, 660)
    page.show()
    qtbot.waitExposed(page)
    boxes = [*page.spins.values(), page.backup_retention]
    assert len(boxes) == 4
    edges = {(box.mapTo(page, box.rect().topLeft()).x(), box.width()) for box in boxes}
    assert len(edges) == 1, edges
