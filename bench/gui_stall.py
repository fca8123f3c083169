"""Longest GUI event-loop stall while the order screen imports 6 x 12 MP phone photos with analysis
(the default), models cold (a fresh process per run). Prints JSON.

A QTimer probe ticks every 2 ms on the GUI thread; the longest gap between two ticks from the click on
"import" until the screen has shown the result is the stall a person feels. Runs alternate between the
code at a baseline commit (default 28e39e2, the import before it moved into the helper process; unpacked
with `git archive` into /tmp) and this worktree, each in its own process, on the same photo files. A run that
did not import all six photos (e.g. a baseline too old for today's mediapipe) is shown but left out of the
medians.

Run: .venv/bin/python bench/gui_stall.py [--rounds 2] [--base 28e39e2] [--sample 30]

--sample MS (a diagnosis, Linux only; it perturbs what it measures, so not for the figures): a watchdog thread
in each child reads every thread's run and run-queue time (/proc/self/task/*/schedstat, and the helper
processes') every 3 ms and, while the probe has been quiet for more than MS, the GUI thread's Python stack
and the other threads' top frames (sys._current_frames). Each run then carries "gaps": its three longest,
each with what every thread did during it (run / run-queue wait, ms; the GUI thread's time neither running
nor runnable is sleep: the GIL, a lock or a future) and the stacks sampled. Found the causes fixed in issue 17:
the GUI thread waiting for the GIL (database thread decoding), for a future (a waiting reload), for a core.
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

WATCH = r"""
import os, threading, traceback


def _read(path):
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return ""


def _frames(frame, keep):
    return [f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in traceback.extract_stack(frame)[-keep:]]


class Watch:
    def __init__(self, ticks, sample_ms):
        self.ticks, self.sample_ms = ticks, sample_ms
        self.main = threading.main_thread()
        self.ring, self.stacks = [], {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.run, name="watchdog", daemon=True)
        self.thread.start()

    def times(self):
        out = {}
        for tid in os.listdir("/proc/self/task"):
            parts = _read(f"/proc/self/task/{tid}/schedstat").split()
            if len(parts) >= 2:
                out[tid] = (int(parts[0]), int(parts[1]))
            for kid in _read(f"/proc/self/task/{tid}/children").split():  # the helper process(es): all threads
                total = [0, 0]
                for ktid in os.listdir(f"/proc/{kid}/task") if os.path.isdir(f"/proc/{kid}/task") else []:
                    kparts = _read(f"/proc/{kid}/task/{ktid}/schedstat").split()
                    if len(kparts) >= 2:
                        total[0] += int(kparts[0])
                        total[1] += int(kparts[1])
                out["helper-" + kid] = tuple(total)
        return out

    def run(self):
        while not self.stop.is_set():
            time.sleep(0.003)
            self.ring.append((time.perf_counter(), self.times()))
            start = self.ticks[-1]
            quiet = (time.perf_counter() - start) * 1000
            if quiet > self.sample_ms:
                frames = sys._current_frames()
                names = {t.ident: t.name for t in threading.enumerate()}
                others = {names.get(i, str(i)): _frames(f, 3) for i, f in frames.items()
                          if i not in (self.main.ident, threading.get_ident())}
                self.stacks.setdefault(start, []).append(
                    {"at_ms": round(quiet, 1), "gui": _frames(frames.get(self.main.ident), 8), "others": others})

    def report(self):
        self.stop.set()
        self.thread.join()
        names = {str(t.native_id): t.name for t in threading.enumerate()}
        names[str(self.thread.native_id)] = "watchdog (this diagnosis)"
        names.update({tid: _read(f"/proc/self/task/{tid}/comm").strip() for tid in os.listdir("/proc/self/task")
                      if tid not in names})
        longest = sorted(zip(self.ticks, self.ticks[1:]), key=lambda ab: ab[0] - ab[1])[:3]
        out = []
        for a, b in longest:
            before = [r for r in self.ring if r[0] <= a + 0.001]
            after = [r for r in self.ring if r[0] >= b - 0.001]
            threads = {}
            if before and after:
                for tid, (run, wait) in after[0][1].items():
                    run0, wait0 = before[-1][1].get(tid, (0, 0))
                    if run - run0 > 500_000 or wait - wait0 > 500_000:
                        threads[names.get(tid, tid)] = [round((run - run0) / 1e6, 1), round((wait - wait0) / 1e6, 1)]
            out.append({"ms": round((b - a) * 1000, 1), "run_and_run_queue_ms": threads,
                        "stacks": self.stacks.get(a, [])[:2] + self.stacks.get(a, [])[2:][-2:]})
        return out
"""

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

folder, photos, sample_ms = Path(sys.argv[1]), Path(sys.argv[2]), float(sys.argv[3])
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
ticks = [time.perf_counter()]
def tick():
    now = clock.elapsed()
    gaps.append(now - last[0])
    last[0] = now
    ticks.append(time.perf_counter())
watch = Watch(ticks, sample_ms) if sample_ms else None
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
result = {"longest_stall_ms": max(gaps), "stalls_over_50_ms": sum(g > 50 for g in gaps),
          "import_s": round(finish - started, 2), "imported": len(summary.imported), "errors": len(summary.errors)}
if watch is not None:
    result["gaps"] = watch.report()
print(json.dumps(result))
session.vault.close()
"""


def run(tree: Path, photos: Path, sample_ms: float = 0) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree))
    code = CHILD.replace("from PySide6.QtCore", WATCH + "\nfrom PySide6.QtCore", 1) if sample_ms else CHILD
    if not sample_ms:
        code = code.replace("watch = Watch(ticks, sample_ms) if sample_ms else None", "watch = None")
    with tempfile.TemporaryDirectory(prefix="maya-stall-") as tmp:
        out = subprocess.run(
            [sys.executable, "-c", code, str(Path(tmp) / "clinic"), str(photos), str(sample_ms)],
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
    # 1255271 (issue 17's start) predates the FaceLandmarker backbone: with today's mediapipe its imports fail
    # (ModuleNotFoundError), so it cannot be the baseline of an import *with analysis* any more. 28e39e2 is
    # the code before the import moved into the helper process (2026-12-07).
    parser.add_argument("--base", default="28e39e2")
    parser.add_argument("--sample", type=float, default=0, help="diagnose gaps longer than this (ms); see above")
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
            results["legacy"].append(run(base, photos, args.sample))
            results["new"].append(run(REPO, photos, args.sample))
    # A run that did not import all six photos measured something else (a failed import is short and quiet):
    # it is reported, and left out of the medians.
    summary: dict[str, object] = {}
    for code, runs in results.items():
        valid = [r["longest_stall_ms"] for r in runs if r["imported"] == 6]
        summary[f"{code}_longest_stall_ms_median"] = statistics.median(valid) if valid else None
        summary[f"{code}_runs_that_imported_all_6"] = f"{len(valid)} of {len(runs)}"
    print(json.dumps({"gui_stall_import_6x12mp_cold": {**summary, "goal_ms": 50, "runs": results}}, indent=1))


if __name__ == "__main__":
    main()
