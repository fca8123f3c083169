"""Every background task's answer reaches the GUI thread, whatever the caller connected to it.

A task's signal object used to belong to the task: the pool freed it with the task, on the pool thread, as soon
as `run` returned, while its `done` was still queued for the GUI thread. With a lambda connected the process
crashed (segmentation fault) within a few hundred tasks. Run in a child process, so that a crash is a failure
here, not the end of the test run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from maya_desktop.gui.workers import run_in_background

app = QApplication([])
N = 400
answers = []
failures = []

def check():
    if len(answers) + len(failures) == N:
        app.quit()

for i in range(N):
    run_in_background(
        lambda i=i: i * 2,
        on_done=lambda value: (answers.append(value), check()),
        on_error=lambda exc: (failures.append(exc), check()),
    )
QTimer.singleShot(60_000, app.quit)
app.exec()
print(len(answers), len(failures), sorted(answers) == [2 * i for i in range(N)])
"""


def test_four_hundred_background_answers_all_arrive_and_nothing_crashes() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"child ended with {done.returncode}: {done.stderr[-800:]}"
    assert done.stdout.split() == ["400", "0", "True"]
