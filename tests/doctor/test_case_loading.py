"""Opening a case decodes its photos in the background: the GUI thread keeps running, the first photo
shows first, the rest arrive as placeholders fill in, and closing / locking mid-way keeps nothing.

Behavioural, not timed: the worker is held at a gate the test controls (or that opens only once the GUI
thread has run its event loop), so each assertion holds on a slow or a busy machine alike.
"""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtCore import QTimer

from maya_desktop.core import audit
from maya_desktop.core.errors import PermissionDenied
from maya_desktop.core.photos import StoredPhoto
from maya_desktop.core.signin import unlock
from maya_desktop.gui.doctor import photo_loader
from maya_desktop.gui.doctor.cases_page import CasesPage
from tests.conftest import PASSWORD
from tests.doctor.conftest import make_case, open_in_main_window, open_on_cases_page, show_and_wait, wait_for_photos
from tests.doctor.gates import Gate

THREE = (("obama.jpg", "frontal"), ("profile_left_cameraman.jpg", "profile_left"), ("biden.jpg", "base"))


def test_case_opens_in_the_background_while_the_gui_keeps_running(qtbot, clinic, faces, artifacts, monkeypatch):
    """Thumbnails first, in the background; the first photo opens at full size because it is shown; a
    photo the doctor clicks opens then (decrypted off the GUI thread while the GUI keeps running)."""
    order_id = make_case(clinic, faces, THREE)
    gate = Gate(monkeypatch)
    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    page.resize(1500, 900)
    page.show()
    ticks: list[int] = []  # one entry per GUI timer tick: how many photos the viewer had then
    timer = QTimer()
    timer.setInterval(5)

    def tick() -> None:
        viewer = page.viewer
        n = len(viewer.images) if viewer is not None else 0
        ticks.append(n)
        gate.gui_ticked(n)

    timer.timeout.connect(tick)
    timer.start()

    assert page.open_order(order_id)
    viewer = page.viewer
    # open_order returned before anything was decoded: placeholders and an "opening…" canvas.
    assert viewer.images == {} and viewer.current is None
    assert [viewer.strip.state(pid) for pid in viewer.strip.photo_ids()] == ["loading"] * 3
    assert viewer.canvas.message
    arrivals: list[tuple[int, int]] = []  # (photo id, GUI ticks so far)
    viewer.photo_ready.connect(lambda pid: arrivals.append((pid, len(ticks))))

    # The first photo (frontal) shows; every thumbnail arrives (at most 256 px), no other full photo.
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)
    frontal = next(pid for pid, p in viewer.photos.items() if p.view == "frontal")
    assert viewer.current == frontal and viewer.canvas.image is not None and viewer.canvas.handles
    wait_for_photos(qtbot, viewer)
    assert set(viewer.thumbs) == set(viewer.photos) and set(viewer.images) == {frontal}
    assert all(max(t.width(), t.height()) <= photo_loader.THUMB_SIDE for t in viewer.thumbs.values())
    assert set(viewer.strip.state(pid) for pid in viewer.photos) == {"ready"}
    assert not viewer.progress.isVisibleTo(viewer)
    # A clicked photo opens now; the worker is held inside core while the GUI keeps ticking.
    base = next(pid for pid, p in viewer.photos.items() if p.view == "base")
    viewer.strip.select_photo(base)
    assert viewer.current is None and viewer.wanted == base and viewer.canvas.message
    qtbot.waitUntil(lambda: len(gate.calls) == 2, timeout=30_000)
    n = len(ticks)
    qtbot.waitUntil(lambda: len(ticks) > n + 3, timeout=10_000)
    viewer.canvas.grab().save(str(artifacts / "doctor_viewer_canvas_opening.png"))
    gate.release.set()
    qtbot.waitUntil(lambda: viewer.current == base, timeout=60_000)
    timer.stop()
    page.grab().save(str(artifacts / "doctor_viewer_loading.png"))
    assert all(gate.waits), "the worker waited for a GUI tick that never came: the GUI thread was blocked"
    assert gate.calls == [(frontal, False), (base, False)]  # decrypted + decoded off the GUI thread
    assert [pid for pid, _ in arrivals] == [frontal, base] and arrivals[0][1] < arrivals[1][1]
    # Every access is still checked and audited, by the doctor: three thumbnails, two photos shown.
    opened = [
        e
        for e in audit.entries(clinic.doctor.conn, object_ref=f"order:{order_id}")
        if e.action in ("photo.opened", "photo.analysis_opened")
    ]
    kinds = sorted(e.details.get("kind", "analysis") for e in opened)
    assert kinds == ["analysis"] * 2 + ["photo"] * 2 + ["thumb"] * 3 and {e.actor for e in opened} == {"doctor"}
    page.close_viewer()


