"""Shared fixtures: real SQLCipher data folders on disk, cheap Argon2id for speed, real photos."""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import traceback
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from maya_desktop.core import crypto
from maya_desktop.core.session import Session

REPO = Path(__file__).resolve().parents[1]
# The repository's own photos (sources and licences: tests/photos/README.md).
FACES = REPO / "tests" / "photos"
ARTIFACTS = REPO / "test-artifacts"
PASSWORD = "Correct-Horse-42!"

# Argon2id at production cost (64 MiB, t=3) takes ~0.25 s per login; tests create hundreds.
# The format stores the parameters per slot, so this only changes the cost, not the code path.
crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "clinic"


@pytest.fixture
def demo(data_dir: Path) -> Iterator:
    """A demo clinic (admin/reception/doctor, 20 clients); yields the manager's session."""
    from maya_desktop.core.demo import create_demo_clinic

    session = create_demo_clinic(data_dir, PASSWORD, clients=20)
    yield session
    try:
        session.vault.close()
    except Exception:
        pass


@pytest.fixture
def login(data_dir: Path):
    """login(username) -> a new Session on the same data folder."""
    from maya_desktop.core.vault import Vault

    opened = []

    def _login(username: str, password: str = PASSWORD):
        session = Vault.open(data_dir, username, password)
        opened.append(session)
        return session

    yield _login
    for session in opened:
        try:
            session.vault.close()
        except Exception:
            pass


@pytest.fixture(scope="session")
def faces() -> Path:
    assert FACES.is_dir(), f"real test photos expected in {FACES}"
    return FACES


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@dataclass
class Clinic:
    admin: Session
    reception: Session
    doctor: Session
    root: Path

    def by_role(self, role: str) -> Session:
        return {"manager": self.admin, "receptionist": self.reception, "doctor": self.doctor}[role]


@pytest.fixture
def clinic(demo, login, data_dir: Path) -> Clinic:
    """Everyone has accepted the confidentiality agreement (P11), as the GUI makes them at first login."""
    from maya_desktop.core.staff import accept_agreement

    sessions = Clinic(demo, login("reception"), login("doctor"), data_dir)
    for session in (sessions.reception, sessions.doctor):
        accept_agreement(session)
    return sessions


@pytest.fixture
def systmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty system temp dir for this test (TMPDIR is what SQLite, Qt and Python use)."""
    folder = tmp_path / "systmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture(scope="session")
def qapp(qapp):  # type: ignore[no-untyped-def]
    """pytest-qt's QApplication with the app's own rule: cycles are collected on the GUI thread only."""
    from maya_desktop.gui.gc_on_gui_thread import collect_on_gui_thread

    collect_on_gui_thread(qapp)
    return qapp


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item: pytest.Item) -> None:
    """Between tests, collect what is due on this (the GUI) thread: a test that never spins the event loop
    still frees its cycles."""
    from maya_desktop.gui import gc_on_gui_thread

    for collector in gc_on_gui_thread.installed():
        collector.collect_if_due()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, None, None]:
    """A test that waited in vain (pytest-qt's TimeoutError) reports where every thread was at that moment:
    a hang seen only on CI then names its cause in CI's output."""
    outcome = yield
    if call.excinfo is None or type(call.excinfo.value).__name__ != "TimeoutError":
        return
    names = {thread.ident: thread.name for thread in threading.enumerate()}
    stacks = [
        f"--- thread {names.get(ident, ident)}\n" + "".join(traceback.format_stack(frame))
        for ident, frame in sys._current_frames().items()
    ]
    outcome.get_result().sections.append(("threads when the wait timed out", "\n".join(stacks)))


@pytest.fixture
def persian_theme(qapp) -> Iterator[None]:
    """The app's Persian theme and right-to-left layout (GUI test folders use it for every test)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from maya_desktop.gui.theme import apply_theme

    apply_theme(qapp, "fa")
    yield
    QApplication.instance().setLayoutDirection(Qt.LayoutDirection.RightToLeft)


@pytest.fixture
def english(qapp):  # type: ignore[no-untyped-def]
    """English for one test, then back to Persian (and to whatever style/font/locale was there)."""
    from PySide6.QtCore import QLocale

    from maya_desktop.gui.theme import apply_theme, set_language

    sheet, font, direction, locale = qapp.styleSheet(), qapp.font(), qapp.layoutDirection(), QLocale()
    apply_theme(qapp, "en")
    yield qapp
    set_language(qapp, "fa")
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setLayoutDirection(direction)
    QLocale.setDefault(locale)


def submit_client_form(qtbot, session: Session, first: str, last: str, mobile: str, email: str = "", parent=None):  # type: ignore[no-untyped-def]
    """A new-client form filled in and submitted as reception would (the save runs on the database thread:
    wait for `dialog.saved` or `dialog.error`)."""
    from maya_desktop.gui.client_dialog import ClientDialog

    dialog = ClientDialog(session, parent=parent)
    qtbot.addWidget(dialog)
    dialog.first.setText(first)
    dialog.last.setText(last)
    dialog.mobile.setText(mobile)
    if email:
        dialog.email.setText(email)
    dialog.save()
    return dialog
