"""A photo import killed with SIGKILL at random moments leaves no half-registered photo and no plaintext."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from orders_helpers import PASSWORD

from maya_desktop.core import blobstore
from maya_desktop.core.clients import get_client
from maya_desktop.core.orders import records
from maya_desktop.core.orders.keys import order_key

REPO = Path(__file__).resolve().parents[2]

IMPORTER = """
import itertools, os, signal, sys, time
from pathlib import Path
from maya_desktop.core.vault import Vault
from maya_desktop.core import blobstore, photos
root, password, order_id, photo, die_in = sys.argv[1:6]

def dying(real):
    # Test-only: SIGKILL ourselves right after the 3rd call of `real` (a deterministic crash point).
    calls = []
    def wrapper(*args, **kwargs):
        result = real(*args, **kwargs)
        calls.append(1)
        if len(calls) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapper

if die_in == "write_blob":  # photo 2: its photo blob is on disk, its thumbnail is not
    photos.blobstore.write_blob = dying(blobstore.write_blob)
elif die_in == "register_blob":  # photo 2: both blobs on disk, inside the DB transaction
    photos.blobstore.register_blob = dying(blobstore.register_blob)
session = Vault.open(root, "reception", password, verify="quick")
data = Path(photo).read_bytes()
for i in itertools.count():
    photos.import_photo(session, int(order_id), data, run_analysis=False)
    print(time.perf_counter(), flush=True)
"""

JPEG_SIGNATURES = (b"\xff\xd8\xff\xe0\x00\x10JFIF", b"\xff\xd8\xff\xe1")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _plaintext_hits(root: Path, needles: list[bytes]) -> list[str]:
    """Files that start with image magic, or contain a full image signature or a personal value.

    (Three random bytes FF D8 FF appear by chance in megabytes of ciphertext, so inside files we
    look for the full JFIF/Exif/PNG signatures; at offset 0 the 3-byte magic is enough.)
    """
    hits = []
    for path in root.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if raw.startswith(b"\xff\xd8\xff") or raw.startswith(b"\x89PNG"):
            hits.append(f"{path.name}: starts with image magic")
        for needle in (*JPEG_SIGNATURES[:1], PNG_SIGNATURE, *needles):
            if needle in raw:
                hits.append(f"{path.name}: contains {needle[:8]!r}")
    return hits


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_sigkill_during_import(clinic, faces, login) -> None:
    client = get_client(clinic.reception, 1)
    order_id = records.create_order(clinic.reception, client.id, "rhinoplasty_analysis").id
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(4)

    def run(die_in: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [
                sys.executable,
                "-c",
                IMPORTER,
                str(clinic.root),
                PASSWORD,
                str(order_id),
                str(faces / "biden.jpg"),
                die_in,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
        )

    for die_in in ("write_blob", "register_blob"):  # deterministic crash points
        proc = run(die_in)
        assert proc.wait(timeout=60) == -signal.SIGKILL
    for _ in range(6):  # and random ones
        proc = run("random")
        assert proc.stdout is not None
        first = float(proc.stdout.readline())  # one photo fully imported: the process is warm
        per_photo = float(proc.stdout.readline()) - first
        time.sleep(rng.uniform(0.0, per_photo))
        proc.send_signal(signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL

    session = login("reception")  # re-open with the full integrity check (Vault.open default)
    conn = session.conn
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    folder = session.vault.data_dir.blobs
    key = order_key(conn, order_id)
    rows = conn.execute("SELECT id, file_id, thumb_file_id FROM photos WHERE order_id = ?", (order_id,)).fetchall()
    assert len(rows) >= 2 + 2 * 6
    for _, file_id, thumb_id in rows:  # every registered photo is complete and decrypts
        assert blobstore.read_blob(folder, key, order_id, file_id, "photo").startswith(b"\xff\xd8\xff")
        assert blobstore.read_blob(folder, key, order_id, thumb_id, "thumb").startswith(b"\xff\xd8\xff")
    registered = {r[0] for r in conn.execute("SELECT file_id FROM order_files")}
    assert registered <= {p.name for p in folder.iterdir()}
    assert conn.execute("SELECT files_count FROM orders WHERE id = ?", (order_id,)).fetchone()[0] == len(rows)

    orphans = blobstore.sweep_orphans(conn, folder)
    assert len(orphans) >= 3  # the two deterministic crashes left 1 + 2 ciphertext files behind
    assert {p.name for p in folder.iterdir()} == registered  # orphans and .tmp files are gone

    needles = [
        client.first_name.encode(),
        client.last_name.encode(),
        client.mobile.encode(),
        client.mobile[3:].encode(),
    ]
    assert _plaintext_hits(clinic.root, needles) == []


def test_orphan_blob_is_swept(clinic) -> None:
    order_id = records.create_order(clinic.reception, 1, "rhinoplasty_analysis").id
    folder = clinic.admin.vault.data_dir.blobs
    key = order_key(clinic.admin.conn, order_id)
    orphan = blobstore.write_blob(folder, key, order_id, "photo", b"\xff\xd8\xff pretend photo")
    (folder / ".tmp-deadbeef").write_bytes(b"ciphertext")
    assert blobstore.sweep_orphans(clinic.admin.conn, folder, min_age_seconds=3600) == []  # too young
    assert sorted(blobstore.sweep_orphans(clinic.admin.conn, folder)) == sorted([orphan.file_id, ".tmp-deadbeef"])
    assert list(folder.iterdir()) == []
