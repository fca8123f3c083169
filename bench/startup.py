"""Cold start and memory at 100,000 clients (prints JSON).

Paired runs (bare, legacy, new, bare, legacy, new...), each a fresh process:
- bare: a QMainWindow shown (the floor of any PySide6 app);
- legacy / new: the real start path of the code at the issue-17 start commit (unpacked with `git archive`)
  and of this worktree: login window, the reception's login (key unwrap + database open and check),
  the main window with the clients page filled. "ready" is when the window is on screen and usable;
  the new code's background database check may still run then, and is waited for before the process
  reports its peak RSS (so memory includes it).
Each code gets its own 100k-client demo clinic built by that code (cached under /tmp/maya-bench-cache).

Run: .venv/bin/python bench/startup.py [--clients 100000] [--rounds 3] [--base 1255271]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CACHE = Path("/tmp/maya-bench-cache")
PASSWORD = "Bench-Password-123"

BUILD = r"""
import sys
from maya_desktop.core import crypto
crypto.set_default_kdf(crypto.KdfParams(iterations=1, memory_kib=1024, lanes=1))
from maya_desktop.core.demo import create_demo_clinic
from maya_desktop.core.staff import accept_agreement
from maya_desktop.core.vault import Vault
create_demo_clinic(sys.argv[1], sys.argv[2], clients=int(sys.argv[3])).vault.close()
session = Vault.open(sys.argv[1], "reception", sys.argv[2])
accept_agreement(session)
session.vault.close()
"""

BARE = r"""
import resource, sys, time
start = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.resize(1200, 800); w.show(); app.processEvents()
print("READY", time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

# The path of `maya-desktop --data-dir DIR` (gui/app.py run_app) with the login typed in.
REAL = r"""
import resource, sys, time
start = time.perf_counter()
from PySide6.QtWidgets import QApplication
from maya_desktop.core.paths import DataDir
from maya_desktop.core.prefs import load_language
from maya_desktop.gui.theme import apply_theme
from maya_desktop.gui.login import LoginDialog
app = QApplication(sys.argv)
folder = DataDir.at(sys.argv[1])
apply_theme(app, load_language(folder))
login = LoginDialog(folder.root); login.show(); app.processEvents()
login_shown = time.perf_counter() - start
login.username.setText("reception"); login.password.setText(sys.argv[2])
clicked = time.perf_counter()
login.submit()
while login.session is None:
    app.processEvents(); time.sleep(0.002)
    if login.error.text() and login.button.isEnabled():
        raise SystemExit("login failed: " + login.error.text())
session = login.session
gate = getattr(session.vault, "integrity", None)
if gate is None:
    from maya_desktop.core.orders.housekeeping import on_open
    on_open(session)
from maya_desktop.gui.main_window import MainWindow
window = MainWindow(session); window.resize(1200, 800); window.show(); app.processEvents()
ready = time.perf_counter()
if gate is not None:
    while not gate.wait(0):
        app.processEvents(); time.sleep(0.01)
    assert gate.passed
writable = time.perf_counter()
print("READY", ready - start, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, login_shown, ready - clicked,
      writable - clicked)
session.vault.close()
"""


def run(code: str, tree: Path | None, *args: str) -> list[float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    with tempfile.TemporaryDirectory() as cwd:
        out = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, cwd=cwd, check=False
        )
    # Qt may abort at interpreter exit while the main window's threads wind down: the figures are printed before.
    lines = [x for x in out.stdout.splitlines() if x.startswith("READY")]
    if not lines:
        raise RuntimeError(f"start path failed (exit {out.returncode}): {out.stderr[-500:]}")
    line = lines[0]
    return [float(x) for x in line.split()[1:]]


def clinic_for(tree: Path, name: str, clients: int) -> Path:
    root = CACHE / f"start-{name}-{clients}"
    if not (root / "maya.db").exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, PYTHONPATH=str(tree))
        with tempfile.TemporaryDirectory() as cwd:  # `-c` puts the current folder first on sys.path
            subprocess.run(
                [sys.executable, "-c", BUILD, str(root), PASSWORD, str(clients)], env=env, cwd=cwd, check=True
            )
    return root


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--base", default="1255271")
    args = parser.parse_args()
    base = Path(tempfile.gettempdir()) / f"maya-base-{args.base}"
    if not base.exists():
        base.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.base], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(base)], input=archive.stdout, check=True)
    trees = {"legacy": base, "new": REPO}
    clinics = {name: clinic_for(tree, name, args.clients) for name, tree in trees.items()}
    samples: dict[str, list[list[float]]] = {"bare": [], "legacy": [], "new": []}
    run(BARE, None)  # warm the OS file cache
    for _ in range(args.rounds):
        samples["bare"].append(run(BARE, None))
        for name, tree in trees.items():
            samples[name].append(run(REAL, tree, str(clinics[name]), PASSWORD))

    def median(name: str, index: int) -> float:
        return statistics.median(s[index] for s in samples[name])

    bare = median("bare", 0)
    result: dict = {"clients": args.clients, "rounds": args.rounds, "bare_qmainwindow_s": round(bare, 3)}
    for name in trees:
        result[name] = {
            "process_start_to_usable_window_s": round(median(name, 0), 3),
            "ratio_vs_bare": round(median(name, 0) / bare, 2),
            "login_click_to_usable_window_s": round(median(name, 3), 3),
            "login_click_to_writes_open_s": round(median(name, 4), 3),
            "peak_rss_mb_reception": round(median(name, 1) / 1024, 1),
        }
    result["bare_peak_rss_mb"] = round(median("bare", 1) / 1024, 1)
    result["note"] = "peak RSS is the process's ru_maxrss after the database check finished"
    print(json.dumps({"startup": result}, indent=1))


if __name__ == "__main__":
    main()
