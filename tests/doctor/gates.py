"""A gate the doctor's photo loading tests hold the loader's worker at (shared by the loading and the
break-glass tests)."""

from __future__ import annotations

import threading

import pytest

from maya_desktop.core.photos import StoredPhoto
from maya_desktop.gui.doctor import photo_loader


class Gate:
    """Wraps core's open_photo_stored as the loader calls it: records the thread, holds photos at a gate.

    With one decoder thread, so the order of the calls is fixed."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.real = photo_loader.open_photo_stored
        self.calls: list[tuple[int, bool]] = []  # (photo id, called on the GUI thread?)
        self.results: dict[int, str] = {}  # photo id -> "ok" | exception type name
        self.release = threading.Event()  # opens the gate for the second photo (the test decides when)
        self.waits: list[bool] = []
        self.before: dict[int, threading.Event] = {}  # k -> set once the GUI ran after photo k arrived
        monkeypatch.setattr(photo_loader, "open_photo_stored", self)
        monkeypatch.setattr(photo_loader, "PARALLEL", 1)  # one decoder: a fixed order to hold at the gate

    def __call__(self, session, photo_id: int) -> StoredPhoto:
        self.calls.append((photo_id, threading.current_thread() is threading.main_thread()))
        k = len(self.calls)
        if k == 2:
            self.waits.append(self.release.wait(60))
        elif k > 2:  # the next photo only once the GUI thread has handled the previous one and ticked
            self.waits.append(self.before.setdefault(k - 1, threading.Event()).wait(60))
        try:
            data = self.real(session, photo_id)
        except BaseException as exc:
            self.results[photo_id] = type(exc).__name__
            raise
        self.results[photo_id] = "ok"
        return data

    def gui_ticked(self, photos_on_screen: int) -> None:
        for k in range(1, photos_on_screen + 1):
            self.before.setdefault(k, threading.Event()).set()

    def hold_next(self, qtbot, viewer):
        """Choose a photo other than the one shown and wait until the worker is held inside it (the second
        call); returns that photo's loader."""
        viewer.strip.select_photo(next(pid for pid in viewer.strip.photo_ids() if pid != viewer.current))
        loader = viewer.photo_loaders[viewer.wanted]
        qtbot.waitUntil(lambda: len(self.calls) == 2, timeout=30_000)
        return loader
