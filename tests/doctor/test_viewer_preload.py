"""The case viewer's heavy imports (numpy, the analysis engine) run in a background thread, so
opening the first case does not spend ~0.3 s importing on the GUI thread (issue 17)."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys, threading
from maya_desktop.gui.doctor import preload

assert preload.VIEWER_MODULE not in sys.modules, "already imported: the probe would prove nothing"
importing_threads = []


class WhoImports:
    def find_spec(self, name, path=None, target=None):
        if name == preload.VIEWER_MODULE:
            importing_threads.append(threading.current_thread().name)
        return None


sys.meta_path.insert(0, WhoImports())
preload.start_viewer_preload()
preload.start_viewer_preload()  # once per process
preload.wait_for_viewer_preload()
assert preload.VIEWER_MODULE in sys.modules
assert "numpy" in sys.modules
print(importing_threads)
"""


def test_the_viewer_is_imported_once_in_a_background_thread() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=120)
    assert out.returncode == 0, out.stderr[-800:]
    assert out.stdout.strip().splitlines()[-1] == "['maya-viewer-preload']"


def test_the_cases_page_starts_the_preload(clinic) -> None:
    from maya_desktop.gui.doctor import preload
    from maya_desktop.gui.doctor.cases_page import CasesPage

    page = CasesPage(clinic.doctor)
    assert preload._thread is not None
    preload.wait_for_viewer_preload()
    page.deleteLater()
