"""The doctor's case viewer on a network workstation (issue 14), pytest-qt offscreen, against a real vault host.

The photos are decrypted on the host (`review.photo` / `review.thumbnail`: the same checked, audited core calls
as the embedded viewer's decoders) and travel into this process's memory only; they are decoded here exactly
as on a single PC. The doctor opens a consented case, sees its photos, moves a landmark, saves findings, signs
(the report is rendered on the host) and delivers; reception's workstation hears of it (pushed). Then nothing
of the client is on this PC's disk, and after the lock no photo is held in this process's memory.
"""

from __future__ import annotations

import gc
import json
import linecache
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from maya_desktop.core.audit import AuditQuery
from maya_desktop.core.operations import wire
from maya_desktop.core.operations.audit import SearchAudit
from maya_desktop.core.operations.catalogue import OrderRef
from maya_desktop.core.operations.review import ClientCopy, PhotoRef
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.main_window import MainWindow
from tests.doctor.conftest import wait_for_photos
from tests.helpers_scan import scan_files
from tests.network import test_workstation_gui as gui_tests
from tests.network.conftest import PHOTOS, REPO, Clinic, HostProcess, child_env, paired
from tests.network.test_clinic_network import signed_in
from tests.network.test_workstation_gui import Workstation, connect, held_in_memory, images_already_held
from tests.network.wire_ops import Consent

# this test's own client (the suite's other tests leave theirs in this process's memory: their fixtures)
VIEWER_CLIENT = ("Mahsa", "Rostami-Wsv", "+989351112233", "mahsa.wsv@example.com")
workstation = gui_tests.workstation  # this PC, paired with the real `maya-desktop pair` (HOME, temp... its own)


@pytest.fixture
def clinic(tmp_path: Path) -> Clinic:
    """The network clinic with analysed photos (the viewer's landmarks come from the stored analysis), made in
    another process: this one is the workstation, whose memory the test searches for the client's values."""
    root = tmp_path / "host-data"
    script = (
        "import json, pathlib, sys; from tests.network.conftest import make_clinic; "
        "c = make_clinic(pathlib.Path(sys.argv[1]), analysis=True, client=tuple(json.loads(sys.argv[2]))); "
        "print(json.dumps([c.order_id, c.doctor_id]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(root), json.dumps(VIEWER_CLIENT)],
        env=child_env(),
        cwd=REPO,
        capture_output=True,
        timeout=300,
        check=True,
    )
    order_id, doctor_id = json.loads(out.stdout.decode().strip().splitlines()[-1])
    photos = tuple((PHOTOS / name).read_bytes() for name in ("obama.jpg", "biden.jpg"))
    return Clinic(root, order_id, doctor_id, photos)


def big_images() -> list[str]:
    """Decoded pictures (QImage / QPixmap larger than an icon) still alive in Python objects."""
    gc.collect()
    found = []
    for obj in gc.get_objects():
        if isinstance(obj, QImage | QPixmap) and not obj.isNull() and obj.width() * obj.height() > 128 * 128:
            found.append(f"{type(obj).__name__} {obj.width()}x{obj.height()}")
    return found


