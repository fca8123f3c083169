"""Dashboard benchmark for maya-hq on PostgreSQL (127.0.0.1:5432, database ``test``, throw-away schemas).

Measured in one run:

- **Ingest with vs without the per-order summaries**: the first ``--small`` events (50 clinics, whole order
  lifecycles as in bench/hq_load.py) stored by ``ingest.store_batch`` from ``--threads`` threads in batches
  of 500, once into a schema where ``summaries.merge`` is switched off (the "before": events only) and once
  with it (the service as shipped). In-process, so the figure is the database side of ingest (validation,
  insert, summary upsert), without TLS and HTTP; bench/hq_load.py measures the whole service.
- **Dashboard render time at ``--small`` and ``--events`` events**: the signed-in ``GET /`` page (data,
  charts and template) through the ASGI app, with the data recomputed from every event (``before``:
  ``stats.privacy_record_from_events``, what the page did until now) and read from the summaries
  (``after``: ``stats.privacy_record``); best of ``--repeat`` loads each. Both give the same records
  (checked here too).

Usage: ``.venv/bin/python bench/hq_dashboard.py [--events 1000000] [--small 200000] [--threads 8]``
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import json
import os
import re
import secrets
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hq_load import clinic_events

from maya_hq import admin, app, ingest, schema, stats, summaries
from maya_hq.db import make_engine

PG_ADMIN_URL = os.environ.get("MAYA_HQ_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")
CLINICS = 50
BATCH = 500
TODAY = dt.date(2026, 12, 6)
PASSWORD = "bench-staff-password"  # nosec B105 - a throw-away bench login


@contextlib.contextmanager
def pg_schema() -> Iterator[str]:
    name = "mhq_bench_" + secrets.token_hex(4)
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    try:
        yield PG_ADMIN_URL.replace("postgresql://", "postgresql+psycopg://", 1) + f"?options=-csearch_path%3D{name}"
    finally:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {name} CASCADE")


def clinic_ids() -> list[str]:
    return [f"cl_bench{chr(97 + i % 26)}{chr(97 + i // 26)}" for i in range(CLINICS)]


def ingest_events(engine, total: int, threads: int) -> float:  # type: ignore[no-untyped-def]
    """Store ``total`` new events (spread over the clinics) from ``threads`` threads; returns events/s.
    Generation happens before the clock starts."""
    ids = clinic_ids()
    work = [(c, clinic_events(c, total // CLINICS + (i < total % CLINICS))) for i, c in enumerate(ids)]
    batches = [(c, events[j:j + BATCH]) for c, events in work for j in range(0, len(events), BATCH)]
    cursor, lock = iter(batches), threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                item = next(cursor, None)
            if item is None:
                return
            answer = ingest.store_batch(engine, item[0], item[1])
            assert len(answer["accepted"]) == len(item[1]), answer["rejected"][:3]

    began = time.perf_counter()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    return total / (time.perf_counter() - began)


@contextlib.contextmanager
def summaries_switched_off() -> Iterator[None]:
    original = summaries.merge
    summaries.merge = lambda conn, new_events: None  # type: ignore[assignment]
    try:
        yield
    finally:
        summaries.merge = original  # type: ignore[assignment]


def signed_in_client(url: str):  # type: ignore[no-untyped-def]
    from starlette.testclient import TestClient

    client = TestClient(app.create_app(app.HqSettings(database_url=url, today=lambda: TODAY)),
                        base_url="https://testserver")
    hq = client.app.state.hq  # type: ignore[attr-defined]
    with contextlib.suppress(admin.ValidationError):  # the second measurement signs in again
        admin.add_staff(hq.engine, "bench", PASSWORD)
    csrf = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text).group(1)
    assert client.post("/login", data={"csrf": csrf, "username": "bench", "password": PASSWORD},
                       follow_redirects=False).status_code == 303
    return client


def page_seconds(client, source, repeat: int) -> float:  # type: ignore[no-untyped-def]
    """Best of ``repeat`` dashboard loads with the page's data from ``source``."""
    original, best = app.privacy_record, float("inf")
    app.privacy_record = source
    try:
        for _ in range(repeat):
            began = time.perf_counter()
            page = client.get("/?lang=en")
            best = min(best, time.perf_counter() - began)
            assert page.status_code == 200 and "<svg" in page.text
    finally:
        app.privacy_record = original
    return best


def dashboard_figures(url: str, engine, repeat: int) -> dict:  # type: ignore[no-untyped-def]
    same = [dataclasses.asdict(r) for r in stats.privacy_record(engine, TODAY)] == [
        dataclasses.asdict(r) for r in stats.privacy_record_from_events(engine, TODAY)]
    client = signed_in_client(url)
    with client:
        before = page_seconds(client, stats.privacy_record_from_events, repeat)
        after = page_seconds(client, stats.privacy_record, repeat)
    client.app.state.hq.engine.dispose()  # type: ignore[attr-defined]
    with engine.connect() as conn:
        from sqlalchemy import text

        orders = conn.execute(text("SELECT count(*) FROM order_summaries")).scalar_one()
    return {"orders": orders, "before_recompute_seconds": round(before, 3), "after_summaries_seconds": round(after, 3),
            "speedup": round(before / after, 1), "same_records": same}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--small", type=int, default=200_000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    result: dict = {"database": "postgresql (127.0.0.1, loopback)", "clinics": CLINICS, "batch": BATCH,
                    "threads": args.threads, "cpu_count": os.cpu_count()}

    with pg_schema() as url:  # before: events only
        engine = make_engine(url)
        schema.upgrade(engine)
        for c in clinic_ids():
            admin.add_clinic(engine, c, clinic_id=c)
        with summaries_switched_off():
            without = ingest_events(engine, args.small, args.threads)
        engine.dispose()

    with pg_schema() as url:  # after: the service as shipped
        engine = make_engine(url)
        schema.upgrade(engine)
        for c in clinic_ids():
            admin.add_clinic(engine, c, clinic_id=c)
        with_summaries = ingest_events(engine, args.small, args.threads)
        result["ingest_events_per_second"] = {
            "events": args.small, "without_summaries": round(without), "with_summaries": round(with_summaries),
            "cost_percent": round(100 * (1 - with_summaries / without), 1)}
        result["dashboard"] = {str(args.small): dashboard_figures(url, engine, args.repeat)}
        began = time.perf_counter()
        rest = ingest_events(engine, args.events - args.small, args.threads)
        result["ingest_events_per_second"]["with_summaries_up_to_full_size"] = round(rest)
        result["seconds_to_reach_full_size"] = round(time.perf_counter() - began, 1)
        result["dashboard"][str(args.events)] = dashboard_figures(url, engine, args.repeat)
        engine.dispose()
    result["load_average_at_end"] = os.getloadavg()
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
