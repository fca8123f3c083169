"""English interface (Qt translations, left-to-right) with pytest-qt, offscreen.

Persian is the source language of every string; English comes from resources/translations/maya_en.ts
(compiled to maya_en.qm by scripts/update_translations.sh). These tests fail when a string is added
to the GUI and not translated, when the .qm is stale, or when the English screens regress.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QLineEdit, QTableWidget, QWidget

from maya_desktop.core.errors import AuthError, MayaError, ValidationError
from tests.conftest import REPO, submit_client_form

TS_FILE = REPO / "resources" / "translations" / "maya_en.ts"
QM_FILE = REPO / "resources" / "translations" / "maya_en.qm"
UI_DIR = REPO / "ui"
PERSIAN = re.compile("[\u0600-\u06ff]")
PLACEHOLDER = re.compile(r"\{\d*\}|%\d+")
# dynamic "role" properties in ui/*.ui are QSS selectors (QLabel[role="error"]), not text
STYLE_ROLES = {"hint", "error", "title", "subtitle", "primary", "danger", "flat", "success", "badge", "banner", "card"}


def _messages() -> list[tuple[str, ET.Element]]:
    root = ET.parse(TS_FILE).getroot()
    return [(ctx.findtext("name") or "", msg) for ctx in root.iter("context") for msg in ctx.iter("message")]


def _texts(widget: QWidget) -> list[str]:
    """Every piece of interface text a person reads on this widget tree (labels, buttons, hints, titles)."""
    texts = [widget.windowTitle()]
    texts += [w.text() for w in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)]
    texts += [w.placeholderText() for w in widget.findChildren(QLineEdit)]
    boxes = widget.findChildren(QGroupBox) + ([widget] if isinstance(widget, QGroupBox) else [])
    texts += [w.title() for w in boxes]
    for table in widget.findChildren(QTableWidget):  # column headings
        texts += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    return [t for t in texts if t]


# ---- the translation files ----------------------------------------------------------------------
def test_ts_has_no_unfinished_messages():
    messages = _messages()
    assert len(messages) > 300
    unfinished = [
        f"[{ctx}] {msg.findtext('source')}"
        for ctx, msg in messages
        if msg.find("translation") is None
        or msg.find("translation").get("type") == "unfinished"
        or not (msg.findtext("translation") or "").strip()
    ]
    assert not unfinished, "untranslated (run scripts/update_translations.sh, translate, run it again):\n" + "\n".join(
        unfinished
    )


def test_translations_keep_placeholders_and_contain_no_persian():
    for ctx, msg in _messages():
        source, english = msg.findtext("source") or "", msg.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(english)), (ctx, source, english)
        assert not PERSIAN.search(english), (ctx, source, english)
        assert source.endswith("…") == english.endswith("…"), (ctx, source, english)
        if source in STYLE_ROLES:
            assert english == source, f"{ctx}: role {source!r} must stay as is (style sheet selector)"


def test_qm_is_compiled_from_the_current_ts():
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    stale = [
        f"[{ctx}] {msg.findtext('source')}"
        for ctx, msg in _messages()
        if translator.translate(ctx, msg.findtext("source") or "") != (msg.findtext("translation") or "")
    ]
    assert not stale, "maya_en.qm is out of date, run scripts/update_translations.sh:\n" + "\n".join(stale[:20])


def _lupdate() -> str | None:
    name = "pyside6-lupdate.exe" if os.name == "nt" else "pyside6-lupdate"
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which("pyside6-lupdate")


@pytest.mark.skipif(_lupdate() is None, reason="pyside6-lupdate not installed")
def test_every_string_in_the_sources_is_in_the_ts_and_translated(tmp_path: Path):
    """A string added to the GUI but never extracted would not show up in the .ts at all: extract into a copy."""
    copy = tmp_path / "maya_en.ts"
    shutil.copy(TS_FILE, copy)
    sources = [str(p) for folder in ("maya_desktop/gui", "maya_desktop/reports") for p in (REPO / folder).rglob("*.py")]
    sources += [str(p) for p in sorted(UI_DIR.glob("*.ui"))]
    subprocess.run(
        [
            _lupdate(),
            *sources,
            "-source-language",
            "fa_IR",
            "-target-language",
            "en_US",
            "-no-obsolete",
            "-ts",
            str(copy),
        ],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    root = ET.parse(copy).getroot()
    new = [
        f"[{ctx.findtext('name')}] {msg.findtext('source')}"
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
        if msg.find("translation") is None or msg.find("translation").get("type") == "unfinished"
    ]
    assert not new, (
        "new strings not yet in maya_en.ts (run scripts/update_translations.sh and translate):\n" + "\n".join(new)
    )


# ---- Designer forms ----------------------------------------------------------------------------
@pytest.mark.parametrize("ui", sorted(p.name for p in UI_DIR.glob("*.ui")))
def test_ui_forms_are_translated_when_loaded(english, qtbot, ui: str):
    """QUiLoader translates a form's strings in the context of its class name (e.g. LoginForm)."""
    from maya_desktop.gui.forms import load_form

    tree = ET.parse(UI_DIR / ui).getroot()
    form_class = tree.findtext("class")
    translator = QTranslator()
    assert translator.load(str(QM_FILE))
    for string in tree.iter("string"):
        if string.get("notr") != "true" and string.text:
            assert translator.translate(form_class, string.text), (
                f"{ui}: no {form_class} translation for {string.text!r}"
            )

    form = load_form(ui)
    qtbot.addWidget(form)
    texts = _texts(form)
    assert texts and not [t for t in texts if PERSIAN.search(t)], texts
    for widget in form.findChildren(QWidget):  # style roles untouched by the translation
        role = widget.property("role")
        assert role is None or role in STYLE_ROLES, (widget.objectName(), role)


