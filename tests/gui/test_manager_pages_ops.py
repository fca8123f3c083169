"""The manager's pages (audit, backups, legal requests, client notices) work through named operations:
every statement they cause runs on the database thread, none on the GUI thread, and an answer that arrives
after the screen locked is not shown. Real windows offscreen (pytest-qt), a real demo clinic (SQLCipher)."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from maya_desktop.core import audit, db
from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.backup import configure_scheduled_backup
from maya_desktop.core.legal import requests as legal_requests
from maya_desktop.core.legal.requests import Scope, get_request, record_request
from maya_desktop.core.notices import config
from maya_desktop.core.signin import lock
from maya_desktop.gui.operations import forget, operations_for


@pytest.fixture(autouse=True)
def _persian(persian_theme) -> None:  # type: ignore[no-untyped-def]
    """The Persian theme (tests/conftest.py)."""


@pytest.fixture
def manager(demo) -> Iterator[Any]:  # type: ignore[no-untyped-def]
    yield demo
    forget(demo)  # the session's database thread ends with the test


class SqlThreads:
    """Which thread ran each SQL statement: SQLite's trace callback on every connection opened meanwhile
    (and on the session's own, opened before)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, session: Any) -> None:
        self.seen: list[tuple[int, str]] = []
        self.recording = True
        original = db.connect

        def traced(*args: Any, **kwargs: Any) -> Any:
            conn = original(*args, **kwargs)
            conn.set_trace_callback(self._record)
            return conn

        monkeypatch.setattr(db, "connect", traced)
        session.conn.set_trace_callback(self._record)

    def _record(self, sql: str) -> None:
        if self.recording:
            self.seen.append((threading.get_ident(), sql.split(None, 1)[0].upper() if sql.strip() else ""))

    def on(self, ident: int) -> list[str]:
        return [sql for thread, sql in self.seen if thread == ident]

    def elsewhere(self, ident: int) -> list[str]:
        return [sql for thread, sql in self.seen if thread != ident]


def _settled(qtbot, *pages: Any) -> None:  # type: ignore[no-untyped-def]
    def idle() -> bool:
        return not any(
            getattr(p, "busy", False) or getattr(p, "running", False) or getattr(p, "exporting", False) for p in pages
        )

    qtbot.waitUntil(idle, timeout=60_000)


def _legal_request(session: Any) -> int:
    return record_request(
        session, 1, "شعبهٔ ۱۰۲ دادگاه کیفری دو تهران", "۱۴۰۳-ک-۵۵۲۱", dt.date(2024, 8, 1), Scope(("identity",), None)
    ).id


def test_no_sql_runs_on_the_gui_thread_while_the_manager_works(
    qtbot, manager, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from maya_desktop.gui import audit_page
    from maya_desktop.gui.audit_page import AuditPage
    from maya_desktop.gui.backups_page import BackupsPage, RestoreDialog
    from maya_desktop.gui.legal_page import LegalPage
    from maya_desktop.gui.notices_page import NoticesPage

    folder, usb = tmp_path / "backups", tmp_path / "usb"
    usb.mkdir()
    configure_scheduled_backup(manager, str(folder), 7)
    request_id = _legal_request(manager)
    monkeypatch.setattr(audit_page, "inform", lambda *a, **k: None)  # no modal box in the test
    gui = threading.get_ident()
    sql = SqlThreads(monkeypatch, manager)

    audits, backups = AuditPage(manager), BackupsPage(manager)
    legal, notices = LegalPage(manager), NoticesPage(manager)
    pages = (audits, backups, legal, notices)
    for page in pages:
        qtbot.addWidget(page)
        page.show()
    _settled(qtbot, *pages)
    assert audits.table.rowCount() > 0 and legal.table.rowCount() == 1 and notices.opted_in.text()

    audits.search.setText("admin")
    audits.apply_filters()
    audits.verify()
    audits.export_to(str(tmp_path / "audit.csv"))
    codes: list[str] = []
    backups.show_recovery_code = codes.append  # type: ignore[method-assign]
    backups.backup_into(folder)
    legal.select_row(0)
    legal._confirm = lambda *_a: True  # type: ignore[method-assign]
    legal.approve()
    _settled(qtbot, *pages)
    legal.select_row(0)
    legal.hold_selected()
    legal.export(str(usb))
    notices.payment_url.setText("https://pay.example.org/maya")
    notices.save_payment()
    notices.save_template()
    _settled(qtbot, *pages)
    restore = RestoreDialog(manager, backups.last_result.path if backups.last_result else None)
    qtbot.addWidget(restore)
    restore.target.setText(str(tmp_path / "restored"))
    restore.code.setText(codes[0] if codes else "")
    restore.run()
    _settled(qtbot, *pages, restore)
    sql.recording = False

    assert sql.on(gui) == []  # not one statement on the GUI thread
    assert {"SELECT", "INSERT", "UPDATE"} <= set(sql.elsewhere(gui))  # the trace does see the work
    assert (tmp_path / "audit.csv").exists() and audits.exported_rows
    assert "سالم" in audits.status.text()
    assert codes and restore.result_info is not None and restore.result_info.clients == 20
    done = get_request(manager, request_id)
    assert done.state == "exported" and done.hold_active and legal.last_export is not None
    assert config.payment_url(manager.conn) == "https://pay.example.org/maya"
    assert audit.search(manager.conn, AuditQuery(actions=("backup.restored",)), limit=1)


def test_an_answer_that_arrives_after_the_lock_is_not_shown(qtbot, manager, monkeypatch: pytest.MonkeyPatch) -> None:
    """The pages ask (client names, courts, the log), the screen locks before the answers are delivered:
    the operations did run and answer, and nothing of it reaches the locked screen."""
    from maya_desktop.gui.audit_page import AuditPage
    from maya_desktop.gui.backups_page import BackupsPage
    from maya_desktop.gui.legal_page import LegalPage

    _legal_request(manager)
    answered: list[str] = []
    listed = legal_requests.list_requests
    searched = audit.search

    def list_requests(*args: Any, **kwargs: Any) -> Any:
        found = listed(*args, **kwargs)
        answered.append(f"legal:{len(found)}")
        return found

    def search(*args: Any, **kwargs: Any) -> Any:
        found = searched(*args, **kwargs)
        answered.append(f"audit:{len(found)}")
        return found

    monkeypatch.setattr(legal_requests, "list_requests", list_requests)
    monkeypatch.setattr(audit, "search", search)
    release = threading.Event()
    operations_for(manager).run(lambda _session, _request: release.wait(10), None)  # the thread is busy...
    audits, legal, backups = AuditPage(manager), LegalPage(manager), BackupsPage(manager)  # ...they ask meanwhile
    for page in (audits, legal, backups):
        qtbot.addWidget(page)
    threading.Timer(0.3, release.set).start()
    lock(manager)  # the database thread finishes what was asked, then closes; the answers wait in the queue
    assert "legal:1" in answered and any(a.startswith("audit:") and a != "audit:0" for a in answered)
    qtbot.wait(300)  # the queued answers are delivered now, to a locked screen
    assert legal.table.rowCount() == 0 and legal.requests == ()
    assert audits.table.rowCount() == 0 and audits.person.count() == 0 and audits.total == 0
    assert backups.table.rowCount() == 0 and backups.last_label.text() == ""


def test_the_network_page_on_the_vault_hosts_own_pc(qtbot, manager, login, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Single-PC app on the vault host's PC: the network page appears once the vault serves workstations, makes
    a pairing code the host would accept (its registry file), and is refused to anyone but a manager."""
    from maya_desktop.core.errors import PermissionDenied
    from maya_desktop.core.operations.catalogue import NoRequest
    from maya_desktop.gui.main_window import MainWindow
    from maya_desktop.network.pki import HostPki, spaced
    from maya_desktop.network.registry import Registry, folder_of

    plain = MainWindow(manager)
    qtbot.addWidget(plain)
    assert "network" not in plain.page_by_key  # never served: nothing to administer
    plain.close()
    folder = folder_of(data_dir)
    folder.mkdir(mode=0o700)  # what `maya-desktop serve` (or the console's first code) makes
    window = MainWindow(manager)
    qtbot.addWidget(window)
    window.show()
    window.show_page("network")
    page = window.page_by_key["network"]
    qtbot.waitUntil(lambda: not page.busy and bool(page.host.text()), timeout=10_000)
    assert page.table.rowCount() == 0 and not page.revoke_button.isEnabled()
    page.ask_name = lambda: "reception 2"  # type: ignore[method-assign]
    page.code_button.click()
    qtbot.waitUntil(lambda: bool(page.code.text()), timeout=10_000)
    codes = Registry(folder).open_codes()
    assert [(c["name"], c["by"]) for c in codes] == [("reception 2", "admin")]
    assert codes[0]["code"] in page.code.text()
    assert spaced(HostPki(folder).host_fingerprint()) in page.code.text()
    entries = audit.search(manager.conn, AuditQuery(actions=("network.pairing_code",)))
    assert len(entries) == 1 and codes[0]["code"] not in str(entries[0].details)  # the code is never logged
    doctor = login("doctor")
    with pytest.raises(PermissionDenied):
        operations_for(doctor).call("network.workstations", NoRequest())
    forget(doctor)
    window.close()
