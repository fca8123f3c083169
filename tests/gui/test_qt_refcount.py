"""PySide6 6.12.0 on Python 3.11 released a reference to None on every void Qt call, so a few thousand
calls (one landmark drag) aborted the app with "none_dealloc". pyproject pins a release without the bug;
this test fails if the installed PySide6 has it again. Runs in a subprocess: a broken release may abort."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QGraphicsEllipseItem, QLabel
app = QApplication([])
item, label = QGraphicsEllipseItem(0, 0, 1, 1), QLabel()
before = sys.getrefcount(None)
for i in range(2000):
    item.setPos(i, i)
    label.setText("x")
print(sys.getrefcount(None) - before)
"""


def test_void_qt_calls_do_not_leak_references_to_none() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr[-500:]
    assert abs(int(out.stdout.strip().splitlines()[-1])) < 100
