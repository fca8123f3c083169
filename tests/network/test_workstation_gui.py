"""The desktop app as a network workstation (issue 14), pytest-qt offscreen, against a real vault host process.

The workstation is paired with the real `maya-desktop pair` command; the connection screen, the main window
and its pages run in this process in network mode (gui.workstation_session): every operation goes to the
host over mutual TLS. Another workstation (a real process, tests/network/ws_agent.py) stands for the other
desks and for the check "it is at the host".
"""

from __future__ import annotations

import gc
import linecache
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from maya_desktop.core.operations import wire
from maya_desktop.core.operations.clients import SaveClient, SearchClients
from maya_desktop.core.operations.orders import OpenOrder
from maya_desktop.core.orders.states import Status
from maya_desktop.core.paths import DataDir
from maya_desktop.gui.connect_dialog import ConnectDialog
from maya_desktop.gui.main_window import MainWindow
from tests.conftest import PASSWORD
from tests.helpers_scan import held_values, scan_files
from tests.network.conftest import PHOTOS, REPO, Clinic, HostProcess, child_env, console_code, paired, pc_folders
from tests.network.test_clinic_network import signed_in
from tests.network.wire_ops import Consent

NEW_CLIENT = ("Nastaran", "Kiani-Wsq", "+989127778899", "nastaran.wsq@example.com")
OTHER_DESK_CLIENT = ("Roya", "Tehrani-Wsq", "+989125556677", None)
PHOTO = "obama.jpg"


@dataclass
class Workstation:
    home: Path  # HOME, TMPDIR and XDG folders of this "PC" while the app runs (the scan reads them)
    pairing: Path
    data_dir: DataDir


@pytest.fixture
def workstation(tmp_path: Path, host: HostProcess, monkeypatch: pytest.MonkeyPatch) -> Iterator[Workstation]:
    home = tmp_path / "gui-ws"
    for var, folder in pc_folders(home).items():
        monkeypatch.setenv(var, folder)
    monkeypatch.setattr(tempfile, "tempdir", str(home / "tmp"))
    pairing = home / "config" / "maya-network"
    # the real CLI pairs this PC (what a clinic does once per workstation)
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "maya_desktop",
            "pair",
            "--host",
            host.address,
            "--code",
            console_code(host.data_dir, "reception-gui"),
            "--config-dir",
            str(pairing),
        ],
        env=child_env(home),
        capture_output=True,
        cwd=REPO,
        timeout=120,
        check=True,
    ).stdout.decode()
    assert "host certificate:" in out
    yield Workstation(home, pairing, DataDir.at(home / "data" / "maya-app"))


def sign_in_through(qtbot: Any, dialog: ConnectDialog, user: str) -> None:
    dialog.username.setText(user)
    dialog.password.setText(PASSWORD)
    dialog.submit()


def connect(qtbot: Any, ws: Workstation, agents: Any, host: HostProcess, user: str) -> Any:
    """The connection screen: sealed host -> refused -> a manager unseals elsewhere -> `user` signs in."""
    dialog = ConnectDialog(ws.pairing, ws.data_dir)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.address.text() == host.address
    fingerprint = dialog.fingerprint.text().replace(" ", "")
    assert fingerprint == wire_fingerprint(ws.pairing)
    qtbot.waitUntil(lambda: dialog.state == "sealed", timeout=10_000)
    assert "مدیر" in dialog.status.text()  # «ابتدا یک مدیر باید وارد شود»
    sign_in_through(qtbot, dialog, user)
    qtbot.waitUntil(lambda: dialog.button.isEnabled(), timeout=10_000)
    assert dialog.session is None and dialog.state == "sealed"
    office = paired(agents, host, "office")
    signed_in(office, "admin")  # a manager signs in at another workstation: the host is unsealed
    qtbot.waitUntil(lambda: dialog.state == "ready", timeout=10_000)
    sign_in_through(qtbot, dialog, user)
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
    return dialog.session, office


