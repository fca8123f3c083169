"""Benchmark: how long the GUI thread stalls while the app's background sync pushes 10,000 events.

A real demo clinic (SQLCipher, key slots) gets N queued events; the receiver runs in a separate process
over HTTPS (trustme, 127.0.0.1). The app's SyncController (QThread, own DB connection) pushes them while
a QTimer fires every 5 ms on the GUI thread; we record the largest gap between two ticks (ideal: 5 ms)
and also the GUI-side outbox poll. Offscreen Qt. Prints one JSON object.

Usage: ``.venv/bin/python bench/sync_gui.py [--events N]`` (batches of the app default, 200 events).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from bench.sync import hq_receiver, queue_events
from maya_desktop.core import crypto
from maya_desktop.core.db import transaction
from maya_desktop.core.sync import outbox
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.core.sync.client import DEFAULT_BATCH

TICK_MS = 5


def fill(conn, n: int) -> None:
    with transaction(conn):
        queue_events(conn, n)


def run(events: int) -> dict:
    # Cheap Argon2id for the demo accounts (the KDF is not what is measured here).
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
    from maya_desktop.core.demo import create_demo_clinic
    from maya_desktop.gui import sync_status
    from maya_desktop.gui.sync_status import SyncController, SyncStatusWidget

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        session = create_demo_clinic(folder / "clinic", "Bench-Password-1!", clients=5)
        with hq_receiver(folder) as (url, token, ca_file):
            try:
                with transaction(session.conn):
                    sync_settings.set_endpoint(session.conn, url)
                    sync_settings.set_token(session.conn, token)
                    sync_settings.set_ca_file(session.conn, ca_file)
                    sync_settings.set_clinic_id(session.conn, "cl_bench")
                fill(session.conn, events)
                queued = outbox.stats(session.conn).pending

                sync_status.POLL_MS = 500  # poll the GUI-side count often, so its cost is in the measurement
                controller = SyncController(session, interval=600.0)
                widget = SyncStatusWidget(controller)
                widget.show()
                gaps: list[float] = []
                clock = QElapsedTimer()
                ticker = QTimer()
                ticker.setInterval(TICK_MS)

                stamps: list[float] = []

                def tick() -> None:
                    gaps.append(clock.nsecsElapsed() / 1e6)
                    stamps.append(time.perf_counter())
                    clock.restart()

                ticker.timeout.connect(tick)
                done = {"at": None}

                def on_status(status) -> None:
                    if status.pending == 0 and done["at"] is None:
                        done["at"] = time.perf_counter()
                        app.quit()

                controller.status_changed.connect(on_status)
                # Baseline: the same timer for one second with no sync running (what the machine gives anyway).
                clock.start()
                ticker.start()
                QTimer.singleShot(1000, app.quit)
                app.exec()
                baseline = gaps[1:]
                gaps.clear()
                stamps.clear()
                clock.restart()
                start = time.perf_counter()
                controller.start()
                QTimer.singleShot(300_000, app.quit)  # safety net
                app.exec()  # the GUI thread idles in Qt's event loop, as in the app
                ticker.stop()
                controller.shutdown()
                measured = gaps[1:]
                worst = max(range(len(measured)), key=measured.__getitem__)
                worst_at = stamps[1:][worst] - start
                slow = sum(1 for g in measured if g > 16.7)  # ticks later than one 60 Hz frame
                assert done["at"] is not None, "sync did not finish"
                sent = outbox.stats(session.conn).sent
                assert sent == queued, (sent, queued)
                seconds = done["at"] - start
            finally:
                session.vault.close()
    return {
        "benchmark": "sync_gui_stall",
        "events": queued,
        "batch_size": DEFAULT_BATCH,
        "push_seconds": round(seconds, 3),
        "events_per_s": round(queued / seconds),
        "timer_interval_ms": TICK_MS,
        "gui_ticks": len(measured),
        "gui_max_gap_ms": round(max(measured), 2),
        "gui_max_gap_at_s": round(worst_at, 3),
        "gui_gaps_over_16ms": slow,
        "gui_p99_gap_ms": round(statistics.quantiles(measured, n=100)[98], 2),
        "gui_median_gap_ms": round(statistics.median(measured), 2),
        "baseline_max_gap_ms": round(max(baseline), 2),
        "baseline_p99_gap_ms": round(statistics.quantiles(baseline, n=100)[98], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    args = parser.parse_args()
    print(json.dumps(run(args.events)))


if __name__ == "__main__":
    main()