def test_a_doctor_opens_corrects_signs_and_delivers_a_case_on_a_workstation(
    qtbot: Any,
    clinic: Clinic,
    host: HostProcess,
    agents: Any,
    workstation: Workstation,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    earlier = images_already_held()  # what earlier tests of this process left, not this workstation's
    session, office = connect(qtbot, workstation, agents, host, "doctor")
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    cases = window.page_by_key["cases"]
    signed_in(office, "reception")  # reception's desk: records the consent, then watches the host's changes
    consent = office(
        "call", op="nettest.record_consent", request=wire.encode(Consent(clinic.order_id, clinic.doctor_id))
    )
    assert consent["ok"], consent
    qtbot.waitUntil(lambda: cases.table.rowCount() == 1, timeout=2000)
    assert cases.table.item(0, 1).text() == f"{VIEWER_CLIENT[0]} {VIEWER_CLIENT[1]}"
    assert office("watch")["ok"]

    # the case opens here: thumbnails and the first photo come from the host, decoded in this process
    assert cases.open_order(clinic.order_id) is True
    viewer = cases.viewer
    assert viewer is not None
    wait_for_photos(qtbot, viewer, timeout=120_000)
    assert len(viewer.photos) == 2 and len(viewer.thumbs) == 2 and not viewer.failed
    current = viewer.current
    assert current is not None and current in viewer.images
    canvas = viewer.canvas
    assert canvas.pixmap_item is not None and not canvas.pixmap_item.pixmap().isNull()
    assert canvas.pixmap_item.pixmap().width() > 200  # the photo, not an empty canvas

    # every report button is here; the client's copy is made at the vault host's PC and the button says so
    for button in (viewer.export_button, viewer.sign_button, viewer.print_button, viewer.copy_button):
        assert not button.isHidden()
    assert not viewer.print_button.isEnabled()  # nothing signed yet

    # a landmark moved and saved: stored on the host, marked doctor-corrected
    name, handle = next(iter(canvas.handles.items()))
    moved = (handle.pos().x() + 6.0, handle.pos().y() - 4.0)
    handle.drag_to(*moved)
    viewer.save_corrections()
    client = window.operations.executor.client
    sent = client.call("review.photo", PhotoRef(current))
    assert name in sent.analysis["doctor_corrected"]["points"]
    assert sent.analysis["landmarks"][name]["source"] == "corrected"
    received = sent.jpeg  # the decrypted photo as the host sends it (the scans below look for it too)
    assert received.startswith(b"\xff\xd8\xff") and len(received) > 10_000
    del sent

    # findings saved, the report previewed and signed (rendered on the host), the case delivered
    viewer.panel.free_text.setPlainText("قوز خفیف پشت بینی؛ پیشنهاد: بررسی بیشتر")
    assert viewer.save_findings() is True
    previews: list[int] = []

    def confirm(dialog: Any) -> bool:
        previews.append(len(dialog.page_images))
        return True

    viewer.exec_dialog = confirm  # type: ignore[method-assign]
    assert viewer.sign_and_build() is True
    assert previews and previews[0] >= 1  # the doctor saw the report's pages before signing
    assert viewer.findings.signature is not None

    # the signed report printed from here: laid out on the host, previewed and painted from memory
    assert viewer.print_button.isEnabled()
    printed_pages: list[int] = []

    def print_from_preview(dialog: Any) -> bool:
        from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget

        assert isinstance(dialog, QPrintPreviewDialog)
        preview = dialog.findChild(QPrintPreviewWidget)
        preview.updatePreview()  # what the dialog paints when shown: the pages, in memory
        printed_pages.append(preview.pageCount())
        return True  # the doctor pressed "print" (the printer dialog accepted)

    viewer.exec_dialog = print_from_preview  # type: ignore[method-assign]
    viewer.print_button.click()
    assert printed_pages and printed_pages[0] >= 2, printed_pages  # photos + measurements, findings, signature
    assert "چاپ" in viewer.status.text()
    manager = paired(agents, host, "manager-desk")  # a manager reads the host's audit log
    signed_in(manager, "admin")
    exported = manager(
        "call", op="audit.search", request=wire.encode(SearchAudit(AuditQuery(actions=("report.exported",))))
    )
    assert exported["ok"], exported
    entries = wire.decode(exported["result"]).entries
    assert [(e.object_ref, e.details.get("how")) for e in entries] == [(f"order:{clinic.order_id}", "print")]
    del exported, entries

    # the client's copy: the button says plainly where it is made, and nothing is asked of the host
    notices: list[str] = []
    viewer.show_message = lambda title, text: notices.append(text)  # type: ignore[method-assign]
    viewer.copy_button.click()
    assert len(notices) == 1 and "میزبان" in notices[0], notices

    monkeypatch.setattr(
        "maya_desktop.gui.doctor.viewer.QMessageBox.question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    started = time.time()
    viewer.deliver()
    status = office("call", op="nettest.order_status", request=wire.encode(OrderRef(clinic.order_id)))
    assert status["ok"] and status["result"] == str(Status.DELIVERED)

    # the client's copy into a folder named from the wire: refused, nothing written at the host
    with pytest.raises(Exception) as refused:
        client.call("review.client_copy", ClientCopy(clinic.order_id, str(workstation.home / "usb")))
    assert getattr(refused.value, "code", "") == "network.host_only"

    # reception's workstation hears of it from the host (pushed), within 2 s
    def heard() -> bool:
        seen = office("seen")["seen"]
        return any(at >= started and f"order:{clinic.order_id}" in changed for at, changed in seen)

    qtbot.waitUntil(heard, timeout=2000)

    assert big_images()  # the photos on screen are what the check below looks for

    # lock: the viewer is gone and no photo (bytes or decoded pixels) is held in this process
    window.lock()
    qtbot.wait(300)
    QApplication.processEvents()
    assert cases.viewer is None and not viewer.images and cases.table.rowCount() == 0
    # the test's own references to the closed viewer (the page let it go)
    del viewer, canvas, handle, confirm, print_from_preview
    QApplication.sendPostedEvents(None, 0)  # its deleteLater
    needles = (VIEWER_CLIENT[1], VIEWER_CLIENT[2], VIEWER_CLIENT[3])
    # (ignored: the test's own copies, and Python's cache of source lines: the tests' own source names the client)
    own = (VIEWER_CLIENT, needles, consent, status, clinic, received, linecache.cache, earlier)
    leftovers = held_in_memory(needles, (*clinic.photo_bytes, received), ignore=own)
    assert leftovers == [], leftovers
    assert big_images() == []

    # the session ends: nothing of the client on this PC's disk (home, temp, cache, data, config)
    window.close()
    session.vault.close()
    report = scan_files(
        [workstation.home],
        values=(*VIEWER_CLIENT[:3], f"{VIEWER_CLIENT[0]} {VIEWER_CLIENT[1]}"),
        photos=(*clinic.photo_bytes, received),
    )
    assert (workstation.pairing / "host.json").exists() and report.files >= 4
    assert report.hits == [], report.hits
    assert not [p for p in (workstation.home / "tmp").rglob("*") if p.is_file()]


def test_photos_go_to_a_workstation_only_under_the_viewers_access_rules(
    clinic: Clinic, host: HostProcess, agents: Any
) -> None:
    """review.photo from the wire: refused before consent, given to the consented doctor; a manager gets a photo
    only under a running break-glass (the host checks, never the workstation)."""
    from maya_desktop.core.operations.orders import OpenOrder, StartBreakGlass

    desk = paired(agents, host, "reception-1")
    signed_in(desk, "admin")
    signed_in(desk, "reception")
    room = paired(agents, host, "doctor-room")
    signed_in(room, "doctor")
    office = paired(agents, host, "office")
    signed_in(office, "admin")
    opened = desk("call", op="orders.open", request=wire.encode(OpenOrder(clinic.order_id)))
    photo_id = wire.decode(opened["result"]).photos[0].id
    ask = wire.encode(PhotoRef(photo_id))

    before = room("call", op="review.photo", request=ask)
    assert before["ok"] is False, before
    assert before["type"] in ("PermissionDenied", "NotFound"), before
    consent = Consent(clinic.order_id, clinic.doctor_id)
    assert desk("call", op="nettest.record_consent", request=wire.encode(consent))["ok"]
    given = room("call", op="review.photo", request=ask)
    assert given["ok"], given
    sent = wire.decode(given["result"])
    assert sent.photo_id == photo_id and sent.jpeg.startswith(b"\xff\xd8\xff") and sent.analysis is not None
    thumb = room("call", op="review.thumbnail", request=ask)
    assert thumb["ok"] and wire.decode(thumb["result"]).startswith(b"\xff\xd8\xff")

    refused = office("call", op="review.photo", request=ask)  # a manager, no break-glass: refused
    assert refused["ok"] is False, refused
    assert refused["type"] == "PermissionDenied", refused
    reason = "شکایت رسمی مشتری و بررسی فوری پرونده"
    started = office(
        "call", op="orders.break_glass_start", request=wire.encode(StartBreakGlass(clinic.order_id, reason, 10))
    )
    assert started["ok"], started
    under_glass = office("call", op="review.photo", request=ask)
    assert under_glass["ok"], under_glass
    assert wire.decode(under_glass["result"]).jpeg == sent.jpeg
