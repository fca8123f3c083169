"""kill -9 at random moments of import, quote, payment, delivery and destruction (20 runs, seeded).

After the kills the data folder must open with the full check (every page), the audit chain must be
intact, and every order must be whole: its state agrees with its key, files, rows, payment and audit.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from robust_helpers import PASSWORD, walk

from maya_desktop.core import audit, blobstore
from maya_desktop.core.orders.keys import order_key
from maya_desktop.core.orders.states import Status
from maya_desktop.core.vault import Vault

REPO = Path(__file__).resolve().parents[2]
RUNS_PER_PHASE = 4
ORDERS_PER_RUN = 5
PHASES = {  # phase -> (who does it, state the orders must be in first)
    "import": ("reception", Status.PHOTOS_IMPORTED),  # the order is created in the parent; import runs here
    "quote": ("reception", Status.ANALYZED),
    "payment": ("reception", Status.QUOTED),
    "delivery": ("doctor", Status.IN_REVIEW),
    "destruction": ("reception", Status.DELIVERED),
}

WORKER = r"""
import sys, time
from pathlib import Path
from maya_desktop.core.vault import Vault
from maya_desktop.core import photos
from maya_desktop.core.orders import delivery, destruction, payments, quotes, records
from maya_desktop.core.orders.states import Action
root, user, password, phase, ids, photo = sys.argv[1:7]
session = Vault.open(root, user, password, verify="quick")
data = Path(photo).read_bytes()
for n, order_id in enumerate(map(int, ids.split(","))):
    started = time.perf_counter()
    if phase == "import":
        for _ in range(3):
            photos.import_photo(session, order_id, data, run_analysis=False)
    elif phase == "quote":
        quotes.issue_quote(session, order_id)
    elif phase == "payment":
        price = records.get_order(session, order_id).price_rial
        payments.record_payment(session, order_id, "درگاه ملت", f"55{order_id:06d}", price)
    elif phase == "delivery":
        delivery.write_report(session, order_id, "Findings: narrow dorsum, tip ptosis; refinement advised.")
        delivery.deliver(session, order_id)
    elif phase == "destruction":
        destruction.destroy_order(session, order_id, "retention", action=Action.PURGE)
    if n == 1:  # order 0 warmed up lazy imports; order 1 timed one operation; the kill comes during the rest
        print("ready", time.perf_counter() - started, flush=True)
    elif n > 1:
        print("op", flush=True)
