"""Benchmark: what anchoring the audit head outside the database costs per commit; prints JSON.

Each commit that moves the audit head rewrites the small `keyslots` file (write, fsync, rename) after
the SQLite commit (WAL, synchronous=FULL). Measured: the median time of one audited commit with the
anchor (the program as it runs) and without it (the commit hook removed), taking turns in each round so
a slow spell of the shared machine hits both alike. Uses a real demo data folder in a temp dir.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from maya_desktop.core import crypto, db
from maya_desktop.core.demo import create_demo_clinic

ROUNDS = 200


def main() -> None:
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))  # login cost is not measured
    with tempfile.TemporaryDirectory() as folder:
        session = create_demo_clinic(Path(folder) / "clinic", "Bench-Password-42!", clients=5)
        vault = session.vault
        with_anchor: list[float] = []
        without: list[float] = []
        try:
            for n in range(ROUNDS):
                for timings, hook in ((with_anchor, vault.anchor_audit_head), (without, None)):
                    db.on_commit(vault.conn, hook)
                    started = time.perf_counter()
                    session.audit("bench.commit", "", {"n": n})
                    timings.append((time.perf_counter() - started) * 1000)
        finally:
            db.on_commit(vault.conn, vault.anchor_audit_head)
            vault.close()
    median_with, median_without = statistics.median(with_anchor), statistics.median(without)
    print(
        json.dumps(
            {
                "commits": ROUNDS,
                "audited_commit_ms_without_anchor": round(median_without, 3),
                "audited_commit_ms_with_anchor": round(median_with, 3),
                "anchor_overhead_ms": round(median_with - median_without, 3),
            },
            indent=1,
        )
    )


if __name__ == "__main__":
    main()
