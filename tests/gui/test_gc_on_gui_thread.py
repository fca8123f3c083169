"""Qt objects in reference cycles are freed on the GUI thread, never on a worker thread that happens to
allocate when Python's cycle collector is due (that deleted widgets under Qt's event loop: segfaults)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget

from maya_desktop.gui.gc_on_gui_thread import collect_on_gui_thread


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _make_garbage_in_a_worker(count: int) -> None:
    def churn() -> None:
        for _ in range(count):
            _Cycle()  # cyclic garbage: only the cycle collector frees it

    worker = threading.Thread(target=churn)
    worker.start()
    worker.join()


def test_a_widget_in_a_cycle_is_deleted_on_the_gui_thread(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    collect_on_gui_thread(qapp)
    gc.collect()
    deleted_on: list[int] = []
    widget = QWidget()
    widget.cycle = widget  # type: ignore[attr-defined]  # like a page holding its PageOps holding the page
    widget.destroyed.connect(lambda *_: deleted_on.append(threading.get_ident()))
    gone = weakref.ref(widget)
    del widget
    _make_garbage_in_a_worker(50 * gc.get_threshold()[0])  # far past every threshold, on the worker
    assert gone() is not None, "collected on the worker thread"
    qtbot.waitUntil(lambda: gone() is None, timeout=10_000)  # the GUI thread's timer collects it
    assert deleted_on == [threading.main_thread().ident]


def test_collections_run_only_on_the_gui_thread(qapp, qtbot) -> None:  # type: ignore[no-untyped-def]
    collect_on_gui_thread(qapp)
    threads: list[int] = []

    def note(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(note)
    try:
        _make_garbage_in_a_worker(100_000)
        qtbot.waitUntil(lambda: bool(threads), timeout=10_000)
    finally:
        gc.callbacks.remove(note)
    assert set(threads) == {threading.main_thread().ident}
