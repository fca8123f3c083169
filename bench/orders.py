"""Benchmark of the orders pipeline; prints JSON.

Photo import: see bench/photo_import.py (the comparison that was here ran an in-memory pipeline
against Pillow on a metadata-free JPEG, which hid the colour conversion of phone photos).

Destruction of an order with 20 photos (goal < 1 s).

Usage: python bench/orders.py [--photo PATH]
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from shared_photos import SHARED_FACES, require

from maya_desktop.core import crypto, photos
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.orders import destruction, records

DEFAULT_PHOTO = SHARED_FACES / "obama.jpg"


def make_12mp_jpeg(path: Path) -> bytes:
    src = Image.open(path).convert("RGB")
    big = src.resize((3000, 4000), Image.Resampling.BICUBIC)  # 12.0 MP
    out = io.BytesIO()
    big.save(out, "JPEG", quality=92)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--photo", type=Path, default=DEFAULT_PHOTO)
    args = parser.parse_args()
    require(args.photo)
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))  # logins are not measured

    data = make_12mp_jpeg(args.photo)
    root = Path(tempfile.mkdtemp(prefix="maya-bench-")) / "clinic"
    try:
        session = create_demo_clinic(root, "Bench-Password-42!", clients=1)
        victim = records.create_order(session, 1, "rhinoplasty_analysis")
        for _ in range(20):
            photos.import_photo(session, victim.id, data, run_analysis=False)
        files = len(list(session.vault.data_dir.blobs.iterdir()))
        start = time.perf_counter()
        receipt = destruction.destroy_order_now(session, victim.id)
        t_destroy = time.perf_counter() - start
        session.vault.close()
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)

    result = {
        "destroy_order_20_photos": {
            "files_destroyed": len(receipt.files),
            "files_in_folder_before": files,
            "seconds": round(t_destroy, 4),
            "goal_s": 1.0,
        },
        "python": sys.version.split()[0],
        "pillow": Image.__version__,
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
