"""Benchmark of the doctor's workstation; prints JSON.

1. One landmark-drag update on a 12 MP photo (3000x4000): the handle moves, the measurements are
   recomputed (core.analysis.compute_measurements via corrections.live_measurements), the overlay
   items are rebuilt and the measurement table is updated - what happens on every mouse move.
2. Opening a case of 6 photos (12 MP each): open_case (audited) + list + thumbnails + findings, the
   first photo decrypted, decoded and shown with its overlay, then the other 5 decrypted and decoded
   (what the viewer holds in memory for instant switching).

Usage: QT_QPA_PLATFORM=offscreen python bench/doctor.py [--repeat N]
"""

from __future__ import annotations

import argparse
import io
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
from PySide6.QtWidgets import QApplication

from maya_desktop.core import crypto, photos
from maya_desktop.core.clients import create_client
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.orders import consent, payments, quotes, records
from maya_desktop.core.staff import accept_agreement
from maya_desktop.core.vault import Vault

FACES = Path(__file__).resolve().parents[2] / "shared" / "faces"
PASSWORD = "Bench-Password-42!"
VIEWS = ("frontal", "profile_left", "profile_right", "oblique_left", "oblique_right", "base")


def big_jpeg(name: str) -> bytes:
    src = Image.open(FACES / name).convert("RGB")
    out = io.BytesIO()
    src.resize((3000, 4000), Image.Resampling.BICUBIC).save(out, "JPEG", quality=92)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
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
        open_times = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            page.open_order(order.id)
            viewer = page.viewer
            for pid in viewer.photos:
                viewer.image(pid)
            app.processEvents()
            open_times.append(time.perf_counter() - t)
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
            "open_case_6_photos_s": {
                "median": round(statistics.median(open_times), 3),
                "all": [round(t, 3) for t in open_times],
            },
            "measurements_on_frontal": len(canvas.measurements),
            "setup_import_6_photos_s": round(import_s, 1),
        }
        page.close_viewer()
        for s in (reception, doctor, admin):
            s.vault.close()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