def test_locking_mid_load_leaves_no_decoded_image_and_decodes_nothing_more(qtbot, clinic, faces, monkeypatch):

    order_id = make_case(clinic, faces, THREE)
    gate = Gate(monkeypatch)
    window, page, viewer = open_in_main_window(qtbot, clinic.doctor, order_id)
    first = viewer.current
    refs = [weakref.ref(viewer.images[first]), weakref.ref(viewer.canvas.image)]
    loader = gate.hold_next(qtbot, viewer)  # the worker is held inside the 2nd photo

    window.lock()
    # At once: the case is closed, nothing decoded is referenced by the viewer, loading is cancelled.
    assert page.viewer is None and loader.cancelled() and viewer.loader.cancelled()
    assert viewer.images == {} and viewer.analyses == {} and viewer.current is None
    assert viewer.canvas.image is None and viewer.canvas.scene().items() == []
    assert viewer.strip.count() == 0 and viewer.compare.count() == 0
    gate.release.set()  # the worker goes on from inside open_photo_stored for the second photo
    qtbot.waitUntil(loader.done.is_set, timeout=30_000)
    qtbot.wait(50)  # deliver anything the worker might still have queued
    second = gate.calls[1][0]
    assert gate.results[second] == PermissionDenied.__name__  # core refused it: the worker's session is locked
    assert len(gate.calls) == 2  # and nothing after it was even tried
    assert viewer.images == {} and viewer.canvas.image is None  # nothing arrived late either
    gc.collect()
    assert [r() for r in refs] == [None, None]  # no decoded image is referenced any more
    assert photo_loader.running_loaders() == 0
    unlock(clinic.doctor, PASSWORD)  # locked, the connection is closed: the audit log is read after unlocking
    photo_refs = {
        e.details.get("photo")
        for e in audit.entries(clinic.doctor.conn, object_ref=f"order:{order_id}")
        if e.action == "photo.opened" and e.details.get("kind") == "photo"
    }
    assert photo_refs == {first}


def open_case_page(qtbot, session, order_id: int):
    """A cases page with the order open and its first photo on screen."""
    page = CasesPage(session)
    qtbot.addWidget(page)
    assert page.open_order(order_id)
    viewer = page.viewer
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)
    return page, viewer


def test_closing_the_case_mid_load_cancels_it(qtbot, clinic, faces, monkeypatch):
    order_id = make_case(clinic, faces, THREE)
    gate = Gate(monkeypatch)
    page, viewer = open_case_page(qtbot, clinic.doctor, order_id)
    ref = weakref.ref(viewer.images[viewer.current])
    loader = gate.hold_next(qtbot, viewer)
    viewer.back.click()
    assert page.viewer is None and viewer.images == {} and viewer.canvas.image is None
    gate.release.set()
    qtbot.waitUntil(loader.done.is_set, timeout=30_000)
    qtbot.wait(50)
    assert viewer.images == {}
    assert len(gate.calls) == 2 and gate.results[gate.calls[1][0]] == PermissionDenied.__name__
    gc.collect()
    assert ref() is None


def test_consent_revoked_while_opening_decodes_nothing_more_and_closes_the_photos(qtbot, clinic, faces, monkeypatch):
    from maya_desktop.core.orders import consent

    order_id = make_case(clinic, faces, THREE)
    gate = Gate(monkeypatch)
    page, viewer = open_case_page(qtbot, clinic.doctor, order_id)
    gate.hold_next(qtbot, viewer)
    consent.revoke_consent(clinic.reception, order_id)
    gate.release.set()
    qtbot.waitUntil(lambda: not viewer.photos_open, timeout=30_000)
    assert gate.results[gate.calls[1][0]] == PermissionDenied.__name__ and len(gate.calls) == 2
    assert viewer.images == {} and viewer.canvas.image is None and viewer.strip.count() == 0
    assert "اجازه" in viewer.status.text()  # the Persian reason, from core
    denied = [e.action for e in audit.entries(clinic.doctor.conn, object_ref=f"order:{order_id}")]
    assert "order.file_access_denied" in denied or "order.access_denied" in denied
    page.close_viewer()


