"""Load benchmark for maya-hq: 50 simulated clinics push batches concurrently into a real ``maya-hq serve``
process (TLS on 127.0.0.1, PostgreSQL at 127.0.0.1:5432, database ``test``, a throw-away schema), and the
service is killed (SIGKILL, whole process group) half-way and started again; clients retry their batch
until it is acknowledged. At the end every generated event must be stored exactly once.

Prints one JSON object: ingest rate, request latency (p50/p95/p99 of acknowledged requests), retries, and
lost / duplicated counts. Baseline measured in the same run: ``contract.validate_event`` on one core in this
process (every event passes it on the server, so it bounds one worker's rate).

Usage: ``.venv/bin/python bench/hq_load.py [--events 1000000] [--clinics 50] [--workers 2] [--no-kill]``
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import http.client
import json
import os
import secrets
import signal
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import psycopg
import trustme

from maya_desktop.core.sync import contract
from maya_hq import admin, schema
from maya_hq.db import make_engine

PG_ADMIN_URL = os.environ.get("MAYA_HQ_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
STATUSES = ("draft", "photos_imported", "analyzed", "quoted", "paid", "consented", "in_review", "delivered",
            "destroyed")


def ref(prefix: str, nbytes: int) -> str:
    return prefix + base64.b32encode(secrets.token_bytes(nbytes)).decode().rstrip("=").lower()


def clinic_events(clinic_id: str, count: int) -> list[dict]:
    """Whole order lifecycles (valid by construction; the server checks every one) plus an audit anchor
    every 100 events."""
    workstation, out, day0 = ref("ws_", 10), [], dt.date(2026, 9, 1)
    seq = 0
    while len(out) < count:
        order_ref, doctor = ref("o_", 16), ref("d_", 16)
        start = day0 + dt.timedelta(days=secrets.randbelow(90))
        for i, status in enumerate(STATUSES):
            if len(out) >= count:
                break
            if len(out) % 100 == 99:
                seq += 100
                out.append({"event_id": str(uuid.uuid4()), "clinic_id": clinic_id, "workstation_id": workstation,
                            "type": "audit.anchor", "day": start.isoformat(), "audit_seq": seq,
                            "audit_head": secrets.token_hex(32)})
                continue
            out.append({
                "event_id": str(uuid.uuid4()), "order_ref": order_ref, "clinic_id": clinic_id,
                "workstation_id": workstation, "type": "order.state_changed", "service": "rhinoplasty_analysis",
                "status": status, "price_rial": 25_000_000 if i >= 3 else None, "turnaround_days": 3,
                "day": (start + dt.timedelta(days=i)).isoformat(), "doctor_ref": doctor if i >= 5 else None,
                "views_count": 3 if i >= 1 else 0,
            })
    return out


def baseline_validate_rate(sample: list[dict]) -> float:
    start = time.perf_counter()
    for event in sample:
        contract.validate_event(event)
    return len(sample) / (time.perf_counter() - start)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Service:
    """``maya-hq serve`` in its own process group, so that a kill takes the workers with it."""

    def __init__(self, url: str, port: int, cert: str, key: str, ca: str, workers: int) -> None:
        self.args = [sys.executable, "-m", "maya_hq", "serve", "--port", str(port), "--database-url", url,
                     "--tls-cert", cert, "--tls-key", key, "--workers", str(workers)]
        self.port, self.ca = port, ca
        self.process: subprocess.Popen | None = None

    def start(self) -> float:
        began = time.monotonic()
        self.process = subprocess.Popen(self.args, start_new_session=True, stdout=subprocess.DEVNULL)
        ctx = ssl.create_default_context(cafile=self.ca)
        while time.monotonic() - began < 120:
            try:
                conn = http.client.HTTPSConnection("127.0.0.1", self.port, context=ctx, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    conn.close()
                    return time.monotonic() - began
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("maya-hq did not start")

    def kill(self) -> None:
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(30)


class Totals:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.acked = self.accepted = self.duplicates = self.rejected = self.retries = self.throttled = 0


def push_clinic(port: int, ca: str, token: str, batches: list[bytes], sizes: list[int], totals: Totals) -> None:
    ctx = ssl.create_default_context(cafile=ca)
    conn: http.client.HTTPSConnection | None = None
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    for body, size in zip(batches, sizes, strict=True):
        while True:  # at-least-once: the same bytes again until HQ answers 200
            try:
                if conn is None:
                    conn = http.client.HTTPSConnection("127.0.0.1", port, context=ctx, timeout=60)
                began = time.perf_counter()
                conn.request("POST", "/v1/events", body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                elapsed = time.perf_counter() - began
            except (OSError, http.client.HTTPException):
                if conn is not None:
                    conn.close()
                conn = None
                with totals.lock:
                    totals.retries += 1
                time.sleep(0.2)
                continue
            if response.status == 200:
                answer = json.loads(data)
                with totals.lock:
                    totals.latencies.append(elapsed)
                    totals.acked += size
                    totals.accepted += len(answer["accepted"])
                    totals.duplicates += len(answer["duplicates"])
                    totals.rejected += len(answer["rejected"])
                break
            with totals.lock:
                totals.retries += 1
                totals.throttled += response.status == 429
            time.sleep(float(response.getheader("Retry-After") or 0.2))
    if conn is not None:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--clinics", type=int, default=50)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-kill", action="store_true", help="do not kill the service half-way")
    args = parser.parse_args()

    pg_schema = "mhq_bench_" + secrets.token_hex(4)
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {pg_schema}")
    url = PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1) + f"?options=-csearch_path%3D{pg_schema}"
    folder = Path(tempfile.mkdtemp(prefix="hq-bench-"))
    service: Service | None = None
    try:
        ca, issued = trustme.CA(), None
        issued = ca.issue_cert("127.0.0.1")
        cert, key, ca_file = folder / "cert.pem", folder / "key.pem", folder / "ca.pem"
        cert.write_bytes(b"".join(p.bytes() for p in issued.cert_chain_pems))
        issued.private_key_pem.write_to_path(str(key))
        ca.cert_pem.write_to_path(str(ca_file))

        engine = make_engine(url)
        schema.upgrade(engine)
        per_clinic = [args.events // args.clinics + (i < args.events % args.clinics) for i in range(args.clinics)]
        clinics = []
        generated = time.monotonic()
        for i, count in enumerate(per_clinic):
            clinic_id, token = admin.add_clinic(engine, f"Bench clinic {i}", clinic_id=f"cl_bench{chr(97 + i % 26)}"
                                                f"{chr(97 + i // 26)}")
            events = clinic_events(clinic_id, count)
            chunks = [events[j:j + args.batch] for j in range(0, len(events), args.batch)]
            bodies = [contract.canonical_json({"events": c}).encode("ascii") for c in chunks]
            clinics.append((token, bodies, [len(c) for c in chunks], [e["event_id"] for e in events]))
        generated = time.monotonic() - generated
        baseline = baseline_validate_rate([e for c in clinic_events("cl_baseline", 2000) for e in [c]])

        port = free_port()
        service = Service(url, port, str(cert), str(key), str(ca_file), args.workers)
        first_start = service.start()
        totals = Totals()
        threads = [threading.Thread(target=push_clinic, args=(port, str(ca_file), token, bodies, sizes, totals))
                   for token, bodies, sizes, _ids in clinics]
        began = time.monotonic()
        for t in threads:
            t.start()
        kill_at = restart_seconds = None
        if not args.no_kill:
            while totals.acked < args.events // 2 and any(t.is_alive() for t in threads):
                time.sleep(0.05)
            kill_at = time.monotonic() - began
            service.kill()
            restart_seconds = service.start()
        for t in threads:
            t.join()
        elapsed = time.monotonic() - began

        with engine.connect() as conn:
            from sqlalchemy import text

            stored, distinct = conn.execute(text("SELECT count(*), count(DISTINCT event_id) FROM events")).one()
            stored_ids = set(conn.execute(text("SELECT event_id FROM events")).scalars())
        expected = {i for *_rest, ids in clinics for i in ids}
        latencies = sorted(totals.latencies)
        pct = lambda q: round(latencies[min(len(latencies) - 1, int(q * len(latencies)))] * 1000, 1)  # noqa: E731
        print(json.dumps({
            "events": args.events, "clinics": args.clinics, "batch": args.batch, "workers": args.workers,
            "database": "postgresql (127.0.0.1, loopback)", "tls": True, "cpu_count": os.cpu_count(),
            "load_average_at_end": os.getloadavg(),
            "generate_seconds": round(generated, 1),
            "elapsed_seconds": round(elapsed, 2),
            "events_per_second": round(args.events / elapsed),
            "requests_acknowledged": len(latencies),
            "latency_ms": {"p50": pct(0.50), "p95": pct(0.95), "p99": pct(0.99),
                           "mean": round(statistics.fmean(latencies) * 1000, 1) if latencies else None},
            "killed_at_seconds": None if kill_at is None else round(kill_at, 2),
            "restart_seconds": None if restart_seconds is None else round(restart_seconds, 2),
            "first_start_seconds": round(first_start, 2),
            "retries": totals.retries, "throttled_429": totals.throttled,
            "answered_accepted": totals.accepted, "answered_duplicates": totals.duplicates,
            "answered_rejected": totals.rejected,
            "stored_rows": stored, "stored_distinct": distinct,
            "lost": len(expected - stored_ids), "unexpected": len(stored_ids - expected),
            "duplicated_rows": stored - distinct,
            "baseline_validate_event_per_second_one_core": round(baseline),
        }, indent=2))
        engine.dispose()
    finally:
        if service is not None:
            service.stop()
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {pg_schema} CASCADE")


if __name__ == "__main__":
    main()