# ---- screens -----------------------------------------------------------------------------------
def test_login_dialog_is_english_and_left_to_right(english, qtbot, data_dir: Path, artifacts: Path):
    from maya_desktop.gui.login import LoginDialog

    dialog = LoginDialog(data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert dialog.layoutDirection() == Qt.LayoutDirection.LeftToRight and not dialog.isRightToLeft()
    assert dialog.windowTitle() == "Log in to Maya"
    assert dialog.button.text() == "Log in"
    assert dialog.form.findChild(QLabel, "usernameLabel").text() == "Username"
    assert dialog.form.findChild(QLabel, "passwordLabel").text() == "Password"
    dialog.button.click()  # nothing typed
    assert dialog.error.text() == "Enter your username and password."
    assert not [t for t in _texts(dialog) if PERSIAN.search(t)]
    dialog.grab().save(str(artifacts / "login_en.png"))


def test_main_window_for_the_manager_has_english_navigation(english, qtbot, demo, artifacts: Path):
    from maya_desktop.gui.main_window import MainWindow

    window = MainWindow(demo)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.isLeftToRight()
    labels = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert labels == [
        "Clients",
        "Orders",
        "Emergency access",
        "Prices",
        "Staff",
        "Audit log",
        "Legal requests",
        "Settings",
        "Backups",
        "Client notices",
    ]
    assert [a.text() for a in window.menuBar().actions()] == ["File"]
    assert [a.text() for a in window.menuBar().actions()[0].menu().actions()] == [
        "Lock",
        "Language",
        "Sync settings…",
        "My account…",
        "Exit",
    ]
    clients = window.page_by_key["clients"]
    headers = [clients.model.headerData(c, Qt.Orientation.Horizontal) for c in range(clients.model.columnCount())]
    assert headers == ["First name", "Last name", "Mobile", "Email", "Registered"]
    # the pages' own chrome is English too (client names and the clinic name are data, not interface)
    for key in ("clients", "staff", "audit", "legal", "settings", "backups", "emergency"):
        window.show_page(key)
        page = window.page_by_key[key]
        chrome = [w.text() for w in page.findChildren(QAbstractButton)] + [
            w.placeholderText() for w in page.findChildren(QLineEdit)
        ]
        assert not [t for t in chrome if PERSIAN.search(t)], (key, chrome)
    window.show_page("clients")
    qtbot.wait(50)
    window.grab().save(str(artifacts / "main_window_en.png"))
    window.close()


def test_core_errors_are_shown_in_english(english, qtbot, demo, data_dir: Path):
    from maya_desktop.gui.login import LoginDialog
    from maya_desktop.gui.messages import error_text

    # a real core refusal, through the client form
    dialog = submit_client_form(qtbot, demo, "Taraneh", "Shayegan", "۰۲۱۸۸۷۷۶۶۵۵")  # a landline: refused by core
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=10_000)  # refused on the database thread
    assert dialog.saved is None
    shown = dialog.error.text()
    assert shown and not PERSIAN.search(shown), shown

    # error_text itself picks the English message of any MayaError, and a generic one otherwise
    exc = ValidationError("Mobile number is not valid.", "شمارهٔ همراه درست نیست.", "mobile")
    assert error_text(exc) == "Mobile number is not valid."
    assert not PERSIAN.search(error_text(RuntimeError("boom")))
    assert isinstance(exc, MayaError)

    # a wrong password through the login window
    demo.vault.close()
    login = LoginDialog(data_dir)
    qtbot.addWidget(login)
    login.username.setText("reception")
    login.password.setText("not-the-password")
    login.button.click()
    qtbot.waitUntil(lambda: login.button.isEnabled(), timeout=10_000)
    assert login.error.text() and not PERSIAN.search(login.error.text()), login.error.text()
    with pytest.raises(AuthError) as raised:
        from maya_desktop.core.vault import Vault

        Vault.open(data_dir, "reception", "still-not-the-password")
    assert error_text(raised.value) == raised.value.message_en