def connected_window(qtbot: Any, ws: Workstation, agents: Any, host: HostProcess, user: str) -> Any:
    """`connect`, then the main window of the session, shown: (session, the office workstation, window)."""
    session, office = connect(qtbot, ws, agents, host, user)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    return session, office, window


def wire_fingerprint(pairing: Path) -> str:
    import json

    return str(json.loads((pairing / "host.json").read_text())["host_fingerprint"])


def _owner(holder: Any) -> str:
    """What holds the holder (for the failure message): an attribute dict's key, or a closure."""
    for owner in gc.get_referrers(holder):
        if isinstance(owner, dict):
            for key in owner:  # (a loop, not a comprehension: that would hold `holder` in a closure cell itself)
                if owner[key] is holder:
                    return f" (attribute {key!r})"
        if type(owner).__name__ == "cell":
            return " (a closure's variable)"
    return ""


def held_in_memory(texts: tuple[str, ...], images: tuple[bytes, ...], ignore: tuple[Any, ...]) -> list[str]:
    """Python objects still holding one of `texts`, an image (JPEG/PNG bytes) or part of `images`."""
    gc.collect()
    skip = {id(texts), id(images), *(id(i) for i in images)}
    todo = list(ignore)
    while todo:  # what the test itself holds (its own copies of the values) is not the app's
        obj = todo.pop()
        if id(obj) in skip:
            continue
        skip.add(id(obj))
        todo.extend(o for o in gc.get_referents(obj) if not isinstance(o, type))
    found: list[str] = []
    for tracked in gc.get_objects():
        if id(tracked) in skip:
            continue
        for holder, value in held_values(tracked):  # (and inside containers gc does not track: a dict of bytes)
            if id(value) in skip:
                continue
            if isinstance(value, str) and len(value) < 100_000 and any(t in value for t in texts):
                found.append(f"{type(holder).__name__} holds a personal value{_owner(holder)}")
            elif isinstance(value, bytes | bytearray) and len(value) > 2000:
                head = bytes(value[:8])
                if (
                    head.startswith(b"\xff\xd8\xff")
                    or head.startswith(b"\x89PNG")
                    or any(bytes(value[:64]) in image for image in images)
                ):
                    found.append(f"{type(holder).__name__} holds image bytes ({len(value)}){_owner(holder)}")
    return found


def images_already_held() -> list[bytes | bytearray]:
    """Image bytes this test process holds before a workstation test starts: what earlier tests of the same
    pytest process left (their own embedded clinics), not this workstation's. The scans ignore exactly these
    objects (kept alive here, so no new object can take their place)."""
    gc.collect()
    held: list[bytes | bytearray] = []
    for tracked in gc.get_objects():
        for _holder, value in held_values(tracked):
            if isinstance(value, bytes | bytearray) and len(value) > 2000:
                head = bytes(value[:8])
                if head.startswith(b"\xff\xd8\xff") or head.startswith(b"\x89PNG"):
                    held.append(value)
    return held


