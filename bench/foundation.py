"""Foundation benchmarks (prints JSON).

1. Client type-ahead search over 100,000 demo clients in SQLCipher: p50/p95 latency, and the ratio to the
   same schema and query in plain SQLite.
2. Cold start to the login window vs a bare PySide6 window (separate processes, median of 5).

Run: .venv/bin/python bench/foundation.py [--clients 100000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3

from maya_desktop.core import crypto
from maya_desktop.core.clients import _search_text, search_clients
from maya_desktop.core.demo import create_demo_clinic, synthetic_clients

QUERIES = ["مریم", "احمد", "۰۹۱۲۳", "9351", "client77", "example", "زهرا کریمی", "nomatch-xyz", "+98936", "رضا"]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def bench_search(count: int) -> dict:
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        session = create_demo_clinic(Path(tmp) / "clinic", "Bench-Password-123", clients=count)
        build_s = time.perf_counter() - t0
        for q in QUERIES:  # warm the page cache, as after a few keystrokes
            search_clients(session, q)
        times = []
        for _ in range(20):
            for q in QUERIES:
                t = time.perf_counter()
                search_clients(session, q)
                times.append((time.perf_counter() - t) * 1000)
        session.vault.close()

        # Same schema (tables, trigram index, triggers) and the same SQL, in plain SQLite.
        from maya_desktop.core.clients import search_query
        from maya_desktop.core.migrations import CLIENT_SEARCH_DDL, CORE_DDL, split_statements

        # sqlcipher3 without a key is plain SQLite of the same version (the stdlib's may lack FTS5 options).
        plain = sqlcipher3.connect(str(Path(tmp) / "plain.db"), isolation_level=None)
        plain.execute("PRAGMA journal_mode=WAL")
        plain.execute("PRAGMA cache_size=-65536")
        for statement in split_statements(CORE_DDL + CLIENT_SEARCH_DDL):
            plain.execute(statement)
        plain.execute("BEGIN")
        plain.executemany(
            "INSERT INTO clients VALUES (NULL, ?, ?, ?, ?, ?, NULL, ?, 'x', 'x')",
            ((f, la, m, e, int(mk), _search_text(f, la, m, e)) for f, la, m, e, mk in synthetic_clients(count)),
        )
        plain.execute("COMMIT")

        def plain_search(text: str) -> list:
            return plain.execute(*search_query(text, 50)).fetchall()

        for q in QUERIES:
            plain_search(q)
        plain_times = []
        for _ in range(20):
            for q in QUERIES:
                t = time.perf_counter()
                plain_search(q)
                plain_times.append((time.perf_counter() - t) * 1000)
        plain.close()
    p95, plain_p95 = percentile(times, 0.95), percentile(plain_times, 0.95)
    return {
        "clients": count,
        "demo_build_s": round(build_s, 2),
        "search_p50_ms": round(percentile(times, 0.5), 2),
        "search_p95_ms": round(p95, 2),
        "plain_sqlite_p95_ms": round(plain_p95, 2),
        "ratio_p95_vs_plain_sqlite": round(p95 / plain_p95, 2),
        "goal": "p95 < 30 ms, ratio <= 1.5",
    }


BARE = """
import sys, time
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.show(); app.processEvents()
print("READY")
"""

# The same path as `maya-desktop --data-dir DIR` up to the login window on screen.
LOGIN = """
import sys
from maya_desktop.cli import _base_parser
args, _rest = _base_parser().parse_known_args(["--data-dir", sys.argv[1]])
from PySide6.QtWidgets import QApplication
from maya_desktop.core.paths import DataDir
from maya_desktop.core.prefs import load_language
from maya_desktop.gui.theme import apply_theme
from maya_desktop.gui.login import LoginDialog
app = QApplication(sys.argv)
folder = DataDir.at(args.data_dir)
apply_theme(app, load_language(folder))
d = LoginDialog(folder.root); d.show(); app.processEvents()
print("READY")
"""


def time_process(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True)
    assert "READY" in out.stdout
    return time.perf_counter() - t


def bench_cold_start() -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        time_process(BARE)  # warm the OS file cache for both
        time_process(LOGIN, tmp)
        bare = statistics.median(time_process(BARE) for _ in range(5))
        login = statistics.median(time_process(LOGIN, tmp) for _ in range(5))
    return {
        "bare_pyside6_window_s": round(bare, 3),
        "login_window_s": round(login, 3),
        "ratio": round(login / bare, 2),
        "goal": "ratio <= 2",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--only", choices=("search", "cold_start"))
    args = parser.parse_args()
    result = {}
    if args.only in (None, "search"):
        result["search"] = bench_search(args.clients)
    if args.only in (None, "cold_start"):
        result["cold_start"] = bench_cold_start()
    print(json.dumps(result, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
