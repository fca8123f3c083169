"""Loading our Designer forms does not bring Qt Quick/QML into the process (issue 17's memory goal): QUiLoader's
constructor loads every Designer plugin it finds (PySide6's wheel ships QQuickWidget's), ~15 MB resident that
no form of ours uses. Checked in a fresh process, since another test may have loaded Qt Quick already."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent(
    """
    from pathlib import Path
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QImageReader
    from PySide6.QtWidgets import QApplication, QWidget
    app = QApplication([])
    paths = QCoreApplication.libraryPaths()
    from maya_desktop.gui.forms import load_form
    from maya_desktop.resources_path import ui_file
    forms = sorted(p.name for p in ui_file("login.ui").parent.glob("*.ui"))
    built = [load_form(name) for name in forms]
    assert all(isinstance(w, QWidget) and w.findChildren(QWidget) for w in built), forms
    assert QCoreApplication.libraryPaths() == paths  # given back after the loader was made
    assert b"jpeg" in [bytes(f) for f in QImageReader.supportedImageFormats()]  # Qt's own plugins still load
    mapped = Path("/proc/self/maps").read_text()
    print(len(forms), "Qt6Quick" in mapped, "Qt6Qml" in mapped)
    """
)


@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc/self/maps")
def test_forms_load_without_designer_plugins_and_qt_quick() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    count, quick, qml = out.stdout.split()
    assert int(count) >= 5 and quick == "False" and qml == "False"
