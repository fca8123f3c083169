"""The clinic network under load (issue 14): 10 workstations against one vault host on loopback (prints JSON).

A real host process (`maya-desktop serve`, mutual TLS) and 10 workstation processes, each paired with its own
certificate and signed in: 6 reception desks (client search 70 %, order status 20 %, keep a draft 10 %, a
write done exactly once) and 4 doctor's rooms (case list 50 %, order status 30 %, open a case with its
phone-size photos 20 %), each with a think time of 50-250 ms, for `--seconds` (60 by default).
Reported: p50/p95/max per operation, photo transfer in MB/s (per case opened: bytes of decrypted photos /
its time; under the load, and for one workstation alone afterwards), errors. Baseline in the same run: the
same operations on the same vault embedded (the single-PC mode: core.operations executor in this process,
no network), so the network's own cost is visible.

Run: PYTHONPATH=. .venv/bin/python bench/clinic_network.py [--seconds 60] [--stations 10]
Goals (issue 14): p95 < 100 ms for every operation but photo transfer, photos >= 50 MB/s, zero errors.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "Bench-Password-123"
SEARCHES = ["مریم", "احمد", "۰۹۱۲", "client1", "example", "زهرا", "nomatch-xyz", "رضا", "9", "ak"]


def build_clinic(root: Path, orders: int) -> tuple[list[int], int]:
    from maya_desktop.core import crypto
    from maya_desktop.core.demo import create_demo_clinic
    from maya_desktop.core.orders.states import Status
    from maya_desktop.core.staff import accept_agreement
    from maya_desktop.core.vault import Vault
    from tests.factories import walk_order
    from tests.phone_photos import phone_photo, srgb_icc

    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))  # sign-in cost is not measured
    create_demo_clinic(root, PASSWORD, clients=500).vault.close()
    reception = Vault.open(root, "reception", PASSWORD)
    doctor = Vault.open(root, "doctor", PASSWORD)
    accept_agreement(doctor)
    photos = [phone_photo(ROOT / "tests" / "photos" / name, icc=srgb_icc()) for name in ("obama.jpg", "biden.jpg")]
    clients = [int(r[0]) for r in reception.conn.execute("SELECT id FROM clients ORDER BY id LIMIT ?", (orders,))]
    made = [walk_order(reception, doctor, cid, Status.CONSENTED, photos) for cid in clients]
    doctor_id = doctor.staff.id
    reception.vault.close()
    doctor.vault.close()
    return made, doctor_id


def station(args: tuple[str, str, str, list[int], float, int]) -> dict[str, Any]:
    """One workstation process: sign in, then the role's mix until the deadline."""
    folder, role, user, orders, until, seed = args
    sys.path.insert(0, str(ROOT))
    from maya_desktop.core.errors import MayaError
    from maya_desktop.core.operations.catalogue import KeepDraft
    from maya_desktop.core.operations.clients import SearchClients
    from maya_desktop.network.client import HostClient
    from tests.network import wire_ops

    rng = random.Random(seed)
    client = HostClient(Path(folder))
    client.sign_in(user, PASSWORD)
    times: dict[str, list[float]] = {}
    photo: list[tuple[int, float]] = []
    errors: list[str] = []
    while time.time() < until:
        pick = rng.random()
        if role == "reception":
            if pick < 0.7:
                name, request = "clients.search", SearchClients(rng.choice(SEARCHES), 200)
            elif pick < 0.9:
                name, request = "nettest.order_status", wire_ops.OrderRef(rng.choice(orders))
            else:
                name, request = "drafts.keep", KeepDraft("form", f"client:{rng.randrange(50)}", {"notes": "x" * 200})
        elif pick < 0.5:
            name, request = "nettest.cases", None
        elif pick < 0.8:
            name, request = "nettest.order_status", wire_ops.OrderRef(rng.choice(orders))
        else:
            name, request = "nettest.case_photos", wire_ops.OrderRef(rng.choice(orders))
        started = time.perf_counter()
        try:
            result = client.call(name, request)
        except MayaError as exc:
            errors.append(f"{name}: {exc.code or type(exc).__name__}")
            continue
        took = time.perf_counter() - started
        times.setdefault(name, []).append(took)
        if name == "nettest.case_photos":
            photo.append((sum(len(p) for p in result.photos), took))
        time.sleep(rng.uniform(0.05, 0.25))
    client.sign_out()
    return {"times": times, "photo": photo, "errors": errors}


