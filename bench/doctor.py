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

Old vs new in the same run: the code at the issue-17 start commit (`--base`, unpacked with `git archive`
as bench/startup.py does) and this tree each build their own clinic in one child process and are measured
in another (so the figures hold only what opening the case costs, not the setup's imports). The first
open of a process is reported on its own: it is the one that used to import numpy/OpenCV/the analysis
engine on the GUI thread. Before it the cases list is shown for 1.5 s (a person reading it), and the
largest event-loop gap during that time is reported too (the viewer's imports run then, in a thread).
Memory: the resident set (VmRSS) with the case open, after the doctor has looked at all 6 photos in turn
(each shown until it is on the canvas), then with the last one at 1:1 (actual pixels: the zoom tile, when
the viewer has one, decoded), and the process's peak.

Usage: QT_QPA_PLATFORM=offscreen python bench/doctor.py [--repeat N] [--base COMMIT]
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# `--tree DIR`: measure the code in DIR (the child processes of the old-vs-new run).
sys.path.insert(0, sys.argv[sys.argv.index("--tree") + 1] if "--tree" in sys.argv else str(Path(__file__).parents[1]))

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

REPO = Path(__file__).resolve().parents[1]
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


def memory_mb() -> dict[str, float]:
    """Resident set now and the process's peak (VmRSS / VmHWM from /proc, Linux)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return {name: round(int(fields[key].split()[0]) / 1024, 1) for name, key in (("rss", "VmRSS"), ("peak", "VmHWM"))}


def build_clinic(root: Path, analyse: bool) -> int:
    """A clinic with one consented case of 6 photos of 12 MP (2 analysed); returns the order id.
    `analyse=False` for the base commit: its analysis loader predates the installed mediapipe's layout."""
    admin = create_demo_clinic(root, PASSWORD, clients=1)
    reception, doctor = Vault.open(root, "reception", PASSWORD), Vault.open(root, "doctor", PASSWORD)
    for s in (reception, doctor):
        accept_agreement(s)
    client = create_client(reception, "آزمون", "سنجش", "09120000001")
    order = records.create_order(reception, client.id, "rhinoplasty_analysis")
    frontal = big_jpeg("obama.jpg")
    profile = big_jpeg("profile_left_masked.jpg")
    for i, view in enumerate(VIEWS):
        data = profile if "profile" in view else frontal
        photos.import_photo(reception, order.id, data, run_analysis=analyse and i < 2)
    infos = photos.list_photos(reception, order.id)
    photos.confirm_views(reception, order.id, {p.id: v for p, v in zip(infos, VIEWS, strict=True)})
    photos.complete_analysis(reception, order.id)
    quotes.issue_quote(reception, order.id)
    price = records.get_order(reception, order.id).price_rial
    payments.record_payment(reception, order.id, "درگاه", "123456789", price)
    consent.record_consent(reception, order.id, doctor.staff.id, "verbal")  # no scanned form here
    for s in (reception, doctor, admin):
        s.vault.close()
    return order.id


def idle_gap(app, seconds: float) -> float:  # type: ignore[no-untyped-def]
    """Run the event loop for `seconds`; the largest gap between 5 ms timer ticks."""
    ticks: list[float] = [time.perf_counter()]
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    ticks.append(time.perf_counter())
    return max(b - a for a, b in itertools.pairwise(ticks))


def wait_until(app, done, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until `done()` (a photo decoded in the background, a zoom tile)."""
    end = time.perf_counter() + timeout
    while not done() and time.perf_counter() < end:
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 20)
    app.processEvents()


def measure(root: Path, order_id: int, repeat: int) -> dict[str, object]:
    app = QApplication.instance() or QApplication([])
    from maya_desktop.gui.theme import apply_theme

    apply_theme(app, "fa")
    doctor = Vault.open(root, "doctor", PASSWORD)
    # In the app the sign-in window comes first and loads its Designer form: Qt's form loader (QUiLoader) is
    # then warm. Built alone, the cases page paid the loader's first-time cost (~40 ms: plugin scan) inside
    # the first case opening, which no doctor ever sees. Both trees have this form.
    from maya_desktop.gui.forms import load_form

    load_form("login.ui").deleteLater()
    from maya_desktop.gui.doctor.cases_page import CasesPage

    page = CasesPage(doctor)
    page.resize(1500, 900)
    page.show()
    list_gap = idle_gap(app, 1.5)
    before_open = memory_mb()
    runs = []
    for i in range(repeat):
        runs.append(open_and_measure(app, page, order_id))
        if i != repeat - 1:
            page.close_viewer()
    memory = memory_mb()
    viewer = page.viewer
    # The doctor looks at every photo in turn (strip order), then at the last one at 1:1 (actual pixels).
    shown_in_turn = []
    for pid in viewer.strip.photo_ids():
        t = time.perf_counter()
        viewer.strip.select_photo(pid)
        wait_until(app, lambda pid=pid: viewer.current == pid)
        shown_in_turn.append(time.perf_counter() - t)
    all_shown = memory_mb()
    viewer.canvas.actual_size()
    wait_until(app, lambda: not getattr(viewer.canvas, "tile_pending", lambda: False)())
    zoomed = memory_mb()
    viewer.canvas.fit()
    frontal_id = next(pid for pid, p in viewer.photos.items() if p.view == "frontal")
    viewer.strip.select_photo(frontal_id)
    wait_until(app, lambda: viewer.current == frontal_id)  # it may have to be opened again
    canvas = viewer.canvas
    drag_times = [0.0]
    if "pronasale" in canvas.handles:
        handle = canvas.handles["pronasale"]
        x0, y0 = handle.pos().x(), handle.pos().y()
        drag_times = []
        for i in range(200):
            t = time.perf_counter()
            handle.setPos(x0 + (i % 40), y0 + (i % 25))  # one mouse-move step of a drag
            drag_times.append(time.perf_counter() - t)
    result = {
        "canvas_image_pixels": canvas.image.width() * canvas.image.height(),
        "analysed_photos": sum(1 for p in viewer.photos.values() if p.has_analysis),
        "drag_update_ms_median": round(1000 * statistics.median(drag_times), 3),
        "first_open_max_event_loop_gap_s": round(runs[0]["max_event_loop_gap_s"], 3),
        "later_opens_max_event_loop_gap_s": stats([r["max_event_loop_gap_s"] for r in runs[1:]] or [0.0]),
        "max_event_loop_gap_while_list_shown_s": round(list_gap, 3),
        "open_case_6_photos_s": stats([r["all_photos_s"] for r in runs]),
        "open_to_first_photo_s": stats([r["first_photo_s"] for r in runs]),
        "open_order_blocks_gui_s": stats([r["open_returns_s"] for r in runs]),
        "rss_mb_before_open": before_open["rss"],
        "rss_mb_case_open": memory["rss"],
        "switch_photo_s": stats(shown_in_turn),
        "rss_mb_all_6_shown_in_turn": all_shown["rss"],
        "rss_mb_zoom_1_to_1": zoomed["rss"],
        "peak_rss_mb_process": zoomed["peak"],
    }
    page.close_viewer()
    doctor.vault.close()
    return result


def child(tree: Path, *args: str) -> dict:
    """Run this script on the code in `tree`; its last stdout line is JSON."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--tree", str(tree), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    if not lines:
        raise RuntimeError(f"child failed (exit {out.returncode}): {out.stderr[-800:]}")
    return json.loads(lines[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--base", default="1255271")
    parser.add_argument("--tree", type=Path)
    parser.add_argument("--setup", type=Path)
    parser.add_argument("--measure", type=Path)
    parser.add_argument("--order", type=int)
    parser.add_argument("--no-analysis", action="store_true")
    args = parser.parse_args()
    require(FACES)
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
    if args.setup:
        print(json.dumps({"order": build_clinic(args.setup, not args.no_analysis)}))
        return
    if args.measure:
        print(json.dumps(measure(args.measure, args.order, args.repeat)))
        return
    base = Path(tempfile.gettempdir()) / f"maya-base-{args.base}"
    if not base.exists():
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.base], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
    result: dict[str, object] = {"base": args.base, "repeat": args.repeat}
    with tempfile.TemporaryDirectory() as tmp:
        for name, tree in (("legacy", base), ("new", REPO)):
            root = Path(tmp) / name
            order = child(tree, "--setup", str(root), *(["--no-analysis"] if name == "legacy" else []))["order"]
            result[name] = child(tree, "--measure", str(root), "--order", str(order), "--repeat", str(args.repeat))
    result["goals"] = {
        "first_open_max_event_loop_gap_s": 0.05,
        "rss_mb_case_open": 200,
        "rss_mb_all_6_shown_in_turn": 200,
    }
    print(json.dumps({"doctor": result}, indent=1))


if __name__ == "__main__":
    main()
