"""Longest GUI event-loop stall while the order screen imports 6 x 12 MP phone photos with analysis
(the default), models cold (a fresh process per run). Prints JSON.

A QTimer probe ticks every 2 ms on the GUI thread; the longest gap between two ticks from the click on
"import" until the screen has shown the result is the stall a person feels. Runs alternate between the
code at a baseline commit (default: the start of issue 17, unpacked with `git archive` into /tmp) and this
worktree, each in its own process, on the same photo files.

Run: .venv/bin/python bench/gui_stall.py [--rounds 2] [--base 1255271]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication
from maya_desktop.core import crypto
crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.orders import records
from maya_desktop.core.staff import accept_agreement
from maya_desktop.core.vault import Vault
from maya_desktop.gui.orders.order_detail import OrderDetail

folder, photos = Path(sys.argv[1]), Path(sys.argv[2])
app = QApplication([])
create_demo_clinic(folder, "Bench-Password-42!", clients=3).vault.close()
session = Vault.open(folder, "reception", "Bench-Password-42!")
accept_agreement(session)
order = records.create_order(session, 1, "rhinoplasty_analysis")
detail = OrderDetail(session)
detail.resize(1200, 900)
detail.show()
detail.open_order(order.id)
app.processEvents()

clock = QElapsedTimer()
gaps = []
last = [0]
def tick():
    now = clock.elapsed()
    gaps.append(now - last[0])
    last[0] = now
probe = QTimer()
probe.setInterval(2)
probe.timeout.connect(tick)
done = []
detail.import_finished.connect(lambda summary: done.append(summary))
clock.start()
probe.start()
started = time.perf_counter()
assert detail.import_paths([photos], run_analysis=True)
while not done:
    app.processEvents()
    time.sleep(0.001)
finish = time.perf_counter()
end = clock.elapsed() + 300
while clock.elapsed() < end:  # the screen's refresh after the import
    app.processEvents()
    time.sleep(0.001)
probe.stop()
summary = done[0]
print(json.dumps({"longest_stall_ms": max(gaps), "stalls_over_50_ms": sum(g > 50 for g in gaps),
                  "import_s": round(finish - started, 2), "imported": len(summary.imported),
                  "errors": len(summary.errors)}))
session.vault.close()
"""


def run(tree: Path, photos: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree))
    with tempfile.TemporaryDirectory(prefix="maya-stall-") as tmp:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(Path(tmp) / "clinic"), str(photos)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp,
            check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--base", default="1255271")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from bench.photo_import import DEFAULT_PHOTO
    from tests.phone_photos import phone_photo, srgb_icc

    base = Path(tempfile.gettempdir()) / f"maya-base-{args.base}"
    if not base.exists():
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.base], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
    results: dict[str, list[dict]] = {"legacy": [], "new": []}
    with tempfile.TemporaryDirectory(prefix="maya-photos-") as tmp:
        photos = Path(tmp)
        data = phone_photo(DEFAULT_PHOTO, icc=srgb_icc())
        for n in range(6):
            (photos / f"IMG_{n:04d}.jpg").write_bytes(data)
        for _ in range(args.rounds):
            results["legacy"].append(run(base, photos))
            results["new"].append(run(REPO, photos))
    summary = {
        f"{code}_longest_stall_ms_median": statistics.median(r["longest_stall_ms"] for r in runs)
        for code, runs in results.items()
    }
    print(json.dumps({"gui_stall_import_6x12mp_cold": {**summary, "goal_ms": 50, "runs": results}}, indent=1))


if __name__ == "__main__":
    main()
