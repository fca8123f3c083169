"""scripts/start.sh installs only when .venv is missing or pyproject.toml changed; later starts need no network.

The scripts run for real (bash) on a copy of the project's scripts and pyproject.toml beside a stand-in .venv
whose `python` records every call and fails `-m pip` on demand (a PC with the network cut), and whose
`maya-desktop` only says it started.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.skipif(sys.platform == "win32" or shutil.which("bash") is None, reason="bash scripts")

FAKE_PYTHON = f"""#!/bin/sh
echo "$*" >> "$MAYA_CALLS"
if [ "$1" = "-m" ] && [ "$2" = "pip" ]; then
  if [ -n "$PIP_CUT" ]; then echo "ERROR: Failed to build: no network" >&2; exit 1; fi
  exit 0
fi
if [ "$1" = "-m" ] && [ "$2" = "maya_desktop.system_check" ]; then exit 0; fi
exec {sys.executable} "$@"
"""


def make_project(root: Path) -> Path:
    (root / "scripts").mkdir(parents=True)
    for name in ("setup.sh", "start.sh"):
        shutil.copy(REPO / "scripts" / name, root / "scripts" / name)
    shutil.copy(REPO / "pyproject.toml", root / "pyproject.toml")
    bin_dir = root / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "python").write_text(FAKE_PYTHON)
    (bin_dir / "maya-desktop").write_text('#!/bin/sh\necho "started $*"\n')
    for exe in bin_dir.iterdir():
        exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return root


def start(root: Path, calls: Path, *, network: bool) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, MAYA_CALLS=str(calls))
    env.pop("PIP_CUT", None)
    if not network:
        env["PIP_CUT"] = "1"
    return subprocess.run(
        ["bash", str(root / "scripts" / "start.sh"), "--data-dir", "D"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def pip_calls(calls: Path) -> list[str]:
    """The pip calls that reach the network (the local `pip uninstall` of the old sqlcipher3-binary does not)."""
    if not calls.exists():
        return []
    return [ln for ln in calls.read_text().splitlines() if ln.startswith("-m pip") and " uninstall " not in ln]


def test_second_start_needs_no_network_until_dependencies_change(tmp_path: Path) -> None:
    root = make_project(tmp_path / "maya")
    calls = tmp_path / "calls.txt"

    first = start(root, calls, network=True)
    assert first.returncode == 0 and "started --data-dir D" in first.stdout, first.stderr
    assert len(pip_calls(calls)) == 2  # pip upgrade + the project install
    assert (root / ".venv" / ".maya-install-stamp").is_file()

    calls.unlink()
    offline = start(root, calls, network=False)
    assert offline.returncode == 0 and "started --data-dir D" in offline.stdout, offline.stderr
    assert pip_calls(calls) == []

    with (root / "pyproject.toml").open("a") as f:
        f.write("\n# a new dependency would change this file\n")
    changed = start(root, calls, network=False)  # dependencies changed and no network: a clear failure
    assert changed.returncode != 0 and "no network" in changed.stderr and "started" not in changed.stdout
    assert len(pip_calls(calls)) == 1
    assert not (root / ".venv" / ".maya-install-stamp").exists()  # the next start tries again

    calls.unlink()
    again = start(root, calls, network=True)
    assert again.returncode == 0 and len(pip_calls(calls)) == 2
    calls.unlink()
    assert start(root, calls, network=False).returncode == 0 and pip_calls(calls) == []


def test_this_checkout_starts_with_the_package_index_unreachable() -> None:
    """The real .venv: when scripts/setup.sh installed it (scripts/test.sh does), `start.sh --version` works
    with every package index unreachable."""
    stamp = REPO / ".venv" / ".maya-install-stamp"
    if not stamp.is_file():
        pytest.skip("this .venv was not installed by scripts/setup.sh (no install stamp)")
    env = dict(
        os.environ,
        PIP_CONFIG_FILE=os.devnull,
        PIP_INDEX_URL="http://127.0.0.1:9/simple",
        PIP_FIND_LINKS="",
        PIP_RETRIES="0",
        PIP_TIMEOUT="2",
    )
    proc = subprocess.run(
        ["bash", str(REPO / "scripts" / "start.sh"), "--version"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    if proc.returncode != 0 and "Failed" in proc.stderr:
        pytest.fail("start.sh called pip although .venv is installed: " + proc.stderr[-1000:])
    assert proc.returncode == 0 and proc.stdout.startswith("maya-desktop "), proc.stderr[-1000:]
