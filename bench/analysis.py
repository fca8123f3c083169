"""Benchmark: raw FaceLandmarker time vs full analysis (landmarks + measures + overlay); prints JSON.

Raw = MediaPipe Tasks FaceLandmarker (its own short-range detector + the 478-point landmark model,
face_landmarker.task) on the same pixels. Full = `analyze_with_overlay`: decode, both detectors (the
full-range one on the second core), the landmarker's seed, two mirror-averaged landmark passes (two
cores each), pose, quality, named points, silhouette (side photo), measurements and the 2 MP
overlay preview, with one decode. Medians of warm runs, the three timings taking turns within each
of 31 rounds (the machine is shared: single runs jitter by 2-3x, and turns keep the ratios fair).
Also: a doctor's landmark correction = `compute_measurements` alone.

--base REV: the same photos timed in two warm processes, one running the engine at REV (unpacked with
`git archive` into /tmp) and one this worktree's, taking turns within every round (raw and full, base and
ours, the order swapped every round), so a busy spell of the shared machine hits both alike. Reports each
tree's medians and ratio, the median of the per-round ours/base ratios of the full analysis, and the load
average before and after (`uptime`: other work on the 2 cores inflates every figure).

Run: .venv/bin/python bench/analysis.py [--base REV] [--rounds 31] [--only 0.3MP,side_0.15MP]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def _photos(only: str | None = None) -> list[tuple[str, Image.Image | bytes, Image.Image]]:
    """(label, what the analysis gets, the pixels the raw landmarker gets) of the bench's four photos, or
    of those `only` names (comma-separated labels)."""
    src = Image.open(FACES / "obama.jpg").convert("RGB")
    small = src.resize((round(src.width * 0.55), round(src.height * 0.55)))  # ~0.3 MP
    big = src.resize((3000, 4000))  # ~12 MP (portrait, upscaled in memory)
    buf = io.BytesIO()
    big.save(buf, "JPEG", quality=90)
    side = Image.open(FACES / "profile_left_masked.jpg").convert("RGB")
    photos: list[tuple[str, Image.Image | bytes, Image.Image]] = [
        ("0.3MP", small, small),
        ("side_0.15MP", side, side),
        ("12MP", big, big),
        ("12MP_jpeg_bytes", buf.getvalue(), big),  # what the app really gets: a phone photo's bytes
    ]
    return [p for p in photos if only is None or p[0] in only.split(",")]


def worker(only: str | None) -> None:
    """--worker: time what the driver asks ("LABEL raw|full" per line), one warm process per tree."""
    from maya_desktop.core.analysis import analyze_with_overlay
    from maya_desktop.core.analysis.loader import get_models

    models = get_models()
    jobs = {}
    for label, img, pixels in _photos(only):
        arr = np.ascontiguousarray(np.asarray(pixels))
        jobs[(label, "raw")] = lambda arr=arr: models.raw_landmarker(arr)
        jobs[(label, "full")] = lambda img=img: analyze_with_overlay(img)
    for job in jobs.values():
        job()
    print("ready", flush=True)
    for line in sys.stdin:
        label, kind = line.split()
        t = time.perf_counter()
        jobs[(label, kind)]()
        print(round((time.perf_counter() - t) * 1000, 3), flush=True)


def against_base(rev: str, rounds: int, only: str | None) -> None:
    repo = Path(__file__).resolve().parents[1]
    base = Path(tempfile.gettempdir()) / f"maya-base-{rev}"
    if not base.exists():
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(repo), "archive", rev], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
    trees = {"base": base, "ours": repo}
    procs = {}
    for name, tree in trees.items():
        env = dict(os.environ, PYTHONPATH=str(tree), MAYA_SHARED_FACES=str(FACES))
        procs[name] = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", *(["--only", only] if only else [])],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tempfile.gettempdir(),
        )
        if procs[name].stdout.readline().strip() != "ready":  # type: ignore[union-attr]
            raise SystemExit(f"the {name} worker did not start")

    def timed(name: str, label: str, kind: str) -> float:
        proc = procs[name]
        proc.stdin.write(f"{label} {kind}\n")  # type: ignore[union-attr]
        proc.stdin.flush()  # type: ignore[union-attr]
        return float(proc.stdout.readline())  # type: ignore[union-attr]

    load_before = os.getloadavg()
    out: dict = {"base": rev, "rounds": rounds, "load_before": [round(x, 2) for x in load_before], "photos": []}
    for label, _img, _pixels in _photos(only):
        times: dict[tuple[str, str], list[float]] = {(n, k): [] for n in trees for k in ("raw", "full")}
        for r in range(rounds):
            order = [(n, k) for n in (("base", "ours") if r % 2 == 0 else ("ours", "base")) for k in ("raw", "full")]
            for name, kind in order:
                times[(name, kind)].append(timed(name, label, kind))
        row: dict = {"photo": label}
        for name in trees:
            raw, full = (statistics.median(times[(name, k)]) for k in ("raw", "full"))
            row[name] = {"raw_ms": round(raw, 1), "full_ms": round(full, 1), "ratio_full_to_raw": round(full / raw, 2)}
        pairs = [o / b for o, b in zip(times[("ours", "full")], times[("base", "full")], strict=True)]
        row["ours_over_base_full"] = round(statistics.median(pairs), 3)
        out["photos"].append(row)
    out["load_after"] = [round(x, 2) for x in os.getloadavg()]
    for proc in procs.values():
        proc.stdin.close()  # type: ignore[union-attr]
        proc.wait()
    print(json.dumps(out, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", help="a commit to compare with, interleaved (module doc)")
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument("--only", help="comma-separated photo labels (default: all four)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    require(FACES / "obama.jpg")
    if args.worker:
        worker(args.only)
        return
    if args.base:
        against_base(args.base, args.rounds, args.only)
        return
    t = time.perf_counter()
    from maya_desktop.core.analysis import analyze_image, analyze_with_overlay, compute_measurements
    from maya_desktop.core.analysis.loader import get_models

    models = get_models()
    cold = round((time.perf_counter() - t) * 1000, 1)
    out = {"cold_start_model_load_ms": cold, "cpu_count": os.cpu_count(), "photos": []}
    for label, img, pixels in _photos(args.only):
        arr = np.ascontiguousarray(np.asarray(pixels))

        def raw_mesh(arr=arr) -> None:
            models.raw_landmarker(arr)

        def full(img=img) -> None:
            analyze_with_overlay(img)

        def analysis_only(img=img) -> None:
            analyze_image(img)

        raw, analysis_ms, full_ms = _interleaved_ms([raw_mesh, analysis_only, full], args.rounds)
        out["photos"].append(
            {
                "photo": label,
                "size": list(pixels.size),
                "raw_face_landmarker_ms": raw,
                "analysis_ms": analysis_ms,
                "full_with_overlay_ms": full_ms,
                "ratio_full_to_raw": round(full_ms / raw, 2),
            }
        )
    src = Image.open(FACES / "obama.jpg").convert("RGB")
    r = analyze_image(src)
    lms, size = dict(r.landmarks), (r.image_width, r.image_height)
    out["landmark_correction_recompute_ms"] = _ms(lambda: compute_measurements(lms, "frontal", size), 200)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
