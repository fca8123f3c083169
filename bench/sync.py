"""Benchmark: push 10,000 queued events from a real SQLCipher outbox to the reference receiver over HTTPS.

The receiver runs in a separate process (as HQ would), on 127.0.0.1 with a trustme certificate.
Each batch size is run twice in the same run: "legacy" (before issue 17: every event checked by jsonschema
alone, on both sides, and no index serving the batch order) and "new". Prints one JSON object.
Usage: ``.venv/bin/python bench/sync.py [--events N] [--batch 200 500]``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import secrets
import socket
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests.sync.sync_helpers

from maya_desktop.core.settings import SETTINGS_DDL
from maya_desktop.core.sync import contract, outbox
from maya_desktop.core.sync import settings as sync_settings
from maya_desktop.core.sync.client import push_once
from maya_desktop.core.sync.receiver import serve
from tests.sync.sync_helpers import free_port, make_pki


def use_legacy_validation() -> None:
    """Before issue 17 every event went through jsonschema (no compiled fast path)."""
    contract._compiled = lambda _definition: lambda _event: False  # type: ignore[assignment]


def serve_legacy(*args: object) -> None:
    use_legacy_validation()
    serve(*args)  # type: ignore[arg-type]


def wait_listening(port: int, seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("receiver did not start")


def open_outbox(path: Path, url: str, token: str, ca_file: str) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    conn.execute(SETTINGS_DDL)
    outbox.ensure_outbox(conn)
    sync_settings.set_endpoint(conn, url)
    sync_settings.set_token(conn, token)
    sync_settings.set_ca_file(conn, ca_file)
    sync_settings.set_clinic_id(conn, "cl_bench")
    conn.commit()
    return conn


def queue_events(conn: sqlcipher3.Connection, n: int) -> None:
    """`n` order events, both services and every status in turn (not committed)."""
    for i in range(n):
        outbox.enqueue_order_event(
            conn,
            order_ref=contract.new_order_ref(),
            service=contract.SERVICES[i % 2],
            status=contract.STATUSES[i % len(contract.STATUSES)],
            day="2026-03-01",
            price_rial=150_000_000,
            turnaround_days=3,
            doctor_ref=contract.new_doctor_ref(),
            views_count=5,
        )


def fill(conn: sqlcipher3.Connection, n: int) -> float:
    start = time.perf_counter()
    queue_events(conn, n)
    conn.commit()
    return time.perf_counter() - start


@contextlib.contextmanager
def hq_receiver(folder: Path, legacy: bool = False) -> Iterator[tuple[str, str, str]]:
    """The reference receiver in its own process on 127.0.0.1, with a fresh trustme CA.

    Yields (url, token, ca_file); the process is stopped on exit."""
    pki = make_pki(folder)
    token, port = secrets.token_urlsafe(32), free_port()
    proc = multiprocessing.get_context("spawn").Process(
        target=serve_legacy if legacy else serve,
        args=("127.0.0.1", port, pki.cert, pki.key, str(folder / "hq.db"), token),
        daemon=True,
    )
    proc.start()
    try:
        wait_listening(port)
        yield f"https://127.0.0.1:{port}", token, pki.ca_file
    finally:
        proc.terminate()
        proc.join(5)


def run_one(folder: Path, events: int, size: int, legacy: bool) -> dict:
    name = "legacy" if legacy else "new"
    saved = contract._compiled
    if legacy:
        use_legacy_validation()
    try:
        with hq_receiver(folder / name, legacy) as (url, token, ca_file):
            conn = open_outbox(folder / name / f"maya-{size}.db", url, token, ca_file)
            if legacy:
                conn.execute("DROP INDEX sync_outbox_pending_order")
            enqueue_s = fill(conn, events)
            start = time.perf_counter()
            report = push_once(conn, batch_size=size)
            seconds = time.perf_counter() - start
            assert report.sent == events and report.pending_left == 0, report
            conn.close()
    finally:
        contract._compiled = saved  # type: ignore[assignment]
    return {
        "code": name,
        "batch_size": size,
        "events": events,
        "requests": report.requests,
        "push_seconds": round(seconds, 3),
        "events_per_s": round(events / seconds),
        "enqueue_events_per_s": round(events / enqueue_s),
    }


def run(events: int, batches: list[int]) -> dict:
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in batches:
            for legacy in (True, False):
                folder = Path(tmp) / f"{size}"
                (folder / ("legacy" if legacy else "new")).mkdir(parents=True)
                runs.append(run_one(folder, events, size, legacy))
    best = {
        code: max((r for r in runs if r["code"] == code), key=lambda r: r["events_per_s"]) for code in ("legacy", "new")
    }
    return {
        "benchmark": "sync_push_https",
        "events": events,
        "legacy_events_per_s": best["legacy"]["events_per_s"],
        "new_events_per_s": best["new"]["events_per_s"],
        "new_batch_size": best["new"]["batch_size"],
        "goal_events_per_s": 5000,
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--batch", type=int, nargs="+", default=[100, 200, 500])
    args = parser.parse_args()
    print(json.dumps(run(args.events, args.batch)))


if __name__ == "__main__":
    main()