def test_reception_workstation_registers_a_client_and_an_order_on_the_host(
    qtbot: Any, clinic: Clinic, host: HostProcess, agents: Any, workstation: Workstation
) -> None:
    earlier = images_already_held()
    session, office = connect(qtbot, workstation, agents, host, "reception")
    assert str(session.role) == "receptionist"
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert window.workstation and window.host_status.text()
    clients = window.page_by_key["clients"]
    orders = window.page_by_key["orders"]

    # a new client through the real form (window-modal, saved off the GUI thread): saved on the host
    from tests.gui_orders.test_orders_walk import drop_files, save_next_modal

    form = clients.add_client()
    assert form is not None
    form.first.setText(NEW_CLIENT[0])
    form.last.setText(NEW_CLIENT[1])
    form.mobile.setText(NEW_CLIENT[2])
    form.email.setText(NEW_CLIENT[3])
    form.save()
    qtbot.waitUntil(lambda: clients.form is None, timeout=10_000)
    del form  # the test's own reference to the closed form (the page let it go)
    clients.search.setText(NEW_CLIENT[1])
    qtbot.waitUntil(lambda: clients.model.rowCount() == 1, timeout=5000)
    at_host = office("call", op="clients.search", request=wire.encode(SearchClients(NEW_CLIENT[1])))
    assert at_host["ok"] and [c.mobile for c in wire.decode(at_host["result"]).rows] == [NEW_CLIENT[2]]

    # another desk registers a client: the host pushes the change, this page shows it without a click
    clients.search.setText("Wsq")
    qtbot.waitUntil(lambda: clients.model.rowCount() == 1, timeout=5000)
    other = SaveClient(None, *OTHER_DESK_CLIENT, False, "fa")
    assert office("call", op="clients.save", request=wire.encode(other))["ok"]
    qtbot.waitUntil(lambda: clients.model.rowCount() == 2, timeout=2000)

    # a new order for the client, from the clients page; a photo dropped on it travels to the host
    clients.search.setText(NEW_CLIENT[1])
    qtbot.waitUntil(lambda: clients.model.rowCount() == 1, timeout=5000)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    clients.table.selectionModel().select(clients.model.index(0, 0), flags)
    save_next_modal(lambda dialog: None)
    order_id = clients.new_order()
    assert order_id is not None
    detail = orders.detail
    qtbot.waitUntil(lambda: detail.order is not None and detail.order.id == order_id, timeout=5000)
    assert detail.order.status == Status.DRAFT
    with qtbot.waitSignal(detail.import_finished, timeout=120_000) as imported:
        drop_files(detail, [PHOTOS / PHOTO])
    assert len(imported.args[0].imported) == 1 and not imported.args[0].errors
    qtbot.waitUntil(lambda: any(card.has_image() for card in detail.cards.values()), timeout=10_000)
    opened = office("call", op="orders.open", request=wire.encode(OpenOrder(order_id)))
    assert opened["ok"], opened
    snapshot = wire.decode(opened["result"])
    assert snapshot.client_name == f"{NEW_CLIENT[0]} {NEW_CLIENT[1]}"
    assert snapshot.order.status == Status.PHOTOS_IMPORTED and len(snapshot.photos) == 1
    thumbnails = tuple(t.jpeg for t in snapshot.thumbnails if t.jpeg)
    assert thumbnails  # the host sent the picture this desk may see

    # locking the workstation: every name and picture leaves the screen and this process's memory
    window.lock()
    qtbot.wait(200)
    QApplication.processEvents()
    assert clients.model.rowCount() == 0 and clients.search.text() == ""
    assert not any(card.has_image() for card in detail.cards.values())
    assert orders.model.rowCount() == 0
    needles = (NEW_CLIENT[1], NEW_CLIENT[2], OTHER_DESK_CLIENT[1])
    photo = (PHOTOS / PHOTO).read_bytes()
    # (ignored: the test's own copies — its values, its answers from the host, the import signal it waited for)
    # (and Python's cache of source lines: the tests' own source names the clients)
    own = (NEW_CLIENT, OTHER_DESK_CLIENT, needles, other, snapshot, opened, at_host, imported.args, linecache.cache)
    own = (*own, earlier)
    leftovers = held_in_memory(needles, (photo, *thumbnails), ignore=own)
    assert leftovers == [], leftovers
    # the host locked this person's session too: nothing more is answered until the password
    refused = window.operations.executor.client
    with pytest.raises(Exception) as locked:
        refused.call("clients.search", SearchClients(""))
    assert getattr(locked.value, "code", "") in ("vault.locked", "vault.closed")
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.try_unlock()  # checked by the host, off the GUI thread
    qtbot.waitUntil(lambda: window.outer.currentIndex() == 0, timeout=10_000)
    assert not session.locked

    # the session ends: nothing of a client was written on this PC
    window.close()
    session.vault.close()
    report = scan_files(
        [workstation.home],
        values=(*NEW_CLIENT[:3], *OTHER_DESK_CLIENT[:3], f"{NEW_CLIENT[0]} {NEW_CLIENT[1]}"),
        photos=(photo, *thumbnails),
    )
    assert (workstation.pairing / "host.json").exists() and report.files >= 4
    assert report.hits == [], report.hits
    assert not [p for p in (workstation.home / "tmp").rglob("*") if p.is_file()]