def test_an_unreadable_photo_is_marked_and_the_others_still_open(qtbot, clinic, faces, monkeypatch):
    order_id = make_case(clinic, faces, THREE)
    from maya_desktop.core.photos import list_photos

    real = photo_loader.open_photo_stored
    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    base_id = next(p.id for p in list_photos(clinic.reception, order_id) if p.view == "base")
    bad: list[int] = []

    def broken_base(session, photo_id):
        data = real(session, photo_id)
        if photo_id == base_id:
            bad.append(photo_id)
            return StoredPhoto(b"\x00" * 512)  # not an image: decoding fails
        return data

    monkeypatch.setattr(photo_loader, "open_photo_stored", broken_base)
    assert page.open_order(order_id)
    viewer = page.viewer
    wait_for_photos(qtbot, viewer)
    for pid in viewer.strip.photo_ids():
        show_and_wait(qtbot, viewer, pid)
    (base,) = bad
    assert viewer.failed == {base} and len(viewer.images) == 2
    assert viewer.strip.state(base) == "failed"
    viewer.strip.select_photo(base)
    assert viewer.current is None and viewer.canvas.message  # "could not be opened", the case stays usable
    frontal = next(pid for pid, p in viewer.photos.items() if p.view == "frontal")
    viewer.strip.select_photo(frontal)
    assert viewer.current == frontal and viewer.canvas.image is not None
    page.close_viewer()


def test_thumbnails_open_off_the_gui_thread_beside_the_shown_photo_and_stop_on_lock(qtbot, clinic, faces, monkeypatch):
    """One thumbnail decoder, so that the shown photo never waits behind thumbnails for a pool thread."""
    order_id = make_case(clinic, faces, THREE)
    real = photo_loader.open_thumbnail
    threads: set[str] = set()
    release = threading.Event()
    calls: list[int] = []
    results: list[str] = []

    def watched(session, photo_id):
        assert threading.current_thread() is not threading.main_thread()
        threads.add(threading.current_thread().name)
        calls.append(photo_id)
        if len(calls) > 1:  # every photo after the first is held until the test releases them
            release.wait(60)
        try:
            data = real(session, photo_id)
        except PermissionDenied:
            results.append("denied")
            raise
        results.append("ok")
        return data

    monkeypatch.setattr(photo_loader, "open_thumbnail", watched)
    page = CasesPage(clinic.doctor)
    qtbot.addWidget(page)
    assert page.open_order(order_id)
    viewer = page.viewer
    assert len(viewer.loader._decoders) == 1
    qtbot.waitUntil(lambda: viewer.current is not None, timeout=60_000)  # while thumbnails are held
    release.set()
    wait_for_photos(qtbot, viewer)
    assert len(viewer.thumbs) == 3 and results == ["ok"] * 3 and len(viewer.images) == 1
    page.close_viewer()

    # Again, locked while the decoders are held inside core: none of them gets another photo.
    release.clear()
    results.clear()
    calls.clear()
    window, page, viewer = open_in_main_window(qtbot, clinic.doctor, order_id)
    loader = viewer.loader
    window.lock()
    assert viewer.images == {} and viewer.thumbs == {} and viewer.canvas.image is None
    release.set()
    qtbot.waitUntil(loader.done.is_set, timeout=30_000)
    qtbot.wait(50)
    assert results[0] == "ok" and set(results[1:]) <= {"denied"}
    assert viewer.images == {} and viewer.thumbs == {}


def test_closing_photos_frees_every_layout_scene(qtbot, clinic, faces, artifacts):
    """The side-by-side layout holds pixmaps of the photos; closing the photos (consent revoked,
    break-glass over) must leave no scene with any of them, however often the layout was rebuilt."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QGraphicsScene

    order_id = make_case(clinic, faces, THREE)
    page, viewer = open_on_cases_page(qtbot, clinic.doctor, order_id)
    wait_for_photos(qtbot, viewer)
    for _ in range(3):
        viewer.layout_toggle.setChecked(True)
        viewer.layout_toggle.setChecked(False)
    viewer.layout_toggle.setChecked(True)
    assert any(item.type() == 7 for item in viewer.layout_view.scene().items())  # 7: QGraphicsPixmapItem
    page.grab().save(str(artifacts / "doctor_layout.png"))  # three photos, three empty cells
    viewer.close_photos("test")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    scenes = viewer.layout_view.findChildren(QGraphicsScene)
    assert len(scenes) == 1 and scenes[0].items() == []
    page.close_viewer()
