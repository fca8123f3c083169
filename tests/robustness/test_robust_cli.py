"""The backup / restore / self-check commands (exit codes, messages in fa + en, nothing personal printed)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from robust_helpers import PASSWORD

from maya_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]


def test_backup_and_restore_commands(demo, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    names = [r[0] for r in demo.conn.execute("SELECT last_name FROM clients")]
    demo.vault.close()
    out = tmp_path / "b.mayabak"
    assert main(["backup", "--data-dir", str(data_dir), "--password", PASSWORD, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    code = re.search(r"^  ([A-Z2-7]{4}(?:-[A-Z2-7]{4}){13})$", printed, re.M)
    assert code and "admin" in printed and not any(n in printed for n in names)

    bad = tmp_path / "bad.mayabak"
    bad.write_bytes(out.read_bytes()[:-100])
    target = tmp_path / "restored"
    assert main(["restore", "--in", str(bad), "--data-dir", str(target), "--recovery-code", code.group(1)]) == 2
    err = capsys.readouterr().err
    assert "altered or is incomplete" in err and "دستکاری" in err and not target.exists()

    assert main(["restore", "--in", str(out), "--data-dir", str(target), "--recovery-code", code.group(1)]) == 0
    assert "20 client(s)" in capsys.readouterr().out
    target2 = tmp_path / "restored2"
    args = ["restore", "--in", str(out), "--data-dir", str(target2), "--username", "admin", "--password", PASSWORD]
    assert main(args) == 0
    assert main(["audit", "verify", "--data-dir", str(target), "--password", PASSWORD]) == 0


@pytest.mark.slow
def test_self_check_reports_json(demo, data_dir: Path) -> None:
    demo.vault.close()
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run(
        [sys.executable, "-m", "maya_desktop", "self-check", "--data-dir", str(data_dir), "--password", PASSWORD],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(proc.stdout)
    assert report["ok"] and report["records"]["clients"] == 20 and report["audit"]["ok"]
    assert report["qt"]["platform"] == "offscreen" and report["face_models"]["ok"]
    assert report["phone_numbers"] == {"ok": True, "seconds": report["phone_numbers"]["seconds"], "iran_mobile": True}
    wrong = subprocess.run(
        [sys.executable, "-m", "maya_desktop", "self-check", "--data-dir", str(data_dir), "--password", "nope"],
        capture_output=True,
        text=True,
        env={**env, "PYTHONPATH": str(REPO)},
        timeout=120,
        check=False,
    )
    assert wrong.returncode == 2 and json.loads(wrong.stdout)["data_folder"]["ok"] is False