def test_doctor_workstation_case_list_follows_the_host_live(
    qtbot: Any, clinic: Clinic, host: HostProcess, agents: Any, workstation: Workstation
) -> None:
    session, office, window = connected_window(qtbot, workstation, agents, host, "doctor")
    cases = window.page_by_key["cases"]
    assert window.pages.currentWidget() is cases and cases.table.rowCount() == 0
    signed_in(office, "reception")
    started = time.monotonic()
    consent = office(
        "call", op="nettest.record_consent", request=wire.encode(Consent(clinic.order_id, clinic.doctor_id))
    )
    assert consent["ok"], consent
    qtbot.waitUntil(lambda: cases.table.rowCount() == 1, timeout=2000)  # pushed by the host, not polled
    assert time.monotonic() - started < 2.0
    assert cases.table.item(0, 1).text() == "Shirin Farahani-Zzq"
    # (the case viewer itself on a workstation: tests/network/test_workstation_viewer.py)
    window.lock()
    assert cases.table.rowCount() == 0
    window.close()
    session.vault.close()
    assert os.environ["HOME"].startswith(str(workstation.home))


def test_workstation_says_when_the_host_is_gone_and_carries_on_after_its_restart(
    qtbot: Any, clinic: Clinic, host: HostProcess, agents: Any, workstation: Workstation
) -> None:
    session, office, window = connected_window(qtbot, workstation, agents, host, "reception")
    clients = window.page_by_key["clients"]
    qtbot.waitUntil(lambda: clients.model.rowCount() > 0, timeout=5000)
    connected = window.host_status.text()
    host.kill()  # the host PC dies: the workstation says so in its status bar
    qtbot.waitUntil(lambda: window.host_status.text() != connected, timeout=10_000)
    assert window.host_status.property("role") == "error" and "دسترس" in window.host_status.text()
    host.start()  # back, sealed, and it forgot every session: this screen locks, nothing of a client stays
    qtbot.waitUntil(lambda: session.locked, timeout=15_000)
    assert window.outer.currentWidget() is window.lock_screen and clients.model.rowCount() == 0
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.try_unlock()  # sealed: only a manager may sign in first, and the screen says so
    qtbot.waitUntil(lambda: not window.lock_screen.unlocking, timeout=10_000)
    assert session.locked and "مدیر" in window.lock_screen.error.text()
    signed_in(office, "admin")
    window.lock_screen.password.setText(PASSWORD)
    window.lock_screen.try_unlock()  # the same person signs in again on the host (off the GUI thread)
    qtbot.waitUntil(lambda: window.outer.currentIndex() == 0, timeout=10_000)
    assert not session.locked
    qtbot.waitUntil(lambda: clients.model.rowCount() > 0, timeout=5000)
    qtbot.waitUntil(lambda: window.host_status.text() == connected, timeout=10_000)
    window.close()
    session.vault.close()


