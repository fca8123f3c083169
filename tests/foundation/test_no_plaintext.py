"""P5/P8: after saving clients (through core and through the GUI) no personal value is readable on disk.

Scans every byte of the data folder (DB, WAL, SHM, keyslots, prefs) and of the temp dir, in UTF-8 and
UTF-16 (LE and BE), for names, mobiles in every stored/typed form, and emails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from maya_desktop.core.clients import create_client, update_client
from tests.conftest import submit_client_form
from tests.helpers_scan import client_needles, scan_files

CLIENTS = [
    ("گلاره", "میرزایی", "09357771234", "golareh.mirzaei@example.org"),
    ("Bahareh", "Zandieh", "0912 888 4321", "bz-private@example.net"),
]


def needles(first: str, last: str, mobile_typed: str, email: str) -> set[str]:
    """Names, email (and its local part) and the mobile in every stored/typed form and digit script."""
    national = "".join(ch for ch in mobile_typed if ch.isdigit())[1:]
    return client_needles(first, last, "+98" + national, email)


def scan(folders: list[Path], values: set[str]) -> list[str]:
    return scan_files(folders, values, images=False).hits


def _all_needles() -> set[str]:
    return set().union(*(needles(*c) for c in CLIENTS))


def test_core_saves_leave_no_personal_value_on_disk(systmp: Path, demo, data_dir: Path) -> None:
    ids = [create_client(demo, *c).id for c in CLIENTS]
    update_client(demo, ids[0], CLIENTS[0][0], CLIENTS[0][1], CLIENTS[0][2], CLIENTS[0][3], True)
    # while the app is still open (WAL and SHM present) ...
    assert data_dir.joinpath("maya.db-wal").exists()
    assert scan([data_dir, systmp], _all_needles()) == []
    demo.vault.close()
    # ... and after it closed.
    assert scan([data_dir, systmp], _all_needles()) == []


def test_scanner_would_find_a_leak(tmp_path: Path) -> None:
    """The test above can fail: a plaintext copy is found in every encoding."""
    leak = tmp_path / "leak.bin"
    for enc in ("utf-8", "utf-16-le", "utf-16-be"):
        leak.write_bytes(b"\x00junk" + CLIENTS[0][1].encode(enc) + b"junk")
        assert scan([tmp_path], _all_needles())


@pytest.mark.usefixtures("qapp")
def test_gui_saves_leave_no_personal_value_on_disk(systmp: Path, qtbot, demo, data_dir: Path, login) -> None:
    from maya_desktop.gui.main_window import MainWindow

    session = login("reception")
    window = MainWindow(session)
    qtbot.addWidget(window)
    for first, last, mobile, email in CLIENTS:
        dialog = submit_client_form(qtbot, session, first, last, mobile, email, window)
        qtbot.waitUntil(lambda d=dialog: d.saved is not None, timeout=10_000)
    page = window.page_by_key["clients"]
    page.search.setText(CLIENTS[0][0])
    page.debounce.stop()
    page.refresh()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 1, timeout=10_000)
    window.grab()  # paint the names once, as a person would see them
    assert scan([data_dir, systmp], _all_needles()) == []
    window.close()
    session.vault.close()
    demo.vault.close()
    assert scan([data_dir, systmp], _all_needles()) == []