print("done", flush=True)
time.sleep(60)
"""


def _prepare(clinic, small_faces: list[bytes]) -> dict[str, list[list[int]]]:
    from maya_desktop.core.orders import records

    plan: dict[str, list[list[int]]] = {}
    client = 1
    for phase, (_, state) in PHASES.items():
        plan[phase] = []
        for _ in range(RUNS_PER_PHASE):
            ids = []
            for _ in range(ORDERS_PER_RUN):
                if phase == "import":
                    ids.append(records.create_order(clinic.reception, client, "rhinoplasty_analysis").id)
                else:
                    ids.append(walk(clinic.reception, clinic.doctor, client, state, small_faces[:2]))
                client = client % 20 + 1
            plan[phase].append(ids)
    return plan


def _last_transition(conn, order_id: int) -> str | None:  # type: ignore[no-untyped-def]
    row = conn.execute(
        "SELECT details FROM audit_log WHERE object_ref = ? AND action LIKE 'order.%' ORDER BY id DESC LIMIT 1",
        (f"order:{order_id}",),
    ).fetchone()
    return None if row is None else json.loads(row[0]).get("to")


def check_order(conn, blobs: Path, order_id: int) -> str:  # type: ignore[no-untyped-def]
    """Assert one order is whole; returns its status."""
    (
        status,
        files_count,
        price,
        quote_sealed,
        quoted_at,
        paid_at,
        delivered_at,
        destroy_after,
        destroyed_at,
        client_id,
    ) = conn.execute(
        "SELECT status, files_count, price_rial, quote_sealed, quoted_at, paid_at, delivered_at, destroy_after,"
        " destroyed_at, client_id FROM orders WHERE id = ?",
        (order_id,),
    ).fetchone()
    s = Status(status)
    where = f"order {order_id} ({s})"
    key = conn.execute("SELECT data_key FROM order_keys WHERE order_id = ?", (order_id,)).fetchone()
    files = conn.execute("SELECT file_id, kind FROM order_files WHERE order_id = ?", (order_id,)).fetchall()
    photo_rows = conn.execute("SELECT file_id, thumb_file_id FROM photos WHERE order_id = ?", (order_id,)).fetchall()
    report = conn.execute("SELECT file_id FROM reports WHERE order_id = ?", (order_id,)).fetchone()
    pays = conn.execute("SELECT reference FROM payments WHERE order_id = ?", (order_id,)).fetchall()
    assert _last_transition(conn, order_id) in (s.value, None if s == Status.DRAFT else "-"), where
    if s == Status.DESTROYED:
        assert key is None and files == [] and photo_rows == [] and report is None, where
        assert destroyed_at and client_id is None and quote_sealed is None, where
        assert all(ref is None for (ref,) in pays) and len(pays) == (1 if paid_at else 0), where
        return s.value
    assert key is not None, where
    assert len(photo_rows) == files_count, where
    registered = {f for f, _ in files}
    assert {f for row in photo_rows for f in row} <= registered, where
    for file_id, kind in files:  # every registered file is on disk, whole, and decrypts
        blobstore.read_blob(blobs, order_key(conn, order_id), order_id, file_id, kind)  # sealed: the manager's wrap
    past_quote = s in (Status.QUOTED, Status.PAID, Status.CONSENTED, Status.IN_REVIEW, Status.DELIVERED)
    assert (price is not None and quote_sealed is not None and quoted_at is not None) == past_quote, where
    paid = s in (Status.PAID, Status.CONSENTED, Status.IN_REVIEW, Status.DELIVERED)
    assert len(pays) == (1 if paid else 0) and bool(paid_at) == paid, where
    if s == Status.DELIVERED:
        assert report is not None and delivered_at and destroy_after, where
    else:
        assert delivered_at is None, where
    if report is not None:
        assert report[0] in registered, where
    if s == Status.DRAFT:
        assert files_count == 0, where
    return s.value


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_9_at_random_points_leaves_every_order_whole(clinic, small_faces, faces: Path) -> None:
    # Retention stays at its default: were the delivered orders already due, every login (the workers')
    # would destroy them all before the "destruction" phase could be killed in the middle of one.
    plan = _prepare(clinic, small_faces)
    for session in (clinic.reception, clinic.doctor, clinic.admin):  # the child is the only writer
        session.vault.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(7)
    kills = Counter()
    done_before_kill = Counter()
    for phase, (user, _) in PHASES.items():
        for ids in plan[phase]:
            proc = subprocess.Popen(
                [
                    sys.executable,
                    "-c",
                    WORKER,
                    str(clinic.root),
                    user,
                    PASSWORD,
                    phase,
                    ",".join(map(str, ids)),
                    str(faces / "biden.jpg"),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
            )
            assert proc.stdout is not None
            line = proc.stdout.readline().split()
            if not line or line[0] != b"ready":
                proc.kill()
                pytest.fail(f"worker did not start: {line!r} {proc.communicate()[1].decode()[-2000:]}")
            per_order = min(float(line[1]), 1.0)
            time.sleep(rng.uniform(0.0, per_order * (ORDERS_PER_RUN - 2)))  # seeded random delay, then kill -9
            proc.send_signal(signal.SIGKILL)
            assert proc.wait(timeout=30) == -signal.SIGKILL
            out = proc.stdout.read().decode()
            done_before_kill[phase] += 2 + out.split().count("op")
            kills[phase] += 1
    assert sum(kills.values()) == 20

    for session in (clinic.reception, clinic.doctor, clinic.admin):
        session.vault.close()
    session = Vault.open(clinic.root, "admin", PASSWORD)  # full check: every page's HMAC + quick_check
    try:
        conn = session.conn
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        result = audit.verify(conn)
        assert result.ok, result.reason
        blobs = session.vault.data_dir.blobs
        orphans = blobstore.sweep_orphans(conn, blobs)  # ciphertext a kill left without a row (unreadable)
        registered = {r[0] for r in conn.execute("SELECT file_id FROM order_files")}
        assert {p.name for p in blobs.iterdir()} == registered
        states: Counter[str] = Counter()
        for phase, runs in plan.items():
            for ids in runs:
                for order_id in ids:
                    states[f"{phase}->{check_order(conn, blobs, order_id)}"] += 1
    finally:
        session.vault.close()
    print(f"\nkill -9 runs: {dict(kills)}; operations finished before the kill: {dict(done_before_kill)}")
    print(f"orders after the kills: {dict(sorted(states.items()))}; orphan files swept: {len(orphans)}")