def embedded_baseline(root: Path, orders: list[int], seconds: float) -> dict[str, list[float]]:
    """The same operations, single-PC mode: this process's executor on the same vault (no network)."""
    from maya_desktop.core.operations import OperationExecutor
    from maya_desktop.core.operations.catalogue import KeepDraft
    from maya_desktop.core.operations.clients import SearchClients
    from maya_desktop.core.vault import Vault
    from tests.network import wire_ops

    times: dict[str, list[float]] = {}
    rng = random.Random(1)
    for user, ops in (
        (
            "reception",
            lambda: [
                ("clients.search", SearchClients(rng.choice(SEARCHES), 200)),
                ("nettest.order_status", wire_ops.OrderRef(rng.choice(orders))),
                ("drafts.keep", KeepDraft("form", "client:1", {"notes": "x" * 200})),
            ],
        ),
        ("doctor", lambda: [("nettest.cases", None), ("nettest.case_photos", wire_ops.OrderRef(rng.choice(orders)))]),
    ):
        session = Vault.open(root, user, PASSWORD)
        executor = OperationExecutor(session)
        until = time.time() + seconds / 2
        while time.time() < until:
            for name, request in ops():
                started = time.perf_counter()
                executor.call(name, request)
                times.setdefault(name, []).append(time.perf_counter() - started)
        executor.shutdown()
        session.vault.close()
    return times


def photo_alone(folder: Path, orders: list[int], rounds: int = 12) -> dict[str, float]:
    """One doctor's workstation opening cases with nobody else working: what the transport itself carries."""
    from maya_desktop.network.client import HostClient
    from tests.network import wire_ops

    client = HostClient(folder)
    client.sign_in("doctor", PASSWORD)
    rates = []
    for index in range(rounds):
        started = time.perf_counter()
        result = client.call("nettest.case_photos", wire_ops.OrderRef(orders[index % len(orders)]))
        rates.append(sum(len(p) for p in result.photos) / (time.perf_counter() - started) / 1e6)
    client.sign_out()
    return {"mb_per_s_median": round(statistics.median(rates), 1), "mb_per_s_min": round(min(rates), 1)}


def summary(samples: list[float]) -> dict[str, float | int]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(p95 * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--stations", type=int, default=10)
    parser.add_argument("--orders", type=int, default=4)
    options = parser.parse_args()
    from maya_desktop.network.client import pair
    from maya_desktop.network.pki import HostPki
    from maya_desktop.network.registry import Registry, folder_of
    from tests.network.conftest import HostProcess

    work = Path(tempfile.mkdtemp(prefix="maya-bench-net-"))
    root = work / "host-data"
    orders, _doctor = build_clinic(root, options.orders)
    host = HostProcess(root, work / "host.log")
    HostPki(folder_of(root)).ensure()
    registry = Registry(folder_of(root))
    host.start("--unseal-user", "admin", "--password", PASSWORD)
    try:
        jobs = []
        for index in range(options.stations):
            folder = work / f"ws-{index}"
            pair(host.address, registry.new_pairing_code(f"station-{index}", "admin"), folder)
            role = "doctor" if index % 5 in (0, 3) else "reception"  # 4 of 10 (the first is a doctor)
            jobs.append((str(folder), role, role, orders, 0.0, index))
        until = time.time() + 3 + options.seconds  # all start together
        jobs = [(f, r, u, o, until, s) for f, r, u, o, _u, s in jobs]
        with multiprocessing.get_context("spawn").Pool(len(jobs)) as pool:
            results = pool.map(station, jobs)
        alone = photo_alone(work / "ws-0", orders)
    finally:
        host.stop()
    baseline = embedded_baseline(root, orders, min(20.0, options.seconds / 3))
    merged: dict[str, list[float]] = {}
    for result in results:
        for name, samples in result["times"].items():
            merged.setdefault(name, []).extend(samples)
    photos = [(size, took) for result in results for size, took in result["photo"]]
    rates = [size / took / 1e6 for size, took in photos]
    errors = [error for result in results for error in result["errors"]]
    network = {name: summary(samples) for name, samples in sorted(merged.items())}
    report = {
        "stations": options.stations,
        "seconds": options.seconds,
        "network": network,
        "embedded_baseline": {name: summary(samples) for name, samples in sorted(baseline.items())},
        "photo_transfer": {
            "cases_opened": len(photos),
            "mb_per_case": round(statistics.mean(size for size, _ in photos) / 1e6, 2) if photos else 0,
            "mb_per_s_median": round(statistics.median(rates), 1) if rates else 0,
            "mb_per_s_p5": round(sorted(rates)[int(len(rates) * 0.05)], 1) if rates else 0,
        },
        "photo_transfer_alone": alone,
        "errors": len(errors),
        "error_kinds": sorted(set(errors)),
        "p95_goal_met": all(v["p95_ms"] < 100 for k, v in network.items() if k != "nettest.case_photos"),
        "photo_goal_met": bool(rates) and statistics.median(rates) >= 50,
    }
    print(json.dumps(report, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
