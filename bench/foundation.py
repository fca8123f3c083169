"""Foundation benchmarks (prints JSON): client search and cold start.

The old versions of both were unfair (search: plain SQLite on another schema, 3+ letter queries only, 50 rows
without the count; cold start: the login window only, on an empty folder). They now live in their own
scripts, which this one runs in turn:
- bench/search.py: the clients page's query (200 rows + count), 1-2 letter and longer queries, legacy /
  new / plain SQLite alternated, 1k-1M clients;
- bench/startup.py: the real start path at 100k clients vs a bare QMainWindow, paired, with peak RSS;
- bench/login.py: login at 1M clients, full check before the window vs in the background.

Run: .venv/bin/python bench/foundation.py [--sizes 1000 10000 100000] [--only search|cold_start|login]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["1000", "10000", "100000"])
    parser.add_argument("--only", choices=("search", "cold_start", "login"))
    args = parser.parse_args()
    runs = {
        "search": [str(HERE / "search.py"), "--sizes", *args.sizes],
        "cold_start": [str(HERE / "startup.py")],
        "login": [str(HERE / "login.py")],
    }
    for name, command in runs.items():
        if args.only in (None, name):
            subprocess.run([sys.executable, *command], check=True)


if __name__ == "__main__":
    main()
