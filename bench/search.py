"""Client type-ahead benchmark at 1k / 10k / 100k / 1M clients (prints JSON).

Fair by construction:
- the query the clients page runs: `search_clients(limit=200)` + `count_clients`;
- 1- and 2-character queries as well as longer ones (reported apart: they take different paths);
- samples alternate: legacy SQL (today's `search_query` before issue 17, copied below) on the encrypted DB,
  the current SQL on the encrypted DB, and the current SQL on a plain SQLite copy made with
  `sqlcipher_export` (exactly today's schema and data, no encryption);
- the generated clinics are cached under /tmp/maya-bench-cache (never in the repository): a 1M build takes
  minutes; a cached clinic is migrated on open, so a schema change is picked up.

Run: .venv/bin/python bench/search.py [--sizes 1000 10000 100000 1000000] [--rounds 10]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import sqlcipher3

from maya_desktop.core import crypto, db
from maya_desktop.core.clients import _normalise_query, count_clients, scan_query, search_query
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.short_search import SHORT_QUERY_MAX
from maya_desktop.core.vault import Vault

CACHE = Path("/tmp/maya-bench-cache")
PASSWORD = "Bench-Password-123"
SHORT = ["ر", "م", "a", "9", "ژ", "۷", "مر", "ی ", "zh", "09", "۳۴", "ah"]
LONG = ["مریم", "احمد", "۰۹۱۲۳", "9351", "client77", "example", "زهرا کریمی", "nomatch-xyz", "+98936", "رضا"]
LIMIT = 200  # what gui/clients_page.py asks for


def legacy_search_query(text: str, limit: int) -> tuple[str, tuple]:  # type: ignore[type-arg]
    """The type-ahead SQL as it was before issue 17 (baseline): 1-2 character queries read every client."""
    query = _normalise_query(text)
    if query and len(query) <= SHORT_QUERY_MAX:
        return scan_query(query, limit)
    return search_query(text, limit)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def cached_clinic(count: int) -> tuple[Path, float | None]:
    """The cached demo clinic folder for `count` clients (built when missing); build seconds or None."""
    root = CACHE / f"clinic-{count}"
    if (root / "maya.db").exists():
        return root, None
    CACHE.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    create_demo_clinic(root, PASSWORD, clients=count).vault.close()
    return root, time.perf_counter() - start


def connect_plain(path: Path) -> db.Connection:
    """sqlcipher3 without a key is plain SQLite of the same version, with the same pragmas as core.db."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    for pragma in ("temp_store = MEMORY", "cache_size = -65536", "journal_mode = WAL"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def plain_copy(session, count: int) -> db.Connection:  # type: ignore[no-untyped-def]
    """A plaintext SQLite export of the (synthetic) clinic DB at the same schema version; cached too."""
    path = CACHE / f"plain-{count}.db"
    version = session.conn.execute("PRAGMA user_version").fetchone()[0]
    if path.exists():
        conn = connect_plain(path)
        if conn.execute("PRAGMA user_version").fetchone()[0] == version:
            return conn
        conn.close()
        path.unlink()
    session.conn.execute(f"ATTACH DATABASE '{path}' AS plain KEY ''")
    session.conn.execute("SELECT sqlcipher_export('plain')")
    session.conn.execute(f"PRAGMA plain.user_version = {version}")
    session.conn.execute("DETACH DATABASE plain")
    return connect_plain(path)


def bench_size(count: int, rounds: int) -> dict:
    root, build_s = cached_clinic(count)
    start = time.perf_counter()
    session = Vault.open(root, "admin", PASSWORD, verify="quick")
    open_s = time.perf_counter() - start
    plain = plain_copy(session, count)
    conn = session.conn

    def page(connection: db.Connection, make_sql, text: str) -> None:  # type: ignore[no-untyped-def]
        connection.execute(*make_sql(text, LIMIT)).fetchall()
        connection.execute("SELECT count(*) FROM clients").fetchone()

    runs = {
        "legacy_encrypted": (conn, legacy_search_query),
        "new_encrypted": (conn, search_query),
        "new_plain": (plain, search_query),
    }
    samples: dict[str, dict[str, list[float]]] = {name: {"short": [], "long": []} for name in runs}
    for text in SHORT + LONG:  # warm the page caches, as after a few keystrokes
        for connection, make_sql in runs.values():
            page(connection, make_sql, text)
    for _ in range(rounds):
        for kind, queries in (("short", SHORT), ("long", LONG)):
            for text in queries:
                for name, (connection, make_sql) in runs.items():  # alternate, sample by sample
                    t = time.perf_counter()
                    page(connection, make_sql, text)
                    samples[name][kind].append((time.perf_counter() - t) * 1000)
    assert count_clients(session) == count
    plain.close()
    session.vault.close()
    result: dict = {
        "clients": count,
        "build_s": round(build_s, 1) if build_s else "cached",
        "login_quick_s": round(open_s, 2),
    }
    for name, kinds in samples.items():
        for kind, values in kinds.items():
            result[f"{name}_{kind}_p50_ms"] = round(percentile(values, 0.5), 2)
            result[f"{name}_{kind}_p95_ms"] = round(percentile(values, 0.95), 2)
    for kind in ("short", "long"):
        result[f"ratio_new_vs_plain_{kind}_p95"] = round(
            result[f"new_encrypted_{kind}_p95_ms"] / max(result[f"new_plain_{kind}_p95_ms"], 0.01), 2
        )
    result["goal"] = "1-2 letter p95 < 50 ms at 1M (page query: 200 rows + count)"
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 100_000])
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()
    crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))  # logins are not measured
    print(json.dumps({"search": [bench_size(n, args.rounds) for n in args.sizes]}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
