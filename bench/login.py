"""Login time on a large clinic: the full check before the window vs the check in the background (JSON).

Uses the cached demo clinics of bench/search.py (/tmp/maya-bench-cache). Alternates the two modes:
- legacy: `Vault.open(verify="full")` (every page checked before the session exists);
- new: `Vault.open(verify="background")` until the session is usable for reading (window can open), and
  separately until the background check has passed (writes open).
Run: .venv/bin/python bench/login.py [--clients 1000000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from search import PASSWORD, cached_clinic

from maya_desktop.core import crypto
from maya_desktop.core.clients import count_clients, search_clients
from maya_desktop.core.vault import Vault


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))  # the KDF is not measured
    root, _ = cached_clinic(args.clients)
    Vault.open(root, "admin", PASSWORD).vault.close()  # migrate a cached clinic first; warms the file cache
    legacy, usable, writable = [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        session = Vault.open(root, "admin", PASSWORD, verify="full")
        search_clients(session, "", limit=200)
        count_clients(session)
        legacy.append(time.perf_counter() - start)
        session.vault.close()

        start = time.perf_counter()
        session = Vault.open(root, "admin", PASSWORD, verify="background")
        search_clients(session, "", limit=200)  # what the clients page shows first
        count_clients(session)
        usable.append(time.perf_counter() - start)
        gate = session.vault.integrity
        assert gate is not None and gate.wait(600) and gate.passed
        writable.append(time.perf_counter() - start)
        session.vault.close()
    print(
        json.dumps(
            {
                "login": {
                    "clients": args.clients,
                    "legacy_full_check_to_first_page_s": round(statistics.median(legacy), 2),
                    "new_background_to_first_page_s": round(statistics.median(usable), 2),
                    "new_background_until_writes_open_s": round(statistics.median(writable), 2),
                    "goal": "<= 2 s to a usable window at 1M clients, integrity still checked",
                    "rounds": args.rounds,
                }
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