def test_pairing_from_the_app_shows_the_host_fingerprint_before_it_is_kept(
    qtbot: Any, clinic: Clinic, host: HostProcess, tmp_path: Path
) -> None:
    from maya_desktop.gui.pair_dialog import PairDialog
    from maya_desktop.network.pki import HostPki, spaced
    from maya_desktop.network.registry import folder_of

    expected = HostPki(folder_of(host.data_dir)).host_fingerprint()
    folder = tmp_path / "pc" / "maya-network"
    dialog = PairDialog(folder, host.address)
    qtbot.addWidget(dialog)
    dialog.code.setText("AAAA-BBBB-CCCC")  # a wrong code: refused plainly, nothing kept
    dialog.start()
    qtbot.waitUntil(lambda: dialog.pair_button.isEnabled(), timeout=20_000)
    assert "کد نادرست" in dialog.status.text() and not folder.exists() and not dialog.staging.exists()
    dialog.code.setText(console_code(host.data_dir, "room-3"))
    dialog.start()
    qtbot.waitUntil(lambda: bool(dialog.fingerprint), timeout=20_000)
    assert dialog.confirm_button.isVisibleTo(dialog) and dialog.refuse_button.isVisibleTo(dialog)
    assert dialog.shown.text() == spaced(expected)  # what the host's console printed with the code
    assert not folder.exists()  # not this PC's pairing until the person confirms
    dialog.refuse()  # "not the same": nothing is kept
    assert not folder.exists() and not dialog.staging.exists()

    again = PairDialog(folder, host.address)
    qtbot.addWidget(again)
    again.code.setText(console_code(host.data_dir, "room-3b"))
    again.start()
    qtbot.waitUntil(lambda: bool(again.fingerprint), timeout=20_000)
    again.confirm()
    assert again.result() == PairDialog.DialogCode.Accepted
    assert (folder / "host.json").exists() and not again.staging.exists()
    connect = ConnectDialog(folder, DataDir.at(tmp_path / "pc" / "app"))
    qtbot.addWidget(connect)
    qtbot.waitUntil(lambda: connect.state == "sealed", timeout=10_000)  # the new pairing reaches the host
    assert connect.fingerprint.text() == spaced(expected)
    host.kill()  # the host is off: the connection screen says so plainly and keeps trying by itself
    gone = ConnectDialog(folder, DataDir.at(tmp_path / "pc" / "app"))
    qtbot.addWidget(gone)
    qtbot.waitUntil(lambda: gone.state == "unreachable", timeout=15_000)
    assert "در دسترس نیست" in gone.status.text() and gone.status.property("role") == "error"
    host.start()
    qtbot.waitUntil(lambda: gone.state == "sealed", timeout=15_000)


def test_a_manager_unseals_the_host_from_the_connection_screen_and_gets_the_workstation_pages(
    qtbot: Any, clinic: Clinic, host: HostProcess, workstation: Workstation
) -> None:
    from maya_desktop.gui.main_window import WORKSTATION_SECTIONS

    dialog = ConnectDialog(workstation.pairing, workstation.data_dir)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "sealed", timeout=10_000)
    sign_in_through(qtbot, dialog, "admin")  # the manager's sign-in is what unseals the host
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
    session = dialog.session
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    assert set(window.page_by_key) == {"clients", "orders", "emergency", "prices", "audit", "staff", "network"}
    assert set(window.page_by_key) <= WORKSTATION_SECTIONS
    for key in window.page_by_key:
        window.show_page(key)
        qtbot.wait(100)
        assert window.pages.currentWidget() is window.page_by_key[key]
    audit = window.page_by_key["audit"]
    qtbot.waitUntil(lambda: audit.table.rowCount() > 0, timeout=10_000)  # read from the host's audit log
    window.close()
    session.vault.close()


