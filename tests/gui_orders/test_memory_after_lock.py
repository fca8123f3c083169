"""Nothing of an order's photos stays reachable in the single-PC app's memory after the lock and the window's
close: no thumbnail bytes (whatever holds them: a page, a worker, a dict a closure keeps), no import worker.

Found by the workstation's memory scan run after the rest of the suite: every photo import's worker (a
QRunnable started with autoDelete off, which PySide keeps for the process's life) kept the order screen's
page operations, the page and its thumbnails; the case viewer's decoders likewise kept their loaders. The scan
also looks inside the containers Python's collector does not track (a dict of photo id -> JPEG bytes).
"""

from __future__ import annotations

import functools
import gc
import weakref
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from maya_desktop.core import photos
from maya_desktop.core.clients import create_client
from maya_desktop.core.orders.states import Status
from maya_desktop.gui.main_window import MainWindow
from maya_desktop.gui.operations import forget
from maya_desktop.gui.orders.import_worker import ImportWorker
from tests.factories import walk_order
from tests.gui_orders.test_orders_walk import drop_files
from tests.helpers_scan import held_values

PHOTOS = ("obama.jpg", "biden.jpg")


def reachable_images(thumbnails: tuple[bytes, ...], ignore: tuple[Any, ...]) -> list[str]:
    """Objects (and untracked containers) holding JPEG/PNG bytes or one of `thumbnails` (the test's own copies
    and what earlier tests of this process left are in `ignore`)."""
    gc.collect()
    skip = {id(thumbnails), *(id(t) for t in thumbnails)}
    todo = list(ignore)
    while todo:
        obj = todo.pop()
        if id(obj) not in skip:
            skip.add(id(obj))
            todo.extend(o for o in gc.get_referents(obj) if not isinstance(o, type))
    found = []
    for tracked in gc.get_objects():
        if id(tracked) in skip:
            continue
        for holder, value in held_values(tracked):
            if id(value) in skip or not isinstance(value, bytes | bytearray) or len(value) < 2000:
                continue
            if bytes(value[:3]) == b"\xff\xd8\xff" or bytes(value[:4]) == b"\x89PNG" or value in thumbnails:
                keys = [k for k, v in holder.items() if v is value] if isinstance(holder, dict) else []
                found.append(f"{type(holder).__name__}{keys} holds image bytes ({len(value)})")
    return found


def images_shown(detail: Any, count: int) -> bool:
    return sum(card.has_image() for card in detail.cards.values()) == count


def images_held_now() -> list[Any]:
    gc.collect()
    return [
        value
        for tracked in gc.get_objects()
        for _holder, value in held_values(tracked)
        if isinstance(value, bytes | bytearray) and bytes(value[:3]) in (b"\xff\xd8\xff", b"\x89PN")
    ]


def test_after_an_import_the_lock_and_the_close_leave_no_thumbnail_in_memory(
    qtbot: Any, demo: Any, login: Any, reception: Any, faces: Path
) -> None:
    earlier = images_held_now()  # what earlier tests of this process left (not this window's)
    doctor = login("doctor")
    client = create_client(reception, "Sara", "Memtest-Zq", "+989121110099", None)
    order_id = walk_order(reception, doctor, client.id, Status.DRAFT)
    window = MainWindow(reception)
    qtbot.addWidget(window)
    window.show()
    orders = window.page_by_key["orders"]
    orders.open_order(order_id)
    detail = orders.detail
    with qtbot.waitSignal(detail.import_finished, timeout=120_000) as imported:
        drop_files(detail, [faces / name for name in PHOTOS])
    summary = imported.args[0]
    assert len(summary.imported) == 2 and not summary.errors
    qtbot.waitUntil(functools.partial(images_shown, detail, 2), timeout=10_000)
    assert len(detail.thumbs) == 2  # the screen holds the two thumbnails (decrypted, memory only)
    thumbnails = tuple(photos.open_thumbnail(reception, p.photo_id) for p in summary.imported)
    page = weakref.ref(detail)
    del detail, imported, summary

    window.lock()
    qtbot.wait(200)
    QApplication.processEvents()
    own = (thumbnails, earlier)
    assert reachable_images(thumbnails, own) == []

    window.close()
    window.deleteLater()  # the window and its pages (what closing the app's window leads to)
    del window, orders
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    forget(reception)
    QApplication.processEvents()
    gc.collect()

    assert [o for o in gc.get_objects() if isinstance(o, ImportWorker)] == []  # no worker outlives its import
    assert page() is None  # nor the order screen (it held the thumbnails while open)
    assert reachable_images(thumbnails, own) == []
