"""Benchmark: raw FaceLandmarker time vs full analysis (landmarks + measures + overlay); prints JSON.

Raw = MediaPipe Tasks FaceLandmarker (its own short-range detector + the 478-point landmark model,
face_landmarker.task) on the same pixels. Full = `analyze_with_overlay`: decode, both detectors (the
full-range one on the second core), the landmarker's seed, two mirror-averaged landmark passes (two
cores each), pose, quality, named points, silhouette (side photo), measurements and the 2 MP
overlay preview, with one decode. Medians of warm runs, the three timings taking turns within each
of 31 rounds (the machine is shared: single runs jitter by 2-3x, and turns keep the ratios fair).
Also: a doctor's landmark correction = `compute_measurements` alone.
"""

from __future__ import annotations

import json
import statistics
import time

import numpy as np
from PIL import Image
from shared_photos import SHARED_FACES, require

FACES = SHARED_FACES


def _ms(fn, n: int = 15) -> float:
    return _interleaved_ms([fn], n)[0]


def _interleaved_ms(fns: list, n: int) -> list[float]:
    """Median ms of each function, the functions taking turns within every round, so a slow spell
    of the shared machine hits all of them alike and the ratios stay fair."""
    for fn in fns:
        fn()
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(n):
        for fn, ts in zip(fns, times, strict=True):
            t = time.perf_counter()
            fn()
            ts.append((time.perf_counter() - t) * 1000)
    return [round(statistics.median(ts), 1) for ts in times]


def main() -> None:
    require(FACES / "obama.jpg")
    t = time.perf_counter()
    from maya_desktop.core.analysis import analyze_image, analyze_with_overlay, compute_measurements
    from maya_desktop.core.analysis.loader import get_models

    models = get_models()
    cold = round((time.perf_counter() - t) * 1000, 1)
    src = Image.open(FACES / "obama.jpg").convert("RGB")
    small = src.resize((round(src.width * 0.55), round(src.height * 0.55)))  # ~0.3 MP
    big = src.resize((3000, 4000))  # ~12 MP (portrait, upscaled in memory)
    out = {"cold_start_model_load_ms": cold, "cpu_count": __import__("os").cpu_count(), "photos": []}
    buf = __import__("io").BytesIO()
    big.save(buf, "JPEG", quality=90)
    jpeg = buf.getvalue()  # what the app really gets: a phone photo's bytes
    side = Image.open(FACES / "profile_left_masked.jpg").convert("RGB")
    for label, img in (("0.3MP", small), ("side_0.15MP", side), ("12MP", big), ("12MP_jpeg_bytes", jpeg)):
        arr = np.ascontiguousarray(np.asarray(big if isinstance(img, bytes) else img))

        def raw_mesh(arr=arr) -> None:
            models.raw_landmarker(arr)

        def full(img=img) -> None:
            analyze_with_overlay(img)

        def analysis_only(img=img) -> None:
            analyze_image(img)

        raw, analysis_ms, full_ms = _interleaved_ms([raw_mesh, analysis_only, full], 31)
        out["photos"].append(
            {
                "photo": label,
                "size": list(big.size if isinstance(img, bytes) else img.size),
                "raw_face_landmarker_ms": raw,
                "analysis_ms": analysis_ms,
                "full_with_overlay_ms": full_ms,
                "ratio_full_to_raw": round(full_ms / raw, 2),
            }
        )
    r = analyze_image(src)
    lms, size = dict(r.landmarks), (r.image_width, r.image_height)
    out["landmark_correction_recompute_ms"] = _ms(lambda: compute_measurements(lms, "frontal", size), 200)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