def test_a_manager_lists_pairs_and_revokes_workstations_from_the_network_page(
    qtbot: Any, clinic: Clinic, host: HostProcess, agents: Any, workstation: Workstation
) -> None:
    """The network page on a manager's workstation (named operations, run on the host): the paired PCs with
    their last contact and certificate fingerprint, a pairing code another PC really pairs with, and a
    revocation after which that PC is refused at its very next request."""
    import json
    import re

    from maya_desktop.core.operations.catalogue import NoRequest
    from maya_desktop.network.pki import HostPki, fingerprint, spaced
    from maya_desktop.network.registry import folder_of

    dialog = ConnectDialog(workstation.pairing, workstation.data_dir)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.state == "sealed", timeout=10_000)
    sign_in_through(qtbot, dialog, "admin")
    qtbot.waitUntil(lambda: dialog.session is not None, timeout=20_000)
    session = dialog.session
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    window.show_page("network")
    page = window.page_by_key["network"]
    assert window.pages.currentWidget() is page
    this_pc = json.loads((workstation.pairing / "host.json").read_text())["workstation"]
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=10_000)
    assert page.rows[0].id == this_pc and page.table.item(0, 0).text() == "reception-gui"
    assert page.rows[0].last_seen is not None and page.table.item(0, 2).text() != "هنوز نه"  # the host heard it
    own_cert = fingerprint((workstation.pairing / "workstation.pem").read_bytes())
    assert page.table.item(0, 3).text() == spaced(own_cert)
    host_fp = HostPki(folder_of(host.data_dir)).host_fingerprint()
    assert spaced(host_fp) in page.host.text()

    # a pairing code made on the page; a new PC pairs with it for real and signs in
    page.ask_name = lambda: "room-7"  # type: ignore[method-assign]
    page.code_button.click()
    qtbot.waitUntil(lambda: page.code.isVisible() and bool(page.code.text()), timeout=10_000)
    code = re.search(r"[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}", page.code.text())
    assert code is not None and spaced(host_fp) in page.code.text()
    room = agents("room-7")
    answer = room("pair", host=host.address, code=code.group(0))
    assert answer["ok"] and answer["fingerprint"] == host_fp, answer
    signed_in(room, "doctor")
    listed = room("call", op="network.workstations", request=wire.encode(NoRequest()))
    assert (listed["ok"], listed.get("type")) == (False, "PermissionDenied")  # a doctor: refused by the host
    page.refresh()
    qtbot.waitUntil(lambda: page.table.rowCount() == 2, timeout=10_000)
    assert [r.name for r in page.rows] == ["reception-gui", "room-7"]

    # revoked from the page: that PC is refused at once, this one carries on
    page.select(answer["workstation"])
    assert page.revoke_button.isEnabled()
    page.confirm_revoke = lambda name: name == "room-7"  # type: ignore[method-assign]
    page.revoke_button.click()
    qtbot.waitUntil(lambda: "room-7" in page.status.text(), timeout=10_000)
    refused = room("call", op="clients.search", request=wire.encode(SearchClients("")))
    assert (refused["ok"], refused["code"]) == (False, "network.revoked"), refused
    qtbot.waitUntil(lambda: any(r.revoked_at for r in page.rows), timeout=10_000)
    assert page.table.item(1, 1).text().startswith("لغو شده") and not page.revoke_button.isEnabled()
    assert page.rows[0].revoked_at is None

    # lock: the list and any code leave the screen
    page.code_button.click()
    qtbot.waitUntil(lambda: bool(page.code.text()), timeout=10_000)
    window.lock()
    assert page.table.rowCount() == 0 and page.code.text() == "" and not page.code.isVisible()
    window.close()
    session.vault.close()


def test_the_app_starts_as_a_workstation_when_asked_or_when_this_pc_is_only_paired(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from maya_desktop import cli
    from maya_desktop.commands.network import default_config_dir
    from maya_desktop.gui import app

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    empty = DataDir.at(tmp_path / "no-vault")
    assert app.workstation_folder(empty, None) is None  # not paired: the single-PC app (setup wizard)
    default_config_dir().mkdir(parents=True)
    (default_config_dir() / "host.json").write_text("{}")
    assert app.workstation_folder(empty, None) == default_config_dir()  # paired, no vault here: a workstation
    assert app.workstation_folder(empty, "") == default_config_dir()  # --workstation
    assert app.workstation_folder(empty, str(tmp_path / "p")) == tmp_path / "p"  # --workstation DIR
    assert app.workstation_folder(empty, None, "10.0.0.2:8443") == default_config_dir()  # --vault-host
    started: list[tuple[Any, ...]] = []
    monkeypatch.setattr(cli, "_start_gui", lambda *args: started.append(args) or 0)
    assert cli.main(["--workstation"]) == 0 and cli.main(["--workstation", "/x/p"]) == 0
    assert cli.main(["--vault-host", "10.0.0.2:8443"]) == 0
    assert [s[2:] for s in started] == [("", None), ("/x/p", None), (None, "10.0.0.2:8443")]
