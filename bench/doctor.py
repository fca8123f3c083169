"""Benchmark of the doctor's workstation; prints JSON.

1. One landmark-drag update on a 12 MP photo (3000x4000): the handle moves, the measurements are
   recomputed (core.analysis.compute_measurements via corrections.live_measurements), the overlay
   items are rebuilt and the measurement table is updated - what happens on every mouse move.
2. Opening a case of 6 photos (12 MP each): open_case (audited) + list + thumbnails + findings, the
   first photo decrypted, decoded and shown with its overlay, then the other 5 decrypted and decoded
   (what the viewer holds in memory for instant switching). Reported as open -> first photo on the
   canvas, open -> every photo decoded, how long `open_order` itself blocks, and the longest the GUI
   event loop went without running (a 5 ms QTimer's largest gap; ~the longest freeze a person feels).
   Works with the older synchronous viewer too (then the first photo is there when open_order returns
   and the rest are decoded by `viewer.image()` on the GUI thread), so before/after can be compared.

Usage: QT_QPA_PLATFORM=offscreen python bench/doctor.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PIL import Image
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from shared_photos import SHARED_FACES, require

from maya_desktop.core import crypto, photos
from maya_desktop.core.clients import create_client
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.orders import consent, payments, quotes, records
from maya_desktop.core.staff import accept_agreement
from maya_desktop.core.vault import Vault

FACES = SHARED_FACES
PASSWORD = "Bench-Password-42!"
VIEWS = ("frontal", "profile_left", "profile_right", "oblique_left", "oblique_right", "base")


def big_jpeg(name: str) -> bytes:
    src = Image.open(FACES / name).convert("RGB")
    out = io.BytesIO()
    src.resize((3000, 4000), Image.Resampling.BICUBIC).save(out, "JPEG", quality=92)
    return out.getvalue()


def open_and_measure(app, page, order_id: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Open the case; time to the first photo on the canvas and to all photos decoded; event-loop gaps."""
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    app.processEvents()
    marks: dict[str, float] = {}
    t0 = time.perf_counter()
    page.open_order(order_id)
    marks["returned"] = time.perf_counter()
    viewer = page.viewer
    if hasattr(viewer, "loading_finished"):  # background loading
        loop = QEventLoop()

        # Minimum viewing: "all" is every thumbnail; the first photo opens because it is shown.
        def shown(_pid: int) -> None:
            marks.setdefault("first", time.perf_counter())
            if "all" in marks:
                loop.quit()

        def finished() -> None:
            marks["all"] = time.perf_counter()
            if "first" in marks:
                loop.quit()

        viewer.photo_shown.connect(shown)
        viewer.loading_finished.connect(finished)
        QTimer.singleShot(120_000, loop.quit)
        if viewer.is_loading():
            loop.exec()
        marks.setdefault("all", time.perf_counter())
        marks.setdefault("first", marks["all"])
    else:  # the older synchronous viewer: the first photo is shown inside open_order
        marks["first"] = marks["returned"]
        for pid in viewer.photos:
            viewer.image(pid)
        marks["all"] = time.perf_counter()
    app.processEvents()
    end = time.perf_counter()
    timer.stop()
    points = [t0, *[t for t in ticks if t0 <= t <= end], end]
    return {
        "open_returns_s": marks["returned"] - t0,
        "first_photo_s": marks["first"] - t0,
        "all_photos_s": marks["all"] - t0,
        "max_event_loop_gap_s": max(b - a for a, b in itertools.pairwise(points)),
        "timer_ticks_while_opening": sum(1 for t in ticks if t0 <= t <= marks["all"]),
    }


def stats(values: list[float]) -> dict[str, object]:
    return {"median": round(statistics.median(values), 3), "all": [round(v, 3) for v in values]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    require(FACES)
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
    app = QApplication.instance() or QApplication([])
    from maya_desktop.gui.theme import apply_theme

    apply_theme(app, "fa")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "clinic"
        admin = create_demo_clinic(root, PASSWORD, clients=1)
        reception, doctor = Vault.open(root, "reception", PASSWORD), Vault.open(root, "doctor", PASSWORD)
        for s in (reception, doctor):
            accept_agreement(s)
        client = create_client(reception, "آزمون", "سنجش", "09120000001")
        order = records.create_order(reception, client.id, "rhinoplasty_analysis")
        frontal = big_jpeg("obama.jpg")
        profile = big_jpeg("profile_left_masked.jpg")
        t0 = time.perf_counter()
        for i, view in enumerate(VIEWS):
            photos.import_photo(reception, order.id, profile if "profile" in view else frontal, run_analysis=i < 2)
        import_s = time.perf_counter() - t0
        infos = photos.list_photos(reception, order.id)
        photos.confirm_views(reception, order.id, {p.id: v for p, v in zip(infos, VIEWS, strict=True)})
        photos.complete_analysis(reception, order.id)
        quotes.issue_quote(reception, order.id)
        payments.record_payment(
            reception, order.id, "درگاه", "123456789", records.get_order(reception, order.id).price_rial
        )
        consent.record_consent(reception, order.id, doctor.staff.id, "signed_form")

        from maya_desktop.gui.doctor.cases_page import CasesPage

        page = CasesPage(doctor)
        page.resize(1500, 900)
        page.show()
        runs = []
        for _ in range(args.repeat):
            runs.append(open_and_measure(app, page, order.id))
            if _ != args.repeat - 1:
                page.close_viewer()
        viewer = page.viewer
        frontal_id = next(pid for pid, p in viewer.photos.items() if p.view == "frontal")
        viewer.strip.select_photo(frontal_id)
        canvas = viewer.canvas
        handle = canvas.handles["pronasale"]
        x0, y0 = handle.pos().x(), handle.pos().y()
        drag_times = []
        for i in range(200):
            t = time.perf_counter()
            handle.setPos(x0 + (i % 40), y0 + (i % 25))  # one mouse-move step of a drag
            drag_times.append(time.perf_counter() - t)
        from maya_desktop.core.orders.corrections import live_measurements

        compute = []
        for _ in range(200):
            t = time.perf_counter()
            live_measurements(canvas.analysis, canvas.landmarks, canvas.view_name)
            compute.append(time.perf_counter() - t)
        result = {
            "photo_pixels": canvas.image.width() * canvas.image.height(),
            "drag_update_ms": {
                "median": round(1000 * statistics.median(drag_times), 3),
                "p95": round(1000 * sorted(drag_times)[int(0.95 * len(drag_times))], 3),
                "goal_ms": 16.7,
            },
            "compute_measurements_ms_median": round(1000 * statistics.median(compute), 4),
            "open_case_6_photos_s": stats([r["all_photos_s"] for r in runs]),  # open -> every photo decoded
            "open_to_first_photo_s": stats([r["first_photo_s"] for r in runs]),
            "open_order_blocks_gui_s": stats([r["open_returns_s"] for r in runs]),
            "max_event_loop_gap_while_opening_s": stats([r["max_event_loop_gap_s"] for r in runs]),
            "timer_ticks_while_opening": [r["timer_ticks_while_opening"] for r in runs],
            "measurements_on_frontal": len(canvas.measurements),
            "setup_import_6_photos_s": round(import_s, 1),
        }
        page.close_viewer()
        for s in (reception, doctor, admin):
            s.vault.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
