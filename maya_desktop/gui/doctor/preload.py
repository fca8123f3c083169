"""Import the case viewer's heavy modules (numpy, the analysis engine) off the GUI thread.

Opening the first case used to import ~0.3 s of modules on the GUI thread (issue 17: the longest stall
while a case opens). The cases page starts this preload when it is built, while the doctor is still
reading the list; `open_order` then waits for it instead of importing the same modules concurrently
(two threads importing one package graph can meet Python's import-deadlock fallback and see a
half-initialised module). Only modules are imported here: no Qt object is created off the GUI thread.
"""

from __future__ import annotations

import contextlib
import importlib
import threading

VIEWER_MODULE = "maya_desktop.gui.doctor.viewer"

_lock = threading.Lock()
_thread: threading.Thread | None = None


def _import_viewer() -> None:
    # A warm-up only: the real import when a case opens reports its own problem.
    with contextlib.suppress(Exception):
        importlib.import_module(VIEWER_MODULE)


def start_viewer_preload() -> None:
    """Start importing the viewer in a background thread (once per process)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_import_viewer, name="maya-viewer-preload", daemon=True)
            _thread.start()


def wait_for_viewer_preload() -> None:
    """Block until a started preload has finished (returns at once when none was started or it is done)."""
    with _lock:
        thread = _thread
    if thread is not None:
        thread.join()
