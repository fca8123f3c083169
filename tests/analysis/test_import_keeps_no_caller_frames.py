"""The first analysis imports MediaPipe; something in that import keeps a traceback, with every frame of the
importing stack, for the life of the process. Imported from a photo's import, that held the photo's bytes in
memory after the photo was saved and the screen locked (found by the workstation memory scan). The import now
runs on a thread of its own (core.analysis.loader.import_on_own_thread): no caller's frame outlives its call."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

PROGRAM = r"""
import gc, types
from maya_desktop.core.analysis import loader

def import_a_photo():
    secret = b"\xff\xd8\xff" + b"photo-bytes-of-a-client " * 200
    loader.import_mediapipe_tasks()  # first use in this process: MediaPipe is imported here
    loader.import_on_own_thread("ai_edge_litert.interpreter")
    return len(secret)

import_a_photo()
gc.collect()
held = [f for f in gc.get_objects() if isinstance(f, types.FrameType) and f.f_code.co_name == "import_a_photo"]
print("HELD", len(held))
"""


def test_importing_mediapipe_keeps_no_frame_of_the_caller() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", PROGRAM], cwd=REPO, capture_output=True, text=True, timeout=300, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "HELD 0" in proc.stdout, proc.stdout
